package render

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
)

// Why our own glyph atlas: a paint shows some 800 glyphs. Drawn as one
// ebiten.Image each, they cost one DrawImage call per glyph, and in the
// browser each call costs tens of µs of wasm (about half of a paint there,
// and so of the time to the first frame). With every glyph a rectangle of
// a few large pages, a whole string becomes one DrawTriangles call.
//
// The pages are packed in shelves: a glyph goes right of the last one on
// the current shelf if it fits, else a new shelf starts below the tallest
// glyph of this one. Glyphs of one size have similar heights, so little is
// wasted, and nothing is ever freed: the glyph caches only grow, by a few
// hundred glyphs per text size in use.

// atlasSize is the side of a page in pixels: 1024² holds thousands of
// glyphs at interface sizes, and is small enough for any WebGL texture.
const atlasSize = 1024

// atlasGap keeps glyphs one pixel apart so that no glyph ever samples its
// neighbour, whatever the filter.
const atlasGap = 1

// atlasPage is one page image and its packing state.
type atlasPage struct {
	img            *ebiten.Image
	x, y, shelfTop int // the next free spot and the current shelf's top
}

// glyphAtlas is the set of pages. The caller holds textMu.
type glyphAtlas struct {
	pages []*atlasPage
	rgba  []byte // scratch for converting masks
}

var glyphs glyphAtlas

// place copies mask within r into a free rectangle of a page as
// premultiplied white, and returns the page and the rectangle. A mask
// larger than a page (text over 1000 px) is clipped to it.
func (a *glyphAtlas) place(mask *image.Alpha, r image.Rectangle) (*ebiten.Image, image.Rectangle) {
	w, h := min(r.Dx(), atlasSize-2*atlasGap), min(r.Dy(), atlasSize-2*atlasGap)
	p := a.spot(w, h)
	at := image.Rect(p.x, p.y, p.x+w, p.y+h)
	p.x += w + atlasGap

	if cap(a.rgba) < 4*w*h {
		a.rgba = make([]byte, 4*w*h)
	}
	pix := a.rgba[:4*w*h]
	for y := 0; y < h; y++ {
		row := mask.Pix[mask.PixOffset(r.Min.X, r.Min.Y+y):]
		for x := 0; x < w; x++ {
			v := row[x]
			i := 4 * (y*w + x)
			pix[i], pix[i+1], pix[i+2], pix[i+3] = v, v, v, v
		}
	}
	p.img.SubImage(at).(*ebiten.Image).WritePixels(pix)
	return p.img, at
}

// spot returns a page with room for w×h at its (x, y), opening a shelf or
// a page when needed.
func (a *glyphAtlas) spot(w, h int) *atlasPage {
	if n := len(a.pages); n > 0 {
		p := a.pages[n-1]
		if p.x+w+atlasGap > atlasSize { // next shelf
			p.x, p.y = atlasGap, p.shelfTop+atlasGap
		}
		if p.y+h+atlasGap <= atlasSize {
			p.shelfTop = max(p.shelfTop, p.y+h)
			return p
		}
	}
	p := &atlasPage{img: ebiten.NewImage(atlasSize, atlasSize), x: atlasGap, y: atlasGap}
	p.shelfTop = p.y + h
	a.pages = append(a.pages, p)
	return p
}
