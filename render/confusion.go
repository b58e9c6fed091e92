package render

import (
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"
)

// DrawConfusion draws a confusion matrix in r: rows are the true classes,
// columns the predicted ones, each cell shaded by its share of its row
// (so a class with few samples still shows how it is confused) and
// labelled with its count. Correct predictions (the diagonal) use the
// accent colour, mistakes the error colour, so the two read apart. title
// says which drawings it counts ("Validation set, 60 drawings").
func DrawConfusion(dst *ebiten.Image, r Rect, m [][]int, names []string, title string, scale float64) {
	n := len(m)
	if n == 0 || r.Empty() {
		return
	}
	if scale <= 0 {
		scale = 1
	}
	t := Current
	size := SmallSize * scale
	lh := LineHeight(size)
	headW := 0.0
	for i := range n {
		w, _ := MeasureBold(barName(names, i), size)
		headW = math.Max(headW, w)
	}
	headW += 8 * scale
	// "predicted →" over the columns; "true ↓" in the corner above the
	// row names, where it cannot run into them.
	const trueLabel = "true ↓"
	tw, _ := MeasureText(trueLabel, size)
	head, rest := r.SplitTop(lh)
	TextIn(dst, head, ellipsizeBold(title, size, head.W), size, t.Muted, AlignLeft, true)
	top, rest := rest.SplitTop(2 * lh)
	left, grid := rest.SplitLeft(math.Max(headW, tw+6*scale))
	cell := math.Min(grid.W/float64(n), grid.H/float64(n))
	grid = Rect{grid.X, grid.Y, cell * float64(n), cell * float64(n)}
	Text(dst, "predicted →", grid.X+grid.W/2, top.Y, size, t.Muted, AlignCenter)
	Text(dst, trueLabel, left.X+left.W-6*scale, top.Y+lh, size, t.Muted, AlignRight)

	cs := math.Min(cell*0.4, BodySize*scale)
	ns := math.Min(size, cell*0.85) // class names no taller than their cells
	gap := math.Max(1, math.Round(scale*2))
	for i := range n {
		row := m[i]
		sum := 0
		for _, v := range row {
			sum += max(v, 0)
		}
		name := barName(names, i)
		TextIn(dst, Rect{grid.X + cell*float64(i), top.Y + lh, cell, lh}, name, ns, t.Text, AlignCenter, true)
		TextIn(dst, Rect{left.X, grid.Y + cell*float64(i), left.W - 6*scale, cell}, name, ns, t.Text, AlignRight, true)
		for j := range n {
			v := 0
			if j < len(row) {
				v = max(row[j], 0)
			}
			c := Rect{grid.X + cell*float64(j), grid.Y + cell*float64(i), cell, cell}.Inset(gap / 2)
			end := t.Error
			if i == j {
				end = t.Accent
			}
			f := 0.0
			if sum > 0 {
				f = float64(v) / float64(sum)
			}
			fill := lerpRGBA(t.Cell, end, f)
			fillRoundRect(dst, c, math.Min(6*scale, c.W/4), fill)
			if cs >= 7 {
				txt := t.Text
				if f > 0.45 {
					txt = t.OnAccent
				}
				TextIn(dst, c, strconv.Itoa(v), cs, txt, AlignCenter, i == j)
			}
		}
	}
}
