package app

import (
	"encoding/json"
	"fmt"
	"math"

	"digittrainer/lesson"
	"digittrainer/platform"
	"digittrainer/render"
	"digittrainer/session"
	"digittrainer/tour"
)

// Status is the JSON the page publishes as window.digitTrainer.status():
// the session's part (session.Status) and the screen's. Its fields are the
// contract with the end-to-end tests in e2e/ and are described in the
// README.
type Status struct {
	session.Status
	Frame         int                   `json:"frame"`  // ticks (Updates): input is read once a tick
	Draws         int                   `json:"draws"`  // frames shown (Draw calls): the frame rate's unit
	Paints        int                   `json:"paints"` // frames that were painted anew (redraw.go)
	FPS           float64               `json:"fps"`
	SamplesPerSec float64               `json:"samplesPerSec"`
	TrainShare    float64               `json:"trainShare"` // Scheduler.Share
	FollowMs      float64               `json:"followMs"`   // Scheduler.Follow
	DrawnModel    string                `json:"drawnModel"` // modelHash of the network as drawn: it lags training by up to followMs
	Tab           string                `json:"tab"`        // the tab shown on a phone; "" elsewhere
	Autosave      string                `json:"autosave"`   // "on", "off" (another tab autosaves) or "failed"
	Tour          TourStatus            `json:"tour"`
	Help          HelpStatus            `json:"help"`
	Rects         map[string][4]float64 `json:"rects"`     // CSS pixels: the grid and every control by name
	Similar       *SimilarStatus        `json:"similar"`   // the similar drawings shown (V), or null
	ShareLink     string                `json:"shareLink"` // the lesson link of where the session is now: the full address
	Teacher       lesson.Teacher        `json:"teacher"`   // the options of the lesson link opened
}

// SimilarStatus is what the similar-drawings view lists: dataset indices,
// nearest first.
type SimilarStatus struct {
	ByPixels []int `json:"byPixels"`
	ByVector []int `json:"byVector"`
}

// TourStatus and HelpStatus are the nested objects of Status.
type TourStatus struct {
	Active bool   `json:"active"`
	Step   int    `json:"step"`
	Steps  int    `json:"steps"`
	Title  string `json:"title"`
}
type HelpStatus struct {
	Open     bool        `json:"open"`
	ID       tour.CardID `json:"id"`       // the help card open, "" for none or a question
	Question bool        `json:"question"` // a question waits for an answer
	Asking   string      `json:"asking"`   // its title
	Choices  []string    `json:"choices"`  // its buttons, Cancel last
}

// publish hands this tick's status to the page, and the spoken summary.
func (g *Game) publish() {
	b, err := json.Marshal(g.Status())
	if err != nil {
		b = []byte(fmt.Sprintf(`{"error":%q}`, err.Error()))
	}
	platform.SetStatus(string(b), g.s.Summary(g.measured))
}

// Status builds the status of this tick.
func (g *Game) Status() Status {
	st := Status{
		Status: g.s.Status(g.measured),
		Frame:  g.frame, Draws: g.draws, Paints: g.sched.Paints, FPS: session.Finite(g.fps), SamplesPerSec: session.Finite(g.sched.Rate),
		TrainShare: g.sched.Share, FollowMs: float64(g.sched.Follow.Milliseconds()),
		Tour: g.tour.status(), Help: g.modal.status(), Rects: map[string][4]float64{},
	}
	if g.lay.Tabbed {
		st.Tab = g.tab.Title()
	}
	st.ShareLink, st.Teacher = g.shareLink(), g.s.Teacher()
	if g.inspector.similar {
		ink, vec := g.s.Similar()
		st.Similar = &SimilarStatus{}
		for _, m := range ink {
			st.Similar.ByPixels = append(st.Similar.ByPixels, m.Index)
		}
		for _, m := range vec {
			st.Similar.ByVector = append(st.Similar.ByVector, m.Index)
		}
	}
	switch {
	case g.auto.Off:
		st.Autosave = "off"
	case g.auto.LastErr != nil:
		st.Autosave = "failed"
	default:
		st.Autosave = "on"
	}
	if n := g.inspector.shown; n != nil {
		st.DrawnModel = g.drawnHash.Of(n)
	}
	l := g.lay
	css := func(r [4]float64) [4]float64 {
		for i := range r {
			r[i] = math.Round(r[i]/l.DSF*10) / 10
		}
		return r
	}
	st.Rects["grid"] = css(l.Grid.Array())
	for e, r := range g.curves.markRects(l, g.s) { // the snapshot marks: "snap10"
		st.Rects[fmt.Sprintf("snap%d", e)] = css(r.Array())
	}
	for _, c := range l.Controls {
		st.Rects[c.Name()] = css(c.Rect.Array())
		if c.Stepper() { // its − and + buttons: "setLR-", "setLR+"
			minus, plus := render.StepperRects(c.Rect, l.S)
			st.Rects[c.Name()+"-"], st.Rects[c.Name()+"+"] = css(minus.Array()), css(plus.Array())
		}
	}
	return st
}
