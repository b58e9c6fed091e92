package render

import (
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
)

// A confusion matrix: rows are the true classes, columns the predicted
// ones, each cell shaded by its share of its row (so a class with few
// samples still shows how it is confused) and labelled with its count.
// Correct predictions (the diagonal) use the accent colour, mistakes the
// error colour, so the two read apart. Its title says which drawings it
// counts ("Validation set (60)").
//
// With two classes there is room for square cells under a title line, a
// "predicted →" line and the column names. With ten the cells would be too
// small for their counts in a panel's height, so "predicted →" joins the
// title line and the cells may be up to twice as wide as tall, wide
// enough for a count of three digits.

// Confusion is where a matrix's parts are in the rect it was laid out in;
// the app uses the same cells to find the one clicked.
type Confusion struct {
	N            int
	Title        Rect // the title line
	Pred         Rect // "predicted →": its own line, or the end of the title line
	Corner       Rect // "true ↓", above the row names
	Names        Rect // the column names' line
	Left         Rect // the row names' column
	Grid         Rect // the cells
	CellW, CellH float64
	scale        float64
}

// trueLabel and predLabel name the rows and the columns, in the language
// in use.
func trueLabel() string { return i18n.T("true ↓") }
func predLabel() string { return i18n.T("predicted →") }

// LayoutConfusion lays out an n×n matrix with names in r.
func LayoutConfusion(r Rect, n int, names []string, scale float64) Confusion {
	if scale <= 0 {
		scale = 1
	}
	c := Confusion{N: n, scale: scale}
	if n == 0 || r.Empty() {
		return c
	}
	size := SmallSize * scale
	lh := LineHeight(size)
	headW := 0.0
	for i := range n {
		w, _ := MeasureBold(barName(names, i), size)
		headW = math.Max(headW, w)
	}
	tw, _ := MeasureText(trueLabel(), size)
	c.Title, r = r.SplitTop(lh)
	if n > 2 {
		pw, _ := MeasureText(predLabel(), size)
		c.Pred, c.Title = c.Title.SplitRight(pw + 8*scale)
		c.Names, r = r.SplitTop(lh)
		c.Corner = c.Names
	} else {
		c.Pred, r = r.SplitTop(lh)
		c.Corner, r = r.SplitTop(lh)
		c.Names = c.Corner
	}
	c.Left, c.Grid = r.SplitLeft(math.Max(headW+8*scale, tw+6*scale))
	c.Corner.W, c.Names = c.Left.W, Rect{c.Grid.X, c.Names.Y, c.Grid.W, c.Names.H}
	c.CellH = c.Grid.H / float64(n)
	c.CellW = math.Min(c.Grid.W/float64(n), c.CellH)
	if n > 2 {
		c.CellW = math.Min(c.Grid.W/float64(n), 2*c.CellH)
		c.CellH = math.Min(c.CellH, c.CellW)
	}
	c.Grid.W, c.Grid.H = c.CellW*float64(n), c.CellH*float64(n)
	c.Names.W = c.Grid.W
	if n <= 2 {
		c.Pred = Rect{c.Grid.X, c.Pred.Y, c.Grid.W, c.Pred.H}
	}
	return c
}

// Cell is the rect of row i (true class), column j (predicted).
func (c *Confusion) Cell(i, j int) Rect {
	return Rect{c.Grid.X + c.CellW*float64(j), c.Grid.Y + c.CellH*float64(i), c.CellW, c.CellH}
}

// CellAt returns the row and column of the cell under (x, y).
func (c *Confusion) CellAt(x, y float64) (i, j int, ok bool) {
	if c.N == 0 || !c.Grid.Contains(x, y) {
		return 0, 0, false
	}
	i = min(int((y-c.Grid.Y)/c.CellH), c.N-1)
	j = min(int((x-c.Grid.X)/c.CellW), c.N-1)
	return i, j, true
}

