package app

import (
	"fmt"
	"math"
	"testing"

	"digittrainer/render"
	"digittrainer/screen"
)

// TestReadoutClearsBanner checks that while a message banner is shown,
// none of the readout's text (the legend, the hint, an inspected neuron's
// or edge's lines) nor a neuron's map is laid out under it, at every
// screenshot size and whatever is inspected; that what is inspected is
// shown whole (the banner moves to the title row); and that the legend and
// hint are back once the banner goes.
func TestReadoutClearsBanner(t *testing.T) {
	inspected := []struct {
		name string
		set  func(v *inspector)
	}{
		{"nothing", func(v *inspector) {}},
		{"hidden neuron", func(v *inspector) { v.neuron, v.hasNeuron = render.Neuron{Layer: 1, Index: 2}, true }},
		{"output neuron", func(v *inspector) { v.neuron, v.hasNeuron = render.Neuron{Layer: 2, Index: 1}, true }},
		{"input pixel", func(v *inspector) { v.neuron, v.hasNeuron = render.Neuron{Layer: 0, Index: 40}, true }},
		{"edge", func(v *inspector) { v.edge, v.hasEdge = render.Edge{Layer: 1, From: 40, To: 2}, true }},
	}
	// A one-line message, and one that wraps to two lines on a phone,
	// where the banner is taller than the strip.
	messages := []string{
		"Added a drawing of 1 (now 151 in that class).",
		"Draw a digit, pick its label and add it — or press Train to learn from the starter set.",
	}
	for _, sz := range shotSizes {
		for _, in := range inspected {
			for m, msg := range messages {
				name := fmt.Sprintf("%gx%g@%gx/%s/message %d", sz.w, sz.h, sz.dsf, in.name, m)
				g := newTestGame(t, memStore{})
				g.tab = screen.TabNetwork
				g.dsf = sz.dsf
				g.relayout(sz.w*sz.dsf, sz.h*sz.dsf)
				g.s.Say("%s", msg)
				g.tick(&Input{})
				in.set(&g.inspector)
				inspecting := g.inspector.inspecting()
				b, ok := g.banner.rect(g.lay, g.s.Message(), inspecting)
				if !ok {
					t.Fatalf("%s: no banner after a message", name)
				}
				st := g.inspector.layoutReadout(g.lay, g.s, g.banner.top(g.lay, g.s.Message(), inspecting))
				whole := g.inspector.layoutReadout(g.lay, g.s, math.Inf(1))
				if inspecting && len(st.lines) != len(whole.lines) {
					t.Errorf("%s: the message hid %d of the %d lines inspected", name, len(whole.lines)-len(st.lines), len(whole.lines))
				}
				if overlaps(st.heat, b) || inspecting && overlaps(g.lay.Net, b) {
					t.Errorf("%s: the banner %v covers the map %v or the network %v", name, b, st.heat, g.lay.Net)
				}
				if overlaps(st.legend, b) {
					t.Errorf("%s: legend %v is under the banner %v", name, st.legend, b)
				}
				for _, ln := range st.lines {
					if overlaps(ln.Rect, b) {
						t.Errorf("%s: %q at %v is under the banner %v", name, ln.Text, ln.Rect, b)
					}
				}
				g.banner.hide()
				if in.name != "nothing" {
					continue
				}
				// The phone's readout has room for the legend alone.
				if st := g.inspector.layoutReadout(g.lay, g.s, math.Inf(1)); st.legend.Empty() || len(st.lines) == 0 && sz.w > 390 {
					t.Errorf("%s: banner hidden, the readout has legend %v and %d lines of hint", name, st.legend, len(st.lines))
				}
			}
		}
	}
}
