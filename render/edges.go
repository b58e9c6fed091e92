package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/nn"
)

const (
	// dimFactor is the opacity left to edges and neurons faded by
	// Highlight.Dim: enough to keep the shape of the network in view.
	dimFactor = 0.12
	// highlightWidth widens highlighted edges so they stand out in
	// greyscale too.
	highlightWidth = 1.6
	// maxQuads is how many edges (4 vertices each) fit in one
	// DrawTriangles call with uint16 indices.
	maxQuads = maxBatchVertices / 4
	// minVisibleWidth is the thinnest edge in device pixels; thinner
	// anti-aliased quads break up into dots.
	minVisibleWidth = 0.7
)

// edgeBuffers holds the per-frame edge geometry, reused across frames.
type edgeBuffers struct {
	vs    []ebiten.Vertex
	is    []uint16 // the quad index pattern, built once for maxQuads
	flag1 []uint8  // per layer-1 weight index: edgeHL, edgeValue
	flag2 []uint8
	val1  []float64 // per weight index, when flagged edgeValue
	val2  []float64
	lut   edgeLUT
	// ox, oy are subtracted from every vertex: the origin of the image
	// drawn into, (0, 0) for the screen, the cache's corner for edgeCache.
	ox, oy float64
}

const (
	edgeHL    = 1 << iota // listed in Highlight.Edges
	edgeValue             // listed in Highlight.EdgeValues
)

func (b *edgeBuffers) prepare(n1, n2 int, hl *Highlight) (valMax float64) {
	b.flag1 = resizeU8(b.flag1, n1)
	b.flag2 = resizeU8(b.flag2, n2)
	b.val1 = resizeF(b.val1, n1)
	b.val2 = resizeF(b.val2, n2)
	if hl == nil {
		return 0
	}
	H := 0
	if n1 > 0 {
		H = n1 / nn.Inputs
	}
	idx := func(e Edge) (flags []uint8, vals []float64, i int, ok bool) {
		switch e.Layer {
		case 1:
			i = e.To*nn.Inputs + e.From
			return b.flag1, b.val1, i, e.From >= 0 && e.From < nn.Inputs && e.To >= 0 && i < n1
		case 2:
			i = e.To*H + e.From
			return b.flag2, b.val2, i, e.From >= 0 && e.From < H && e.To >= 0 && i < n2
		}
		return nil, nil, 0, false
	}
	for _, e := range hl.Edges {
		if f, _, i, ok := idx(e); ok {
			f[i] |= edgeHL
		}
	}
	for e, x := range hl.EdgeValues {
		if f, vals, i, ok := idx(e); ok && !math.IsNaN(x) {
			f[i] |= edgeValue
			vals[i] = x
			valMax = math.Max(valMax, math.Abs(x))
		}
	}
	return valMax
}

