package app

import (
	"strings"

	"digittrainer/render"
	"digittrainer/tour"
)

// The tour card's maths: the formula lines with the step's real numbers and
// the before → after table, in a monospaced font so the columns line up.

// mathBlock lays out the formula lines and the table in a tinted box at
// (x, y), w wide, and returns the y below it.
func mathBlock(b *cardBuilder, v tour.View, x, y, w, S float64) float64 {
	th := render.Current
	pad := 10 * S
	in := w - 2*pad
	size := render.BodySize * S * 0.95
	// Shrink a little before wrapping (a formula reads best whole), but
	// not so much that it is harder to read than a wrapped one.
	widest := 0.0
	for _, f := range v.Formula {
		widest = max(widest, monoWidth(f, size))
	}
	if t := v.Table; t != nil {
		widest = max(widest, tableWidth(t, size))
	}
	if widest > in {
		size = max(size*in/widest, size*0.94)
	}
	box := len(b.ops)
	b.add(drawOp{kind: opFill, x: x, y: y, w: w, clr: mix(th.Panel, th.Background, 0.75)})
	yy := y + pad
	lh := render.LineHeight(size)
	for _, f := range v.Formula {
		for _, line := range wrapFormula(f, size, in) {
			b.add(drawOp{kind: opMono, s: line, x: x + pad, y: yy, size: size, clr: th.Text})
			yy += lh
		}
	}
	if t := v.Table; t != nil {
		if len(v.Formula) > 0 {
			yy += lh * 0.5
		}
		yy = table(b, t, x+pad, yy, in, size)
	}
	b.ops[box].h = yy + pad - y
	return yy + pad
}

// tableGap is the space between table columns, in characters.
const tableGap = 2

func tableCols(t *tour.Table, size float64) []float64 {
	cols := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = monoWidth(c, size)
	}
	for _, r := range t.Rows {
		cells := append([]string{r.Label}, r.Cells...)
		for i := range min(len(cells), len(cols)) {
			cols[i] = max(cols[i], monoWidth(cells[i], size))
		}
	}
	return cols
}

func tableWidth(t *tour.Table, size float64) float64 {
	w := 0.0
	for _, c := range tableCols(t, size) {
		w += c + monoWidth(strings.Repeat(" ", tableGap), size)
	}
	return w
}

// table lays out a before → after table: names left-aligned, numbers
// right-aligned, the "after" column in the accent colour.
func table(b *cardBuilder, t *tour.Table, x, y, w, size float64) float64 {
	th := render.Current
	cols := tableCols(t, size)
	gapW := monoWidth(strings.Repeat(" ", tableGap), size)
	lh := render.LineHeight(size)
	row := func(cells []string, header bool) {
		cx := x
		for i := range min(len(cells), len(cols)) {
			clr := th.Text
			switch {
			case header:
				clr = th.Muted
			case i == len(cols)-1:
				clr = th.Accent
			}
			if i == 0 {
				b.add(drawOp{kind: opMono, s: cells[i], x: cx, y: y, size: size, clr: clr})
			} else {
				b.add(drawOp{kind: opMonoRight, s: cells[i], x: cx + cols[i], y: y, size: size, clr: clr})
			}
			cx += cols[i] + gapW
		}
		y += lh
	}
	row(t.Columns, true)
	b.add(drawOp{kind: opFill, x: x, y: y - lh*0.12, w: min(w, tableWidth(t, size)), h: max(1, size*0.08), clr: th.PanelBorder})
	for _, r := range t.Rows {
		row(append([]string{r.Label}, r.Cells...), false)
	}
	return y
}
