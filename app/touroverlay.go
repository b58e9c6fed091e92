package app

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/render"
	"digittrainer/tour"
)

// The tour's marks on the screen around its card: the panels it is not
// about washed out, and the step's values written beside the neurons.

// washRects are the parts of the screen the tour is not about, drawn
// faded under the card: the Prediction panel (it shows the live network,
// not the step's), Training, Dataset and Progress.
func washRects(l *Layout) []render.Rect {
	return []render.Rect{l.Panels[PanelPredict], l.Panels[PanelTrain], l.Panels[PanelData], l.Panels[PanelMetrics], l.Inspect}
}

// drawOverlay labels the highlighted neurons of the network picture with
// their values from the view: the numbers in the input squares on step 1,
// and tags like "δ = −0.3582" beside outputs and the selected neuron.
func drawOverlay(dst *ebiten.Image, v tour.View, nv *render.NetworkView, l *Layout) {
	th := render.Current
	S := l.S
	grid := nv.GridRect()
	cell := grid.W / 9
	size := min(render.SmallSize*S, cell*0.55)
	outs := 0
	for _, n := range v.Highlight.Neurons {
		if n.Layer == tour.OutputLayer {
			outs++
		}
	}
	// the output circles' radius, from their spacing (render makes them
	// about a third of it, at most 18 px at scale 1)
	outR := 18 * S
	if x0, y0 := nv.NeuronPos(render.Neuron{Layer: 2, Index: 0}); x0 != 0 {
		if _, y1 := nv.NeuronPos(render.Neuron{Layer: 2, Index: 1}); y1 > y0 {
			outR = min(outR, (y1-y0)*0.36)
		}
	}
	for _, n := range v.Highlight.Neurons {
		switch n.Layer {
		case tour.InputLayer:
			if n.Kind != tour.KindInput || v.Number != 1 || cell < 11*S {
				continue
			}
			x, y := nv.NeuronPos(render.Neuron{Layer: 0, Index: n.Index})
			clr := th.Muted
			if n.Value != 0 {
				clr = th.Panel
			}
			render.Text(dst, tour.Num(n.Value), x, y-size*0.62, size, clr, render.AlignCenter)
		case tour.HiddenLayer:
			if !n.Selected {
				continue
			}
			// beside the neuron, away from the edges the step is about
			x, y := nv.NeuronPos(render.Neuron{Layer: 1, Index: n.Index})
			s := kindName(n.Kind) + tour.Sub(n.Index+1) + " = " + tour.Num(n.Value)
			if v.Highlight.Focus.Has(tour.Edges2) {
				tag(dst, s, x-16*S, y, S, tagLeft)
			} else {
				tag(dst, s, x+16*S, y, S, tagRight)
			}
		case tour.OutputLayer:
			// under the neuron when there is room (few classes), else left of it
			x, y := nv.NeuronPos(render.Neuron{Layer: 2, Index: n.Index})
			s := kindName(n.Kind) + tour.Sub(n.Index) + " = " + tour.Num(n.Value)
			if outs <= 3 {
				tag(dst, s, x, y+outR, S, tagBelow)
			} else {
				tag(dst, s, x-22*S, y, S, tagLeft)
			}
		}
	}
}

// kindName is the letter the formulas use for a value of this kind.
func kindName(k tour.Kind) string {
	switch k {
	case tour.KindInput:
		return "x"
	case tour.KindActivation:
		return "h"
	case tour.KindLogit:
		return "s"
	case tour.KindProbability:
		return "p"
	case tour.KindError:
		return "δ"
	}
	return "w"
}

// Where a tag goes relative to its point.
const (
	tagRight = iota // starts at the point, centred vertically
	tagLeft         // ends at the point
	tagBelow        // centred under the point
)

// tag draws a small label on a pill beside (x, y).
func tag(dst *ebiten.Image, s string, x, y, S float64, where int) {
	th := render.Current
	size := render.SmallSize * S
	w := monoWidth(s, size) + 10*S
	h := render.LineHeight(size) + 2*S
	r := render.Rect{X: x, Y: y - h/2, W: w, H: h}
	switch where {
	case tagLeft:
		r.X = x - w
	case tagBelow:
		r.X, r.Y = x-w/2, y+4*S
	}
	fillRect(dst, r.Inset(-1), th.Accent)
	fillRect(dst, r, th.Panel)
	drawMono(dst, s, r.X+5*S, r.Y+1*S+(h-2*S-render.LineHeight(size))/2+size*0.1, size, th.Text)
}

// hiddenAt returns the hidden neuron under (x, y) in the network picture.
func hiddenAt(nv *render.NetworkView, x, y float64) (int, bool) {
	n, ok := nv.NeuronAt(x, y)
	if !ok || n.Layer != 1 {
		return 0, false
	}
	return n.Index, true
}
