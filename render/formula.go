package render

import (
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
)

// Formulas are written in Go Mono, so the tour's 9×9 input grid and its
// before → after columns line up and the maths looks different from the
// prose around it. The subscript letters the Go fonts lack (the tour
// writes Σ wᵢ·xᵢ and Σₖ) are drawn as the letter, smaller and lower.
var lowered = map[rune]string{'ᵢ': "i", 'ₖ': "k", 'ⱼ': "j", 'ₙ': "n"}

// subScale and subDrop size and place a lowered letter, relative to the font size.
const (
	subScale = 0.68
	subDrop  = 0.42
)

// formulaRuns splits s into runs of ordinary text and single lowered letters.
func formulaRuns(s string, fn func(run string, sub bool)) {
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

// FormulaWidth is the width of s drawn by DrawFormula at size.
func FormulaWidth(s string, size float64) float64 {
	w := 0.0
	formulaRuns(s, func(run string, sub bool) {
		sz := size
		if sub {
			sz = size * subScale
		}
		rw, _ := MeasureMono(run, sz)
		w += rw
	})
	return w
}

// DrawFormula draws s in Go Mono with its top left at (x, y).
func DrawFormula(dst *ebiten.Image, s string, x, y, size float64, clr color.Color) {
	formulaRuns(s, func(run string, sub bool) {
		sz, dy := size, 0.0
		if sub {
			sz, dy = size*subScale, size*subDrop
		}
		MonoText(dst, run, x, y+dy, sz, clr, AlignLeft)
		rw, _ := MeasureMono(run, sz)
		x += rw
	})
}

// formulaBreaks are where a long formula line may be broken, best first:
// between items set three spaces apart ("h₁ = 0.41   h₂ = 0.30", "x,   y"), which
// keeps each whole; before an "=" keeps each step of a calculation on its
// own line.
var formulaBreaks = []string{"   ", " = ", " + ", " / ", " − ", "·"}

// WrapFormula breaks a formula line that is wider than maxW before one of
// formulaBreaks, indenting the continuation lines. A piece with no break
// that is still too wide is left whole (the caller shrinks the font first).
func WrapFormula(line string, size, maxW float64) []string {
	if FormulaWidth(line, size) <= maxW {
		return []string{line}
	}
	const indent = "    "
	lead := len(line) - len(strings.TrimLeft(line, " "))
	var out []string
	rest, prefix := line, ""
	for FormulaWidth(prefix+rest, size) > maxW {
		cut := lastBreak(rest, prefix, lead, size, maxW)
		if cut <= 0 {
			break
		}
		out = append(out, prefix+strings.TrimRight(rest[:cut], " "))
		rest = strings.TrimLeft(rest[cut:], " ")
		prefix, lead = indent, 0
	}
	return append(out, prefix+rest)
}

// lastBreak is where to break rest: the last break of the best kind that
// keeps prefix and the first part within maxW, or −1.
func lastBreak(rest, prefix string, lead int, size, maxW float64) int {
	for _, sep := range formulaBreaks {
		for i := len(rest) - 1; i > lead; i-- {
			if strings.HasPrefix(rest[i:], sep) && FormulaWidth(prefix+rest[:i], size) <= maxW {
				return i
			}
		}
	}
	return -1
}
