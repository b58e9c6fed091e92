package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/session"
	"digittrainer/tour"
)

func helpID(g *Game) tour.CardID {
	st := g.Status().Help
	if !st.Open {
		return ""
	}
	return st.ID
}

func fmtSize(l *screen.Layout) string { return fmt.Sprintf("%v×%v@%v", l.W, l.H, l.S) }

// TestHelpIconsOpenTheirCards clicks every "?" on the screen.
func TestHelpIconsOpenTheirCards(t *testing.T) {
	g := newTestGame(t, memStore{})
	want := map[screen.Panel]tour.CardID{screen.PanelDraw: "grid", screen.PanelPredict: "predict", screen.PanelNetwork: "network",
		screen.PanelTrain: "controls", screen.PanelData: "dataset", screen.PanelMetrics: "plots"}
	for p, id := range want {
		g.tick(tapRect(render.HelpIconRect(g.lay.Panels[p], g.lay.S)))
		if got := helpID(g); got != id {
			t.Errorf("the ? of panel %s opened %q, want %q", p.Title(), got, id)
		}
		g.tick(keys(ebiten.KeyEscape))
		if helpID(g) != "" {
			t.Fatalf("Escape left card %q open", helpID(g))
		}
	}
	for _, ic := range g.lay.Icons {
		g.tick(tapRect(ic.Rect))
		if got := helpID(g); got != ic.Card {
			t.Errorf("the ? of %s opened %q", ic.Card, got)
		}
		g.tick(tap(1, 1)) // a click outside closes
		if helpID(g) != "" {
			t.Fatalf("a click outside left card %q open", helpID(g))
		}
	}
}

func TestHelpByKeyboard(t *testing.T) {
	g := newTestGame(t, memStore{})
	g.tick(keys(ebiten.KeyF1))
	if helpID(g) != "grid" {
		t.Fatalf("F1 with the grid focused opened %q", helpID(g))
	}
	// Tab pages through every card, and comes back round.
	seen := map[tour.CardID]bool{}
	for range helpOrder {
		seen[helpID(g)] = true
		g.tick(keys(ebiten.KeyTab))
	}
	for _, id := range tour.CardIDs {
		if !seen[id] {
			t.Errorf("Tab never reached card %q", id)
		}
	}
	if helpID(g) != "grid" {
		t.Errorf("Tab did not come round to the grid card: %q", helpID(g))
	}
	g.tick(&Input{Keys: []ebiten.Key{ebiten.KeyTab}, Shift: true})
	if helpID(g) != helpOrder[len(helpOrder)-1] {
		t.Errorf("Shift+Tab from the first card: %q", helpID(g))
	}
	g.tick(keys(ebiten.KeyG))
	if helpID(g) != "glossary" {
		t.Errorf("G on a card opened %q", helpID(g))
	}
	g.tick(keys(ebiten.KeyEscape))
	g.tick(keys(ebiten.KeyG))
	if helpID(g) != "glossary" {
		t.Errorf("G opened %q", helpID(g))
	}
	g.tick(keys(ebiten.KeyG))
	if helpID(g) != "" {
		t.Errorf("G again left %q open", helpID(g))
	}
	g.tick(&Input{Chars: []rune{'?'}, Keys: []ebiten.Key{ebiten.KeySlash}, Shift: true})
	if helpID(g) != "keys" {
		t.Errorf("? opened %q", helpID(g))
	}
	g.tick(&Input{Chars: []rune{'?'}, Keys: []ebiten.Key{ebiten.KeySlash}, Shift: true})
	if helpID(g) != "" {
		t.Errorf("? again left %q open", helpID(g))
	}
	// F1 explains the panel of the focused control: one of the Training
	// panel, since the Draw panel's card is also what F1 opens unfocused.
	for range g.lay.Controls {
		if ctl, ok := g.controls.focused(g.lay); ok && ctl.Panel == screen.PanelTrain {
			break
		}
		g.tick(keys(ebiten.KeyTab))
	}
	ctl, ok := g.controls.focused(g.lay)
	if !ok || ctl.Panel != screen.PanelTrain {
		t.Fatalf("Tab never focused a Training control: focused %q (%v)", ctl.Name(), ok)
	}
	g.tick(keys(ebiten.KeyF1))
	if want := screen.PanelTrain.Card(); helpID(g) != want {
		t.Errorf("F1 on control %q opened %q, want %q", ctl.Name(), helpID(g), want)
	}
}

