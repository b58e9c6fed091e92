package app

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/internal/geomtest"
	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/session"
	"digittrainer/session/sessiontest"
	"digittrainer/tour"
)

// memStore and fakeClock are sessiontest's, by the names the tests use.
type (
	memStore  = sessiontest.MemStore
	fakeClock = sessiontest.Clock
)

func newTestGame(t *testing.T, store session.Store) *Game {
	t.Helper()
	g, err := newGame(Options{}, store)
	if err != nil {
		t.Fatal(err)
	}
	g.relayout(1280, 800)
	clk := &fakeClock{T: time.Unix(1e9, 0), Step: time.Microsecond}
	g.sched.Now = clk.Now
	g.now = clk.Now
	return g
}

func keys(k ...ebiten.Key) *Input { return &Input{Keys: k} }

// cellCenter returns the device-pixel centre of grid cell (x, y).
func cellCenter(g *Game, x, y int) (float64, float64) {
	r := g.lay.Grid
	return r.X + (float64(x)+0.5)*r.W/9, r.Y + (float64(y)+0.5)*r.H/9
}

func TestStarterSetOnFirstStart(t *testing.T) {
	g := newTestGame(t, memStore{})
	s := g.s
	if s.Classes() != 2 || s.Data().Len() == 0 {
		t.Fatalf("first start: %d classes, %d samples; want the 2-class starter set", s.Classes(), s.Data().Len())
	}
	if s.TrainSize()+s.ValSize() != s.Data().Len() || s.ValSize() == 0 {
		t.Errorf("split %d+%d of %d samples", s.TrainSize(), s.ValSize(), s.Data().Len())
	}
}

func TestKeyboardDrawsLabelsAndAdds(t *testing.T) {
	g := newTestGame(t, memStore{})
	s := g.s
	n := s.Data().Len()
	g.tick(keys(ebiten.KeyEnter)) // empty grid: refused
	if s.Data().Len() != n || !s.Message().Err {
		t.Fatalf("adding an empty grid: %d samples (want %d), error message %v", s.Data().Len(), n, s.Message().Err)
	}
	g.tick(keys(ebiten.KeyArrowRight, ebiten.KeyArrowRight, ebiten.KeyArrowDown, ebiten.KeySpace))
	if !s.Grid().At(2, 1) || s.Ink() != 1 {
		t.Fatalf("after → → ↓ Space: pixel (2,1) = %v, ink %d", s.Grid().At(2, 1), s.Ink())
	}
	g.tick(keys(ebiten.KeyDigit1, ebiten.KeyEnter))
	d := s.Data()
	if d.Len() != n+1 || d.Samples[n].Label != 1 || !d.Samples[n].At(2, 1) {
		t.Fatalf("after 1 Enter: %d samples, last %+v", d.Len(), d.Samples[len(d.Samples)-1])
	}
	g.tick(keys(ebiten.KeyC))
	if s.Ink() != 0 {
		t.Errorf("C left %d pixels", s.Ink())
	}
	g.tick(keys(ebiten.KeyDigit7))
	if s.Label() != 1 || !s.Message().Err {
		t.Errorf("7 in 2-class mode: label %d, error %v; want label kept and an error", s.Label(), s.Message().Err)
	}
}

