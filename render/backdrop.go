package render

import "github.com/hajimehoshi/ebiten/v2"

// Why a backdrop: the window's background and the empty panels under
// everything else (their fills, shadows, borders, titles and "?" icons)
// are most of the pixels a paint fills, and a software renderer
// (SwiftShader in a browser without a GPU, weak integrated GPUs) pays per
// pixel and per layer: drawn anew they took about a quarter of a paint
// there (BENCHMARKS.md, "Slow motion in the browser"). They change only
// with the layout, the language and the theme, so they are drawn once
// into an image of the screen's size, which each paint copies in one
// opaque pass.
type Backdrop struct {
	img *ebiten.Image
}

// Draw covers the whole of dst with the backdrop. paint draws the
// backdrop's picture; it is called when changed says that something the
// picture shows is new since the last call, or when dst's size is.
func (b *Backdrop) Draw(dst *ebiten.Image, changed bool, paint func(*ebiten.Image)) {
	size := dst.Bounds().Size()
	if b.img == nil || b.img.Bounds().Size() != size {
		if b.img != nil {
			b.img.Deallocate()
		}
		b.img = ebiten.NewImage(size.X, size.Y)
		paint(b.img)
	} else if changed {
		b.img.Clear()
		paint(b.img)
	}
	var op ebiten.DrawImageOptions
	op.Blend = ebiten.BlendCopy
	op.GeoM.Translate(float64(dst.Bounds().Min.X), float64(dst.Bounds().Min.Y))
	dst.DrawImage(b.img, &op)
}
