package app

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"gonum.org/v1/gonum/floats"

	"digittrainer/i18n"
	"digittrainer/nn"
	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/session"
)

// curves is the Progress panel: loss and accuracy per epoch for the
// training and validation sets, and the confusion matrix of the network as
// measured now. Both plots show the same two series, so one legend in the
// panel's title row serves both and the narrow plots keep their height for
// the curves.
type curves struct {
	loss, acc, legend [2]render.Series // reused every frame
	ghost             [2][2]render.Series
	plots             [2]render.Plot   // loss and accuracy, as drawn
	marks             []int            // the snapshots' epochs
	conf              render.Confusion // the matrix as laid out this tick
}

// update lays the matrix out and turns a tap on one of its cells into the
// command that shows the cell's drawings in the gallery.
func (m *curves) update(in *Input, l *screen.Layout, s *session.Session, cmds []Command) []Command {
	m.layout(l, s)
	p, ok := in.Tapped()
	if !ok || !l.Visible(screen.PanelMetrics) {
		return cmds
	}
	if i, j, ok := m.conf.CellAt(p.X, p.Y); ok {
		return append(cmds, Command{Act: ActCell, Arg: i*nn.MaxClasses + j})
	}
	if e, ok := m.markAt(l, s, p.X, p.Y); ok {
		cmds = append(cmds, Command{Act: ActRewind, Arg: e})
	}
	return cmds
}

// markAt is the epoch of the snapshot mark under (x, y): the nearest one
// whose strip holds the point, on either plot.
func (m *curves) markAt(l *screen.Layout, s *session.Session, x, y float64) (int, bool) {
	m.setPlots(s, nil)
	best, found, dist := 0, false, 0.0
	for k := range m.plots {
		for i, r := range m.plots[k].MarkRects(l.Plots[k], l.S) {
			if !r.Contains(x, y) {
				continue
			}
			cx, _ := r.Center()
			if d := math.Abs(cx - x); !found || d < dist {
				best, found, dist = m.plots[k].Marks[i], true, d
			}
		}
	}
	return best, found
}

// MarkRects are the snapshot marks' click areas on the loss plot, by epoch
// (for the status JSON).
func (m *curves) markRects(l *screen.Layout, s *session.Session) map[int]render.Rect {
	m.setPlots(s, nil)
	out := map[int]render.Rect{}
	if !l.Visible(screen.PanelMetrics) {
		return out
	}
	for i, r := range m.plots[0].MarkRects(l.Plots[0], l.S) {
		out[m.plots[0].Marks[i]] = r
	}
	return out
}

// setPlots fills the two plots from the session's curves, the ghost of a
// rewind and the snapshots.
func (m *curves) setPlots(s *session.Session, meas *session.Measurement) {
	th := render.Current
	h, gh := s.History(), s.Ghost()
	hasVal := meas != nil && meas.HasVal()
	if meas == nil { // a hit test: the curves as drawn last
		hasVal = h.Len() > 0 && !math.IsNaN(h.ValLoss[h.Len()-1])
	}
	m.loss = [2]render.Series{{Color: th.Train, Values: h.TrainLoss}, {Color: th.Val, Values: h.ValLoss}}
	m.acc = [2]render.Series{{Color: th.Train, Values: h.TrainAcc}, {Color: th.Val, Values: h.ValAcc}}
	m.ghost = [2][2]render.Series{
		{{Color: th.Train, Values: gh.TrainLoss}, {Color: th.Val, Values: gh.ValLoss}},
		{{Color: th.Train, Values: gh.TrainAcc}, {Color: th.Val, Values: gh.ValAcc}},
	}
	n := 2
	if !hasVal {
		n = 1
	}
	m.marks = m.marks[:0]
	for _, sn := range s.Snapshots() {
		m.marks = append(m.marks, sn.Epoch)
	}
	top := 1.0
	for _, hh := range []*session.History{h, gh} { // the branch left behind is drawn to the same scale
		if hh.Len() > 0 {
			top = max(top, floats.Max(hh.TrainLoss))
			if hasVal {
				top = max(top, floats.Max(hh.ValLoss))
			}
		}
	}
	if top != top { // an epoch without a validation set recorded NaN
		top = 1
	}
	top = math.Ceil(top*2) / 2 // round ticks: 0, 1, 2 rather than 0, 0.98, 1.96
	empty := ""
	if e := s.Trainer().Epoch; e > 0 {
		empty = i18n.Plural(e, "%d epoch in the loaded file, no curves: train on to draw them",
			"%d epochs in the loaded file, no curves: train on to draw them")
	}
	for k, title := range [2]string{i18n.T("Loss"), i18n.T("Accuracy")} {
		series, yMax := m.loss[:n], min(top, 10)
		if k == 1 {
			series, yMax = m.acc[:n], 1
		}
		m.plots[k] = render.Plot{Title: title, Series: series, Epochs: h.Epochs, Ghost: m.ghost[k][:n], GhostEpochs: gh.Epochs,
			Marks: m.marks, YMin: 0, YMax: yMax, Empty: empty}
	}
}

func (m *curves) layout(l *screen.Layout, s *session.Session) {
	m.conf = render.LayoutConfusion(l.Confuse, s.Classes(), s.Data().Classes, l.S)
}

// draw draws the curves and the matrix, outlining sel, the cell the
// gallery shows (or −1s).
func (m *curves) draw(dst *ebiten.Image, l *screen.Layout, s *session.Session, meas *session.Measurement, sel [2]int) {
	if !l.Visible(screen.PanelMetrics) {
		return
	}
	m.layout(l, s)
	th := render.Current
	m.setPlots(s, meas)
	m.legend = [2]render.Series{{Name: i18n.T("train"), Color: th.Train}, {Name: i18n.T("validation"), Color: th.Val}}
	n := 2
	if meas == nil || !meas.HasVal() {
		n = 1
	}
	render.DrawPlotLegend(dst, l.Legend, m.legend[:n], l.S)
	for k := range m.plots {
		m.plots[k].Draw(dst, l.Plots[k], l.S)
	}
	if meas != nil && meas.Train.N > 0 {
		title := i18n.Sprintf("Training set (%d)", meas.Train.N)
		if meas.HasVal() {
			title = i18n.Sprintf("Validation set (%d)", meas.Val.N)
		}
		render.DrawConfusion(dst, &m.conf, meas.Confusion(), s.Data().Classes, title, sel)
	}
}
