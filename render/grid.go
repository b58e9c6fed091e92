package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// DrawGrid draws the 9×9 drawing grid filling r (callers pass a square):
// set pixels (non-zero) in Ink, empty ones in Cell, separated by thin gaps,
// and, when showCursor is set, a keyboard cursor ring around cell
// (cursorX, cursorY). GridCellAt maps a pointer back to a cell.
func DrawGrid(dst *ebiten.Image, r Rect, px *[81]uint8, cursorX, cursorY int, showCursor bool, scale float64) {
	if scale <= 0 {
		scale = 1
	}
	t := Current
	b := &scratch
	b.aa = false
	gap := math.Max(1, math.Round(r.W/gridSize*0.06))
	b.rect(dst, r, t.PanelBorder)
	for i := range gridSize * gridSize {
		c := t.Cell
		if px != nil && px[i] != 0 {
			c = t.Ink
		}
		b.rect(dst, gridCell(r, i%gridSize, i/gridSize).Inset(gap/2), c)
	}
	b.flush(dst)
	if showCursor && cursorX >= 0 && cursorX < gridSize && cursorY >= 0 && cursorY < gridSize {
		w := 3 * scale
		c := gridCell(r, cursorX, cursorY).Inset(w / 2)
		strokeRoundRect(dst, c, 3*scale, w, t.Accent)
	}
}

// DrawHeatMap draws 81 values (a hidden neuron's incoming weights) as a 9×9
// map in r: blue positive, orange negative, white zero, each cell scaled by
// maxAbs (pass MaxAbs(values) for "relative to the strongest"). Negative
// cells also get a small dash mark so the sign reads without colour.
// Fewer than 81 values draw nothing.
func DrawHeatMap(dst *ebiten.Image, r Rect, values []float64, maxAbs float64) {
	if len(values) < gridSize*gridSize {
		return
	}
	t := Current
	b := &scratch
	b.aa = false
	gap := math.Floor(r.W / gridSize * 0.06)
	b.rect(dst, r, t.PanelBorder)
	for i := range gridSize * gridSize {
		c := gridCell(r, i%gridSize, i/gridSize).Inset(gap / 2)
		b.rect(dst, c, DivergingColor(values[i], maxAbs))
		if values[i] < 0 && magnitude(values[i], maxAbs) > 0.25 && c.W >= 8 {
			// a short horizontal bar, a "minus", in the panel colour
			cx, cy := c.Center()
			b.rect(dst, Rect{cx - c.W*0.25, cy - math.Max(1, c.H*0.06), c.W * 0.5, math.Max(2, c.H*0.12)}, t.Panel)
		}
	}
	b.flush(dst)
}

// DrawThumb draws a dataset thumbnail: the drawing's pixels in r on a
// rounded card, with an accent ring when selected. A drawing held out for
// validation has a frame and a corner in the validation curve's colour.
func DrawThumb(dst *ebiten.Image, r Rect, px *[81]uint8, selected, held bool) {
	t := Current
	rad := math.Max(2, r.W*0.1)
	fillRoundRect(dst, r, rad, t.Panel)
	pad := math.Max(1, math.Round(r.W*0.08))
	in := r.Inset(pad).Square()
	b := &scratch
	b.aa = false
	for i := range gridSize * gridSize {
		if px != nil && px[i] != 0 {
			b.rect(dst, gridCell(in, i%gridSize, i/gridSize), t.Ink)
		}
	}
	b.flush(dst)
	switch {
	case selected:
		w := math.Max(2, r.W*0.06)
		strokeRoundRect(dst, r.Inset(w/2), rad, w, t.Accent)
	case held:
		strokeRoundRect(dst, r.Inset(0.75), rad, 1.5, t.Val)
	default:
		strokeRoundRect(dst, r.Inset(0.5), rad, 1, t.PanelBorder)
	}
	if held {
		k := math.Max(4, r.W*0.22)
		x1, y1 := r.X+r.W, r.Y+r.H
		b.aa = true
		b.quad(dst, x1-k, y1, x1, y1-k, x1, y1, x1, y1, t.Val)
		b.flush(dst)
	}
}

// DrawTag writes a short label (a class name) on a small accent pill at
// the top right of r, e.g. over a thumbnail in a strip that mixes classes.
func DrawTag(dst *ebiten.Image, r Rect, label string, scale float64) {
	if label == "" || r.Empty() {
		return
	}
	if scale <= 0 {
		scale = 1
	}
	t := Current
	size := clamp(r.H*0.3, 9*scale, SmallSize*scale)
	w, h := MeasureBold(label, size)
	pill := Rect{r.X + r.W - w - 6*scale - 1, r.Y + 1, w + 6*scale, h}
	fillRoundRect(dst, pill, math.Min(pill.H/2, 4*scale), t.Accent)
	TextIn(dst, pill, label, size, t.OnAccent, AlignCenter, true)
}
