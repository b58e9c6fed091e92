package render

import (
	"encoding/binary"
	"image"
	"image/color"
	"math"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
)

// measureTol is how far a measured width may be from the sum of the
// advances: advances are 26.6 fixed point, 1/64 px each, a few per string.
const measureTol = 0.1

// hheaMetrics reads the ascender and descender (font units) and units per
// em straight from a TrueType file, as an oracle independent of sfnt.
func hheaMetrics(t *testing.T, ttf []byte) (asc, desc, upem float64) {
	t.Helper()
	table := func(tag string) []byte {
		n := int(binary.BigEndian.Uint16(ttf[4:]))
		for i := range n {
			rec := ttf[12+16*i:]
			if string(rec[:4]) == tag {
				off := binary.BigEndian.Uint32(rec[8:])
				return ttf[off:]
			}
		}
		t.Fatalf("no %s table", tag)
		return nil
	}
	head, hhea := table("head"), table("hhea")
	upem = float64(binary.BigEndian.Uint16(head[18:]))
	asc = float64(int16(binary.BigEndian.Uint16(hhea[4:])))
	desc = -float64(int16(binary.BigEndian.Uint16(hhea[6:])))
	return asc, desc, upem
}

func TestMeasureTextMatchesFontMetrics(t *testing.T) {
	asc, desc, upem := hheaMetrics(t, goregular.TTF)
	for _, size := range []float64{9, 13, 15.5, 24} {
		_, h := MeasureText("Hg", size)
		want := (asc + desc) * size / upem
		if math.Abs(h-want) > measureTol {
			t.Errorf("size %v: one line %.3f high, want ascent+descent %.3f", size, h, want)
		}
		_, h3 := MeasureText("a\nb\nc", size)
		if want3 := 2*LineHeight(size) + want; math.Abs(h3-want3) > measureTol {
			t.Errorf("size %v: three lines %.3f high, want %.3f", size, h3, want3)
		}
		// Widths add up: no shaping, and the Go fonts have no kerning.
		wa, _ := MeasureText("Wave", size)
		wb, _ := MeasureText("To", size)
		if wab, _ := MeasureText("WaveTo", size); math.Abs(wab-wa-wb) > measureTol {
			t.Errorf("size %v: width of WaveTo %.3f, want %.3f + %.3f", size, wab, wa, wb)
		}
		// The widest line sets the width.
		if w2, _ := MeasureText("To\nWave", size); math.Abs(w2-wa) > measureTol {
			t.Errorf("size %v: two-line width %.3f, want the widest line's %.3f", size, w2, wa)
		}
	}
	// Layout is linear in the size, so scaling a size to fit a width fits.
	const linearTol = 1e-9 // float64 rounding of a few dozen products
	w1, _ := MeasureText("Weights 0.25 → Σ", 14.25)
	for _, k := range []float64{0.94, 1.1, 2} {
		if wk, _ := MeasureText("Weights 0.25 → Σ", 14.25*k); math.Abs(wk-k*w1) > linearTol*wk {
			t.Errorf("width at %v× the size is %v, want %v", k, wk, k*w1)
		}
	}
	if w, h := MeasureText("", 13); w != 0 || h != 0 {
		t.Errorf("empty string measures %v×%v", w, h)
	}
	if w, _ := MeasureBold("Loss", 13); w <= 0 {
		t.Errorf("bold width %v", w)
	}
}

// inkBox is the bounding box of the pixels that differ from the panel.
func inkBox(p *image.RGBA) (image.Rectangle, int) {
	var box image.Rectangle
	n := 0
	b := p.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if !near(p.RGBAAt(x, y), Current.Panel, colourTol) {
				box = box.Union(image.Rect(x, y, x+1, y+1))
				n++
			}
		}
	}
	return box, n
}

func TestTextAlignAndDescenders(t *testing.T) {
	const size = 20
	const x, y = 100, 10
	s := "Hgy"
	w, h := MeasureText(s, size)
	for _, tc := range []struct {
		align Align
		left  float64
	}{{AlignLeft, x}, {AlignCenter, x - w/2}, {AlignRight, x - w}} {
		img := canvas(200, 60)
		Text(img, s, x, y, size, Current.Text, tc.align)
		box, n := inkBox(pixels(img))
		if n < 50 {
			t.Fatalf("align %v: only %d ink pixels", tc.align, n)
		}
		// Side bearings keep the ink a few pixels inside the advance box.
		const bearing = 4
		if float64(box.Min.X) < tc.left-1 || float64(box.Min.X) > tc.left+bearing ||
			float64(box.Max.X) > tc.left+w+1 || float64(box.Max.X) < tc.left+w-bearing {
			t.Errorf("align %v: ink spans x %d..%d, want within %.1f..%.1f", tc.align, box.Min.X, box.Max.X, tc.left, tc.left+w)
		}
		// The descenders of g and y reach below the baseline and stay
		// inside the measured height.
		if float64(box.Max.Y) > y+h+1 {
			t.Errorf("align %v: ink reaches y %d, below the measured bottom %.1f", tc.align, box.Max.Y, y+h)
		}
		if float64(box.Max.Y) < y+h-4 {
			t.Errorf("align %v: ink ends at y %d, descenders missing (bottom %.1f)", tc.align, box.Max.Y, y+h)
		}
	}
}

