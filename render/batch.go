package render

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// maxBatchVertices is the most vertices one DrawTriangles call can index
// with uint16 indices (Ebiten v2.8 has no DrawTriangles32).
const maxBatchVertices = 1 << 16

// whitePixel is the source for every solid shape: a 3×3 white image whose
// centre pixel is used, so that filtering never samples a neighbour on the
// texture atlas.
var (
	whiteImage = newWhite()
	whitePixel = whiteImage.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
)

func newWhite() *ebiten.Image {
	img := ebiten.NewImage(3, 3)
	pix := make([]byte, 3*3*4)
	for i := range pix {
		pix[i] = 0xff
	}
	img.WritePixels(pix)
	return img
}

// batch collects triangles with per-vertex (premultiplied) colours and
// draws them in as few DrawTriangles calls as the uint16 index limit
// allows. Its slices are reused across frames, so steady-state drawing does
// not allocate. Solid shapes sample whitePixel; text sets src to a glyph
// atlas page and adds textured quads (texRect), one batch for both so that
// the limit, the indices and the blending are written once.
type batch struct {
	vs  []ebiten.Vertex
	is  []uint16
	pts []pt          // scratch outline
	aa  bool          // feather the edges of round shapes (see fillPoly)
	src *ebiten.Image // what the triangles sample; nil for whitePixel
}

type pt struct{ x, y float64 }

// scratch is the batch shared by the one-shot drawing functions. Ebiten
// calls Draw on one goroutine, so sharing is safe.
var scratch batch

func (b *batch) reset() { b.vs, b.is = b.vs[:0], b.is[:0] }

// reserve flushes to dst first if n more vertices would overflow the
// index range, and returns the base index for the next vertices.
func (b *batch) reserve(dst *ebiten.Image, n int) uint16 {
	if len(b.vs)+n > maxBatchVertices {
		b.flush(dst)
	}
	return uint16(len(b.vs))
}

// premulF returns a premultiplied colour as the float32 components 0..1
// that a vertex carries. Shapes convert their colour once, not per vertex.
func premulF(c color.RGBA) [4]float32 {
	return [4]float32{float32(c.R) / 255, float32(c.G) / 255, float32(c.B) / 255, float32(c.A) / 255}
}

// vertex adds a vertex of a solid shape: it samples the centre of
// whitePixel, so b.src must be nil.
func (b *batch) vertex(x, y float64, c [4]float32) {
	b.vs = append(b.vs, ebiten.Vertex{
		DstX: float32(x), DstY: float32(y), SrcX: 1.5, SrcY: 1.5,
		ColorR: c[0], ColorG: c[1], ColorB: c[2], ColorA: c[3],
	})
}

// flush draws what has been collected and empties the batch.
func (b *batch) flush(dst *ebiten.Image) {
	if len(b.is) > 0 {
		src := b.src
		if src == nil {
			src = whitePixel
		}
		op := &ebiten.DrawTrianglesOptions{}
		op.ColorScaleMode = ebiten.ColorScaleModePremultipliedAlpha
		dst.DrawTriangles(b.vs, b.is, src, op)
	}
	b.reset()
}

// from makes src the image the following triangles sample (nil for solid
// shapes), first drawing what was collected from another.
func (b *batch) from(dst, src *ebiten.Image) {
	if src != b.src {
		b.flush(dst)
		b.src = src
	}
}

// quadIndices adds the two triangles of the quad whose four vertices, in
// order around it, start at i.
func (b *batch) quadIndices(i uint16) {
	b.is = append(b.is, i, i+1, i+2, i, i+2, i+3)
}

// quad adds the quadrilateral p0 p1 p2 p3 (in order around it).
func (b *batch) quad(dst *ebiten.Image, x0, y0, x1, y1, x2, y2, x3, y3 float64, c color.RGBA) {
	i := b.reserve(dst, 4)
	f := premulF(c)
	b.vertex(x0, y0, f)
	b.vertex(x1, y1, f)
	b.vertex(x2, y2, f)
	b.vertex(x3, y3, f)
	b.quadIndices(i)
}

// texRect adds the rectangle sr of b.src, unscaled, with its top-left at
// (x, y) and tinted by c: a glyph from an atlas page.
func (b *batch) texRect(dst *ebiten.Image, x, y float64, sr image.Rectangle, c [4]float32) {
	i := b.reserve(dst, 4)
	w, h := float32(sr.Dx()), float32(sr.Dy())
	x0, y0 := float32(x), float32(y)
	sx, sy := float32(sr.Min.X), float32(sr.Min.Y)
	v := ebiten.Vertex{ColorR: c[0], ColorG: c[1], ColorB: c[2], ColorA: c[3]}
	for _, k := range [4][2]float32{{0, 0}, {w, 0}, {w, h}, {0, h}} {
		v.DstX, v.DstY, v.SrcX, v.SrcY = x0+k[0], y0+k[1], sx+k[0], sy+k[1]
		b.vs = append(b.vs, v)
	}
	b.quadIndices(i)
}

