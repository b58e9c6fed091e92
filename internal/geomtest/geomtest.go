// Package geomtest holds the geometry checks that the tests of the screen's
// layout and of the app's parts share.
package geomtest

import "digittrainer/render"

// Inside reports whether a lies within b, allowing for the rounding of
// split rects.
func Inside(a, b render.Rect) bool {
	const slack = 0.5
	return a.X >= b.X-slack && a.Y >= b.Y-slack && a.X+a.W <= b.X+b.W+slack && a.Y+a.H <= b.Y+b.H+slack
}

// Overlaps reports whether a and b share some area (touching edges do not).
func Overlaps(a, b render.Rect) bool {
	if a.Empty() || b.Empty() {
		return false
	}
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}
