package screen

import (
	"testing"

	"digittrainer/internal/geomtest"
	"digittrainer/render"
	"digittrainer/session"
)

func TestLayoutFitsWithoutOverlap(t *testing.T) {
	for _, sz := range [][3]float64{{800, 600, 1}, {1280, 800, 1}, {1920, 1080, 1}, {1600, 1200, 2}, {390, 844, 2}, {360, 740, 3}, {600, 960, 2},
		{844, 390, 2}, {740, 360, 3}, {1280, 450, 1}} {
		for _, l := range eachTab(sz[0]*sz[2], sz[1]*sz[2], sz[2], Options{Classes: 10}) {
			fitsWithoutOverlap(t, sz, l)
		}
	}
}

// eachTab is the layout of a window, or on a phone one for each tab.
func eachTab(w, h, dsf float64, o Options) []*Layout {
	l := NewLayout(w, h, dsf, o)
	if !l.Tabbed {
		return []*Layout{l}
	}
	var out []*Layout
	for tab := range NumTabs {
		o.Tab = tab
		out = append(out, NewLayout(w, h, dsf, o))
	}
	return out
}

func fitsWithoutOverlap(t *testing.T, sz [3]float64, l *Layout) {
	t.Helper()
	{
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
		for p := range NumPanels {
			for _, c := range l.Controls {
				if c.Panel == p && !inside(c.Rect, l.Area(p)) {
					t.Errorf("%v tab %d: control %s outside its panel", sz, l.Tab, c.Name())
				}
			}
		}
		if l.Visible(PanelTrain) && !inside(l.Speed, l.Panels[PanelTrain]) || l.Visible(PanelDraw) && !inside(l.Grid, l.Panels[PanelDraw]) {
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
		l := NewLayout(1280, 800, 1, Options{Classes: classes})
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

// TestEverySettingReachable: at every size each setting is on the screen,
// at once or behind the More settings button, at a height that can be hit
// (on a landscape screen; the phone's rows are what its stacked panels
// leave).
func TestEverySettingReachable(t *testing.T) {
	for _, sz := range [][3]float64{{800, 600, 1}, {1024, 768, 1}, {1280, 800, 1}, {1920, 1080, 1}, {390, 844, 2}, {844, 390, 2}} {
		seen := map[session.Setting]bool{}
		for _, more := range []bool{false, true} {
			l := NewLayout(sz[0]*sz[2], sz[1]*sz[2], sz[2], Options{Classes: 2, More: more, Tab: TabTrain})
			_, toggle := l.ControlNamed("more")
			if toggle != l.Paged {
				t.Errorf("%v: paged %v but a More button %v", sz, l.Paged, toggle)
			}
			for _, c := range l.Controls {
				if c.Stepper() {
					seen[c.Setting()] = true
					if c.Rect.H < minRowShare*l.row*l.S-0.5 {
						t.Errorf("%v: %s is %.1f px tall", sz, c.Name(), c.Rect.H)
					}
				}
			}
		}
		if len(seen) != int(session.NumSettings) {
			t.Errorf("%v: %d of %d settings reachable", sz, len(seen), session.NumSettings)
		}
	}
}

// TestPhoneFitsAFinger: on a phone every control is at least 40 CSS
// pixels tall and wide, the drawing grid at least 240 wide, and every
// panel is on some tab.
func TestPhoneFitsAFinger(t *testing.T) {
	fitsAFinger(t, [][3]float64{{390, 844, 2}, {360, 740, 3}, {412, 915, 2.6}}, false, 40, 240)
}

// TestSidewaysPhone: a phone on its side and a short window get the tabs
// laid out across, with every control a finger can hit (36 CSS pixels: a
// little less than upright, as the height is what a phone on its side
// lacks) and a grid of at least 200; laptop windows do not.
func TestSidewaysPhone(t *testing.T) {
	fitsAFinger(t, [][3]float64{{844, 390, 2}, {740, 360, 3}, {1280, 450, 1}}, true, 36, 200)
	for _, sz := range [][2]float64{{800, 600}, {1024, 768}, {1280, 800}, {1024, 500}} {
		if l := NewLayout(sz[0], sz[1], 1, Options{Classes: 2}); l.Tabbed {
			t.Errorf("%v is laid out for a phone", sz)
		}
	}
}

// fitsAFinger checks each tab of each window size (CSS px and device
// scale), laid out for a phone (sideways or not): every control (a
// stepper's − and + buttons) at least minCSS pixels tall and wide, the
// grid at least minGrid wide, and every panel on the tab TabOf names.
func fitsAFinger(t *testing.T, sizes [][3]float64, sideways bool, minCSS, minGrid float64) {
	t.Helper()
	for _, sz := range sizes {
		for _, classes := range []int{2, 10} {
			shown := map[Panel]bool{}
			for _, l := range eachTab(sz[0]*sz[2], sz[1]*sz[2], sz[2], Options{Classes: classes}) {
				if !l.Tabbed || l.Sideways != sideways {
					t.Fatalf("%v: tabbed %v, sideways %v", sz, l.Tabbed, l.Sideways)
				}
				for _, c := range l.Controls {
					r := c.Rect
					if c.Stepper() {
						r, _ = render.StepperRects(r, l.S) // its − and + buttons
					}
					if w, h := r.W/l.DSF, r.H/l.DSF; w < minCSS-0.01 || h < minCSS-0.01 {
						t.Errorf("%v %d classes tab %s: %s is %.0f×%.0f CSS px", sz, classes, l.Tab.Title(), c.Name(), w, h)
					}
				}
				if l.Visible(PanelDraw) && l.Grid.W/l.DSF < minGrid {
					t.Errorf("%v %d classes: the grid is %.0f CSS px wide", sz, classes, l.Grid.W/l.DSF)
				}
				for p := range NumPanels {
					if l.Visible(p) {
						shown[p] = true
						if TabOf(p) != l.Tab {
							t.Errorf("panel %s is on tab %s, TabOf says %s", p.Title(), l.Tab.Title(), TabOf(p).Title())
						}
					}
				}
			}
			if len(shown) != int(NumPanels) {
				t.Errorf("%v: only %d of %d panels are on a tab", sz, len(shown), NumPanels)
			}
		}
	}
}

// TestMapLabelsClear: each hidden-neuron map's label is in the network
// picture and under no other map.
func TestMapLabelsClear(t *testing.T) {
	for _, sz := range [][3]float64{{800, 600, 1}, {1280, 800, 1}, {1920, 1080, 1}, {390, 844, 2}} {
		for _, n := range []int{4, 24, 64} {
			l := NewLayout(sz[0]*sz[2], sz[1]*sz[2], sz[2], Options{Classes: 2, Tab: TabNetwork})
			maps := l.Maps(n)
			for i, m := range maps {
				label := l.MapLabel(m)
				if !inside(label, l.Net) {
					t.Errorf("%v %d maps: label %d at %v outside the picture %v", sz, n, i+1, label, l.Net)
				}
				for j, o := range maps {
					if overlaps(label, o) || j != i && overlaps(m, o) {
						t.Errorf("%v %d maps: map %d or its label overlaps map %d", sz, n, i+1, j+1)
					}
				}
			}
		}
	}
}
