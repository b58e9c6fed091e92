package app

import (
	"strconv"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/session"
	"digittrainer/tour"
)

// The tour card's buttons (see tourButtonActs).
const (
	btnBack = iota
	btnNext
	btnSkip
	btnHide
)

// tap is an Input with one press beginning at (x, y).
func tap(x, y float64) *Input {
	return &Input{Pointers: []Pointer{{ID: mouseLeft, X: x, Y: y, Just: true}}, HoverX: x, HoverY: y, HasHover: true}
}

func tapRect(r render.Rect) *Input { x, y := r.Center(); return tap(x, y) }

func tourStep(g *Game) int { return g.Status().Tour.Step }

// startTour starts the tour on the sample it offers (the grid is empty),
// checks that nothing changed, and returns the model hash.
func startTour(t *testing.T, g *Game) string {
	t.Helper()
	before := g.s.ModelHash()
	g.tick(keys(ebiten.KeyT))
	if st := g.Status().Tour; !st.Active || st.Step != 0 || !g.tour.view.Waiting {
		t.Fatalf("after T: %+v, waiting %v; want an active tour waiting for a drawing", st, g.tour.view.Waiting)
	}
	if g.s.ModelHash() != before {
		t.Fatal("starting the tour changed the weights before the user chose an input")
	}
	g.tick(keys(ebiten.KeyArrowRight)) // "Use a sample"
	if tourStep(g) != 1 || g.s.ModelHash() != before {
		t.Fatalf("after Right on an empty grid: step %d, hash changed %v; want step 1 and the weights as they were", tourStep(g), g.s.ModelHash() != before)
	}
	return before
}

func TestTourKeysWalkAndUpdateOnce(t *testing.T) {
	g := newTestGame(t, memStore{})
	before := startTour(t, g)
	// The weights change once, when the tour shows the update, not before.
	for want := 2; want < tour.UpdateStep; want++ {
		g.tick(keys(ebiten.KeyArrowRight))
		if h := g.s.ModelHash(); tourStep(g) != want || h != before {
			t.Fatalf("step %d (want %d): the weights changed before the update step", tourStep(g), want)
		}
	}
	g.tick(keys(ebiten.KeyArrowRight))
	after := g.s.ModelHash()
	if tourStep(g) != tour.UpdateStep || after == before || after != session.ModelHash(g.tour.view.Net) {
		t.Fatalf("step %d: the network did not take the iteration's weights", tourStep(g))
	}
	check := func(what string, want int) {
		t.Helper()
		if got := tourStep(g); got != want {
			t.Fatalf("%s: step %d, want %d", what, got, want)
		}
		if h := g.s.ModelHash(); h != after {
			t.Fatalf("%s: the weights changed again (%s → %s)", what, after, h)
		}
	}
	for want := tour.UpdateStep + 1; want <= tour.Steps; want++ {
		g.tick(keys(ebiten.KeyArrowRight))
		check("Right", want)
	}
	g.tick(keys(ebiten.KeyArrowLeft))
	check("Left", 9)
	g.tick(keys(ebiten.KeyPageDown))
	check("PageDown", 10)
	g.tick(keys(ebiten.KeyPageUp))
	check("PageUp", 9)
	g.tick(keys(ebiten.KeyEscape))
	if st := g.Status().Tour; st.Active || !g.tour.resumable() {
		t.Fatalf("Escape: %+v, resumable %v; want left and resumable", st, g.tour.resumable())
	}
	st := screenState{tourActive: g.tour.active(), tourResumable: g.tour.resumable(), sched: g.sched}
	if c, _ := g.lay.ControlNamed("tour"); label(g.s, st, c, g.lay.S) != "Resume tour (T)" {
		t.Errorf("the Tour button of a left tour says %q", label(g.s, st, c, g.lay.S))
	}
	g.tick(keys(ebiten.KeyT))
	check("T resumes", 9)
	g.tick(keys(ebiten.KeyT))
	if g.Status().Tour.Active {
		t.Fatal("T did not leave the tour")
	}
	g.tick(keys(ebiten.KeyT))
	check("T resumes again", 9)
	g.tick(keys(ebiten.KeyK))
	if st := g.Status().Tour; st.Active || g.tour.resumable() {
		t.Fatalf("K: %+v; want the tour ended for good", st)
	}
	if g.s.ModelHash() != after {
		t.Error("skipping changed the weights")
	}
	g.tick(keys(ebiten.KeyT))
	if st := g.Status().Tour; !st.Active || st.Step != 0 {
		t.Errorf("T after a skip: %+v; want a new tour, waiting", st)
	}
}

func TestTourFinishes(t *testing.T) {
	g := newTestGame(t, memStore{})
	startTour(t, g)
	for range tour.Steps - 1 {
		g.tick(keys(ebiten.KeyArrowRight))
	}
	if g.tour.card.Label(btnNext) != "Finish →" {
		t.Errorf("the last step's Next button says %q", g.tour.card.Label(btnNext))
	}
	g.tick(keys(ebiten.KeyArrowRight))
	if st := g.Status().Tour; st.Active || st.Step != 0 {
		t.Errorf("after the last step: %+v; want the tour over", st)
	}
}

