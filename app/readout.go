package app

import (
	"github.com/hajimehoshi/ebiten/v2"
	"gonum.org/v1/gonum/floats"

	"digittrainer/i18n"
	"digittrainer/nn"
	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/session"
	"digittrainer/tour"
)

// The readout: the strip under the network picture that says what is
// under the pointer — a hidden neuron's incoming weights as a 9×9 heat map
// and its numbers, an output's, a pixel's or an edge's — or, with nothing
// picked, the edge legend and a hint.

// readoutLayout is what the readout shows and where: a hidden neuron's
// heat map or the legend, then lines of text (the first of them a heading
// unless they are a hint).
type readoutLayout struct {
	heat   render.Rect // the inspected hidden neuron's incoming weights; empty if none
	legend render.Rect // the edge legend; empty if none
	lines  []render.PlacedLine
	hint   bool
	size   float64 // of the text
}

// layoutReadout lays the readout out: the inspected neuron or edge, or a
// hint under the legend. A banner (banner.go) covers the bottom of the
// strip while it is shown, from covered down; what would go under it is
// left out rather than drawn half hidden, and comes back when the banner
// goes.
func (v *inspector) layoutReadout(l *screen.Layout, s *session.Session, covered float64) readoutLayout {
	net, st := s.Net(), s.Forward()
	r := l.Readout
	size := l.U(render.SmallSize)
	lh := render.LineHeight(size)
	r.W -= l.U(screen.HelpIconRoom) // the readout's "?" at its top right (modal.go)
	out := readoutLayout{size: size}
	var lines []string
	text := r
	switch {
	case v.hasNeuron && v.neuron.Layer == 1:
		h := v.neuron.Index
		out.heat = render.Rect{X: r.X, Y: r.Y + l.U(4), W: r.H - l.U(8), H: r.H - l.U(8)}
		_, text = r.SplitLeft(out.heat.W + l.U(12))
		lines = []string{
			i18n.Sprintf("Hidden neuron %s", tour.HiddenName(h)),
			i18n.Sprintf("bias %s · activation %s (z = %s)", num(net.B1[h]), num(st.H[h]), num(st.Z1[h])),
			learnedText(s.Learned(h, v.learned(0))),
		}
	case v.hasNeuron && v.neuron.Layer == 2:
		c := v.neuron.Index
		w := net.W2[c*net.Hidden : (c+1)*net.Hidden]
		lo, hi := floats.Min(w), floats.Max(w)
		lines = []string{
			i18n.Sprintf("Output neuron %s", s.Data().Classes[c]),
			i18n.Sprintf("bias %s · score %s · probability %.0f%%", num(net.B2[c]), num(st.Z2[c]), 100*st.P[c]),
			i18n.Sprintf("%d incoming weights from the hidden layer, from %s to %s.", net.Hidden, num(lo), num(hi)),
		}
	case v.hasNeuron:
		i := v.neuron.Index
		what := i18n.T("empty: it contributes nothing")
		if st.X[i] != 0 {
			what = i18n.T("ink: it feeds the hidden layer")
		}
		lines = []string{
			i18n.Sprintf("Input square %s (row %d, column %d)", tour.PixelName(i), i/9+1, i%9+1),
			i18n.Sprintf("value %g — %s", st.X[i], what),
		}
	case v.hasEdge:
		w := weight(net, v.edge)
		line := i18n.Sprintf("Weight from square %s to hidden neuron %s: %s", tour.PixelName(v.edge.From), tour.HiddenName(v.edge.To), num(w))
		if v.edge.Layer == 2 {
			line = i18n.Sprintf("Weight from hidden neuron %s to output %s: %s", tour.HiddenName(v.edge.From), s.Data().Classes[v.edge.To], num(w))
		}
		lines = []string{line}
	default:
		legend, rest := r.SplitTop(render.LegendHeight(r.W, l.S) + l.U(4))
		if legend = legend.InsetXY(0, l.U(2)); legend.Y+legend.H <= covered && !v.similar { // no edges on screen then
			out.legend = legend
		}
		text = rest
		// A hint is sentences in order of need: those that do not fit
		// whole are left out rather than cut (the help card has them all).
		lines = []string{i18n.T("Hover (or tap) a neuron or an edge to inspect it."), i18n.T("H shows what every hidden neuron learned as 9×9 maps.")}
		if v.similar {
			lines = []string{i18n.T("Draw on the grid (or pick a drawing): both lists follow."), i18n.T("V shows the network again; ? explains vectors.")}
		}
		if v.showMaps {
			lines = []string{i18n.Sprintf("Each map: %s", learnedWhat(s.Learned(0, v.learned(0)))), i18n.T("Point at one for its numbers; H shows the network again.")}
		}
		out.hint = true
	}
	top := text.Y + l.U(4)
	bottom := min(text.Y+text.H+lh*0.2, covered)
	box := render.Rect{X: text.X, Y: top, W: text.W, H: bottom - top}
	if out.hint {
		out.lines = render.FitWhole(lines, box, size)
	} else {
		out.lines = render.FitLines(lines, box, size)
	}
	return out
}

// learnedText says what a hidden neuron's map, on the left, shows.
func learnedText(known bool) string { return i18n.Sprintf("Left: %s", learnedWhat(known)) }

// learnedWhat says what a hidden neuron's map shows: what training
// changed (known, see session.Learned), or the weights themselves.
func learnedWhat(known bool) string {
	if known {
		return i18n.T("how training changed its 81 incoming weights since their random start — blue grew, orange shrank.")
	}
	return i18n.T("its 81 incoming weights (blue +, orange −); where training started is not known for this file.")
}

// drawReadout draws the readout as layoutReadout lays it out.
func (v *inspector) drawReadout(dst *ebiten.Image, l *screen.Layout, s *session.Session, covered float64) {
	st := v.layoutReadout(l, s, covered)
	if !st.heat.Empty() {
		w := v.learned(0)
		s.Learned(v.neuron.Index, w)
		render.DrawHeatMap(dst, st.heat, w, render.MaxAbs(w))
	}
	if !st.legend.Empty() {
		render.DrawLegend(dst, st.legend, l.S)
	}
	for _, ln := range st.lines {
		clr := render.Current.Muted
		if ln.Para == 0 && !st.hint {
			clr = render.Current.Text
		}
		render.Text(dst, ln.Text, ln.Rect.X, ln.Rect.Y, st.size, clr, render.AlignLeft)
	}
}

func weight(n *nn.Network, e render.Edge) float64 {
	if e.Layer == 1 {
		return n.W1[e.To*nn.Inputs+e.From]
	}
	return n.W2[e.To*n.Hidden+e.From]
}

// num formats a parameter for the inspector: three significant digits.
func num(v float64) string { return i18n.Sprintf("%.3g", v) }
