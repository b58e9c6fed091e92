package app

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"gonum.org/v1/gonum/floats"

	"digittrainer/nn"
	"digittrainer/render"
)

// inspector is the network panel: the live network, what is under the
// pointer (hover, or tap to pin on touch screens), the inspector strip
// with a hidden neuron's incoming weights as a 9×9 heat map, and the H
// panel of every hidden neuron's map.
type inspector struct {
	view    render.NetworkView
	cfg     nn.Config
	showAll bool // H: the panel of all hidden-neuron maps

	neuron    render.Neuron
	hasNeuron bool
	edge      render.Edge
	hasEdge   bool
	pinned    bool // a tap chose the neuron: hover does not replace it
	hl        render.Highlight
	maps      []render.Rect // rects of the all-maps panel, one per hidden neuron

	// shown is the network as drawn: the live one, except that while
	// training it follows at most every Scheduler.Follow. Redrawing
	// thousands of edges costs a software renderer more than the rest of
	// the frame; the view caches them until the weights it is given change.
	shown   *nn.Network
	shownAt time.Time
}

// relayout places the network view after a resize or a change of shape.
func (v *inspector) relayout(g *Game) {
	v.cfg = g.s.Net.Config
	v.view.Names = g.s.Data.Classes // Layout sizes the output labels by them
	v.view.Layout(g.lay.Net, v.cfg, g.lay.S)
	v.hasNeuron, v.hasEdge, v.pinned = false, false, false
	v.hl = render.Highlight{}
	v.layoutMaps(g.lay)
}

// layoutMaps arranges the hidden-neuron maps in a grid over the network.
func (v *inspector) layoutMaps(l *Layout) {
	n := v.cfg.Hidden
	r := l.Net
	best, bestSide := 1, 0.0
	for cols := 1; cols <= n; cols++ {
		rows := (n + cols - 1) / cols
		side := min(r.W/float64(cols), (r.H-l.u(4))/float64(rows))
		if side > bestSide {
			best, bestSide = cols, side
		}
	}
	v.maps = v.maps[:0]
	gap := max(bestSide*0.12, l.u(4))
	for h := 0; h < n; h++ {
		x := r.X + float64(h%best)*bestSide
		y := r.Y + float64(h/best)*bestSide
		v.maps = append(v.maps, render.Rect{X: x, Y: y, W: bestSide - gap, H: bestSide - gap})
	}
}

func (v *inspector) update(g *Game, in *Input) {
	if g.s.Net.Config != v.cfg || len(v.view.Names) != g.s.Classes() {
		v.relayout(g)
	}
	if p, ok := in.Tapped(); ok && g.lay.Net.Contains(p.X, p.Y) {
		v.pick(p.X, p.Y)
		v.pinned = v.hasNeuron || v.hasEdge
	} else if x, y, ok := in.Hover(); ok && in.HasHover && !v.pinned {
		v.pick(x, y)
	}
	v.highlight()
	v.follow(g.s, g.now(), g.sched.Follow)
}

// follow copies the live weights into shown: at once when not training,
// else at most every interval (see shown).
func (v *inspector) follow(s *Session, now time.Time, interval time.Duration) {
	switch {
	case v.shown == nil || v.shown.Config != s.Net.Config:
		v.shown = s.Net.Clone()
	case !s.Running || now.Sub(v.shownAt) >= interval:
		v.shown.CopyFrom(s.Net)
	default:
		return
	}
	v.shownAt = now
}

// pick finds the neuron or edge at (x, y).
func (v *inspector) pick(x, y float64) {
	v.hasNeuron, v.hasEdge = false, false
	if v.showAll {
		for h, r := range v.maps {
			if r.Contains(x, y) {
				v.neuron, v.hasNeuron = render.Neuron{Layer: 1, Index: h}, true
			}
		}
		return
	}
	if n, ok := v.view.NeuronAt(x, y); ok {
		v.neuron, v.hasNeuron = n, true
	} else if e, ok := v.view.EdgeAt(x, y); ok {
		v.edge, v.hasEdge = e, true
	}
}

