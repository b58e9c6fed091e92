package render

import "math"

// DistToSegment returns the distance from (px, py) to the segment
// (x0, y0)–(x1, y1); a zero-length segment is a point.
func DistToSegment(px, py, x0, y0, x1, y1 float64) float64 {
	dx, dy := x1-x0, y1-y0
	l2 := dx*dx + dy*dy
	t := 0.0
	if l2 > 0 {
		t = clamp(((px-x0)*dx+(py-y0)*dy)/l2, 0, 1)
	}
	return math.Hypot(px-(x0+t*dx), py-(y0+t*dy))
}

// GridCellAt returns the cell of a 9×9 grid drawn in r under (x, y).
func GridCellAt(r Rect, x, y float64) (cx, cy int, ok bool) {
	if !r.Contains(x, y) || r.W <= 0 || r.H <= 0 {
		return 0, 0, false
	}
	cx = int((x - r.X) / r.W * gridSize)
	cy = int((y - r.Y) / r.H * gridSize)
	return min(cx, gridSize-1), min(cy, gridSize-1), true
}

// gridCell returns the rectangle of cell (cx, cy) of a 9×9 grid in r.
func gridCell(r Rect, cx, cy int) Rect {
	w, h := r.W/gridSize, r.H/gridSize
	return Rect{r.X + float64(cx)*w, r.Y + float64(cy)*h, w, h}
}

// gridSize is the side of the drawing grid (nn.Inputs = 81 = 9×9).
const gridSize = 9