// CountSize is the text size of the cells' counts: as large as fits the
// largest count m holds, up to BodySize; 0 when the cells are too small
// for a readable count.
func (c *Confusion) CountSize(m [][]int) float64 {
	most := 0
	for _, row := range m {
		for _, v := range row {
			most = max(most, v)
		}
	}
	s := c.scale
	size := math.Min(BodySize*s, c.CellH-2*s)
	w, _ := MeasureBold(strconv.Itoa(most), size)
	if room := c.CellW - 4*s; w > room {
		size *= room / w
	}
	if size < 7*s {
		return 0
	}
	return size
}

// DrawConfusion draws matrix m laid out as c; sel is the row and column of
// a cell to outline (the one whose drawings the gallery shows), or −1s.
func DrawConfusion(dst *ebiten.Image, c *Confusion, m [][]int, names []string, title string, sel [2]int) {
	n, s := c.N, c.scale
	if n == 0 || len(m) != n {
		return
	}
	t := Current
	size := SmallSize * s
	lh := LineHeight(size)
	TextIn(dst, c.Title, ellipsizeBold(title, size, c.Title.W), size, t.Muted, AlignLeft, true)
	TextIn(dst, c.Pred, predLabel(), size, t.Muted, AlignCenter, false)
	Text(dst, trueLabel(), c.Corner.X+c.Corner.W-6*s, c.Corner.Y+(c.Corner.H-lh)/2, size, t.Muted, AlignRight)

	cs := c.CountSize(m)
	ns := math.Min(size, c.CellH*0.85) // class names no taller than their cells
	gap := math.Max(1, math.Round(s*2))
	for i := range n {
		row := m[i]
		sum := 0
		for _, v := range row {
			sum += max(v, 0)
		}
		name := barName(names, i)
		TextIn(dst, Rect{c.Grid.X + c.CellW*float64(i), c.Names.Y, c.CellW, c.Names.H}, name, ns, t.Text, AlignCenter, true)
		TextIn(dst, Rect{c.Left.X, c.Grid.Y + c.CellH*float64(i), c.Left.W - 6*s, c.CellH}, name, ns, t.Text, AlignRight, true)
		for j := range n {
			v := 0
			if j < len(row) {
				v = max(row[j], 0)
			}
			drawConfusionCell(dst, c.Cell(i, j).Inset(gap/2), v, sum, i == j, cs, sel == [2]int{i, j}, s)
		}
	}
}

// drawConfusionCell shades one cell by its share of its row's sum and
// writes its count in size cs (none if 0).
func drawConfusionCell(dst *ebiten.Image, c Rect, v, sum int, diagonal bool, cs float64, selected bool, s float64) {
	t := Current
	end := t.Error
	if diagonal {
		end = t.Accent
	}
	f := 0.0
	if sum > 0 {
		f = float64(v) / float64(sum)
	}
	rad := math.Min(6*s, c.W/4)
	fillRoundRect(dst, c, rad, lerpRGBA(t.Cell, end, f))
	if selected {
		strokeRoundRect(dst, c.Inset(0.75*s), rad, 1.5*s, t.Text)
	}
	if cs > 0 {
		txt := t.Text
		switch {
		case f > 0.45:
			txt = t.OnAccent
		case v == 0:
			txt = t.Muted // the many empty cells of ten classes stay quiet
		}
		TextIn(dst, c, strconv.Itoa(v), cs, txt, AlignCenter, diagonal)
	}
}

// DrawConfusionPair draws two matrices side by side in r, each with its
// title: the same classes measured on two networks, to compare.
func DrawConfusionPair(dst *ebiten.Image, r Rect, a, b [][]int, names []string, titleA, titleB string, scale float64) {
	cols := r.Columns(2, 24*scale)
	for k, m := range [2][][]int{a, b} {
		if m == nil {
			continue
		}
		c := LayoutConfusion(cols[k], len(m), names, scale)
		DrawConfusion(dst, &c, m, names, [2]string{titleA, titleB}[k], [2]int{-1, -1})
	}
}
