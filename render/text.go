package render

import (
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
)

// Align is the horizontal alignment of text relative to the x passed to Text.
type Align int

const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// lineSpacing is the line height as a multiple of the font size; 1.3 is a
// comfortable reading leading for a sans serif.
const lineSpacing = 1.3

// Text draws s with its top-left (AlignLeft), top-centre (AlignCenter) or
// top-right (AlignRight) at (x, y), in the regular face at size pixels.
// Newlines start new lines.
func Text(dst *ebiten.Image, s string, x, y, size float64, clr color.Color, align Align) {
	drawText(dst, s, x, y, size, clr, align, false)
}

// BoldText is Text in the bold face, for titles and numbers that matter.
func BoldText(dst *ebiten.Image, s string, x, y, size float64, clr color.Color, align Align) {
	drawText(dst, s, x, y, size, clr, align, true)
}

// TextIn draws s centred vertically in r, aligned horizontally within r.
func TextIn(dst *ebiten.Image, r Rect, s string, size float64, clr color.Color, align Align, bold bool) {
	_, h := measure(s, size, bold)
	x := r.X
	switch align {
	case AlignCenter:
		x = r.X + r.W/2
	case AlignRight:
		x = r.X + r.W
	}
	drawText(dst, s, x, r.Y+(r.H-h)/2, size, clr, align, bold)
}

func drawText(dst *ebiten.Image, s string, x, y, size float64, clr color.Color, align Align, bold bool) {
	typefaceFor(s, bold).draw(dst, s, x, y, size, clr, align)
}

// typefaceFor is the typeface that writes s: Go Bold or Go Regular (see
// withCyrillic).
func typefaceFor(s string, bold bool) *typeface {
	if bold {
		return withCyrillic(boldFont, s)
	}
	return regularFont
}

// MeasureText returns the width and height of s in the regular face at size
// pixels; the height counts every line at the line spacing Text uses.
func MeasureText(s string, size float64) (w, h float64) {
	return measure(s, size, false)
}

// MeasureBold is MeasureText for the bold face.
func MeasureBold(s string, size float64) (w, h float64) {
	return measure(s, size, true)
}

func measure(s string, size float64, bold bool) (w, h float64) {
	return typefaceFor(s, bold).measure(s, size)
}

// LineHeight is the distance between baselines of consecutive lines.
func LineHeight(size float64) float64 { return size * lineSpacing }

// WrapText breaks s into lines no wider than maxWidth at size pixels,
// breaking at spaces and keeping explicit newlines. A single word wider
// than maxWidth gets a line of its own rather than being cut.
func WrapText(s string, size, maxWidth float64) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		line := words[0]
		for i, w := range words {
			if tw, _ := MeasureText(w, size); tw > maxWidth {
				noteCut(w) // a word wider than the box runs out of it
			}
			if i == 0 {
				continue
			}
			try := line + " " + w
			if tw, _ := MeasureText(try, size); tw <= maxWidth {
				line = try
				continue
			}
			lines = append(lines, line)
			line = w
		}
		lines = append(lines, line)
	}
	return lines
}

// Ellipsize shortens s with "…" until it fits maxWidth at size pixels in
// the regular face.
func Ellipsize(s string, size, maxWidth float64) string {
	return ellipsize(s, size, maxWidth, false)
}

// ellipsizeBold is Ellipsize for text drawn in the bold face, which is
// wider: bold text cut to regular widths overflows its room.
func ellipsizeBold(s string, size, maxWidth float64) string {
	return ellipsize(s, size, maxWidth, true)
}

// ellipsize drops runes from the end of s and appends "…" until it fits
// maxWidth, measured in the face the text will be drawn in. When not even
// "…" fits it returns "". A single character is returned whole: "…"
// instead of a button's "+" would say less in about as much room.
func ellipsize(s string, size, maxWidth float64, bold bool) string {
	if w, _ := measure(s, size, bold); w <= maxWidth {
		return s
	}
	r := []rune(s)
	if len(r) == 1 {
		return s
	}
	noteCut(s)
	for len(r) > 0 {
		r = r[:len(r)-1]
		t := string(r) + "…"
		if w, _ := measure(t, size, bold); w <= maxWidth {
			return t
		}
	}
	return ""
}

// FitWhole is FitLines for paragraphs in order of need (a hint): the first
// is placed as FitLines would, and each one after it only if it fits
// whole; the first that does not is left out with the rest, uncut.
func FitWhole(paras []string, r Rect, size float64) []PlacedLine {
	lh := LineHeight(size)
	if len(paras) == 0 || r.H < lh {
		return nil // no room at all: the box is covered (a message over it)
	}
	out := FitLines(paras[:1], r, size)
	y := r.Y + float64(len(out))*lh
	for i, p := range paras[1:] {
		parts := WrapText(p, size, r.W)
		if y+float64(len(parts))*lh > r.Y+r.H || !fitsWidth(parts, size, r.W) {
			break
		}
		for _, part := range parts {
			out = append(out, PlacedLine{Text: part, Rect: Rect{X: r.X, Y: y, W: r.W, H: lh}, Para: i + 1})
			y += lh
		}
	}
	return out
}

// fitsWidth reports whether every line fits w: WrapText gives a word
// wider than the box a line of its own, which would run out of it.
func fitsWidth(lines []string, size, w float64) bool {
	for _, ln := range lines {
		if lw, _ := MeasureText(ln, size); lw > w {
			return false
		}
	}
	return true
}

// PlacedLine is a line of text as FitLines placed it.
type PlacedLine struct {
	Text string
	Rect Rect // one line high, the width of the box
	Para int  // the paragraph it belongs to
}

// FitLines wraps each paragraph to the width of r and stacks the lines
// from r's top down. Lines that do not fit r's height are left out, and the
// last one shown then ends in "…".
func FitLines(paras []string, r Rect, size float64) []PlacedLine {
	lh := LineHeight(size)
	var out []PlacedLine
	y, bottom := r.Y, r.Y+r.H
	for i, p := range paras {
		parts := WrapText(p, size, r.W)
		for k, part := range parts {
			if y+lh > bottom {
				noteCut(part) // this line and the rest are left out
				return out
			}
			if y+2*lh > bottom && (k < len(parts)-1 || i < len(paras)-1) {
				part += "…"
			}
			out = append(out, PlacedLine{Text: Ellipsize(part, size, r.W), Rect: Rect{X: r.X, Y: y, W: r.W, H: lh}, Para: i})
			y += lh
		}
	}
	return out
}
