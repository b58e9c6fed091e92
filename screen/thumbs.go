package screen

import (
	"math"

	"digittrainer/render"
)

// Thumbnail sizes in CSS pixels. A 9×9 drawing needs about 3 device
// pixels a cell to be read from the back of a room, so thumbnails stay at
// least MinThumb; when a class has more drawings than fit, the gallery
// scrolls instead of shrinking them.
const (
	maxThumb   = 44
	MinThumb   = 24
	thumbGap   = 4
	classLabel = 22 // width of the class name at the start of each row
	pagerW     = 30 // a ‹ or › button
	finger     = 44 // what a finger hits on a phone: the least thumbnail, pager button, card button, help icon's reach
	// minPerClass: with room for fewer thumbnails a class (10 classes in
	// a small window) the gallery is one flat run of tagged thumbnails.
	minPerClass = 3
)

// Thumbs is how the gallery's thumbnails are arranged: groups (a class
// each, or one group of every drawing) of Rows rows of Cols thumbnails,
// PerRow groups side by side.
type Thumbs struct {
	Side               float64 // a thumbnail's side
	PerRow, Rows, Cols int
	Flat               bool // one group, no class names: each thumbnail is tagged
	area               render.Rect
	groupW, labelW     float64
	gap                float64
}

// Capacity is how many thumbnails of a group are shown at once.
func (t Thumbs) Capacity() int { return t.Cols * t.Rows }

// PlanThumbs arranges groups of the given sizes (a class each) in the
// gallery, or, when that leaves a class fewer than a few thumbnails, one
// flat group of all total drawings. The thumbnail side is the largest at which every drawing
// fits; when none does (the gallery scrolls), the one that shows the most
// thumbnail area, capacity × side², so neither a few big thumbnails nor
// many unreadable ones win.
func (l *Layout) PlanThumbs(sizes []int, total int) Thumbs {
	t := l.planThumbs(sizes, l.u(classLabel))
	if t.Capacity() < minPerClass && len(sizes) > 2 {
		t = l.planThumbs([]int{total}, 0)
		t.Flat = true
	}
	return t
}

func (l *Layout) planThumbs(sizes []int, labelW float64) Thumbs {
	area, gap := l.Gallery, l.u(thumbGap)
	fit := func(side float64) (Thumbs, bool) {
		bands := max(int((area.H+gap)/(side+gap)), 1)
		perRow := (len(sizes) + bands - 1) / bands
		groupRows := (len(sizes) + perRow - 1) / perRow
		t := Thumbs{Side: side, PerRow: perRow, Rows: max(bands/groupRows, 1), area: area, groupW: area.W / float64(perRow), labelW: labelW, gap: gap}
		t.Cols = max(int((t.groupW-labelW)/(side+gap)), 1)
		for _, n := range sizes {
			if n > t.Capacity() {
				return t, false
			}
		}
		return t, true
	}
	minT, maxT := float64(MinThumb), float64(maxThumb)
	if l.Tabbed {
		minT, maxT = finger, finger+12 // a finger picks each one
	}
	lo := math.Floor(max(min(l.u(minT), area.H), 1))
	best, bestScore := Thumbs{}, -1.0
	for side := math.Floor(max(min(l.u(maxT), area.H), lo)); side >= lo; side-- {
		t, ok := fit(side)
		if ok {
			return t
		}
		if score := float64(t.Capacity()) * side * side; score > bestScore {
			best, bestScore = t, score
		}
	}
	return best
}

// Label is where group g's class name goes.
func (t Thumbs) Label(g int) render.Rect {
	x, y := t.origin(g)
	return render.Rect{X: x, Y: y, W: t.labelW, H: t.Side}
}

// Thumb is where the k-th shown thumbnail of group g goes.
func (t Thumbs) Thumb(g, k int) render.Rect {
	x, y := t.origin(g)
	step := t.Side + t.gap
	return render.Rect{X: x + t.labelW + float64(k%t.Cols)*step, Y: y + float64(k/t.Cols)*step, W: t.Side, H: t.Side}
}

func (t Thumbs) origin(g int) (x, y float64) {
	return t.area.X + float64(g%t.PerRow)*t.groupW, t.area.Y + float64(g/t.PerRow)*float64(t.Rows)*(t.Side+t.gap)
}

// Pager splits the counts line for a scrolling gallery: the ‹ and ›
// buttons at its right, and what is left for the text.
func (l *Layout) Pager() (older, newer, text render.Rect) {
	w := float64(pagerW)
	if l.Tabbed {
		w = finger
	}
	pager, text := l.Counts.SplitRight(l.u(2*w + RowGap))
	_, text = text.SplitRight(l.u(RowGap))
	cols := pager.Columns(2, l.u(RowGap))
	return cols[0], cols[1], text
}

// ShowAll cuts the Show all button (the gallery narrowed to a matrix
// cell) from the right of the counts line text, returning it and the text
// left.
func (l *Layout) ShowAll(text render.Rect) (button, rest render.Rect) {
	button, rest = text.SplitRight(l.u(80))
	rest.W -= l.u(RowGap)
	return button, rest
}
