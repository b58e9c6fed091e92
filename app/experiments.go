package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/experiment"
	"digittrainer/i18n"
	"digittrainer/render"
	"digittrainer/session"
)

// The talk's questions as experiments: one card lists them (Experiments…,
// or Q), each opens its own.

// askExperiments opens the list.
func (g *Game) askExperiments() {
	g.modal.ask(i18n.Mark("Experiments from the talk"), i18n.Mark("Questions the audience asked about the demo, each one something to try here on your own drawings. "+
		"None of them changes your network unless you say so. Lessons set up a whole experiment in one click."), Command{},
		choice{label: i18n.Mark("Lessons (L)"), key: ebiten.KeyL, cmd: Command{Act: ActLessons}},
		choice{label: i18n.Mark("How many neurons? (N)"), key: ebiten.KeyN, cmd: Command{Act: ActSweepCard}},
		choice{label: i18n.Mark("Biased data (B)"), key: ebiten.KeyB, cmd: Command{Act: ActBiasCard}},
		choice{label: i18n.Mark("Which resource? (R)"), key: ebiten.KeyR, cmd: Command{Act: ActResources}},
		choice{label: i18n.Mark("Next to ChatGPT (G)"), key: ebiten.KeyG, cmd: Command{Act: ActGPTCard}},
		choice{label: i18n.Mark("Bad data (D)"), key: ebiten.KeyD, cmd: Command{Act: ActBadData}},
		choice{label: i18n.Mark("Similar drawings (V)"), key: ebiten.KeyV, cmd: Command{Act: ActSimilar}},
		choice{label: i18n.Mark("Projector view (F)"), key: ebiten.KeyF, cmd: Command{Act: ActProjector}},
		choice{label: i18n.Mark("Time travel (J)"), key: ebiten.KeyJ, cmd: Command{Act: ActTimeTravel}})
	g.modal.question.cancelLabel = i18n.Mark("Close (Esc)")
}

// sweepChartH is the height of the sweep's chart in its card, at scale 1.
const sweepChartH = 170

// askSweep opens the sweep's card: what it does, the chart and the table,
// following the sweep live, and Start (or Stop).
func (g *Game) askSweep() {
	g.modal.ask(i18n.Mark("How many neurons?"), "", Command{}, choice{label: sweepLabel(g.s), key: ebiten.KeyS, cmd: Command{Act: ActSweep}},
		choice{label: i18n.Mark("Save the table (T)"), key: ebiten.KeyT, cmd: Command{Act: ActSweepCSV}})
	g.modal.question.cancelLabel = i18n.Mark("Close (Esc)")
	g.modal.question.refresh = func(q *question) {
		run, own, epochs := g.s.Sweep()
		q.text = sweepText(g.s, run, own, epochs)
		chart := sweepChart(g.s, run, own)
		q.figure = &render.Figure{H: sweepChartH, Key: fmt.Sprint(chart), Draw: func(dst *ebiten.Image, r render.Rect, scale float64) {
			render.DrawSweep(dst, r, chart, scale)
		}}
		q.table = sweepTable(run, own)
		q.disabled = []bool{false, run == nil || len(run.Rows()) == 0}
		q.choices[0].label = sweepLabel(g.s)
	}
}

// sweepLabel is the sweep card's first button: Start, or Stop while the
// sweep runs.
func sweepLabel(s *session.Session) string {
	if s.Sweeping() {
		return i18n.Mark("Stop the sweep (S)")
	}
	return i18n.Mark("Start the sweep (S)")
}

// saveSweep writes the sweep's table as CSV, the file `trainer sweep -csv`
// writes.
func (g *Game) saveSweep() {
	run, _, _ := g.s.Sweep()
	if run == nil || len(run.Rows()) == 0 {
		g.s.Fail("There is no sweep to save yet: start one first.")
		return
	}
	name := strings.TrimSuffix(session.FileName(session.ExportCSV, g.now()), "-dataset.csv") + "-sweep.csv"
	g.write(name, experiment.CSV(run.Rows()), i18n.T("the sweep table"))
}

