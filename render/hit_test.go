package render

import (
	"math"
	"testing"

	"digittrainer/nn"
)

// geomTol is for distances computed in float64 from exact inputs.
const geomTol = 1e-9

func TestDistToSegment(t *testing.T) {
	for _, c := range []struct {
		px, py, x0, y0, x1, y1, want float64
	}{
		{5, 3, 0, 0, 10, 0, 3},   // above the middle
		{-4, 3, 0, 0, 10, 0, 5},  // beyond the start: distance to the end point
		{13, -4, 0, 0, 10, 0, 5}, // beyond the end
		{1, 1, 0, 0, 0, 0, math.Sqrt2},
		{2, 2, 0, 0, 4, 4, 0}, // on a diagonal
		{0, 4, 0, 0, 4, 4, math.Sqrt(8)},
	} {
		if got := DistToSegment(c.px, c.py, c.x0, c.y0, c.x1, c.y1); math.Abs(got-c.want) > geomTol {
			t.Errorf("DistToSegment(%v,%v; %v,%v-%v,%v) = %v, want %v", c.px, c.py, c.x0, c.y0, c.x1, c.y1, got, c.want)
		}
	}
}

func TestGridCellAt(t *testing.T) {
	r := Rect{10, 10, 90, 90}
	for _, c := range []struct {
		x, y   float64
		cx, cy int
		ok     bool
	}{
		{10, 10, 0, 0, true}, {99.9, 99.9, 8, 8, true}, {25, 55, 1, 4, true},
		{100, 50, 0, 0, false}, {9, 50, 0, 0, false},
	} {
		cx, cy, ok := GridCellAt(r, c.x, c.y)
		if ok != c.ok || (ok && (cx != c.cx || cy != c.cy)) {
			t.Errorf("GridCellAt(%v, %v) = %d, %d, %v; want %d, %d, %v", c.x, c.y, cx, cy, ok, c.cx, c.cy, c.ok)
		}
	}
	if _, _, ok := GridCellAt(Rect{}, 0, 0); ok {
		t.Error("empty grid claims a cell")
	}
}

func TestDashPattern(t *testing.T) {
	on, off := 0, 0
	for i := range 100 { // ten periods at scale 1
		if DashVisible(float64(i)+0.5, 1) {
			on++
		} else {
			off++
		}
	}
	if on != 60 || off != 40 {
		t.Errorf("dash pattern on/off = %d/%d, want 60/40", on, off)
	}
	if !DashVisible(11, 2) || DashVisible(13, 2) {
		t.Error("dash pattern does not scale")
	}
	// The texture encodes the same pattern: row 0 solid, row 1 dashed.
	pix := dashPixels()
	for x := range dashTexels {
		if pix[x*4+3] != 0xff {
			t.Errorf("solid row texel %d not opaque", x)
		}
		if got, want := pix[(dashTexels+x)*4+3] == 0xff, DashVisible(float64(x)+0.5, 1); got != want {
			t.Errorf("dash texel %d = %v, want %v", x, got, want)
		}
	}
	// An edge longer than the texture is cut into pieces that stay inside it.
	var b edgeBuffers
	b.edge(pt{0, 0}, pt{2.5 * dashTexels * 2, 0}, 2, [4]float32{1, 1, 1, 1}, true, 2)
	if len(b.vs) != 3*4 {
		t.Errorf("an edge 2.5 textures long became %d vertices, want 3 quads", len(b.vs))
	}
	for _, v := range b.vs {
		if v.SrcX < 0 || v.SrcX > dashTexels {
			t.Errorf("texture x %v outside [0, %d]", v.SrcX, dashTexels)
		}
	}
	var spans [][2]float64
	dashSpans(25, 1, func(a, b float64) { spans = append(spans, [2]float64{a, b}) })
	if len(spans) != 3 || spans[2] != [2]float64{20, 25} {
		t.Errorf("dashSpans = %v", spans)
	}
}

func layoutView(h, c int) *NetworkView {
	v := &NetworkView{}
	v.Layout(Rect{0, 0, 900, 520}, nn.Config{Hidden: h, Classes: c}, 1)
	return v
}