func (b *batch) rect(dst *ebiten.Image, r Rect, c color.RGBA) {
	if r.Empty() || c.A == 0 {
		return
	}
	b.quad(dst, r.X, r.Y, r.X+r.W, r.Y, r.X+r.W, r.Y+r.H, r.X, r.Y+r.H, c)
}

// line adds a straight stroke of width w from (x0, y0) to (x1, y1).
func (b *batch) line(dst *ebiten.Image, x0, y0, x1, y1, w float64, c color.RGBA) {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l == 0 || c.A == 0 {
		return
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	b.quad(dst, x0+nx, y0+ny, x1+nx, y1+ny, x1-nx, y1-ny, x0-nx, y0-ny, c)
}

// feather is the width in pixels over which a smooth shape's edge fades
// from its colour to transparent.
const feather = 1.0

// Why feathering and not DrawTrianglesOptions.AntiAlias: Ebiten draws
// anti-aliased triangles into a double-size offscreen image and composes it
// onto the destination whenever the next draw is not anti-aliased. A frame
// that alternates panels, text and round shapes then copies the whole
// screen dozens of times, which brought a software-rendered browser down to
// a frame every few seconds. A ring of vertices fading to transparent gives
// the same smooth edge in ordinary triangles that batch with everything else.

// fillPoly fills the convex outline in b.pts: a triangle fan, plus a
// feathered rim when b.aa is set.
func (b *batch) fillPoly(dst *ebiten.Image, c color.RGBA) {
	n := len(b.pts)
	if n < 3 || c.A == 0 {
		return
	}
	f := premulF(c)
	if !b.aa {
		i := b.reserve(dst, n)
		for _, p := range b.pts {
			b.vertex(p.x, p.y, f)
		}
		b.fan(i, n)
		return
	}
	i := b.reserve(dst, 2*n)
	b.ring(-feather/2, f)
	b.ring(feather/2, [4]float32{})
	b.fan(i, n)
	b.band(i, i+uint16(n), n)
}

// strokePoly strokes the closed outline in b.pts with width w centred on
// it, feathered on both sides when b.aa is set.
func (b *batch) strokePoly(dst *ebiten.Image, w float64, c color.RGBA) {
	n := len(b.pts)
	if n < 2 || c.A == 0 || w <= 0 {
		return
	}
	f := premulF(c)
	if !b.aa {
		i := b.reserve(dst, 2*n)
		b.ring(w/2, f)
		b.ring(-w/2, f)
		b.band(i, i+uint16(n), n)
		return
	}
	// A line no wider than the feather has no solid middle: its colour
	// peaks on the outline itself, and the middle band would be triangles
	// of no area that a software renderer still sets up.
	rings, m := [4]float64{w/2 + feather/2, 0, -w/2 - feather/2}, 3
	if solid := w/2 - feather/2; solid > 0 {
		rings, m = [4]float64{w/2 + feather/2, solid, -solid, -w/2 - feather/2}, 4
	}
	i := b.reserve(dst, m*n)
	for k, d := range rings[:m] {
		c := f
		if k == 0 || k == m-1 {
			c = [4]float32{}
		}
		b.ring(d, c)
	}
	for k := range m - 1 {
		b.band(i+uint16(k*n), i+uint16((k+1)*n), n)
	}
}

// ring adds the outline in b.pts moved by d along its outward normals
// (inward for negative d), in colour c (premultiplied, as premulF gives). The normal at a point is the
// perpendicular of the chord from its neighbours, turned away from the
// centroid, which is outward for the convex shapes drawn here.
func (b *batch) ring(d float64, c [4]float32) {
	n := len(b.pts)
	var cx, cy float64
	for _, p := range b.pts {
		cx += p.x
		cy += p.y
	}
	cx, cy = cx/float64(n), cy/float64(n)
	for k, p := range b.pts {
		prev, next := b.pts[(k+n-1)%n], b.pts[(k+1)%n]
		nx, ny := next.y-prev.y, -(next.x - prev.x)
		if l := math.Hypot(nx, ny); l > 0 {
			nx, ny = nx/l, ny/l
		}
		if nx*(p.x-cx)+ny*(p.y-cy) < 0 {
			nx, ny = -nx, -ny
		}
		b.vertex(p.x+nx*d, p.y+ny*d, c)
	}
}

// fan adds the triangles of the convex polygon whose n vertices start at
// i and lie where b.pts says.
//
// Why not a fan from one vertex: a software renderer (SwiftShader, in a
// browser without a GPU) pays for every row of every triangle, and a fan
// of a panel's rounded outline is dozens of slivers each as tall as the
// panel: painting the panels cost more than the pixels they fill. Here the
// triangles are cut top to bottom instead, between the two sides of the
// outline, so each row of the shape is in about two triangles.
func (b *batch) fan(i uint16, n int) {
	top := 0
	for k, p := range b.pts[:n] {
		if p.y < b.pts[top].y {
			top = k
		}
	}
	wrap := func(k int) int { return (k%n + n) % n }
	// The two sides run from top, one with the outline's order, one
	// against it; each step takes the side whose next vertex is higher.
	f, g := wrap(top+1), wrap(top-1)
	b.is = append(b.is, i+uint16(top), i+uint16(f), i+uint16(g))
	for range n - 3 {
		if nf, ng := wrap(f+1), wrap(g-1); b.pts[nf].y <= b.pts[ng].y {
			b.is = append(b.is, i+uint16(f), i+uint16(nf), i+uint16(g))
			f = nf
		} else {
			b.is = append(b.is, i+uint16(f), i+uint16(ng), i+uint16(g))
			g = ng
		}
	}
}

// band adds the quads between two closed rings of n vertices each.
func (b *batch) band(a, o uint16, n int) {
	for k := range n {
		k1 := uint16((k + 1) % n)
		p, q := a+uint16(k), o+uint16(k)
		b.is = append(b.is, p, a+k1, o+k1, p, o+k1, q)
	}
}

// roundRectPts puts the outline of r with corner radius rad into b.pts.
func (b *batch) roundRectPts(r Rect, rad float64) {
	b.pts = b.pts[:0]
	rad = math.Max(0, math.Min(rad, math.Min(r.W, r.H)/2))
	seg := arcSegments(rad) / 4
	corners := [4]struct{ cx, cy, a float64 }{
		{r.X + r.W - rad, r.Y + rad, -math.Pi / 2},
		{r.X + r.W - rad, r.Y + r.H - rad, 0},
		{r.X + rad, r.Y + r.H - rad, math.Pi / 2},
		{r.X + rad, r.Y + rad, math.Pi},
	}
	for _, c := range corners {
		for k := 0; k <= seg; k++ {
			a := c.a + math.Pi/2*float64(k)/float64(seg)
			b.pts = append(b.pts, pt{c.cx + rad*math.Cos(a), c.cy + rad*math.Sin(a)})
		}
	}
}

// circlePts puts the outline of a circle into b.pts.
func (b *batch) circlePts(cx, cy, rad float64) {
	b.pts = b.pts[:0]
	n := arcSegments(rad)
	for k := range n {
		a := 2 * math.Pi * float64(k) / float64(n)
		b.pts = append(b.pts, pt{cx + rad*math.Cos(a), cy + rad*math.Sin(a)})
	}
}

// arcSegments is how many segments a full circle of radius r needs to look
// round: about one per 4 px of circumference, a multiple of 4, 8..64. A
// chord of 4 px leaves the arc by less than 0.2 px from a radius of 6 px
// up, which the feathered edge hides, and every segment is triangles a
// software renderer pays for one by one (see fan).
func arcSegments(r float64) int {
	n := int(math.Ceil(math.Pi*r/8)) * 4
	return max(8, min(64, n))
}

// fillRoundRect draws r with rounded corners in one call.
func fillRoundRect(dst *ebiten.Image, r Rect, rad float64, c color.RGBA) {
	scratch.aa = true
	scratch.roundRectPts(r, rad)
	scratch.fillPoly(dst, c)
	scratch.flush(dst)
}

// strokeRoundRect outlines r with rounded corners.
func strokeRoundRect(dst *ebiten.Image, r Rect, rad, w float64, c color.RGBA) {
	scratch.aa = true
	scratch.roundRectPts(r, rad)
	scratch.strokePoly(dst, w, c)
	scratch.flush(dst)
}

// fillCircle draws a filled circle.
func fillCircle(dst *ebiten.Image, cx, cy, rad float64, c color.RGBA) {
	scratch.aa = true
	scratch.circlePts(cx, cy, rad)
	scratch.fillPoly(dst, c)
	scratch.flush(dst)
}

// fillRect draws an axis-aligned rectangle without anti-aliasing (crisp
// edges on pixel boundaries).
func fillRect(dst *ebiten.Image, r Rect, c color.RGBA) {
	scratch.aa = false
	scratch.rect(dst, r, c)
	scratch.flush(dst)
}

// toRGBA converts any colour to (premultiplied) color.RGBA.
func toRGBA(c color.Color) color.RGBA {
	if c == nil {
		return Current.Text
	}
	return color.RGBAModel.Convert(c).(color.RGBA)
}