// TestHelpCardsFit lays every card out at the smallest supported window
// and a large one: on screen, text inside the card, links that work.
func TestHelpCardsFit(t *testing.T) {
	g := newTestGame(t, memStore{})
	for _, sz := range []struct{ w, h, dsf float64 }{{800, 600, 1}, {1920, 1080, 1}, {1280, 800, 2}} {
		g.dsf = sz.dsf
		g.relayout(sz.w*sz.dsf, sz.h*sz.dsf)
		whole := render.Rect{W: g.lay.W, H: g.lay.H}
		for _, id := range tour.CardIDs {
			g.modal.openCard(id)
			g.tick(&Input{})
			c := g.modal.card
			if helpID(g) != id || !inside(c.Rect, whole) {
				t.Errorf("card %q at %s: open %q, rect %v", id, fmtSize(g.lay), helpID(g), c.Rect)
			}
			if id != tour.CardGlossary && !slices.Contains(g.modal.links, link{act: linkCard, card: tour.CardGlossary}) {
				t.Errorf("card %q has no way to the glossary", id)
			}
			for i, b := range c.Buttons {
				if !inside(b, c.Rect) {
					t.Errorf("card %q: button %q outside the card", id, c.Label(i))
				}
			}
		}
		g.modal.close()
	}
	// A link opens its card; a click on the card's text closes it.
	g.modal.openCard(tour.CardNetwork)
	g.tick(&Input{})
	i := slices.Index(g.modal.links, link{act: linkCard, card: tour.CardGlossary})
	g.tick(tapRect(g.modal.card.Buttons[i]))
	if helpID(g) != "glossary" {
		t.Errorf("the glossary link opened %q", helpID(g))
	}
	r := g.modal.card.Rect
	g.tick(tap(r.X+r.W/2, r.Y+10))
	if helpID(g) != "" {
		t.Errorf("a click on the card left %q open", helpID(g))
	}
}

func TestEscapeClosesTheCardBeforeTheTour(t *testing.T) {
	g := newTestGame(t, memStore{})
	startTour(t, g)
	g.tick(keys(ebiten.KeyF1))
	g.tick(keys(ebiten.KeyEscape))
	if helpID(g) != "" || !g.Status().Tour.Active {
		t.Fatalf("first Escape: card %q, tour active %v; want the card closed, the tour on", helpID(g), g.Status().Tour.Active)
	}
	g.tick(keys(ebiten.KeyEscape))
	if g.Status().Tour.Active {
		t.Error("second Escape did not leave the tour")
	}
}

func TestQuestionAnsweredByButtons(t *testing.T) {
	g := newTestGame(t, memStore{})
	n := g.s.Data().Len()
	g.do(Command{Act: ActClearData})
	g.tick(&Input{})
	r := g.modal.card.Rect
	g.tick(tap(r.X+r.W/2, r.Y+5)) // on the card, not a button: nothing
	if !g.Status().Help.Question || g.s.Data().Len() != n {
		t.Fatalf("a click on the question's text: %+v, %d samples", g.Status().Help, g.s.Data().Len())
	}
	g.tick(tapRect(g.modal.card.Buttons[slices.Index(g.modal.links, link{act: linkAnswer})]))
	if g.modal.open() || g.s.Data().Len() != 0 {
		t.Errorf("Yes: open %v, %d samples", g.modal.open(), g.s.Data().Len())
	}
}

