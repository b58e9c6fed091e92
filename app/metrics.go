package app

import (
	"github.com/hajimehoshi/ebiten/v2"
	"gonum.org/v1/gonum/floats"

	"digittrainer/render"
)

// metrics is the progress panel: loss and accuracy per epoch for the
// training and validation sets, and the confusion matrix.
type metrics struct{}

func (metrics) draw(dst *ebiten.Image, g *Game) {
	l, s := g.lay, g.s
	th := render.Current
	h := &s.History
	lossSeries := []render.Series{{Name: "train", Color: th.Train, Values: h.TrainLoss}}
	accSeries := []render.Series{{Name: "train", Color: th.Train, Values: h.TrainAcc}}
	if s.HasVal {
		lossSeries = append(lossSeries, render.Series{Name: "validation", Color: th.Val, Values: h.ValLoss})
		accSeries = append(accSeries, render.Series{Name: "validation", Color: th.Val, Values: h.ValAcc})
	}
	top := 1.0
	if h.Len() > 0 {
		top = max(top, floats.Max(h.TrainLoss))
		if s.HasVal {
			top = max(top, floats.Max(h.ValLoss))
		}
	}
	if top != top { // an epoch without a validation set recorded NaN
		top = 1
	}
	render.DrawPlot(dst, l.Plots[0], "Loss", lossSeries, 0, min(top, 10), l.S)
	render.DrawPlot(dst, l.Plots[1], "Accuracy", accSeries, 0, 1, l.S)
	if s.Confusion != nil {
		render.DrawConfusion(dst, l.Confuse, s.Confusion, s.Data.Classes, l.S)
	}
}