func TestPointerPaintsAndErases(t *testing.T) {
	g := newTestGame(t, memStore{})
	s := g.s
	x0, y0 := cellCenter(g, 4, 0)
	x1, y1 := cellCenter(g, 4, 3)
	g.tick(&Input{Pointers: []Pointer{{ID: mouseLeft, X: x0, Y: y0, Just: true}}})
	g.tick(&Input{Pointers: []Pointer{{ID: mouseLeft, X: x1, Y: y1}}})
	if !s.Grid().At(4, 0) || !s.Grid().At(4, 3) {
		t.Fatalf("drag from (4,0) to (4,3) painted %v %v", s.Grid().At(4, 0), s.Grid().At(4, 3))
	}
	// A stroke that starts on ink inks on: a 4 or a 7 crosses its own lines.
	x2, y2 := cellCenter(g, 5, 3)
	g.tick(&Input{Pointers: []Pointer{{ID: mouseLeft, X: x1, Y: y1, Just: true}}})
	g.tick(&Input{Pointers: []Pointer{{ID: mouseLeft, X: x2, Y: y2}}})
	if !s.Grid().At(4, 3) || !s.Grid().At(5, 3) {
		t.Fatalf("a stroke from ink erased: (4,3)=%v (5,3)=%v", s.Grid().At(4, 3), s.Grid().At(5, 3))
	}
	g.tick(&Input{})
	// One finger inks; two fingers on the screen erase under both.
	a, b := cellCenter(g, 0, 8)
	c, d := cellCenter(g, 8, 8)
	g.tick(&Input{Pointers: []Pointer{{ID: 1, X: a, Y: b, Just: true}}})
	g.tick(&Input{})
	g.tick(&Input{Pointers: []Pointer{{ID: 2, X: c, Y: d, Just: true}}})
	g.tick(&Input{})
	if !s.Grid().At(0, 8) || !s.Grid().At(8, 8) {
		t.Fatalf("touches painted %v %v", s.Grid().At(0, 8), s.Grid().At(8, 8))
	}
	g.tick(&Input{Pointers: []Pointer{{ID: 3, X: a, Y: b, Just: true}, {ID: 4, X: c, Y: d, Just: true}}})
	g.tick(&Input{})
	if s.Grid().At(0, 8) || s.Grid().At(8, 8) {
		t.Fatalf("two fingers left (0,8)=%v (8,8)=%v", s.Grid().At(0, 8), s.Grid().At(8, 8))
	}
	// The right button erases.
	g.tick(&Input{Pointers: []Pointer{{ID: mouseRight, X: x0, Y: y0, Just: true, Erase: true}}})
	g.tick(&Input{})
	if s.Grid().At(4, 0) {
		t.Error("the right button left (4,0)")
	}
	// The tool button switches to the eraser, then back to the pen.
	clickControl(t, g, "tool")
	if !g.Status().Eraser {
		t.Fatal("Eraser did not choose the eraser")
	}
	g.tick(&Input{Pointers: []Pointer{{ID: mouseLeft, X: x1, Y: y1, Just: true}}})
	g.tick(&Input{})
	if s.Grid().At(4, 3) {
		t.Error("the eraser left (4,3)")
	}
	clickControl(t, g, "tool")
	g.tick(&Input{Pointers: []Pointer{{ID: mouseLeft, X: x0, Y: y0, Just: true}}})
	g.tick(&Input{})
	if g.Status().Eraser || !s.Grid().At(4, 0) {
		t.Error("Pen did not ink again")
	}
}

func TestClickingControls(t *testing.T) {
	g := newTestGame(t, memStore{})
	click := func(name string) {
		c, ok := g.lay.ControlNamed(name)
		if !ok {
			t.Fatalf("no control %q", name)
		}
		x, y := c.Rect.Center()
		g.tick(&Input{Pointers: []Pointer{{ID: mouseLeft, X: x, Y: y, Just: true}}})
		g.tick(&Input{})
	}
	click("label1")
	if g.s.Label() != 1 {
		t.Errorf("label1 click: label %d", g.s.Label())
	}
	click("train")
	if !g.s.Running() {
		t.Error("train click did not start training")
	}
	if c, _ := g.lay.ControlNamed("train"); label(g.s, screenState{sched: g.sched}, c, g.lay.S) != "Pause" {
		t.Error("while training the Train button does not say Pause")
	}
	click("train")
	if g.s.Running() {
		t.Error("a second click on Train did not pause training")
	}
	lr := g.s.Trainer().Hyper.LR
	c, _ := g.lay.ControlNamed("setLR")
	_, plus := render.StepperRects(c.Rect, g.lay.S)
	g.tick(tapRect(plus))
	if g.s.Trainer().Hyper.LR <= lr {
		t.Errorf("the learning rate's + left it at %v", g.s.Trainer().Hyper.LR)
	}
	hr := render.HelpIconRect(g.lay.Panels[screen.PanelNetwork], g.lay.S)
	x, y := hr.Center()
	g.tick(&Input{Pointers: []Pointer{{ID: mouseLeft, X: x, Y: y, Just: true}}})
	if h := g.Status().Help; !h.Open || h.ID != "network" {
		t.Errorf("help icon: %+v", h)
	}
	g.tick(keys(ebiten.KeyEscape))
	if g.modal.open() {
		t.Error("Escape did not close the card")
	}
}

