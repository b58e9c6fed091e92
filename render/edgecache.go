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
