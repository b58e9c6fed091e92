package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// SimilarRow is a list of drawings near the grid's: a title and, for each
// drawing, its pixels, class name and caption (its distance).
type SimilarRow struct {
	Title  string
	Pixels []*[81]uint8
	Names  []string
	Notes  []string
}

// DrawSimilar draws, top to bottom in r: the grid drawing's hidden vector
// as a strip of cells (darker = more active), then each row's title and
// thumbnails with their class tags and captions. It is what the network
// panel shows instead of the network while "similar drawings" is on.
func DrawSimilar(dst *ebiten.Image, r Rect, vector []float64, vecTitle string, rows []SimilarRow, scale float64) {
	t := Current
	size := SmallSize * scale
	lh := LineHeight(size)
	y := r.Y
	// The title may take two lines (a narrow panel, a longer language);
	// the rows below share what is left.
	for _, ln := range FitLines([]string{vecTitle}, Rect{r.X, y, r.W, 2 * lh}, size) {
		TextIn(dst, ln.Rect, ln.Text, size, t.Muted, AlignLeft, false)
		y += lh
	}
	y += 2 * scale
	if n := len(vector); n > 0 {
		cw := math.Min(r.W/float64(n), 22*scale)
		for i, v := range vector {
			c := Rect{r.X + cw*float64(i), y, cw - math.Max(1, scale), cw}
			fillRect(dst, c, withAlpha(t.Accent, clamp(v, 0, 1)*0.9+0.05))
		}
		y += cw + 8*scale
	}
	rowH := (r.Y + r.H - y) / float64(max(len(rows), 1))
	for _, row := range rows {
		ts := fitSize(row.Title, size, r.W, true)
		TextIn(dst, Rect{r.X, y, r.W, lh}, ellipsizeBold(row.Title, ts, r.W), ts, t.Text, AlignLeft, true)
		th := math.Max(0, math.Min(rowH-2*lh-6*scale, r.W/float64(max(len(row.Pixels), 5))-8*scale))
		// Each thumbnail's slot is wide enough for its caption too, where
		// the row's height makes the thumbnails small (a phone on its side).
		slot := th + 8*scale
		for _, note := range row.Notes {
			w, _ := MeasureText(note, size)
			slot = math.Max(slot, w+8*scale)
		}
		slot = math.Min(slot, r.W/float64(max(len(row.Pixels), 1)))
		for i, px := range row.Pixels {
			tr := Rect{r.X + float64(i)*slot, y + lh + 2*scale, th, th}
			DrawThumb(dst, tr, px, false, false)
			if i < len(row.Names) {
				DrawTag(dst, tr, row.Names[i], scale)
			}
			if i < len(row.Notes) {
				TextIn(dst, Rect{tr.X, tr.Y + tr.H, slot, lh}, Ellipsize(row.Notes[i], size, slot-2*scale), size, t.Muted, AlignLeft, false)
			}
		}
		y += rowH
	}
}