// TestLayoutNeuronsRoundTrip checks that every neuron is found at its own
// position, that hidden circles do not overlap and everything is inside
// the view, from the default net up to the largest.
func TestLayoutNeuronsRoundTrip(t *testing.T) {
	for _, sh := range [][2]int{{1, 2}, {24, 2}, {64, 10}, {128, 2}, {256, 10}} {
		v := layoutView(sh[0], sh[1])
		b := v.Bounds()
		var all []Neuron
		for i := range nn.Inputs {
			all = append(all, Neuron{0, i})
		}
		for i := range sh[0] {
			all = append(all, Neuron{1, i})
		}
		for i := range sh[1] {
			all = append(all, Neuron{2, i})
		}
		for _, n := range all {
			x, y := v.NeuronPos(n)
			if !b.Contains(x, y) {
				t.Errorf("%v: %v at (%v, %v) outside %v", sh, n, x, y, b)
			}
			if got, ok := v.NeuronAt(x, y); !ok || got != n {
				t.Errorf("%v: NeuronAt(pos of %v) = %v, %v", sh, n, got, ok)
			}
		}
		if v.rHid < 1.5 {
			t.Errorf("%v: hidden radius %v too small to see", sh, v.rHid)
		}
		for i := range v.hid {
			for j := i + 1; j < len(v.hid); j++ {
				if d := math.Hypot(v.hid[i].x-v.hid[j].x, v.hid[i].y-v.hid[j].y); d < 2*v.rHid-geomTol {
					t.Fatalf("%v: hidden %d and %d overlap (d=%v, r=%v)", sh, i, j, d, v.rHid)
				}
			}
		}
	}
	v := layoutView(24, 2)
	if _, ok := v.NeuronAt(-10, -10); ok {
		t.Error("NeuronAt outside the view found a neuron")
	}
	if x, y := v.NeuronPos(Neuron{1, 99}); x != 0 || y != 0 {
		t.Error("NeuronPos of a missing neuron is not (0, 0)")
	}
}

func TestEdgeAt(t *testing.T) {
	v := layoutView(3, 2)
	for _, e := range []Edge{{2, 0, 0}, {2, 2, 1}, {1, 8, 0}, {1, 80, 2}} {
		var p0, p1 pt
		if e.Layer == 1 {
			p0, p1 = v.in[e.From], v.hid[e.To]
		} else {
			p0, p1 = v.hid[e.From], v.out[e.To]
		}
		// a point 2 px off the edge, 70% of the way along (clear of the grid)
		l := math.Hypot(p1.x-p0.x, p1.y-p0.y)
		x := p0.x + 0.7*(p1.x-p0.x) - 2*(p1.y-p0.y)/l
		y := p0.y + 0.7*(p1.y-p0.y) + 2*(p1.x-p0.x)/l
		got, ok := v.EdgeAt(x, y)
		if !ok {
			t.Errorf("EdgeAt near %v found nothing", e)
			continue
		}
		// Another edge may be nearer; then it must be at least as close.
		if got != e {
			q0, q1 := v.edgeEnds(got)
			if DistToSegment(x, y, q0.x, q0.y, q1.x, q1.y) > 2+geomTol {
				t.Errorf("EdgeAt near %v = %v, which is farther", e, got)
			}
		}
	}
	if _, ok := v.EdgeAt(v.grid.X+1, v.grid.Y+1); ok {
		t.Error("a point on the input grid hit an edge")
	}
	if _, ok := v.EdgeAt(v.bounds.X+v.bounds.W-1, v.bounds.Y+1); ok {
		t.Error("an empty corner hit an edge")
	}
}

func TestEdgesIntoOutOf(t *testing.T) {
	cfg := nn.Config{Hidden: 5, Classes: 3}
	if n := len(EdgesInto(Neuron{1, 2}, cfg)); n != nn.Inputs {
		t.Errorf("into hidden = %d", n)
	}
	if n := len(EdgesInto(Neuron{2, 0}, cfg)); n != 5 {
		t.Errorf("into output = %d", n)
	}
	if n := len(EdgesOutOf(Neuron{0, 4}, cfg)); n != 5 {
		t.Errorf("out of input = %d", n)
	}
	if n := len(EdgesOutOf(Neuron{1, 4}, cfg)); n != 3 {
		t.Errorf("out of hidden = %d", n)
	}
	if EdgesInto(Neuron{0, 1}, cfg) != nil || EdgesOutOf(Neuron{2, 1}, cfg) != nil {
		t.Error("inputs have no incoming and outputs no outgoing edges")
	}
}

func TestWrapText(t *testing.T) {
	const size, width = 15, 120
	s := "The network adds up every pixel times its weight.\nThen it squashes the sum."
	lines := WrapText(s, size, width)
	if len(lines) < 3 {
		t.Fatalf("WrapText gave %d lines: %q", len(lines), lines)
	}
	for _, l := range lines {
		if w, _ := MeasureText(l, size); w > width && len(splitWords(l)) > 1 {
			t.Errorf("line %q is %v wide, more than %v", l, w, width)
		}
	}
	if lines[len(lines)-1] != "Then it squashes the sum." && lines[len(lines)-2] != "Then it squashes" {
		t.Errorf("explicit newline not kept: %q", lines)
	}
	if got := Ellipsize("a very long label indeed", size, 60); got == "a very long label indeed" {
		t.Error("Ellipsize did not shorten")
	}
}

func splitWords(s string) []string {
	var w []string
	start := -1
	for i, r := range s + " " {
		if r == ' ' {
			if start >= 0 {
				w = append(w, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return w
}
