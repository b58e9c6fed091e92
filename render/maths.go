package render

import "strings"

// A card's maths: the formula lines with the step's real numbers and the
// before → after table, in a tinted box, monospaced so the columns line up.

// tableGap is the space between table columns, in characters.
const tableGap = 2

// maths lays out the formula and the table in a tinted box at (x, y), w
// wide, at scale S, and returns the y below it.
func (b *cardBuilder) maths(formula []string, t *Table, x, y, w, S float64) float64 {
	th := Current
	pad := 10 * S
	in := w - 2*pad
	size := BodySize * S * 0.95
	// Shrink a little before wrapping (a formula reads best whole), but
	// not so much that it is harder to read than a wrapped one.
	widest := 0.0
	for _, f := range formula {
		widest = max(widest, FormulaWidth(f, size))
	}
	// A table cannot wrap: it shrinks to the box (a phone's card), down to
	// minTableShrink of the text size, rather than run out of the card.
	tsize := size
	if t != nil {
		if tw := tableWidth(t, size); tw > in {
			tsize = max(size*in/tw, size*minTableShrink)
		}
		widest = max(widest, min(tableWidth(t, size), in))
	}
	if widest > in {
		size = max(size*in/widest, size*0.94)
	}
	tsize = min(tsize, size)
	box := len(b.ops)
	b.add(cardOp{kind: opFill, x: x, y: y, w: w, clr: lerpRGBA(th.Panel, th.Background, 0.75)})
	yy := y + pad
	lh := LineHeight(size)
	for _, f := range formula {
		for _, line := range WrapFormula(f, size, in) {
			b.add(cardOp{kind: opFormula, s: line, x: x + pad, y: yy, size: size, clr: th.Text})
			yy += lh
		}
	}
	if t != nil {
		if len(formula) > 0 {
			yy += lh * 0.5
		}
		yy = b.table(t, x+pad, yy, in, tsize)
	}
	b.ops[box].h = yy + pad - y
	return yy + pad
}

// minTableShrink is the smallest a table's text gets to fit its card:
// smaller, a phone's numbers are too small to read.
const minTableShrink = 0.62

// tableCols are the widths of t's columns at size.
func tableCols(t *Table, size float64) []float64 {
	cols := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = FormulaWidth(c, size)
	}
	for _, r := range t.Rows {
		for i := range min(len(r), len(cols)) {
			cols[i] = max(cols[i], FormulaWidth(r[i], size))
		}
	}
	return cols
}

func tableWidth(t *Table, size float64) float64 {
	w := 0.0
	for _, c := range tableCols(t, size) {
		w += c + FormulaWidth(strings.Repeat(" ", tableGap), size)
	}
	return w
}

// table lays out t: names left-aligned, numbers right-aligned, the last
// ("after") column in the accent colour, a rule under the header.
func (b *cardBuilder) table(t *Table, x, y, w, size float64) float64 {
	th := Current
	cols := tableCols(t, size)
	gapW := FormulaWidth(strings.Repeat(" ", tableGap), size)
	lh := LineHeight(size)
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
				b.add(cardOp{kind: opFormula, s: cells[i], x: cx, y: y, size: size, clr: clr})
			} else {
				b.add(cardOp{kind: opFormulaRight, s: cells[i], x: cx + cols[i], y: y, size: size, clr: clr})
			}
			cx += cols[i] + gapW
		}
		y += lh
	}
	row(t.Columns, true)
	b.add(cardOp{kind: opFill, x: x, y: y - lh*0.12, w: min(w, tableWidth(t, size)), h: max(1, size*0.08), clr: th.PanelBorder})
	for _, r := range t.Rows {
		row(r, false)
	}
	return y
}
