package screen

import (
	"testing"

	"digittrainer/internal/geomtest"
	"digittrainer/render"
)

func TestLayoutFitsWithoutOverlap(t *testing.T) {
	for _, sz := range [][3]float64{{800, 600, 1}, {1280, 800, 1}, {1920, 1080, 1}, {1600, 1200, 2}, {390, 844, 2}, {360, 740, 3}, {600, 960, 2}} {
		l := NewLayout(sz[0]*sz[2], sz[1]*sz[2], sz[2], 10)
		whole := render.Rect{W: l.W, H: l.H}
		for i, a := range l.Controls {
			if !inside(a.Rect, whole) || a.Rect.W < 1 || a.Rect.H < 1 {
				t.Errorf("%v: control %s at %v is off screen or empty", sz, a.Name(), a.Rect)
			}
			for _, b := range l.Controls[i+1:] {
				if overlaps(a.Rect, b.Rect) {
					t.Errorf("%v: controls %s and %s overlap", sz, a.Name(), b.Name())
				}
			}
		}
		for i, a := range l.Panels {
			for _, b := range l.Panels[i+1:] {
				if overlaps(a, b) {
					t.Errorf("%v: panels %v and %v overlap", sz, a, b)
				}
			}
		}
		if !inside(l.Speed, l.Panels[PanelTrain]) || !inside(l.Grid, l.Panels[PanelDraw]) {
			t.Errorf("%v: speed line or grid outside its panel", sz)
		}
	}
}

// inside and overlaps are geomtest's, by the names the tests use.
var (
	inside   = geomtest.Inside
	overlaps = geomtest.Overlaps
)

// TestControlNamesAreUnique: the status JSON's rects and the -keys script
// find controls by name.
func TestControlNamesAreUnique(t *testing.T) {
	for _, classes := range []int{2, 10} {
		l := NewLayout(1280, 800, 1, classes)
		seen := map[string]bool{}
		for _, c := range l.Controls {
			if seen[c.Name()] {
				t.Errorf("%d classes: two controls named %q", classes, c.Name())
			}
			seen[c.Name()] = true
			if got, ok := l.ControlNamed(c.Name()); !ok || got.Rect != c.Rect {
				t.Errorf("ControlNamed(%q) = %v, %v", c.Name(), got, ok)
			}
			if c.Label() == "" {
				t.Errorf("control %q has no text", c.Name())
			}
		}
		if !seen["label9"] && classes == 10 || seen["label2"] && classes == 2 {
			t.Errorf("%d classes: label buttons %v", classes, seen)
		}
	}
}
