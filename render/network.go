package render

import (
	"math"
	"strconv"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// Neuron names one neuron of the drawn network.
type Neuron struct {
	Layer int // 0 input, 1 hidden, 2 output
	Index int // input: pixel y*9+x; hidden: 0..H-1; output: class
}

// String names the neuron for tooltips, in the language in use: "pixel
// (3, 4)", "hidden 5", "output 1".
func (n Neuron) String() string {
	switch n.Layer {
	case 0:
		return i18n.Sprintf("pixel (%d, %d)", n.Index%gridSize, n.Index/gridSize)
	case 1:
		return i18n.Sprintf("hidden %d", n.Index)
	}
	return i18n.Sprintf("output %d", n.Index)
}

// Edge names one weight. Layer 1 connects input From to hidden To
// (nn.Network.W1[To*81+From]); layer 2 connects hidden From to output To
// (W2[To*H+From]).
type Edge struct {
	Layer    int
	From, To int
}

// Highlight dims the picture and brings some neurons and edges forward,
// for the guided tour and for hover.
type Highlight struct {
	Dim     bool     // fade everything not listed below
	Neurons []Neuron // ringed in the accent colour
	Edges   []Edge   // drawn at full strength on top
	// EdgeValues, when set, colours and sizes the listed edges by these
	// values (e.g. gradients) instead of their weights, each edge scaled by
	// the largest |value| in the map.
	EdgeValues map[Edge]float64
}

// EdgesInto returns every edge that ends at n (none for an input).
func EdgesInto(n Neuron, cfg nn.Config) []Edge {
	var es []Edge
	switch n.Layer {
	case 1:
		for i := range nn.Inputs {
			es = append(es, Edge{1, i, n.Index})
		}
	case 2:
		for h := range cfg.Hidden {
			es = append(es, Edge{2, h, n.Index})
		}
	}
	return es
}

// EdgesOutOf returns every edge that starts at n (none for an output).
func EdgesOutOf(n Neuron, cfg nn.Config) []Edge {
	var es []Edge
	switch n.Layer {
	case 0:
		for h := range cfg.Hidden {
			es = append(es, Edge{1, n.Index, h})
		}
	case 1:
		for c := range cfg.Classes {
			es = append(es, Edge{2, n.Index, c})
		}
	}
	return es
}

// NetworkView draws a network and answers what is under the pointer. Layout
// computes the geometry once per resize; Draw reuses its vertex buffers, so
// drawing every frame does not allocate once they have grown.
type NetworkView struct {
	// Names labels the outputs; "0", "1", … when nil or short.
	Names []string

	bounds Rect
	cfg    nn.Config
	scale  float64
	grid   Rect // the 81 inputs as a 9×9 grid
	in     [nn.Inputs]pt
	hid    []pt
	out    []pt
	rHid   float64 // hidden neuron radius
	rOut   float64 // output neuron radius
	labelX float64 // left edge of output labels
	hidX   float64 // centre of the hidden column
	// labelSize is the font size of the output labels.
	labelSize float64
	edgeK     float64 // edge width factor: thinner when there are many hidden neurons

	edges   edgeBuffers
	cache   edgeCache
	noCache bool // draw the edges directly every frame (tests compare both ways)
	nodes   batch
}

// Layout places the neurons of a cfg-shaped network in r. Call it when the
// window or the network shape changes.
func (v *NetworkView) Layout(r Rect, cfg nn.Config, scale float64) {
	if scale <= 0 {
		scale = 1
	}
	v.bounds, v.cfg, v.scale = r, cfg, scale
	H, C := max(cfg.Hidden, 0), max(cfg.Classes, 0)
	pad := 8 * scale
	in := r.Inset(pad)
	// A row for the layer captions (see drawCaptions).
	_, in = in.SplitTop(LineHeight(captionSize * scale))

	// Outputs on the right, with just the room their "name 100%" labels
	// need, so the drawing uses the whole width.
	outSpace := in.H / float64(max(C, 1))
	v.rOut = math.Max(3*scale, math.Min(18*scale, outSpace*0.36))
	v.labelSize = math.Min(18*scale, outSpace*0.6)
	labelW := 0.0
	for c := range C {
		w, _ := MeasureBold(v.name(c)+" ", v.labelSize)
		labelW = math.Max(labelW, w)
	}
	pw, _ := MeasureText("100%", v.labelSize*0.85)
	labelW += pw + 8*scale
	outX := in.X + in.W - labelW - v.rOut
	v.labelX = outX + v.rOut + 8*scale

	// The input grid on the left: as large as the height allows, up to 30%
	// of the width so the first layer of edges has room to fan out.
	g := math.Min(in.H*0.85, in.W*0.3)
	g = math.Max(0, math.Floor(g/gridSize)*gridSize)
	v.grid = Rect{in.X, in.Y + (in.H-g)/2, g, g}
	for i := range nn.Inputs {
		c := gridCell(v.grid, i%gridSize, i/gridSize)
		x, y := c.Center()
		v.in[i] = pt{x, y}
	}

	// Hidden neurons in a column between the grid and the outputs. When
	// they do not fit at a readable size (big enough to point at) they
	// zigzag over up to four sub-columns, each neuron a little below the
	// previous one, so the top-to-bottom order is still the index order.
	v.hidX = v.grid.X + v.grid.W + (outX-v.grid.X-v.grid.W)*0.6
	minStep := 14 * scale
	cols := 1
	for cols < 4 && in.H/float64(max(H, 1))*float64(cols) < minStep {
		cols++
	}
	step := in.H / float64(max(H, 1)) // vertical distance between consecutive neurons
	v.rHid = math.Max(1.5*scale, math.Min(14*scale, step*float64(cols)*0.34))
	colGap := 2.6 * v.rHid
	v.hid = resizePts(v.hid, H)
	top := in.Y + (in.H-step*float64(H))/2 + step/2
	for i := range H {
		col := float64(i%cols) - float64(cols-1)/2
		v.hid[i] = pt{v.hidX + col*colGap, top + step*float64(i)}
	}

	v.out = resizePts(v.out, C)
	oTop := in.Y + (in.H-outSpace*float64(C))/2 + outSpace/2
	for c := range C {
		v.out[c] = pt{outX, oTop + outSpace*float64(c)}
	}
	// Thinner edges when many hidden neurons share the space; the default
	// 24 keeps full width.
	v.edgeK = clamp(math.Sqrt(24/float64(max(H, 1))), 0.35, 1)
}

func resizePts(p []pt, n int) []pt {
	if cap(p) < n {
		return make([]pt, n)
	}
	return p[:n]
}

// Bounds returns the rectangle given to Layout.
func (v *NetworkView) Bounds() Rect { return v.bounds }

// GridRect returns where the input neurons are drawn as a 9×9 grid.
func (v *NetworkView) GridRect() Rect { return v.grid }

// NeuronPos returns the centre of a neuron, or (0, 0) if it does not exist.
func (v *NetworkView) NeuronPos(n Neuron) (x, y float64) {
	p, ok := v.pos(n)
	if !ok {
		return 0, 0
	}
	return p.x, p.y
}

func (v *NetworkView) pos(n Neuron) (pt, bool) {
	switch {
	case n.Layer == 0 && n.Index >= 0 && n.Index < nn.Inputs:
		return v.in[n.Index], true
	case n.Layer == 1 && n.Index >= 0 && n.Index < len(v.hid):
		return v.hid[n.Index], true
	case n.Layer == 2 && n.Index >= 0 && n.Index < len(v.out):
		return v.out[n.Index], true
	}
	return pt{}, false
}

// NeuronAt returns the neuron under (x, y): an input cell of the grid, or a
// hidden or output circle within a few pixels (the nearest wins).
func (v *NetworkView) NeuronAt(x, y float64) (Neuron, bool) {
	if cx, cy, ok := GridCellAt(v.grid, x, y); ok {
		return Neuron{0, cy*gridSize + cx}, true
	}
	slop := 4 * v.scale
	best, bestD, found := Neuron{}, math.Inf(1), false
	try := func(layer int, ps []pt, r float64) {
		for i, p := range ps {
			if d := math.Hypot(x-p.x, y-p.y); d <= r+slop && d < bestD {
				best, bestD, found = Neuron{layer, i}, d, true
			}
		}
	}
	try(1, v.hid, v.rHid)
	try(2, v.out, v.rOut)
	return best, found
}

// EdgeAt returns the edge nearest to (x, y) if it is within a few pixels
// (or within its own half-width, for thick edges). Points over the input
// grid or a neuron are not on an edge.
func (v *NetworkView) EdgeAt(x, y float64) (Edge, bool) {
	if v.grid.Contains(x, y) {
		return Edge{}, false
	}
	if _, ok := v.NeuronAt(x, y); ok {
		return Edge{}, false
	}
	tol := 4 * v.scale
	best, bestD, found := Edge{}, math.Inf(1), false
	for h, ph := range v.hid {
		for i, pi := range v.in {
			if d := DistToSegment(x, y, pi.x, pi.y, ph.x, ph.y); d <= tol && d < bestD {
				best, bestD, found = Edge{1, i, h}, d, true
			}
		}
		for c, pc := range v.out {
			if d := DistToSegment(x, y, ph.x, ph.y, pc.x, pc.y); d <= tol && d < bestD {
				best, bestD, found = Edge{2, h, c}, d, true
			}
		}
	}
	return best, found
}

// name returns the label of output c.
func (v *NetworkView) name(c int) string {
	if c < len(v.Names) && v.Names[c] != "" {
		return v.Names[c]
	}
	return strconv.Itoa(c)
}

// edgeEnds returns the end points of an edge as drawn.
func (v *NetworkView) edgeEnds(e Edge) (p0, p1 pt) {
	if e.Layer == 1 {
		return v.in[e.From], v.hid[e.To]
	}
	return v.hid[e.From], v.out[e.To]
}