// TestTourCardKeepsTheNetworkInView lays the card out for every step at
// several window sizes: it must stay on screen and never cover the
// network drawing (what the step highlights) or the Draw panel (where a
// waiting step asks the user to draw).
func TestTourCardKeepsTheNetworkInView(t *testing.T) {
	sizes := []struct{ w, h, dsf float64 }{{800, 600, 1}, {1024, 640, 1.5}, {1280, 800, 1}, {1920, 1080, 1}, {1280, 800, 2}, {900, 1200, 1}, {390, 844, 2}}
	g := newTestGame(t, memStore{})
	g.tick(keys(ebiten.KeyT))
	for step := 0; step <= tour.Steps; step++ {
		for _, sz := range sizes {
			g.dsf = sz.dsf
			g.relayout(sz.w*sz.dsf, sz.h*sz.dsf)
			g.tick(&Input{})
			c, l := g.tour.card, g.lay
			name := func() string { return "step " + strconv.Itoa(step) + " at " + fmtSize(l) }
			whole := render.Rect{W: l.W, H: l.H}
			if c.Rect.Empty() || !inside(c.Rect, whole) {
				t.Errorf("%s: card %v is not on the screen", name(), c.Rect)
			}
			if overlaps(c.Rect, l.Net) {
				t.Errorf("%s: card %v covers the network drawing %v", name(), c.Rect, l.Net)
			}
			if overlaps(c.Rect, l.Panels[screen.PanelDraw]) {
				t.Errorf("%s: card %v covers the Draw panel %v", name(), c.Rect, l.Panels[screen.PanelDraw])
			}
			for i, r := range c.Buttons {
				if !inside(r, c.Rect) {
					t.Errorf("%s: button %q %v is outside the card %v", name(), c.Label(i), r, c.Rect)
				}
				for j := i + 1; j < len(c.Buttons); j++ {
					if overlaps(r, c.Buttons[j]) {
						t.Errorf("%s: buttons %q and %q overlap", name(), c.Label(i), c.Label(j))
					}
				}
			}
			// text at least 0.55 of its size in CSS pixels: readable on a projector
			if c.Scale()/l.DSF < 0.55 {
				t.Errorf("%s: text scaled to %g", name(), c.Scale()/l.DSF)
			}
		}
		g.tick(keys(ebiten.KeyArrowRight))
	}
}

func TestTourCardButtonsAndClicks(t *testing.T) {
	g := newTestGame(t, memStore{})
	g.tick(keys(ebiten.KeyT))
	if g.tour.card.Label(btnNext) != "Use a sample →" {
		t.Errorf("waiting on an empty grid, Next says %q", g.tour.card.Label(btnNext))
	}
	g.tick(tapRect(g.tour.card.Buttons[btnNext]))
	if tourStep(g) != 1 {
		t.Fatalf("clicking %q: step %d", g.tour.card.Label(btnNext), tourStep(g))
	}
	g.tick(tapRect(g.tour.card.Buttons[btnNext]))
	g.tick(tapRect(g.tour.card.Buttons[btnNext]))
	g.tick(tapRect(g.tour.card.Buttons[btnBack]))
	if tourStep(g) != 2 {
		t.Fatalf("Next, Next, Back by mouse: step %d, want 2", tourStep(g))
	}
	// A click on the card, over the panels under it, belongs to the card.
	sel, ink := g.s.Selected(), g.s.Ink()
	c := g.tour.card.Rect
	for x := c.X + 4; x < c.X+c.W; x += c.W / 17 {
		for y := c.Y + 4; y < c.Y+c.H; y += c.H / 9 {
			if _, ok := g.tour.card.ButtonAt(x, y); !ok {
				g.tick(tap(x, y))
			}
		}
	}
	if tourStep(g) != 2 || g.s.Selected() != sel || g.s.Ink() != ink || g.modal.open() {
		t.Errorf("clicks on the card reached what is under it: step %d, selected %d→%d, ink %d→%d, card open %v",
			tourStep(g), sel, g.s.Selected(), ink, g.s.Ink(), g.modal.open())
	}
	// Step 2 explains one hidden neuron; clicking another picks it.
	h := (g.tour.t.Neuron() + 5) % g.s.Net().Hidden
	x, y := g.net.NeuronPos(render.Neuron{Layer: 1, Index: h})
	g.tick(tap(x, y))
	if g.tour.t.Neuron() != h {
		t.Fatalf("clicking hidden neuron %d picked %d", h, g.tour.t.Neuron())
	}
	if f := strings.Join(g.tour.view.Formula, "\n"); !strings.Contains(f, "z"+tour.Sub(h+1)+" = ") {
		t.Errorf("after picking neuron %d the formula is\n%s", h, f)
	}
	g.tick(tapRect(g.tour.card.Buttons[btnHide]))
	if g.Status().Tour.Active || !g.tour.resumable() {
		t.Error("Hide did not leave the tour resumably")
	}
	g.tick(keys(ebiten.KeyT))
	g.tick(tapRect(g.tour.card.Buttons[btnSkip]))
	if g.Status().Tour.Active || g.tour.resumable() {
		t.Error("Skip did not end the tour")
	}
}

