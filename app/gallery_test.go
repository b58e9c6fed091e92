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
			for tab := range screen.NumTabs {
				g.tab = tab
				g.dsf = sz.dsf
				g.relayout(sz.w*sz.dsf, sz.h*sz.dsf)
				g.tick(&Input{})
				fitsPanels(t, g, fmt.Sprintf("%d classes %gx%g@%g tab %s", classes, sz.w, sz.h, sz.dsf, tab.Title()))
				if !g.lay.Tabbed {
					break
				}
			}
		}
	}
}

// fitsPanels checks that every control is inside its panel and none
// overlaps another, the grid is inside the Draw panel and the thumbnails
// inside the gallery.
func fitsPanels(t *testing.T, g *Game, name string) {
	t.Helper()
	{
		{
			l := g.lay
			whole := render.Rect{W: l.W, H: l.H}
			for i, c := range l.Controls {
				outer := l.Area(c.Panel)
				if !inside(c.Rect, outer) || !inside(c.Rect, whole) || c.Rect.W < 1 || c.Rect.H < 1 {
					t.Errorf("%s: control %s at %v is outside its panel %v", name, c.Name(), c.Rect, outer)
				}
				for _, d := range l.Controls[i+1:] {
					if overlaps(c.Rect, d.Rect) {
						t.Errorf("%s: controls %s %v and %s %v overlap", name, c.Name(), c.Rect, d.Name(), d.Rect)
					}
				}
			}
			if l.Visible(screen.PanelData) {
				forms, warn, warnShort := g.s.CountsText()
				size := l.U(render.SmallSize)
				text, _ := fitLine(forms, []string{warn, warnShort, ""}, g.gallery.countsFor.W, size, l.U(12))
				if w, _ := render.MeasureText(text, size); w > g.gallery.countsFor.W {
					t.Errorf("%s: the counts line %q is cut (%.0f of %.0f px)", name, text, w, g.gallery.countsFor.W)
				}
			}
			for _, r := range []render.Rect{g.gallery.older, g.gallery.newer} {
				if l.Tabbed && !r.Empty() && (r.W/l.DSF < 40 || r.H/l.DSF < 40) {
					t.Errorf("%s: a pager button is %.0f×%.0f CSS px", name, r.W/l.DSF, r.H/l.DSF)
				}
			}
			if l.Visible(screen.PanelDraw) && !inside(l.Grid, l.Panels[screen.PanelDraw]) {
				t.Errorf("%s: grid %v outside the draw panel", name, l.Grid)
			}
			for _, th := range g.gallery.thumbs {
				if l.Tabbed && (th.r.W/l.DSF < 40 || th.r.H/l.DSF < 40) {
					t.Errorf("%s: a thumbnail is %.0f×%.0f CSS px, too small for a finger", name, th.r.W/l.DSF, th.r.H/l.DSF)
					break
				}
				if !inside(th.r, l.Gallery) {
					t.Errorf("%s: thumbnail %v outside the gallery %v", name, th.r, l.Gallery)
					break
				}
			}
		}
	}
}

// TestConfusionCellShowsItsDrawings: a click on a matrix cell narrows the
// gallery to the drawings it counts, ready to select and relabel; Show
// all widens it back. On a phone the Data tab comes up.
func TestConfusionCellShowsItsDrawings(t *testing.T) {
	for _, sz := range []struct{ w, h, dsf float64 }{{1280, 800, 1}, {390, 844, 2}} {
		g := newTestGame(t, memStore{})
		g.dsf = sz.dsf
		g.tab = screen.TabProgress
		g.relayout(sz.w*sz.dsf, sz.h*sz.dsf)
		g.s.StepEpoch()
		g.tick(&Input{})
		m := g.s.Measure().Confusion()
		want := m[0][1]
		if want == 0 {
			t.Fatalf("no 0 taken for a 1 after an epoch: %v", m)
		}
		click(g, g.curves.conf.Cell(0, 1))
		if g.lay.Tabbed && g.tab != screen.TabData {
			t.Errorf("%v: the phone stayed on tab %s", sz, g.tab.Title())
		}
		g.tick(&Input{})
		if len(g.gallery.thumbs) != want {
			t.Fatalf("%v: the gallery shows %d drawings, the cell counts %d", sz, len(g.gallery.thumbs), want)
		}
		for _, th := range g.gallery.thumbs {
			if smp := g.s.Data().Samples[th.index]; smp.Label != 0 || !smp.Val {
				t.Errorf("%v: drawing %d (label %d) is not a validation 0", sz, th.index, smp.Label)
			}
		}
		click(g, g.gallery.thumbs[0].r)
		if g.s.Selected() != g.gallery.thumbs[0].index {
			t.Errorf("%v: clicking a thumbnail of the cell selected %d", sz, g.s.Selected())
		}
		click(g, g.gallery.showAllR)
		if g.gallery.filtered || len(g.gallery.thumbs) <= want {
			t.Errorf("%v: Show all left %d thumbnails", sz, len(g.gallery.thumbs))
		}
	}
}