// highlight brings what is inspected forward.
func (v *inspector) highlight() {
	v.hl.Dim = v.hasNeuron || v.hasEdge
	v.hl.Neurons, v.hl.Edges = v.hl.Neurons[:0], v.hl.Edges[:0]
	switch {
	case v.hasNeuron:
		v.hl.Neurons = append(v.hl.Neurons, v.neuron)
		v.hl.Edges = append(v.hl.Edges, render.EdgesInto(v.neuron, v.cfg)...)
		v.hl.Edges = append(v.hl.Edges, render.EdgesOutOf(v.neuron, v.cfg)...)
	case v.hasEdge:
		v.hl.Edges = append(v.hl.Edges, v.edge)
	}
}

func (v *inspector) draw(dst *ebiten.Image, g *Game) {
	s := g.s
	if tv := g.tour.view; tv.Active && tv.Net != nil && tv.State != nil && tv.Net.Config == v.cfg {
		v.view.Draw(dst, tv.Net, tv.State, &g.tour.hl)
	} else if v.showAll {
		v.drawMaps(dst, g)
	} else {
		v.view.Draw(dst, v.shown, s.State, &v.hl)
	}
	v.drawStrip(dst, g)
}

// drawMaps draws every hidden neuron's incoming weights as a 9×9 map.
func (v *inspector) drawMaps(dst *ebiten.Image, g *Game) {
	net, l := g.s.Net, g.lay
	maxAbs := render.MaxAbs(net.W1)
	for h, r := range v.maps {
		if h >= net.Hidden {
			break
		}
		render.DrawHeatMap(dst, r, net.W1[h*nn.Inputs:(h+1)*nn.Inputs], maxAbs)
		if r.W > l.u(40) {
			render.Text(dst, fmt.Sprint(h), r.X+l.u(2), r.Y+r.H, l.u(fontSmall-2), render.Current.Muted, render.AlignLeft)
		}
	}
}

// stripLine is one line of the inspector strip's text and where it goes.
type stripLine struct {
	text string
	at   render.Rect // one line high, from the left of the text column
	clr  color.RGBA
}

// stripLayout is what the inspector strip shows and where: a hidden
// neuron's heat map or the legend, then lines of text.
type stripLayout struct {
	heat   render.Rect // the inspected hidden neuron's incoming weights; empty if none
	legend render.Rect // the edge legend; empty if none
	lines  []stripLine
	size   float64 // of the text
}

