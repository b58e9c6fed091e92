package app

import (
	"fmt"
	"testing"

	"digittrainer/render"
	"digittrainer/screen"
)

// click presses and releases the left mouse button on r (tap and tapRect
// are in tour_test.go).
func click(g *Game, r render.Rect) {
	g.tick(tapRect(r))
	x, y := r.Center()
	g.tick(&Input{HoverX: x, HoverY: y, HasHover: true})
}

func clickControl(t *testing.T, g *Game, name string) {
	t.Helper()
	c, ok := g.lay.ControlNamed(name)
	if !ok {
		t.Fatalf("no control %q", name)
	}
	click(g, c.Rect)
}

func TestGalleryClickRelabelDelete(t *testing.T) {
	g := newTestGame(t, memStore{})
	s := g.s
	g.tick(&Input{})
	if len(g.gallery.thumbs) == 0 {
		t.Fatal("no thumbnails in the gallery")
	}
	th := g.gallery.thumbs[len(g.gallery.thumbs)-1] // the newest drawing of the last class
	if th.r.W < g.lay.U(screen.MinThumb)-1 {
		t.Errorf("thumbnails are %.0f px, want at least %.0f", th.r.W, g.lay.U(screen.MinThumb))
	}
	click(g, th.r)
	if s.Selected() != th.index || s.Grid().Pixels != s.Data().Samples[th.index].Pixels {
		t.Fatalf("tapping thumbnail of sample %d selected %d", th.index, s.Selected())
	}
	old := s.Data().Samples[th.index].Label
	clickControl(t, g, fmt.Sprintf("label%d", 1-old))
	clickControl(t, g, "relabel")
	if got := s.Data().Samples[th.index].Label; got != 1-old {
		t.Fatalf("after Relabel the drawing has label %d, want %d", got, 1-old)
	}
	n := s.Data().Len()
	clickControl(t, g, "delete")
	if s.Data().Len() != n-1 || s.Selected() != -1 {
		t.Errorf("after Delete: %d drawings (want %d), selected %d", s.Data().Len(), n-1, s.Selected())
	}
}

func TestGalleryScrolls(t *testing.T) {
	g := newTestGame(t, memStore{})
	g.tick(&Input{})
	c := &g.gallery
	if c.maxBack == 0 {
		t.Fatal("the starter set fits the gallery: nothing to scroll (test needs a full one)")
	}
	first := c.thumbs[0].index
	x, y := c.thumbs[0].r.Center()
	g.tick(&Input{HoverX: x, HoverY: y, HasHover: true, WheelY: 3})
	if c.back == 0 || c.thumbs[0].index >= first {
		t.Fatalf("wheel up: back %d, first thumbnail %d (was %d); want older drawings", c.back, c.thumbs[0].index, first)
	}
	back := c.back
	click(g, c.newer)
	if c.back >= back {
		t.Errorf("› did not move towards the newest: back %d, was %d", c.back, back)
	}
	click(g, c.older)
	click(g, c.older)
	if c.back <= back-c.page || c.back > c.maxBack {
		t.Errorf("‹ ‹: back %d (page %d, max %d)", c.back, c.page, c.maxBack)
	}
	// Selecting a drawing out of view with the keyboard scrolls to it.
	g.s.Select(0)
	g.tick(&Input{})
	found := false
	for _, th := range c.thumbs {
		found = found || th.index == 0
	}
	if !found {
		t.Errorf("selected drawing 0 is not in the gallery (back %d)", c.back)
	}
}

// TestLayoutFitsPanels checks, beyond TestLayoutFitsWithoutOverlap, that at
// every supported size, scale and class count each control stays inside
// its own panel and the thumbnails inside the gallery.
func TestLayoutFitsPanels(t *testing.T) {
	for _, classes := range []int{2, 10} {
		g := newTestGame(t, memStore{})
		if classes == 10 {
			g.do(Command{Act: ActMode})
		}
		for _, sz := range []struct{ w, h, dsf float64 }{{800, 600, 1}, {1280, 800, 1}, {1920, 1080, 1}, {1280, 800, 2}, {800, 600, 2}, {390, 844, 2}, {360, 740, 3}} {
			g.dsf = sz.dsf
			g.relayout(sz.w*sz.dsf, sz.h*sz.dsf)
			g.tick(&Input{})
			l := g.lay
			name := fmt.Sprintf("%d classes %gx%g@%g", classes, sz.w, sz.h, sz.dsf)
			whole := render.Rect{W: l.W, H: l.H}
			for i, c := range l.Controls {
				outer := l.Top
				if c.Panel >= 0 {
					outer = l.Panels[c.Panel]
				}
				if !inside(c.Rect, outer) || !inside(c.Rect, whole) || c.Rect.W < 1 || c.Rect.H < 1 {
					t.Errorf("%s: control %s at %v is outside its panel %v", name, c.Name(), c.Rect, outer)
				}
				for _, d := range l.Controls[i+1:] {
					if overlaps(c.Rect, d.Rect) {
						t.Errorf("%s: controls %s %v and %s %v overlap", name, c.Name(), c.Rect, d.Name(), d.Rect)
					}
				}
			}
			if !inside(l.Grid, l.Panels[screen.PanelDraw]) {
				t.Errorf("%s: grid %v outside the draw panel", name, l.Grid)
			}
			for _, th := range g.gallery.thumbs {
				if !inside(th.r, l.Gallery) {
					t.Errorf("%s: thumbnail %v outside the gallery %v", name, th.r, l.Gallery)
					break
				}
			}
		}
	}
}
