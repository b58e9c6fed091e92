package tour

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"digittrainer/assets"
)

// CardIDs are the help cards the app can open: one per panel with a "?"
// icon, plus cards opened by a key or a link (tour, checkpoint, glossary,
// keys). LoadCards fails if one is missing.
var CardIDs = []string{
	"grid", "dataset", "controls", "network", "inspector", "plots", "speed", "predict",
	"tour", "checkpoint", "glossary", "keys",
}

// DefaultFocus is the Tab order among the panels: roughly the order a
// student works in (draw, see the guess, collect, train, watch, measure).
var DefaultFocus = []string{"grid", "predict", "dataset", "controls", "network", "inspector", "plots", "speed"}

// LoadCards parses every card file (*.txt except StepsFile) in fsys, keyed
// by ID, and checks that every ID in CardIDs is there and every "See
// also" points at a card.
func LoadCards(fsys fs.FS) (map[string]*Card, error) {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("tour: %v", err)
	}
	cards := map[string]*Card{}
	for _, name := range names {
		if name == StepsFile {
			continue
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("tour: %v", err)
		}
		id := strings.TrimSuffix(path.Base(name), ".txt")
		c, err := ParseCard(id, string(b))
		if err != nil {
			return nil, err
		}
		cards[id] = c
	}
	for _, id := range CardIDs {
		if cards[id] == nil {
			return nil, fmt.Errorf("tour: help card %q is missing", id)
		}
	}
	for _, c := range cards {
		for _, ref := range c.SeeAlso {
			if cards[ref] == nil {
				return nil, fmt.Errorf("tour: help card %q refers to unknown card %q", c.ID, ref)
			}
		}
	}
	return cards, nil
}

var defaultCards = sync.OnceValues(func() (map[string]*Card, error) { return LoadCards(assets.Help()) })

// DefaultCards returns the cards embedded in the program.
func DefaultCards() (map[string]*Card, error) { return defaultCards() }

// Router is which panel has the keyboard focus and which help card is
// open. It is pure state: the app feeds it keys and clicks and draws the
// card it names.
type Router struct {
	cards map[string]*Card
	order []string
	focus int
	open  string // "" when no card is open
}

// NewRouter returns a router over cards with the given Tab order
// (DefaultFocus if nil); the first panel has the focus and no card is
// open. Every ID in order must have a card.
func NewRouter(cards map[string]*Card, order []string) (*Router, error) {
	if order == nil {
		order = DefaultFocus
	}
	if len(order) == 0 {
		return nil, fmt.Errorf("tour: empty focus order")
	}
	seen := map[string]bool{}
	for _, id := range order {
		if cards[id] == nil {
			return nil, fmt.Errorf("tour: no help card for panel %q", id)
		}
		if seen[id] {
			return nil, fmt.Errorf("tour: panel %q twice in the focus order", id)
		}
		seen[id] = true
	}
	return &Router{cards: cards, order: append([]string(nil), order...)}, nil
}

// Focus returns the panel with the keyboard focus.
func (r *Router) Focus() string { return r.order[r.focus] }

// SetFocus gives the focus to panel id (e.g. when it is clicked) and
// reports whether id is in the focus order.
func (r *Router) SetFocus(id string) bool {
	for i, p := range r.order {
		if p == id {
			r.focus = i
			return true
		}
	}
	return false
}

// FocusNext moves the focus to the next panel (Tab), wrapping round. If the
// card of the panel that had the focus is open, the new panel's card
// replaces it, so Tab pages through the cards.
func (r *Router) FocusNext() { r.move(1) }

// FocusPrev is FocusNext backwards (Shift+Tab).
func (r *Router) FocusPrev() { r.move(-1) }

func (r *Router) move(d int) {
	following := r.open == r.Focus()
	n := len(r.order)
	r.focus = ((r.focus+d)%n + n) % n
	if following {
		r.open = r.Focus()
	}
}

// Open opens card id (a "?" icon, a "See also" link) and reports whether
// there is such a card; an unknown id changes nothing.
func (r *Router) Open(id string) bool {
	if r.cards[id] == nil {
		return false
	}
	r.open = id
	return true
}

// OpenFocused opens the focused panel's card (F1).
func (r *Router) OpenFocused() { r.open = r.Focus() }

// Toggle opens card id, or closes it if it is the one open (the ? key and
// the keys card).
func (r *Router) Toggle(id string) bool {
	if r.open == id {
		r.open = ""
		return true
	}
	return r.Open(id)
}

// Close closes the open card (Escape, a click) and reports whether one was
// open, so Escape can fall through to other uses when none is.
func (r *Router) Close() bool {
	was := r.open != ""
	r.open = ""
	return was
}

// IsOpen reports whether a card is open.
func (r *Router) IsOpen() bool { return r.open != "" }

// OpenID returns the ID of the open card, "" if none (the status JSON's
// help.id).
func (r *Router) OpenID() string { return r.open }

// Card returns the open card, or nil.
func (r *Router) Card() *Card { return r.cards[r.open] }
