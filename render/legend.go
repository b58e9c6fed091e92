package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// DrawLegend explains the edge encoding in r: a solid blue line for a
// positive weight, a dashed orange line for a negative one, and that width
// and opacity grow with strength. It lays out in one row when r is wide
// enough and stacks otherwise.
func DrawLegend(dst *ebiten.Image, r Rect, scale float64) {
	if scale <= 0 {
		scale = 1
	}
	t := Current
	size := 14 * scale
	items := []struct {
		label string
		neg   bool
	}{{"positive weight", false}, {"negative weight", true}}
	note := "thicker, darker = stronger"
	sample := 36 * scale
	gap := 8 * scale
	var widths []float64
	total := 0.0
	for _, it := range items {
		w, _ := MeasureText(it.label, size)
		widths = append(widths, sample+gap+w)
		total += sample + gap + w + 3*gap
	}
	nw, _ := MeasureText(note, size)
	total += nw
	lh := LineHeight(size)
	rows := []Rect{r}
	if total > r.W {
		rows = r.Rows(3, 0)
	}
	x, row := r.X, 0
	for i, it := range items {
		rr := rows[min(row, len(rows)-1)]
		cy := rr.Y + rr.H/2
		legendLine(dst, x, cy, sample, it.neg, scale)
		Text(dst, it.label, x+sample+gap, cy-lh/2, size, t.Text, AlignLeft)
		if len(rows) == 1 {
			x += widths[i] + 3*gap
		} else {
			row++
		}
	}
	rr := rows[min(row, len(rows)-1)]
	Text(dst, note, x, rr.Y+rr.H/2-lh/2, size, t.Muted, AlignLeft)
}

// legendLine draws a short strong edge sample, dashed when negative.
func legendLine(dst *ebiten.Image, x, cy, w float64, negative bool, scale float64) {
	c := Current.Positive
	if negative {
		c = Current.Negative
	}
	lw := math.Max(2, 3*scale)
	b := &scratch
	b.aa = true
	if negative {
		dashSpans(w, scale, func(a, e float64) { b.line(dst, x+a, cy, x+e, cy, lw, c) })
	} else {
		b.line(dst, x, cy, x+w, cy, lw, c)
	}
	b.flush(dst)
}
