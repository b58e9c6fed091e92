package app

import (
	"fmt"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/experiment"
	"digittrainer/i18n"
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
	g.modal.ask(i18n.Mark("Biased data"), "", Command{},
		choice{label: i18n.Mark("Start (S)"), key: ebiten.KeyS, cmd: Command{Act: ActBias}},
		choice{label: i18n.Mark("Other class (C)"), key: ebiten.KeyC, cmd: Command{Act: ActBiasClass}},
		choice{label: i18n.Mark("Keep fewer (−)"), key: ebiten.KeyMinus, cmd: Command{Act: ActBiasShare, Arg: -1}},
		choice{label: i18n.Mark("Keep more (+)"), key: ebiten.KeyEqual, cmd: Command{Act: ActBiasShare, Arg: 1}},
		choice{label: i18n.Mark("Explain (H)"), key: ebiten.KeyH, cmd: Command{Act: ActCard, Card: tour.CardBias}})
	g.modal.question.cancelLabel = i18n.Mark("Close (Esc)")
	g.modal.question.refresh = func(q *question) {
		s := g.s
		q.choices[0].label = i18n.Mark("Start (S)")
		if s.Imbalancing() {
			q.choices[0].label = i18n.Mark("Stop (S)")
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
			title := i18n.Sprintf("All: %s", session.Percent(r.Metrics.Accuracy))
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
	text := i18n.Sprintf("Two networks learn from the same start for \"Train N epochs\": one from all your training drawings, "+
		"one from only %s of the %ss. Then both read the validation drawings. The table: drawings trained on → share read right.", session.Percent(share), name)
	if w := s.ImbalanceWarning(); w != "" {
		text += " " + i18n.Sprintf("The dataset check would warn: \"%s\"", w)
	}
	return text
}

// biasTable is each class's drawings trained on and accuracy, in both runs.
func biasTable(res []experiment.ImbalanceResult, names []string) *render.Table {
	// Each cell is "drawings trained on → read right": compact enough for
	// ten classes in a phone's card.
	t := &render.Table{Columns: []string{i18n.T("class"), i18n.T("all"), i18n.T("thinned")}}
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