func TestTourHighlightsForRender(t *testing.T) {
	g := newTestGame(t, memStore{})
	startTour(t, g)
	for step := 1; step <= tour.Steps; step++ {
		v, hl := g.tour.view, g.tour.hl
		if !hl.Dim {
			t.Errorf("step %d does not dim the rest of the network", step)
		}
		if len(hl.Neurons) == 0 && len(hl.Edges) == 0 {
			t.Errorf("step %d highlights nothing", step)
		}
		switch step {
		case 7, 8, 9:
			if len(hl.EdgeValues) == 0 {
				t.Errorf("step %d does not colour its edges by gradient", step)
			}
			for _, e := range v.Highlight.Edges {
				re := render.Edge{Layer: map[tour.Part]int{tour.Edges1: 1, tour.Edges2: 2}[e.Layer], From: e.From, To: e.To}
				if hl.EdgeValues[re] != e.Value {
					t.Fatalf("step %d: edge %v coloured by %g, the view says %g", step, re, hl.EdgeValues[re], e.Value)
				}
			}
		}
		if (step == 7 || step == 9) && (v.Table == nil || len(v.Table.Rows) == 0) {
			t.Errorf("step %d has no before → after table", step)
		}
		g.tick(keys(ebiten.KeyArrowRight))
	}
}

func TestScriptParses(t *testing.T) {
	sc, err := parseScript("T, Right,shot,click:?network,click:hidden:3,Shift+Tab,?,wait:2,5,Esc", "a.png")
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.items) != 11 {
		t.Fatalf("%d items, want 11", len(sc.items))
	}
	if it := sc.items[5]; it.key != ebiten.KeyTab || !it.shift {
		t.Errorf("Shift+Tab parsed as %+v", it)
	}
	if it := sc.items[9]; it.key != ebiten.KeyDigit5 {
		t.Errorf("5 parsed as %+v", it)
	}
	for _, bad := range []string{"Nope", "Hyper+T", "wait:x"} {
		if _, err := parseScript(bad, ""); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	// Played into a game, the script starts the tour and steps it.
	g := newTestGame(t, memStore{})
	g.script, _ = parseScript("T,Right,Right", "")
	for range g.script.end() {
		g.script.apply(g, &g.in)
		g.tick(&g.in)
	}
	if tourStep(g) != 2 {
		t.Errorf("after the script T,Right,Right: step %d, want 2", tourStep(g))
	}
}

// TestTourLeftBeforeTheUpdateChangesNothing: the tour's iteration changes
// the weights only at the update step; a tour left or skipped before it
// leaves the network as it was.
func TestTourLeftBeforeTheUpdateChangesNothing(t *testing.T) {
	g := newTestGame(t, memStore{})
	before := startTour(t, g)
	g.tick(keys(ebiten.KeyArrowRight))
	g.tick(keys(ebiten.KeyK))
	if g.Status().Tour.Active || g.s.ModelHash() != before {
		t.Fatal("skipping at step 2 changed the weights")
	}
	startTour(t, g)
	g.tick(keys(ebiten.KeyEscape))
	g.tick(keys(ebiten.KeyE)) // training between leaving and resuming
	trained := g.s.ModelHash()
	g.tick(keys(ebiten.KeyT)) // the network changed: the tour starts again, on the trained one
	if tourStep(g) > 1 {
		t.Fatalf("resumed at step %d after training", tourStep(g))
	}
	for tourStep(g) < tour.UpdateStep-1 { // up to the step before the update
		g.tick(keys(ebiten.KeyArrowRight))
	}
	if g.s.ModelHash() != trained {
		t.Error("an iteration made before an epoch of training overwrote it")
	}
}

// TestTourRestartsOnAChangedNetwork: a tour left and resumed after the
// network changed (another activation, a reset) starts again instead of
// showing numbers of a network that is gone.
func TestTourRestartsOnAChangedNetwork(t *testing.T) {
	g := newTestGame(t, memStore{})
	for y := 1; y < 8; y++ {
		g.s.Paint(4, y, true)
	}
	g.tick(keys(ebiten.KeyT))
	g.tick(keys(ebiten.KeyArrowRight))
	g.tick(keys(ebiten.KeyArrowRight))
	step := g.tour.t.View().Number
	if step < 2 {
		t.Fatalf("the tour is at step %d", step)
	}
	g.tick(keys(ebiten.KeyT)) // leave
	g.tick(keys(ebiten.KeyT)) // resume: nothing changed
	if got := g.tour.t.View().Number; got != step {
		t.Fatalf("resumed at step %d, want %d", got, step)
	}
	g.tick(keys(ebiten.KeyT))
	g.s.Reset(true)
	g.tick(keys(ebiten.KeyT))
	if got := g.tour.t.View().Number; got >= step {
		t.Errorf("after a reset the tour resumed at step %d", got)
	}
	if msg := g.s.Message().Text; !strings.Contains(msg, "starts again") {
		t.Errorf("message %q", msg)
	}
}
