package render

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// Draw draws net as laid out by Layout: every weight an edge (one batch),
// then the neurons filled by their activations in st (nil draws them
// empty), then the output labels. hl may be nil. Draw never changes net or
// st; if net's shape differs from the last Layout it lays out again in the
// same rectangle.
func (v *NetworkView) Draw(dst *ebiten.Image, net *nn.Network, st *nn.State, hl *Highlight) {
	if net == nil || len(net.W1) != net.Hidden*nn.Inputs || len(net.W2) != net.Classes*net.Hidden {
		return
	}
	if net.Hidden != len(v.hid) || net.Classes != len(v.out) || v.scale == 0 {
		v.Layout(v.bounds, net.Config, v.scale)
	}
	if st != nil && (len(st.X) != nn.Inputs || len(st.H) != net.Hidden || len(st.P) != net.Classes) {
		st = nil
	}
	v.drawCaptions(dst)
	if plainEdges(hl) && !v.noCache {
		v.drawEdgesCached(dst, net)
	} else {
		v.drawEdges(dst, net, hl)
	}
	v.drawNodes(dst, st, hl)
	v.drawLabels(dst, st, hl)
}

// marks returns the neurons listed in hl, by layer.
func (v *NetworkView) marked(hl *Highlight, n Neuron) bool {
	if hl == nil {
		return false
	}
	for _, m := range hl.Neurons {
		if m == n {
			return true
		}
	}
	return false
}

func (v *NetworkView) drawNodes(dst *ebiten.Image, st *nn.State, hl *Highlight) {
	b := &v.nodes
	b.aa = true
	dim := hl != nil && hl.Dim
	t := Current
	fade := func(c color.RGBA, marked bool) color.RGBA {
		if dim && !marked {
			return lerpRGBA(c, t.Panel, 1-dimFactor*2)
		}
		return c
	}
	s := v.scale
	ring := math.Max(1, 1.2*s)
	hlRing := 3 * s

	// Input grid: the edges start at the centres of its cells. A veil in
	// the panel colour lets them show only faintly between the cells, so
	// the eye sees where each edge starts and the 9×9 picture still reads.
	fb := math.Max(1, math.Round(s))
	b.rect(dst, v.grid.Inset(-fb), withAlpha(t.Panel, gridVeil))
	gap := math.Max(1, math.Round(v.grid.W/gridSize*0.16))
	for i := range nn.Inputs {
		a := 0.0
		if st != nil {
			a = st.X[i]
		}
		n := Neuron{0, i}
		m := v.marked(hl, n)
		c := gridCell(v.grid, i%gridSize, i/gridSize).Inset(gap / 2)
		b.rect(dst, c, fade(ActivationColor(a), m))
		if m {
			b.roundRectPts(c.Inset(-hlRing/2), 0)
			b.strokePoly(dst, hlRing, t.Accent)
		}
	}
	b.roundRectPts(v.grid.Inset(-fb/2), 0)
	b.strokePoly(dst, fb, fade(t.PanelBorder, false))
	circle := func(p pt, r, a float64, n Neuron) {
		m := v.marked(hl, n)
		b.circlePts(p.x, p.y, r)
		b.fillPoly(dst, fade(ActivationColor(a), m))
		if r >= 3*s {
			b.strokePoly(dst, ring, fade(t.Muted, m))
		}
		if m {
			b.circlePts(p.x, p.y, r+hlRing)
			b.strokePoly(dst, hlRing, t.Accent)
		}
	}
	for h, p := range v.hid {
		a := 0.0
		if st != nil {
			a = st.H[h]
		}
		circle(p, v.rHid, a, Neuron{1, h})
	}
	for c, p := range v.out {
		a := 0.0
		if st != nil {
			a = st.P[c]
		}
		circle(p, v.rOut, a, Neuron{2, c})
	}
	b.flush(dst)
}

// drawLabels writes each output's class name and, with a state, its
// probability beside the output neuron.
func (v *NetworkView) drawLabels(dst *ebiten.Image, st *nn.State, hl *Highlight) {
	if len(v.out) == 0 {
		return
	}
	size := v.labelSize
	if size < 7 {
		return
	}
	dim := hl != nil && hl.Dim
	for c, p := range v.out {
		tc, mc := Current.Text, Current.Muted
		if dim && !v.marked(hl, Neuron{2, c}) {
			tc, mc = withAlpha(tc, 0.4), withAlpha(mc, 0.4)
		}
		name := v.name(c)
		_, h := MeasureBold(name, size)
		BoldText(dst, name, v.labelX, p.y-h/2, size, tc, AlignLeft)
		if st != nil {
			w, _ := MeasureBold(name+" ", size)
			Text(dst, i18n.Sprintf("%.0f%%", 100*st.P[c]), v.labelX+w, p.y-h/2, size*0.85, mc, AlignLeft)
		}
	}
}

// gridVeil is the opacity of the panel-coloured veil over the edges
// under the input grid: they keep a quarter of their strength there.
const gridVeil = 0.75

// captionSize is the font size of the layer captions at scale 1.
const captionSize = 13.0

// drawCaptions names the layers above them when there is room.
func (v *NetworkView) drawCaptions(dst *ebiten.Image) {
	size := captionSize * v.scale
	if len(v.hid) == 0 {
		return
	}
	y := v.bounds.Y + 4*v.scale
	cx, _ := v.grid.Center()
	hidden, outputs := i18n.Sprintf("%d hidden", len(v.hid)), i18n.T("outputs")
	Text(dst, i18n.Sprintf("%d inputs", nn.Inputs), cx, y, size, Current.Muted, AlignCenter)
	Text(dst, hidden, v.hidX, y, size, Current.Muted, AlignCenter)
	if len(v.out) == 0 {
		return
	}
	// The outputs' caption is centred over them unless that runs into the
	// hidden one (the projector's narrow panel, "24 verstecktAusgaben"):
	// then it starts after it, as far as the panel's edge allows.
	wh, _ := MeasureText(hidden, size)
	wo, _ := MeasureText(outputs, size)
	x := max(v.out[0].x-wo/2, v.hidX+wh/2+8*v.scale)
	if x+wo > v.bounds.X+v.bounds.W {
		noteCut(outputs)
		return
	}
	Text(dst, outputs, x, y, size, Current.Muted, AlignLeft)
}