func TestTextColourAndLines(t *testing.T) {
	img := canvas(200, 100)
	red := color.RGBA{220, 0, 0, 255}
	Text(img, "I\nI", 20, 10, 20, red, AlignLeft)
	p := pixels(img)
	box, _ := inkBox(p)
	// The two I's are one line height apart, so the ink spans about one
	// line height plus a cap height.
	if got, min := float64(box.Dy()), LineHeight(20)+10; got < min {
		t.Errorf("two lines span %v px, want at least %v", got, min)
	}
	// The centre of the stem is solid red.
	var reddest color.RGBA
	for yy := box.Min.Y; yy < box.Max.Y; yy++ {
		for xx := box.Min.X; xx < box.Max.X; xx++ {
			if c := p.RGBAAt(xx, yy); dist(c, red) < dist(reddest, red) {
				reddest = c
			}
		}
	}
	if !near(reddest, red, colourTol) {
		t.Errorf("text colour %v, want %v", reddest, red)
	}
}

func TestTextUnicodeAndMissingGlyphs(t *testing.T) {
	// The maths and arrows the help texts use are all in Go Regular.
	for _, r := range "−Σσ→←·×₀₁ⁿηΔ" {
		textMu.Lock()
		regularFont.parse()
		_, ok := regularFont.em.GlyphAdvance(r)
		textMu.Unlock()
		if !ok {
			t.Errorf("Go Regular lacks %q", r)
		}
	}
	// A rune no Go font has draws the .notdef box: no panic, some ink,
	// and a width.
	for _, s := range []string{"中", "\uE000", "a\x00b"} {
		img := canvas(80, 40)
		Text(img, s, 10, 5, 20, Current.Text, AlignLeft)
		BoldText(img, s, 10, 5, 20, Current.Text, AlignLeft)
		MonoText(img, s, 10, 5, 20, Current.Text, AlignLeft)
		if w, _ := MeasureText(s, 20); w <= 0 {
			t.Errorf("%q measures %v wide", s, w)
		}
		if _, n := inkBox(pixels(img)); n == 0 {
			t.Errorf("%q drew nothing", s)
		}
	}
}

func TestMonoColumns(t *testing.T) {
	for _, size := range []float64{11, 14.25} {
		wi, _ := MeasureMono("iiii", size)
		wm, _ := MeasureMono("MMMM", size)
		w0, _ := MeasureMono("0", size)
		if math.Abs(wi-wm) > measureTol || math.Abs(wi-4*w0) > measureTol {
			t.Errorf("size %v: iiii %.3f, MMMM %.3f, 4×0 %.3f: not monospaced", size, wi, wm, 4*w0)
		}
		if wr, _ := MeasureText("iiii", size); wr >= wi {
			t.Errorf("size %v: proportional iiii (%.3f) not narrower than mono (%.3f)", size, wr, wi)
		}
	}
}

func TestTextSteadyStateDoesNotAllocate(t *testing.T) {
	img := canvas(200, 60)
	s := "Loss 0.25 → 0.125 · Σ"
	// Boxing a color.RGBA into color.Color at the call allocates; that is
	// the caller's, so the colour is boxed once here.
	var clr color.Color = Current.Text
	Text(img, s, 10, 10, 15, clr, AlignCenter) // rasterises the glyphs
	if n := testing.AllocsPerRun(50, func() {
		MeasureText(s, 15)
		MeasureBold(s, 15)
		Ellipsize(s, 15, 1000)
		Text(img, s, 10, 10, 15, clr, AlignCenter)
	}); n != 0 {
		t.Errorf("measuring and drawing cached text allocates %v times", n)
	}
}

// BenchmarkMeasureText measures a panel's worth of text. (Drawing is left
// out: inside one test frame Ebiten's command queue only grows, so a draw
// benchmark would time the queue, not the text.)
func BenchmarkMeasureText(b *testing.B) {
	lines := []string{"Learning rate", "0.50", "Hidden", "128", "Epoch 4 of 10", "Loss 0.2531 → 0.1204", "Σ wᵢ·xᵢ + b = −0.7271"}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range lines {
			MeasureText(s, 15)
			MeasureBold(s, 15)
		}
	}
}