// layoutStrip lays the inspector strip out: the inspected neuron or edge,
// or a hint under the legend. A banner (message.go) covers the bottom of
// the strip while it is shown; what would go under it is left out rather
// than drawn half hidden, and comes back when the banner goes.
func (v *inspector) layoutStrip(g *Game) stripLayout {
	l, s := g.lay, g.s
	th := render.Current
	r := l.Inspect
	size := l.u(fontSmall)
	lh := render.LineHeight(size)
	r.W -= l.u(helpIconRoom) // the strip's "?" at its top right (cards.go)
	// Nothing is laid out below covered, where a shown banner begins.
	covered := math.Inf(1)
	if b, ok := g.banner.rect(l, s); ok {
		covered = b.Y
	}
	out := stripLayout{size: size}
	var lines []string
	hint := false // the lines are a hint: all muted, no heading
	text := r
	switch {
	case v.hasNeuron && v.neuron.Layer == 1:
		h := v.neuron.Index
		out.heat = render.Rect{X: r.X, Y: r.Y + l.u(4), W: r.H - l.u(8), H: r.H - l.u(8)}
		_, text = r.SplitLeft(out.heat.W + l.u(12))
		lines = []string{
			fmt.Sprintf("Hidden neuron %d", h),
			fmt.Sprintf("bias %s · activation %s (z = %s)", num(s.Net.B1[h]), num(s.State.H[h]), num(s.State.Z1[h])),
			"Left: its 81 incoming weights as a 9×9 map — blue +, orange −.",
		}
	case v.hasNeuron && v.neuron.Layer == 2:
		c := v.neuron.Index
		w := s.Net.W2[c*s.Net.Hidden : (c+1)*s.Net.Hidden]
		lo, hi := floats.Min(w), floats.Max(w)
		lines = []string{
			fmt.Sprintf("Output neuron %s", s.Data.Classes[c]),
			fmt.Sprintf("bias %s · logit %s · probability %.0f%%", num(s.Net.B2[c]), num(s.State.Z2[c]), 100*s.State.P[c]),
			fmt.Sprintf("%d incoming weights from the hidden layer, from %s to %s.", s.Net.Hidden, num(lo), num(hi)),
		}
	case v.hasNeuron:
		i := v.neuron.Index
		lines = []string{
			fmt.Sprintf("Input pixel (%d, %d)", i%9, i/9),
			fmt.Sprintf("value %g — %s", s.State.X[i], map[bool]string{true: "ink: it feeds the hidden layer", false: "empty: it contributes nothing"}[s.State.X[i] != 0]),
		}
	case v.hasEdge:
		w := weight(s.Net, v.edge)
		from, to := fmt.Sprintf("pixel (%d, %d)", v.edge.From%9, v.edge.From/9), fmt.Sprintf("hidden %d", v.edge.To)
		if v.edge.Layer == 2 {
			from, to = fmt.Sprintf("hidden %d", v.edge.From), "output "+s.Data.Classes[v.edge.To]
		}
		lines = []string{fmt.Sprintf("Weight from %s to %s: %s", from, to, num(w))}
	default:
		legend, rest := r.SplitTop(render.LegendHeight(r.W, l.S) + l.u(4))
		if legend = legend.InsetXY(0, l.u(2)); legend.Y+legend.H <= covered {
			out.legend = legend
		}
		text = rest
		lines = render.WrapText("Hover (or tap) a neuron or an edge to inspect it. H shows every hidden neuron's weights as 9×9 maps.", size, text.W)
		hint = true
	}
	// Each line wraps; what does not fit the strip's height is cut, the
	// last shown line ending in "…".
	y := text.Y + l.u(4)
	bottom := min(text.Y+text.H+lh*0.2, covered)
	for i, ln := range lines {
		clr := th.Text
		if i > 0 || hint {
			clr = th.Muted
		}
		parts := []string{ln}
		if !hint { // the hint was wrapped above
			parts = render.WrapText(ln, size, text.W)
		}
		for k, part := range parts {
			if y+lh > bottom {
				return out
			}
			if y+2*lh > bottom && (k < len(parts)-1 || i < len(lines)-1) {
				part += "…"
			}
			out.lines = append(out.lines, stripLine{
				text: render.Ellipsize(part, size, text.W),
				at:   render.Rect{X: text.X, Y: y, W: text.W, H: lh},
				clr:  clr,
			})
			y += lh
		}
	}
	return out
}

// drawStrip draws the inspector strip as layoutStrip lays it out.
func (v *inspector) drawStrip(dst *ebiten.Image, g *Game) {
	st := v.layoutStrip(g)
	if !st.heat.Empty() {
		w := g.s.Net.W1[v.neuron.Index*nn.Inputs : (v.neuron.Index+1)*nn.Inputs]
		render.DrawHeatMap(dst, st.heat, w, render.MaxAbs(w))
	}
	if !st.legend.Empty() {
		render.DrawLegend(dst, st.legend, g.lay.S)
	}
	for _, ln := range st.lines {
		render.Text(dst, ln.text, ln.at.X, ln.at.Y, st.size, ln.clr, render.AlignLeft)
	}
}

func weight(n *nn.Network, e render.Edge) float64 {
	if e.Layer == 1 {
		return n.W1[e.To*nn.Inputs+e.From]
	}
	return n.W2[e.To*n.Hidden+e.From]
}

// num formats a parameter for the inspector: three significant digits.
func num(v float64) string { return fmt.Sprintf("%.3g", v) }