// TestDatasetEditsByKeyboard: the keys reach the session's edits, and the
// clearing ones ask first.
func TestDatasetEditsByKeyboard(t *testing.T) {
	g := newTestGame(t, memStore{})
	s := g.s
	n := s.Data().Len()
	g.tick(keys(ebiten.KeyBracketRight)) // select the first sample
	if s.Selected() != 0 {
		t.Fatalf("] selected %d", s.Selected())
	}
	old := s.Data().Samples[0].Label
	g.tick(keys(digitKeys[1-old], ebiten.KeyL))
	if s.Data().Samples[0].Label != 1-old {
		t.Errorf("relabel: label %d", s.Data().Samples[0].Label)
	}
	g.tick(&Input{Keys: []ebiten.Key{ebiten.KeyDelete}, Shift: true})
	if s.Data().Len() != n-1 || s.Selected() != -1 {
		t.Errorf("Shift+Delete: %d samples (want %d), selected %d", s.Data().Len(), n-1, s.Selected())
	}
	g.tick(&Input{Keys: []ebiten.Key{ebiten.KeyBackspace}, Ctrl: true})
	if s.Data().Len() != n-1 || !g.Status().Help.Question {
		t.Fatalf("Ctrl+Backspace should ask first: %d samples, %+v", s.Data().Len(), g.Status().Help)
	}
	g.tick(keys(ebiten.KeyY))
	if s.Data().Len() != 0 || g.modal.open() {
		t.Errorf("after Y: %d samples, card %v", s.Data().Len(), g.modal.open())
	}
	g.tick(keys(ebiten.KeyP))
	if s.Running() || !s.Message().Err {
		t.Error("training an empty dataset should refuse with a message")
	}
	g.tick(keys(ebiten.KeyM))
	if s.Classes() != 10 || s.Data().Len() == 0 {
		t.Fatalf("M: %d classes, %d samples", s.Classes(), s.Data().Len())
	}
	g.tick(keys(ebiten.KeyDigit7))
	if s.Label() != 7 {
		t.Errorf("label 7 in 10-class mode: %d", s.Label())
	}
	if _, ok := g.lay.ControlNamed("label9"); !ok {
		t.Error("no label button for 9 in 10-class mode")
	}
}

