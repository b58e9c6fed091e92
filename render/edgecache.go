package render

import (
	"image"
	"image/color"
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
	key edgeKey
	ok  bool
}

// plainEdges reports whether hl leaves every edge as its weight draws it,
// so the cached picture can stand in.
func plainEdges(hl *Highlight) bool {
	return hl == nil || (!hl.Dim && len(hl.Edges) == 0 && len(hl.EdgeValues) == 0)
}

// drawEdgesCached draws net's edges through the cache.
func (v *NetworkView) drawEdgesCached(dst *ebiten.Image, net *nn.Network) {
	r := v.edgeArea()
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

// edgeArea is where edges can be: the box around every neuron they join,
// widened by the widest edge. It is about a third of the view, and the
// cache is cleared, redrawn and copied at that size (a software renderer
// pays for every pixel of each).
func (v *NetworkView) edgeArea() image.Rectangle {
	if len(v.hid) == 0 || len(v.out) == 0 {
		return image.Rectangle{}
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, ps := range [][]pt{v.in[:], v.hid, v.out} {
		for _, p := range ps {
			x0, y0, x1, y1 = math.Min(x0, p.x), math.Min(y0, p.y), math.Max(x1, p.x), math.Max(y1, p.y)
		}
	}
	m := maxEdgeWidth*v.scale/2 + 1
	return Rect{x0 - m, y0 - m, x1 - x0 + 2*m, y1 - y0 + 2*m}.Pixels().Intersect(v.bounds.Pixels())
}

// edgeKey is everything the edge picture depends on: the weights (by
// their version, which every write changes: see nn.Network.Version), where
// the view is, its scale and the theme's colours.
type edgeKey struct {
	net         uint64
	at          image.Rectangle
	scale       float64
	plus, minus color.RGBA
}

func (v *NetworkView) edgeKey(net *nn.Network, r image.Rectangle) edgeKey {
	return edgeKey{net.Version(), r, v.scale, Current.Positive, Current.Negative}
}