// TestCardShowsInTheTickItOpens: a card opened by a key is laid out before
// that tick's paint, so it shows without waiting for the mouse to move.
func TestCardShowsInTheTickItOpens(t *testing.T) {
	g := newTestGame(t, memStore{})
	g.tick(&Input{})
	g.tick(&Input{Keys: []ebiten.Key{ebiten.KeySlash}, Chars: []rune{'?'}, Shift: true})
	if g.modal.card == nil || helpID(g) != tour.CardKeys {
		t.Fatalf("? opened %q, laid out %v", helpID(g), g.modal.card != nil)
	}
	g.tick(keys(ebiten.KeyEscape))
	g.s.Paint(4, 4, true)
	g.s.AddDrawing()
	g.tick(keys(ebiten.KeyM)) // asks: drawings of one's own
	if g.modal.card == nil || !g.Status().Help.Question {
		t.Error("the question M asks is not laid out in its tick")
	}
}

// TestTourRefusesWhatWouldChangeIt: while the tour runs, training, edits
// and settings are refused with a word, and the weights stay.
func TestTourRefusesWhatWouldChangeIt(t *testing.T) {
	g := newTestGame(t, memStore{})
	startTour(t, g)
	model, total := g.s.ModelHash(), g.s.Data().Len()
	for _, c := range []Command{{Act: ActTogglePlay}, {Act: ActStepEpoch}, {Act: ActAdd}, {Act: ActModeNow},
		{Act: ActReset}, settingCmd(session.SetHidden, 1), {Act: ActClearDataNow}} {
		g.do(c)
	}
	g.tick(&Input{})
	if g.s.ModelHash() != model || g.s.Data().Len() != total || g.s.Running() || !strings.Contains(g.s.Message().Text, "leave it first") {
		t.Errorf("the tour let commands through: model changed %v, %d drawings, running %v, %q",
			g.s.ModelHash() != model, g.s.Data().Len(), g.s.Running(), g.s.Message().Text)
	}
}

// TestCardButtonsFitAFingerOnAPhone: on a phone the buttons of a question
// and of the tour's card are at least 40 CSS pixels tall, without keys.
func TestCardButtonsFitAFingerOnAPhone(t *testing.T) {
	g := newTestGame(t, memStore{})
	g.dsf = 2
	g.relayout(390*2, 844*2)
	g.do(Command{Act: ActClearData})
	g.tick(&Input{})
	check := func(what string, c *render.Card) {
		t.Helper()
		if c == nil || len(c.Buttons) == 0 {
			t.Fatalf("%s: no card", what)
		}
		for i, b := range c.Buttons {
			if b.H/g.lay.DSF < 40 {
				t.Errorf("%s: button %q is %.0f CSS px tall", what, c.Label(i), b.H/g.lay.DSF)
			}
			if strings.Contains(c.Label(i), "(Y)") || strings.Contains(c.Label(i), "(Esc)") {
				t.Errorf("%s: button %q names a key on a phone", what, c.Label(i))
			}
		}
	}
	check("question", g.modal.card)
	g.tick(keys(ebiten.KeyEscape))
	startTour(t, g)
	for range 3 {
		g.tick(keys(ebiten.KeyArrowRight))
		check("tour", g.tour.card)
	}
}

// TestLanguageButtonOverACard: a click on the language button while a
// card is open closes the card and opens the picker.
func TestLanguageButtonOverACard(t *testing.T) {
	g := newTestGame(t, memStore{})
	g.modal.openCard(tour.CardNetwork)
	g.tick(&Input{})
	c, ok := g.lay.ControlNamed("lang")
	if !ok {
		t.Fatal("no language button")
	}
	x, y := c.Rect.X+c.Rect.W/2, c.Rect.Y+c.Rect.H/2
	g.tick(&Input{Pointers: []Pointer{{ID: mouseLeft, X: x, Y: y, Just: true}}, HoverX: x, HoverY: y, HasHover: true})
	g.tick(&Input{HoverX: x, HoverY: y, HasHover: true})
	g.tick(&Input{})
	if q := g.modal.question; q == nil || len(q.choices) != len(i18n.Languages) {
		t.Fatalf("the picker did not open over the card: %+v", g.modal.question)
	}
}
