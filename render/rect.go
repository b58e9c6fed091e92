package render

import (
	"image"
	"math"
)

// Rect is an axis-aligned rectangle in device pixels: X, Y is the top-left
// corner, W and H its size. Layout code splits rectangles instead of
// computing absolute coordinates, so panels resize with the window.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether (x, y) lies inside r (left/top edges inclusive,
// right/bottom exclusive, so adjacent rectangles never both claim a point).
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Inset shrinks r by d on every side (grows it when d < 0). The size never
// goes below zero; a rectangle too small to inset collapses to its centre.
func (r Rect) Inset(d float64) Rect {
	return r.InsetXY(d, d)
}

// InsetXY shrinks r by dx on the left and right and dy on the top and bottom.
func (r Rect) InsetXY(dx, dy float64) Rect {
	w, h := r.W-2*dx, r.H-2*dy
	x, y := r.X+dx, r.Y+dy
	if w < 0 {
		x, w = r.X+r.W/2, 0
	}
	if h < 0 {
		y, h = r.Y+r.H/2, 0
	}
	return Rect{x, y, w, h}
}

// SplitLeft cuts a column of width w (clamped to 0..r.W) off the left of r
// and returns it and the rest.
func (r Rect) SplitLeft(w float64) (left, rest Rect) {
	w = clamp(w, 0, r.W)
	return Rect{r.X, r.Y, w, r.H}, Rect{r.X + w, r.Y, r.W - w, r.H}
}

// SplitRight cuts a column of width w off the right of r and returns it and the rest.
func (r Rect) SplitRight(w float64) (right, rest Rect) {
	w = clamp(w, 0, r.W)
	return Rect{r.X + r.W - w, r.Y, w, r.H}, Rect{r.X, r.Y, r.W - w, r.H}
}

// SplitTop cuts a row of height h (clamped to 0..r.H) off the top of r and
// returns it and the rest.
func (r Rect) SplitTop(h float64) (top, rest Rect) {
	h = clamp(h, 0, r.H)
	return Rect{r.X, r.Y, r.W, h}, Rect{r.X, r.Y + h, r.W, r.H - h}
}

// SplitBottom cuts a row of height h off the bottom of r and returns it and the rest.
func (r Rect) SplitBottom(h float64) (bottom, rest Rect) {
	h = clamp(h, 0, r.H)
	return Rect{r.X, r.Y + r.H - h, r.W, h}, Rect{r.X, r.Y, r.W, r.H - h}
}

// Center returns the centre point of r.
func (r Rect) Center() (x, y float64) { return r.X + r.W/2, r.Y + r.H/2 }

// Empty reports whether r has no area.
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }

// Columns splits r into n equal columns separated by gap pixels.
// It returns nil when n < 1.
func (r Rect) Columns(n int, gap float64) []Rect {
	if n < 1 {
		return nil
	}
	w := math.Max(0, (r.W-gap*float64(n-1))/float64(n))
	out := make([]Rect, n)
	for i := range out {
		out[i] = Rect{r.X + float64(i)*(w+gap), r.Y, w, r.H}
	}
	return out
}

// Rows splits r into n equal rows separated by gap pixels.
// It returns nil when n < 1.
func (r Rect) Rows(n int, gap float64) []Rect {
	if n < 1 {
		return nil
	}
	h := math.Max(0, (r.H-gap*float64(n-1))/float64(n))
	out := make([]Rect, n)
	for i := range out {
		out[i] = Rect{r.X, r.Y + float64(i)*(h+gap), r.W, h}
	}
	return out
}

// Square returns the largest square centred in r.
func (r Rect) Square() Rect {
	s := math.Min(r.W, r.H)
	cx, cy := r.Center()
	return Rect{cx - s/2, cy - s/2, s, s}
}

// Centered returns a w×h rectangle centred on r's centre (it may overflow r).
func (r Rect) Centered(w, h float64) Rect {
	cx, cy := r.Center()
	return Rect{cx - w/2, cy - h/2, w, h}
}

// Pixels returns the whole pixels r touches (its edges rounded outward),
// the size of an image that holds r.
func (r Rect) Pixels() image.Rectangle {
	return image.Rect(int(math.Floor(r.X)), int(math.Floor(r.Y)), int(math.Ceil(r.X+r.W)), int(math.Ceil(r.Y+r.H)))
}

// Array returns r as [x, y, w, h], the form the status JSON uses.
func (r Rect) Array() [4]float64 { return [4]float64{r.X, r.Y, r.W, r.H} }

func clamp(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