// sweepText explains the sweep and says how far it is.
func sweepText(s *session.Session, run *experiment.Sweep, own, epochs int) string {
	text := i18n.T("The talk: \"the sweet spot was going to be somewhere between 24 and 40. We chose 24 because it fit nicely on the screen.\" " +
		"Find yours: one fresh network per size, trained on your drawings with your settings and seed, " +
		"for \"Train N epochs\" each. Your own network is not touched.")
	switch {
	case run == nil:
		sizes, _ := experiment.Sizes(s.SweepSizes()) // the user's own size may be one of the talk's
		return text + " " + i18n.Sprintf("Press Start: %d networks of %s.", len(sizes), i18n.Plural(s.EpochsN(), "%d epoch", "%d epochs"))
	case s.Sweeping():
		return text + " " + i18n.Sprintf("Training %d hidden neurons: %.0f%% of the sweep done.", run.Current(), 100*run.Progress())
	}
	return text + " " + i18n.Sprintf("Each network trained %s (the 24 and 40 columns are marked; yours is %d).", i18n.Plural(epochs, "%d epoch", "%d epochs"), own)
}

// sweepChart is the chart of the sweep's rows; before the first sweep, an
// empty chart of the sizes it would try.
func sweepChart(s *session.Session, run *experiment.Sweep, own int) *render.SweepChart {
	c := &render.SweepChart{Marked: []int{24, 40}, Own: own}
	if run == nil {
		sizes, err := experiment.Sizes(s.SweepSizes())
		if err == nil {
			c.Sizes = sizes
		}
		c.Own = s.Net().Hidden
	} else {
		c.Sizes = run.Sizes()
		if s.Sweeping() {
			c.Current = run.Current()
		}
	}
	nan := math.NaN()
	rows := map[int]experiment.Row{}
	if run != nil {
		for _, r := range run.Rows() {
			rows[r.Hidden] = r
		}
	}
	for _, h := range c.Sizes {
		r, ok := rows[h]
		if !ok {
			r = experiment.Row{TrainAcc: nan, ValAcc: nan, TrainLoss: nan, ValLoss: nan}
		}
		c.TrainAcc, c.ValAcc = append(c.TrainAcc, r.TrainAcc), append(c.ValAcc, r.ValAcc)
		c.TrainLoss, c.ValLoss = append(c.TrainLoss, r.TrainLoss), append(c.ValLoss, r.ValLoss)
	}
	return c
}

// sweepTable is the rows as numbers: the weights each size has, its
// accuracies, validation loss and training time per epoch.
func sweepTable(run *experiment.Sweep, own int) *render.Table {
	if run == nil || len(run.Rows()) == 0 {
		return nil
	}
	t := &render.Table{Columns: []string{i18n.T("hidden"), i18n.T("weights"), i18n.T("train"), i18n.T("validation"), i18n.T("val loss"), i18n.T("per epoch")}}
	for _, r := range run.Rows() {
		label := strconv.Itoa(r.Hidden)
		if r.Hidden == own {
			label = i18n.Sprintf("%d (yours)", r.Hidden)
		}
		row := []string{label, strconv.Itoa(r.Params)}
		if r.Diverged > 0 {
			row = append(row, i18n.T("diverged"), "", "", "")
		} else {
			row = append(row, session.Percent(r.TrainAcc), orDash(r.ValAcc, session.Percent), orDash(r.ValLoss, func(v float64) string {
				return i18n.Float(v, 3)
			}), i18n.Float(r.EpochTime*1000, 1)+" ms")
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// orDash formats v, or "—" when there is none (no validation set).
func orDash(v float64, f func(float64) string) string {
	if math.IsNaN(v) {
		return "—"
	}
	return f(v)
}
