package render

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/nn"
)

// Why a cache: the edges are thousands of long, overlapping, blended quads
// over the whole network panel, the most expensive thing on screen for a
// software renderer (SwiftShader, llvmpipe, weak integrated GPUs). The
// picture only changes when the weights, the layout or the theme do, so
// it is drawn once into an image of the view's size and that image is
// copied every frame. Highlighted views (tour, hover) still draw directly.
type edgeCache struct {
	img *ebiten.Image
	key uint64
	ok  bool
}

// plainEdges reports whether hl leaves every edge as its weight draws it,
// so the cached picture can stand in.
func plainEdges(hl *Highlight) bool {
	return hl == nil || (!hl.Dim && len(hl.Edges) == 0 && len(hl.EdgeValues) == 0)
}

// drawEdgesCached draws net's edges through the cache.
func (v *NetworkView) drawEdgesCached(dst *ebiten.Image, net *nn.Network) {
	r := image.Rect(int(math.Floor(v.bounds.X)), int(math.Floor(v.bounds.Y)),
		int(math.Ceil(v.bounds.X+v.bounds.W)), int(math.Ceil(v.bounds.Y+v.bounds.H)))
	if r.Empty() {
		return
	}
	c := &v.cache
	if c.img == nil || c.img.Bounds().Size() != r.Size() {
		if c.img != nil {
			c.img.Deallocate()
		}
		c.img = ebiten.NewImage(r.Dx(), r.Dy())
		c.ok = false
	}
	key := v.edgeKey(net, r)
	if !c.ok || c.key != key {
		c.img.Clear()
		v.edges.ox, v.edges.oy = float64(r.Min.X), float64(r.Min.Y)
		v.drawEdges(c.img, net, nil)
		v.edges.ox, v.edges.oy = 0, 0
		c.key, c.ok = key, true
	}
	var op ebiten.DrawImageOptions
	op.GeoM.Translate(float64(r.Min.X), float64(r.Min.Y))
	dst.DrawImage(c.img, &op)
}

// edgeKey fingerprints everything the edge picture depends on: every
// weight's bits, where the view is, its scale and the theme's colours.
// FNV-1a over 64-bit words: a few µs for the default net.
func (v *NetworkView) edgeKey(net *nn.Network, r image.Rectangle) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	mix := func(x uint64) { h = (h ^ x) * prime }
	for _, w := range net.W1 {
		mix(math.Float64bits(w))
	}
	for _, w := range net.W2 {
		mix(math.Float64bits(w))
	}
	mix(uint64(r.Min.X)<<32 | uint64(uint32(r.Min.Y)))
	mix(uint64(r.Dx())<<32 | uint64(uint32(r.Dy())))
	mix(math.Float64bits(v.scale))
	p, n := Current.Positive, Current.Negative
	mix(uint64(p.R)<<24 | uint64(p.G)<<16 | uint64(p.B)<<8 | uint64(p.A))
	mix(uint64(n.R)<<24 | uint64(n.G)<<16 | uint64(n.B)<<8 | uint64(n.A))
	return h
}
