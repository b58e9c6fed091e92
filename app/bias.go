package app

import (
	"fmt"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/experiment"
	"digittrainer/render"
	"digittrainer/session"
	"digittrainer/tour"
)

// biasChartH is the height of the two matrices in the biased-data card,
// at scale 1.
const biasChartH = 170

// askBias opens the biased-data card: the choice of class and share, the
// two runs' confusion matrices side by side and each class's accuracy,
// following the experiment live.
func (g *Game) askBias() {
	g.modal.ask("Biased data", "", Command{},
		choice{label: "Start (S)", key: ebiten.KeyS, cmd: Command{Act: ActBias}},
		choice{label: "Other class (C)", key: ebiten.KeyC, cmd: Command{Act: ActBiasClass}},
		choice{label: "Keep fewer (−)", key: ebiten.KeyMinus, cmd: Command{Act: ActBiasShare, Arg: -1}},
		choice{label: "Keep more (+)", key: ebiten.KeyEqual, cmd: Command{Act: ActBiasShare, Arg: 1}},
		choice{label: "Explain (H)", key: ebiten.KeyH, cmd: Command{Act: ActCard, Card: tour.CardBias}})
	g.modal.question.cancelLabel = "Close (Esc)"
	g.modal.question.refresh = func(q *question) {
		s := g.s
		q.choices[0].label = "Start (S)"
		if s.Imbalancing() {
			q.choices[0].label = "Stop (S)"
		}
		q.text = biasText(s)
		run, class, share := s.Imbalance()
		q.figure, q.table = nil, nil
		if run == nil || len(run.Results()) == 0 {
			return
		}
		res := run.Results()
		names := s.Data().Classes
		var a, b [][]int
		titles := [2]string{}
		for i, r := range res {
			m := r.Metrics.Confusion
			title := "All: " + session.Percent(r.Metrics.Accuracy)
			if r.Run == experiment.Thinned {
				title = fmt.Sprintf("%s %s: %s", session.Percent(share), names[class], session.Percent(r.Metrics.Accuracy))
			}
			titles[i] = title
			if i == 0 {
				a = m
			} else {
				b = m
			}
		}
		key := fmt.Sprint(a, b, titles)
		q.figure = &render.Figure{H: biasChartH, Key: key, Draw: func(dst *ebiten.Image, r render.Rect, scale float64) {
			render.DrawConfusionPair(dst, r, a, b, names, titles[0], titles[1], scale)
		}}
		q.table = biasTable(res, names)
	}
}

// biasText says what the experiment does with the current choice, and what
// the dataset check would say of such drawings.
func biasText(s *session.Session) string {
	class, share := s.ImbalanceChoice()
	name := s.Data().Classes[class]
	text := fmt.Sprintf("Two networks learn from the same start for \"Train N epochs\": one from all your training drawings, "+
		"one from only %s of the %ss. Then both read the validation drawings. The table: drawings trained on → share read right.", session.Percent(share), name)
	if w := s.ImbalanceWarning(); w != "" {
		text += " The dataset check would warn: \"" + w + "\""
	}
	return text
}

// biasTable is each class's drawings trained on and accuracy, in both runs.
func biasTable(res []experiment.ImbalanceResult, names []string) *render.Table {
	// Each cell is "drawings trained on → read right": compact enough for
	// ten classes in a phone's card.
	t := &render.Table{Columns: []string{"class", "all", "thinned"}}
	for c := range names {
		row := []string{names[c]}
		for _, r := range res {
			acc := "—"
			if r.Diverged == 0 {
				acc = session.Percent(r.Metrics.PerClass()[c])
			}
			row = append(row, strconv.Itoa(r.Trained[c])+" → "+acc)
		}
		t.Rows = append(t.Rows, row)
	}
	t.Columns = t.Columns[:1+len(res)]
	return t
}
