package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/experiment"
	"digittrainer/render"
	"digittrainer/session"
)

// The talk's questions as experiments: one card lists them (Experiments…,
// or Q), each opens its own.

// askExperiments opens the list.
func (g *Game) askExperiments() {
	g.modal.ask("Experiments from the talk", "Questions the audience asked about the demo, each one something to try here on your own drawings. "+
		"None of them changes your network unless you say so. Lessons set up a whole experiment in one click.", Command{},
		choice{label: "Lessons (L)", key: ebiten.KeyL, cmd: Command{Act: ActLessons}},
		choice{label: "How many neurons? (N)", key: ebiten.KeyN, cmd: Command{Act: ActSweepCard}},
		choice{label: "Biased data (B)", key: ebiten.KeyB, cmd: Command{Act: ActBiasCard}},
		choice{label: "Which resource? (R)", key: ebiten.KeyR, cmd: Command{Act: ActResources}},
		choice{label: "Next to ChatGPT (G)", key: ebiten.KeyG, cmd: Command{Act: ActGPTCard}},
		choice{label: "Bad data (D)", key: ebiten.KeyD, cmd: Command{Act: ActBadData}},
		choice{label: "Similar drawings (V)", key: ebiten.KeyV, cmd: Command{Act: ActSimilar}},
		choice{label: "Projector view (F)", key: ebiten.KeyF, cmd: Command{Act: ActProjector}},
		choice{label: "Time travel (J)", key: ebiten.KeyJ, cmd: Command{Act: ActTimeTravel}})
	g.modal.question.cancelLabel = "Close (Esc)"
}

// sweepChartH is the height of the sweep's chart in its card, at scale 1.
const sweepChartH = 170

// askSweep opens the sweep's card: what it does, the chart and the table,
// following the sweep live, and Start (or Stop).
func (g *Game) askSweep() {
	label := "Start the sweep (S)"
	if g.s.Sweeping() {
		label = "Stop the sweep (S)"
	}
	g.modal.ask("How many neurons?", "", Command{}, choice{label: label, key: ebiten.KeyS, cmd: Command{Act: ActSweep}},
		choice{label: "Save the table (T)", key: ebiten.KeyT, cmd: Command{Act: ActSweepCSV}})
	g.modal.question.cancelLabel = "Close (Esc)"
	g.modal.question.refresh = func(q *question) {
		run, own, epochs := g.s.Sweep()
		q.text = sweepText(g.s, run, own, epochs)
		chart := sweepChart(g.s, run, own)
		q.figure = &render.Figure{H: sweepChartH, Key: fmt.Sprint(chart), Draw: func(dst *ebiten.Image, r render.Rect, scale float64) {
			render.DrawSweep(dst, r, chart, scale)
		}}
		q.table = sweepTable(run, own)
		q.disabled = []bool{false, run == nil || len(run.Rows()) == 0}
		q.choices[0].label = "Start the sweep (S)"
		if g.s.Sweeping() {
			q.choices[0].label = "Stop the sweep (S)"
		}
	}
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
	g.write(name, experiment.CSV(run.Rows()), "sweep table")
}

// sweepText explains the sweep and says how far it is.
func sweepText(s *session.Session, run *experiment.Sweep, own, epochs int) string {
	text := "The talk: \"the sweet spot was going to be somewhere between 24 and 40. We chose 24 because it fit nicely on the screen.\" " +
		"Find yours: one fresh network per size, trained on your drawings with your settings and seed, " +
		"for \"Train N epochs\" each. Your own network is not touched."
	switch {
	case run == nil:
		sizes, _ := experiment.Sizes(s.SweepSizes()) // the user's own size may be one of the talk's
		return text + fmt.Sprintf(" Press Start: %d networks of %s.", len(sizes), plural(s.EpochsN(), "epoch"))
	case s.Sweeping():
		return text + fmt.Sprintf(" Training %d hidden neurons: %.0f%% of the sweep done.", run.Current(), 100*run.Progress())
	}
	return text + fmt.Sprintf(" Each network trained %s (the 24 and 40 columns are marked; yours is %d).", plural(epochs, "epoch"), own)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
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
	t := &render.Table{Columns: []string{"hidden", "weights", "train", "validation", "val loss", "per epoch"}}
	for _, r := range run.Rows() {
		label := strconv.Itoa(r.Hidden)
		if r.Hidden == own {
			label += " (yours)"
		}
		row := []string{label, strconv.Itoa(r.Params)}
		if r.Diverged > 0 {
			row = append(row, "diverged", "", "", "")
		} else {
			row = append(row, session.Percent(r.TrainAcc), orDash(r.ValAcc, session.Percent), orDash(r.ValLoss, func(v float64) string {
				return strconv.FormatFloat(v, 'f', 3, 64)
			}), strconv.FormatFloat(r.EpochTime*1000, 'f', 1, 64)+" ms")
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
