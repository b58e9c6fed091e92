package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// NeuronValue is a number written at a neuron of the network picture, for
// the guided tour: on an input square, or on a pill beside a hidden or
// output neuron ("δ₃ = −0.3582").
type NeuronValue struct {
	Neuron Neuron
	Text   string
	Side   Side // where the pill goes; input values are written on their square
	Ink    bool // an input square with ink: written in the panel colour
}

// Side is where a pill goes relative to its neuron.
type Side uint8

const (
	SideRight Side = iota
	SideLeft
	SideBelow
)

// DrawValues writes vals over the picture as the last Layout placed it.
// Input values are left out when the squares are too small to read them.
func (v *NetworkView) DrawValues(dst *ebiten.Image, vals []NeuronValue) {
	S, th := v.scale, Current
	cell := v.grid.W / gridSize
	size := math.Min(SmallSize*S, cell*0.55)
	for _, nv := range vals {
		p, ok := v.pos(nv.Neuron)
		if !ok {
			continue
		}
		switch nv.Neuron.Layer {
		case 0:
			if cell < 11*S {
				continue
			}
			clr := th.Muted
			if nv.Ink {
				clr = th.Panel
			}
			Text(dst, nv.Text, p.x, p.y-size*0.62, size, clr, AlignCenter)
		case 1:
			v.pill(dst, nv, p, v.rHid)
		case 2:
			v.pill(dst, nv, p, v.rOut)
		}
	}
}

// pill draws nv's text on a small outlined pill beside a neuron of radius r
// at p.
func (v *NetworkView) pill(dst *ebiten.Image, nv NeuronValue, p pt, r float64) {
	S, th := v.scale, Current
	size := SmallSize * S
	w := FormulaWidth(nv.Text, size) + 10*S
	h := LineHeight(size) + 2*S
	gap := r + 4*S
	box := Rect{X: p.x + gap, Y: p.y - h/2, W: w, H: h}
	switch nv.Side {
	case SideLeft:
		box.X = p.x - gap - w
	case SideBelow:
		box.X, box.Y = p.x-w/2, p.y+gap
	}
	fillRect(dst, box.Inset(-1), th.Accent)
	fillRect(dst, box, th.Panel)
	DrawFormula(dst, nv.Text, box.X+5*S, box.Y+S+(h-2*S-LineHeight(size))/2+size*0.1, size, th.Text)
}