func resizeU8(s []uint8, n int) []uint8 {
	if cap(s) < n {
		return make([]uint8, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func resizeF(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}

// edge appends one edge quad from p0 to p1. Negative values sample the
// dashed row of the dash texture, positive ones the solid row; the texture
// x coordinate runs with the length so dashes keep their size.
func (b *edgeBuffers) edge(p0, p1 pt, w float64, c [4]float32, negative bool, scale float64) {
	dx, dy := p1.x-p0.x, p1.y-p0.y
	l := math.Sqrt(dx*dx + dy*dy)
	if l == 0 || c[3] == 0 {
		return
	}
	// An edge longer than the dash texture is drawn in pieces of its
	// length, each starting the pattern where the last one ended.
	if piece := dashTexels * scale; l > piece {
		mx, my := p0.x+dx*piece/l, p0.y+dy*piece/l
		b.edge(p0, pt{mx, my}, w, c, negative, scale)
		b.edge(pt{mx, my}, p1, w, c, negative, scale)
		return
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	sy := float32(0.5)
	if negative {
		sy = 1.5
	}
	s1 := float32(l / scale)
	cr, cg, cb, ca := c[0], c[1], c[2], c[3]
	v := func(x, y float64, sx float32) ebiten.Vertex {
		return ebiten.Vertex{DstX: float32(x - b.ox), DstY: float32(y - b.oy), SrcX: sx, SrcY: sy,
			ColorR: cr, ColorG: cg, ColorB: cb, ColorA: ca}
	}
	b.vs = append(b.vs,
		v(p0.x+nx, p0.y+ny, 0), v(p1.x+nx, p1.y+ny, s1),
		v(p1.x-nx, p1.y-ny, s1), v(p0.x-nx, p0.y-ny, 0))
}

// flush draws the collected quads, maxQuads per DrawTriangles call.
//
// Why the nearest texel and not linear filtering: the edges are most of
// the pixels a software renderer fills when the network changes, and one
// texel fetch per pixel instead of four took a third off that cost in
// headless Chromium (SwiftShader). The price is a dash end that is not
// smoothed along the line; its sides never were. With the default address
// mode too, edges share the shader every other draw uses (see dash.go).
func (b *edgeBuffers) flush(dst *ebiten.Image) {
	if len(b.is) == 0 {
		b.is = make([]uint16, 0, maxQuads*6)
		for q := range maxQuads {
			i := uint16(q * 4)
			b.is = append(b.is, i, i+1, i+2, i, i+2, i+3)
		}
	}
	op := &ebiten.DrawTrianglesOptions{}
	op.ColorScaleMode = ebiten.ColorScaleModePremultipliedAlpha
	src := dashTexture()
	for start := 0; start < len(b.vs); start += maxQuads * 4 {
		end := min(len(b.vs), start+maxQuads*4)
		dst.DrawTriangles(b.vs[start:end], b.is[:(end-start)/4*6], src, op)
	}
	b.vs = b.vs[:0]
}

// drawEdges draws every weight of net as an edge, highlighted ones last.
func (v *NetworkView) drawEdges(dst *ebiten.Image, net *nn.Network, hl *Highlight) {
	v.buildEdges(net, hl)
	v.edges.flush(dst)
}

// lutSize is the resolution of the edge style table: 1/1024 of the
// strongest weight is finer than one alpha step.
const lutSize = 1024

// edgeLUT caches the alpha and width of an edge by its quantised
// magnitude, so building 20k edges a frame costs a table lookup each
// instead of a math.Pow.
type edgeLUT struct {
	k     float64 // the edge width factor and scale it was built for
	alpha [lutSize + 1]float32
	width [lutSize + 1]float32
}

func (l *edgeLUT) build(edgeK, scale float64) {
	l.k = edgeK * scale
	for q := range lutSize + 1 {
		m := float64(q) / lutSize
		a := edgeAlpha(m)
		if edgeK < 1 {
			// Dense nets: fade weak edges much more than strong ones
			// (alpha^(1/k)), so the few strong weights still stand out.
			a = math.Pow(a, 1/edgeK)
		}
		l.alpha[q] = float32(a)
		l.width[q] = float32(math.Max(minVisibleWidth, WeightWidth(m, 1, edgeK*scale)))
	}
}

// buildEdges fills the edge vertex buffer; once the buffers have grown it
// allocates nothing.
func (v *NetworkView) buildEdges(net *nn.Network, hl *Highlight) {
	b := &v.edges
	valMax := b.prepare(len(net.W1), len(net.W2), hl)
	dim := hl != nil && hl.Dim
	if k := v.edgeK * v.scale; b.lut.k != k {
		b.lut.build(v.edgeK, v.scale)
	}
	inv := func(m float64) float64 {
		if m > 0 {
			return 1 / m
		}
		return 0
	}
	inv1, inv2, invV := inv(MaxAbs(net.W1)), inv(MaxAbs(net.W2)), inv(valMax)
	pos, neg := premulF(Current.Positive), premulF(Current.Negative)
	H := len(v.hid)
	b.vs = b.vs[:0]
	for pass := range 2 {
		top := pass == 1 // highlighted edges go on top
		add := func(flag uint8, w, inv float64, p0, p1 pt) {
			if (flag != 0) != top || w != w { // skip NaN
				return
			}
			if flag&edgeValue != 0 {
				inv = invV
			}
			m := math.Abs(w) * inv
			if m > 1 {
				m = 1
			}
			q := int(m * lutSize)
			a, width := b.lut.alpha[q], b.lut.width[q]
			switch {
			case flag != 0:
				a, width = float32(edgeAlpha(m)), width*highlightWidth
			case dim:
				a *= dimFactor
			}
			c := pos
			if w < 0 {
				c = neg
			}
			b.edge(p0, p1, float64(width), [4]float32{c[0] * a, c[1] * a, c[2] * a, c[3] * a}, w < 0, v.scale)
		}
		for h := range H {
			ph := v.hid[h]
			for i := range nn.Inputs {
				j := h*nn.Inputs + i
				w := net.W1[j]
				if b.flag1[j]&edgeValue != 0 {
					w = b.val1[j]
				}
				add(b.flag1[j], w, inv1, v.in[i], ph)
			}
		}
		for c := range len(v.out) {
			for h := range H {
				j := c*H + h
				w := net.W2[j]
				if b.flag2[j]&edgeValue != 0 {
					w = b.val2[j]
				}
				add(b.flag2[j], w, inv2, v.hid[h], v.out[c])
			}
		}
	}
}
