package app

import (
	"slices"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/nn"
	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/session"
	"digittrainer/tour"
)

// inspector is the network panel: the live network, what is under the
// pointer (hover, or tap to pin on touch screens) with the readout strip
// under the picture (readout.go), and the panel of every hidden neuron's
// incoming weights as 9×9 maps (H).
type inspector struct {
	showMaps bool      // H: the maps instead of the network
	similar  bool      // V: the drawings most like the grid's instead of the network
	cfg      nn.Config // the shape the maps are laid out for

	neuron    render.Neuron
	hasNeuron bool
	edge      render.Edge
	hasEdge   bool
	pinned    bool // a tap chose the neuron: hover does not replace it
	hl        render.Highlight
	maps      []render.Rect // one per hidden neuron
	scratch   []float64     // what the maps draw (session.Learned), reused

	// shown is the network as drawn: the live one, except that while
	// training it follows at most every Scheduler.Follow. Redrawing
	// thousands of edges costs a software renderer more than the rest of
	// the frame; the view caches them until the weights it is given change.
	shown     *nn.Network
	shownFrom uint64 // the live network's version shown copies
	shownAt   time.Time
}

// relayout forgets what was picked and lays the maps out for cfg.
func (v *inspector) relayout(l *screen.Layout, cfg nn.Config) {
	v.cfg = cfg
	v.hasNeuron, v.hasEdge, v.pinned = false, false, false
	v.hl = render.Highlight{}
	v.maps = l.Maps(cfg.Hidden)
}

// update picks what is under the pointer: a tap pins it, hover follows
// the mouse until then.
func (v *inspector) update(in *Input, l *screen.Layout, nv *render.NetworkView) {
	if v.similar {
		v.hasNeuron, v.hasEdge = false, false
		return
	}
	if p, ok := in.Tapped(); ok && l.Net.Contains(p.X, p.Y) {
		v.pick(nv, p.X, p.Y)
		v.pinned = v.hasNeuron || v.hasEdge
	} else if x, y, ok := in.Hover(); ok && in.HasHover && !v.pinned && l.Net.Contains(x, y) {
		v.pick(nv, x, y)
	}
	v.highlight()
}

// follow copies the live weights into shown when they changed: at once
// when not training, else at most every interval (see shown).
func (v *inspector) follow(net *nn.Network, running bool, now time.Time, interval time.Duration) {
	switch {
	case v.shown == nil || v.shown.Config != net.Config:
		v.shown = net.Clone()
	case v.shownFrom == net.Version():
		return
	case !running || now.Sub(v.shownAt) >= interval:
		v.shown.CopyFrom(net)
	default:
		return
	}
	v.shownFrom, v.shownAt = net.Version(), now
}

// inspecting reports whether the readout shows something picked (a neuron,
// an edge) or the maps are shown: a message then keeps off them (banner).
// The similar drawings are not: what a message covers there is their hint.
func (v *inspector) inspecting() bool { return v.hasNeuron || v.hasEdge || v.showMaps }

// toggleMaps shows or hides the hidden neurons' maps (H).
func (v *inspector) toggleMaps() { v.showMaps, v.similar = !v.showMaps, false }

// toggleSimilar shows or hides the similar drawings (V).
func (v *inspector) toggleSimilar() { v.similar, v.showMaps = !v.similar, false }

// unpin lets hover choose again (Escape).
func (v *inspector) unpin() { v.pinned = false }

// pick finds the neuron or edge at (x, y).
func (v *inspector) pick(nv *render.NetworkView, x, y float64) {
	v.hasNeuron, v.hasEdge = false, false
	if v.showMaps {
		for h, r := range v.maps {
			if r.Contains(x, y) {
				v.neuron, v.hasNeuron = render.Neuron{Layer: 1, Index: h}, true
			}
		}
		return
	}
	if n, ok := nv.NeuronAt(x, y); ok {
		v.neuron, v.hasNeuron = n, true
	} else if e, ok := nv.EdgeAt(x, y); ok {
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

// draw draws the network as shown (or the maps) and the readout, whose
// lines stop above covered (a message banner's top).
func (v *inspector) draw(dst *ebiten.Image, l *screen.Layout, s *session.Session, nv *render.NetworkView, covered float64) {
	if l.Net.Empty() {
		return // another tab
	}
	switch {
	case v.similar:
		drawSimilar(dst, l, s)
	case v.showMaps:
		v.drawMaps(dst, l, s)
	default:
		nv.Draw(dst, v.shown, s.Forward(), &v.hl)
	}
	v.drawReadout(dst, l, s, covered)
}

// learned returns room for the maps of n hidden neurons (nn.Inputs values
// each).
func (v *inspector) learned(n int) []float64 {
	v.scratch = slices.Grow(v.scratch[:0], max(n, 1)*nn.Inputs)[:max(n, 1)*nn.Inputs]
	return v.scratch
}

// drawMaps draws what every hidden neuron learned (session.Learned) as a
// 9×9 map, all on one colour scale so they can be compared.
func (v *inspector) drawMaps(dst *ebiten.Image, l *screen.Layout, s *session.Session) {
	net := s.Net()
	all := v.learned(net.Hidden)
	for h := range net.Hidden {
		s.Learned(h, all[h*nn.Inputs:(h+1)*nn.Inputs])
	}
	maxAbs := render.MaxAbs(all)
	for h, r := range v.maps {
		if h >= net.Hidden {
			break
		}
		render.DrawHeatMap(dst, r, all[h*nn.Inputs:(h+1)*nn.Inputs], maxAbs)
		render.TextIn(dst, l.MapLabel(r), tour.HiddenName(h), l.MapLabelSize(), render.Current.Muted, render.AlignLeft, false)
	}
}