// TestStatusHashesFollowEdits makes every kind of edit of the dataset and
// the weights and checks that the status publishes fresh hashes: the status
// caches them (status.go), and an edit that bumps none of the cache's keys
// would leave a stale hash for the end-to-end tests.
func TestStatusHashesFollowEdits(t *testing.T) {
	g := newTestGame(t, memStore{})
	g.tick(&Input{})
	// edit does what, ticks, and checks the published hashes against
	// freshly computed ones and that the model and data hashes changed
	// when they should.
	edit := func(what string, model, data bool, do func()) {
		t.Helper()
		before := g.Status()
		do()
		g.tick(&Input{})
		st := g.Status()
		if m, d := session.ModelHash(g.s.Net()), session.DataHash(g.s.Data()); st.ModelHash != m || st.DataHash != d {
			t.Fatalf("%s: status hashes %s %s, want %s %s", what, st.ModelHash, st.DataHash, m, d)
		}
		if model && st.ModelHash == before.ModelHash {
			t.Errorf("%s: the model hash did not change", what)
		}
		if data && st.DataHash == before.DataHash {
			t.Errorf("%s: the data hash did not change", what)
		}
	}
	press := func(in *Input) func() { return func() { g.tick(in) } }
	edit("add", false, true, press(keys(ebiten.KeySpace, ebiten.KeyEnter)))
	edit("select", false, false, press(keys(ebiten.KeyBracketRight)))
	edit("relabel", false, true, press(keys(digitKeys[1-g.s.Data().Samples[0].Label], ebiten.KeyL)))
	edit("delete", false, true, press(&Input{Keys: []ebiten.Key{ebiten.KeyDelete}, Shift: true}))
	edit("step a sample", true, false, press(keys(ebiten.KeyS)))
	edit("step an epoch", true, false, press(keys(ebiten.KeyE)))
	edit("new seed", true, false, press(&Input{Keys: []ebiten.Key{ebiten.KeyR}, Shift: true}))
	edit("hidden", true, false, func() { g.do(settingCmd(session.SetHidden, 1)) })
	edit("tour", true, false, func() {
		g.tick(keys(ebiten.KeyC))
		startTour(t, g)
		for tourStep(g) < tour.UpdateStep {
			g.tick(keys(ebiten.KeyArrowRight))
		}
		g.tick(keys(ebiten.KeyK))
	})
	ckpt, err := g.s.EncodeCheckpoint()
	if err != nil {
		t.Fatal(err)
	}
	csv, err := g.s.Export(session.ExportCSV)
	if err != nil {
		t.Fatal(err)
	}
	edit("reset", true, false, press(keys(ebiten.KeyR)))
	edit("load a checkpoint", true, false, func() { g.s.LoadFile("x.safetensors", ckpt) })

	// A rollback puts back older weights with an older Seen (and the older
	// learning rate), so a step after it, in the same tick, reaches the Seen
	// of a step before it with other weights.
	edit("step an epoch", true, false, press(keys(ebiten.KeyE)))
	for range 20 {
		g.do(settingCmd(session.SetLR, 1)) // up to the highest rate offered
	}
	edit("step at a high rate", true, false, press(keys(ebiten.KeyS)))
	edit("diverge", true, false, press(keys(ebiten.KeyE, ebiten.KeyE)))
	if lr := g.s.Trainer().Hyper.LR; lr >= 100 { // the rollback puts the rate set back too
		t.Fatalf("training at η = 100 did not diverge: η %v, %q", lr, g.s.Message().Text)
	}
	edit("diverge and step", true, false, press(keys(ebiten.KeyE, ebiten.KeyS)))

	edit("clear", false, true, func() { g.tick(&Input{Keys: []ebiten.Key{ebiten.KeyBackspace}, Ctrl: true}); g.tick(keys(ebiten.KeyY)) })
	edit("load a dataset", false, true, func() { g.s.LoadFile("x.csv", csv) })
	edit("undo", false, true, press(&Input{Keys: []ebiten.Key{ebiten.KeyZ}, Ctrl: true}))
	edit("redo", false, true, press(&Input{Keys: []ebiten.Key{ebiten.KeyZ}, Ctrl: true, Shift: true}))
	edit("10 classes", true, true, func() { g.tick(keys(ebiten.KeyM)); g.tick(keys(ebiten.KeyA)) })
	edit("undo 10 classes", true, true, press(&Input{Keys: []ebiten.Key{ebiten.KeyZ}, Ctrl: true}))
	edit("start fresh", true, true, func() {
		g.tick(&Input{Keys: []ebiten.Key{ebiten.KeyBackspace}, Ctrl: true, Shift: true})
		g.tick(keys(ebiten.KeyY))
	})
}

func TestStatusJSON(t *testing.T) {
	g := newTestGame(t, memStore{})
	g.tick(keys(ebiten.KeySpace))
	b, err := json.Marshal(g.Status())
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"frame", "fps", "counts", "total", "classes", "classNames", "epoch", "seen", "loss",
		"trainAcc", "valAcc", "probs", "ink", "label", "hidden", "activation", "seed", "lr", "batch", "training",
		"progress", "message", "messageKind", "modelHash", "dataHash", "samplesPerSec", "tour", "help", "rects"} {
		if _, ok := m[k]; !ok {
			t.Errorf("status has no %q", k)
		}
	}
	if m["ink"].(float64) != 1 || m["activation"] != "sigmoid" || m["hidden"].(float64) != 24 {
		t.Errorf("ink %v activation %v hidden %v", m["ink"], m["activation"], m["hidden"])
	}
	if m["loss"] == nil || len(m["probs"].([]any)) != 2 {
		t.Errorf("loss %v probs %v", m["loss"], m["probs"])
	}
	rects := m["rects"].(map[string]any)
	for _, k := range []string{"grid", "add", "train", "stepSample", "stepEpoch", "trainN", "reset", "save",
		"load", "export", "tour", "clear", "label0", "label1"} {
		r, ok := rects[k].([]any)
		if !ok || len(r) != 4 || r[2].(float64) <= 0 || r[3].(float64) <= 0 {
			t.Errorf("rect %q = %v", k, rects[k])
		}
	}
	for _, k := range []string{"tour", "help"} {
		if _, ok := m[k].(map[string]any); !ok {
			t.Errorf("%s is not an object", k)
		}
	}
}

// inside and overlaps are geomtest's, by the names the tests use.
var (
	inside   = geomtest.Inside
	overlaps = geomtest.Overlaps
)
