package render

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
)

// legendItems are the two line styles DrawLegend explains, their labels
// in English (i18n.T gives the text shown).
var legendItems = [2]struct {
	label string
	neg   bool
}{{i18n.Mark("positive weight"), false}, {i18n.Mark("negative weight"), true}}

// legendNote says what width and opacity mean, in the language in use.
func legendNote() string { return i18n.T("thicker, darker = stronger") }

// legendSize is the legend's font size at scale 1.
const legendSize = SmallSize

// legendWidths returns the width of each item (sample and label), and of
// the note, at scale.
func legendWidths(scale float64) (items [2]float64, note float64) {
	size := legendSize * scale
	for i, it := range legendItems {
		w, _ := MeasureText(i18n.T(it.label), size)
		items[i] = (28+8)*scale + w
	}
	note, _ = MeasureText(legendNote(), size)
	return items, note
}

// legendRows is how many rows DrawLegend needs in a width of w: one when
// everything fits on a line, two when the note goes below the items, else three.
func legendRows(w, scale float64) int {
	items, note := legendWidths(scale)
	gap := 24 * scale
	switch {
	case items[0]+items[1]+note+2*gap <= w:
		return 1
	case items[0]+items[1]+gap <= w:
		return 2
	}
	return 3
}

// LegendHeight is the height DrawLegend needs in a width of w.
func LegendHeight(w, scale float64) float64 {
	if scale <= 0 {
		scale = 1
	}
	return float64(legendRows(w, scale)) * LineHeight(legendSize*scale) * 1.15
}

// DrawLegend explains the edge encoding in r: a solid blue line for a
// positive weight, a dashed orange line for a negative one, and that width
// and opacity grow with strength. It uses one row when r is wide enough,
// else puts the note on a second row, else stacks all three; LegendHeight
// says how tall r should be.
func DrawLegend(dst *ebiten.Image, r Rect, scale float64) {
	if scale <= 0 {
		scale = 1
	}
	t := Current
	size := legendSize * scale
	lh := LineHeight(size)
	sample := 28 * scale
	gap := 24 * scale
	widths, _ := legendWidths(scale)
	n := legendRows(r.W, scale)
	rows := r.Rows(n, 0)
	x, row := r.X, 0
	for i, it := range legendItems {
		rr := rows[row]
		cy := rr.Y + rr.H/2
		c := t.Positive
		if it.neg {
			c = t.Negative
		}
		lineSample(dst, x, cy, sample, math.Max(2, 3*scale), c, it.neg, scale)
		Text(dst, i18n.T(it.label), x+sample+8*scale, cy-lh/2, size, t.Text, AlignLeft)
		if n == 3 {
			row++
		} else {
			x += widths[i] + gap
		}
	}
	if n == 2 {
		x, row = r.X, 1
	}
	rr := rows[min(row, n-1)]
	Text(dst, Ellipsize(legendNote(), size, r.X+r.W-x), x, rr.Y+rr.H/2-lh/2, size, t.Muted, AlignLeft)
}

// lineSample draws the short horizontal stroke a legend shows for an edge
// or a curve: w long from (x, cy), lw wide, dashed when dashed, with the
// dash pattern at dashScale (what DashVisible calls scale).
func lineSample(dst *ebiten.Image, x, cy, w, lw float64, c color.RGBA, dashed bool, dashScale float64) {
	b := &scratch
	b.aa = true
	if dashed {
		dashSpans(w, dashScale, func(a, e float64) { b.line(dst, x+a, cy, x+e, cy, lw, c) })
	} else {
		b.line(dst, x, cy, x+w, cy, lw, c)
	}
	b.flush(dst)
}
