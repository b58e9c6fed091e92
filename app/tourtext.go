package app

import (
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"digittrainer/render"
)

// lowered maps the subscript letters the Go fonts lack to the letter drawn
// smaller and lower (the tour writes Σ wᵢ·xᵢ and Σₖ).
var lowered = map[rune]string{'ᵢ': "i", 'ₖ': "k", 'ⱼ': "j", 'ₙ': "n"}

// subScale and subDrop size and place a lowered letter, relative to the font size.
const (
	subScale = 0.68
	subDrop  = 0.42
)

// monoRuns splits s into runs of ordinary text and single lowered letters.
func monoRuns(s string, fn func(run string, sub bool)) {
	start := 0
	for i, r := range s {
		if l, ok := lowered[r]; ok {
			if i > start {
				fn(s[start:i], false)
			}
			fn(l, true)
			start = i + len(string(r))
		}
	}
	if start < len(s) {
		fn(s[start:], false)
	}
}

// monoWidth is the width of s drawn by drawMono at size.
func monoWidth(s string, size float64) float64 {
	w := 0.0
	monoRuns(s, func(run string, sub bool) {
		sz := size
		if sub {
			sz = size * subScale
		}
		rw, _ := render.MeasureMono(run, sz)
		w += rw
	})
	return w
}

// drawMono draws s in Go Mono with its top-left at (x, y). The tour's
// formulas and tables are monospaced: the 9×9 input grid and the
// before → after columns line up, and the maths looks different from the
// prose around it.
func drawMono(dst *ebiten.Image, s string, x, y, size float64, clr color.Color) {
	monoRuns(s, func(run string, sub bool) {
		sz, dy := size, 0.0
		if sub {
			sz, dy = size*subScale, size*subDrop
		}
		render.MonoText(dst, run, x, y+dy, sz, clr, render.AlignLeft)
		rw, _ := render.MeasureMono(run, sz)
		x += rw
	})
}

// drawMonoRight draws s in Go Mono with its top-right at (x, y).
func drawMonoRight(dst *ebiten.Image, s string, x, y, size float64, clr color.Color) {
	drawMono(dst, s, x-monoWidth(s, size), y, size, clr)
}

// formulaBreaks are where a long formula line may be broken, best first:
// before an "=" keeps each step of a calculation on its own line.
var formulaBreaks = []string{" = ", " + ", " / ", ",   ", " − ", "·"}

// wrapFormula breaks a formula line that is wider than maxW before one of
// formulaBreaks, indenting the continuation lines. A piece with no break
// that is still too wide is left whole (the caller shrinks the font first).
func wrapFormula(line string, size, maxW float64) []string {
	if monoWidth(line, size) <= maxW {
		return []string{line}
	}
	const indent = "    "
	lead := len(line) - len(strings.TrimLeft(line, " "))
	var out []string
	rest := line
	prefix := ""
	for monoWidth(prefix+rest, size) > maxW {
		cut := -1
		for _, sep := range formulaBreaks {
			// the last break of this kind that keeps the first part within maxW
			for i := len(rest) - 1; i > lead; i-- {
				if strings.HasPrefix(rest[i:], sep) && monoWidth(prefix+rest[:i], size) <= maxW {
					cut = i
					break
				}
			}
			if cut > 0 {
				break
			}
		}
		if cut <= 0 {
			break
		}
		out = append(out, prefix+strings.TrimRight(rest[:cut], " "))
		rest = strings.TrimLeft(rest[cut:], " ")
		prefix, lead = indent, 0
	}
	return append(out, prefix+rest)
}

// fillRect fills r with clr.
func fillRect(dst *ebiten.Image, r render.Rect, clr color.Color) {
	if r.Empty() {
		return
	}
	vector.DrawFilledRect(dst, float32(r.X), float32(r.Y), float32(r.W), float32(r.H), clr, false)
}

// withAlpha scales a premultiplied colour's opacity by a.
func withAlpha(c color.RGBA, a float64) color.RGBA {
	return color.RGBA{uint8(float64(c.R) * a), uint8(float64(c.G) * a), uint8(float64(c.B) * a), uint8(float64(c.A) * a)}
}

// mix blends a toward b by t (0..1), both opaque.
func mix(a, b color.RGBA, t float64) color.RGBA {
	l := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), l(a.A, b.A)}
}

// drawHelpIcon draws a "?" icon like the one render.DrawPanel puts on
// panels, for the parts of a panel that have a card of their own.
func drawHelpIcon(dst *ebiten.Image, r render.Rect, s float64) {
	cx, cy := r.Center()
	vector.DrawFilledCircle(dst, float32(cx), float32(cy), float32(r.W/2), render.Current.Control, true)
	render.TextIn(dst, r, "?", render.SmallSize*s*1.1, render.Current.Muted, render.AlignCenter, true)
}
