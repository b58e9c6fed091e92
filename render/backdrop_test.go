package render

import (
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// The backdrop shows what its paint draws straight onto a screen, and
// paints again only when told of a change or when the screen's size
// changes.
func TestBackdropPaintsOncePerKey(t *testing.T) {
	panels := func(title string) func(*ebiten.Image) {
		return func(img *ebiten.Image) {
			img.Fill(Current.Background)
			DrawPanel(img, Rect{10, 10, 200, 120}, title, 1)
			DrawPanel(img, Rect{220, 10, 90, 150}, "", 1)
		}
	}
	read := func(img *ebiten.Image) []byte {
		pix := make([]byte, 4*img.Bounds().Dx()*img.Bounds().Dy())
		img.ReadPixels(pix)
		return pix
	}
	var b Backdrop
	paints, last := 0, ""
	draw := func(w, h int, key string) []byte {
		dst := ebiten.NewImage(w, h)
		dst.Fill(Current.Negative) // the backdrop covers everything
		b.Draw(dst, key != last, func(img *ebiten.Image) { paints++; panels(key)(img) })
		last = key
		return read(dst)
	}
	direct := func(w, h int, key string) []byte {
		dst := ebiten.NewImage(w, h)
		panels(key)(dst)
		return read(dst)
	}
	for _, c := range []struct {
		w, h   int
		key    string
		paints int // after this call
	}{{320, 200, "Draw", 1}, {320, 200, "Draw", 1}, {320, 200, "Zeichnen", 2}, {400, 240, "Zeichnen", 3}, {400, 240, "Zeichnen", 3}} {
		got := draw(c.w, c.h, c.key)
		if paints != c.paints {
			t.Errorf("%d×%d %q: %d paints, want %d", c.w, c.h, c.key, paints, c.paints)
		}
		// The same drawing lands on the screen or on an image at another
		// place of the GPU's texture atlas, so blending may round a
		// feathered edge's pixel one step apart; a layer missing or
		// misplaced is tens of steps.
		if d := maxDiff(got, direct(c.w, c.h, c.key)); d > 2 {
			t.Errorf("%d×%d %q: the backdrop differs from the panels drawn directly by up to %d", c.w, c.h, c.key, d)
		}
	}
}

// maxDiff is the largest difference between two pixel buffers' bytes.
func maxDiff(a, b []byte) int {
	if len(a) != len(b) {
		return 255
	}
	d := 0
	for i := range a {
		d = max(d, int(a[i])-int(b[i]), int(b[i])-int(a[i]))
	}
	return d
}
