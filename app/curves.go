package app

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"gonum.org/v1/gonum/floats"

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
	conf              render.Confusion // the matrix as laid out this tick
}

// update lays the matrix out and turns a tap on one of its cells into the
// command that shows the cell's drawings in the gallery.
func (m *curves) update(in *Input, l *screen.Layout, s *session.Session, cmds []Command) []Command {
	m.layout(l, s)
	if p, ok := in.Tapped(); ok && l.Visible(screen.PanelMetrics) {
		if i, j, ok := m.conf.CellAt(p.X, p.Y); ok {
			cmds = append(cmds, Command{Act: ActCell, Arg: i*nn.MaxClasses + j})
		}
	}
	return cmds
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
	h := s.History()
	hasVal := meas != nil && meas.HasVal()
	m.loss = [2]render.Series{{Color: th.Train, Values: h.TrainLoss}, {Color: th.Val, Values: h.ValLoss}}
	m.acc = [2]render.Series{{Color: th.Train, Values: h.TrainAcc}, {Color: th.Val, Values: h.ValAcc}}
	m.legend = [2]render.Series{{Name: "train", Color: th.Train}, {Name: "validation", Color: th.Val}}
	n := 2
	if !hasVal {
		n = 1
	}
	top := 1.0
	if h.Len() > 0 {
		top = max(top, floats.Max(h.TrainLoss))
		if hasVal {
			top = max(top, floats.Max(h.ValLoss))
		}
	}
	if top != top { // an epoch without a validation set recorded NaN
		top = 1
	}
	top = math.Ceil(top*2) / 2 // round ticks: 0, 1, 2 rather than 0, 0.98, 1.96
	render.DrawPlotLegend(dst, l.Legend, m.legend[:n], l.S)
	empty := ""
	if e := s.Trainer().Epoch; e > 0 {
		empty = fmt.Sprintf("%d epochs in the loaded file, no curves: train on to draw them", e)
	}
	render.DrawPlot(dst, l.Plots[0], "Loss", m.loss[:n], h.Epochs, 0, min(top, 10), empty, l.S)
	render.DrawPlot(dst, l.Plots[1], "Accuracy", m.acc[:n], h.Epochs, 0, 1, empty, l.S)
	if meas != nil && meas.Train.N > 0 {
		title := fmt.Sprintf("Training set (%d)", meas.Train.N)
		if meas.HasVal() {
			title = fmt.Sprintf("Validation set (%d)", meas.Val.N)
		}
		render.DrawConfusion(dst, &m.conf, meas.Confusion(), s.Data().Classes, title, sel)
	}
}
