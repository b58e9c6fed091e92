package tour

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"digittrainer/assets"
)

// CardID names a help card: its file in assets/help, without ".txt".
type CardID string

// The help cards the app opens: one per panel or part of a panel with a
// "?" icon, and the cards opened by a key or a link.
const (
	CardGrid       CardID = "grid"      // the Draw panel
	CardPredict    CardID = "predict"   // the Prediction panel
	CardNetwork    CardID = "network"   // the Network panel
	CardInspector  CardID = "inspector" // the strip under the network
	CardControls   CardID = "controls"  // the Training panel
	CardSpeed      CardID = "speed"     // its speed line
	CardDataset    CardID = "dataset"
	CardPlots      CardID = "plots" // the Progress panel
	CardTour       CardID = "tour"
	CardCheckpoint CardID = "checkpoint"
	CardSnapshots  CardID = "snapshots" // time travel
	CardBias       CardID = "bias"      // the biased-data experiment
	CardSimilar    CardID = "similar"   // similar drawings (V)
	CardGlossary   CardID = "glossary"
	CardKeys       CardID = "keys"
)

// CardIDs are the help cards the app can open. LoadHelp fails if one is
// missing.
var CardIDs = []CardID{
	CardGrid, CardDataset, CardControls, CardNetwork, CardInspector, CardPlots, CardSpeed, CardPredict,
	CardTour, CardCheckpoint, CardSnapshots, CardBias, CardSimilar, CardGlossary, CardKeys,
}

// DefaultFocus is the Tab order among the panels: roughly the order a
// student works in (draw, see the guess, collect, train, watch, measure).
var DefaultFocus = []CardID{CardGrid, CardPredict, CardDataset, CardControls, CardNetwork, CardInspector, CardPlots, CardSpeed}

// LoadHelp parses every card file (*.txt except StepsFile) in fsys, keyed
// by ID, and checks that every ID in CardIDs is there and every "See
// also" points at a card.
func LoadHelp(fsys fs.FS) (map[CardID]*HelpText, error) {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("tour: %v", err)
	}
	cards := map[CardID]*HelpText{}
	for _, name := range names {
		if name == StepsFile {
			continue
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("tour: %v", err)
		}
		id := CardID(strings.TrimSuffix(path.Base(name), ".txt"))
		c, err := ParseHelp(id, string(b))
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

var defaultHelp = sync.OnceValues(func() (map[CardID]*HelpText, error) { return LoadHelp(assets.Help()) })

// DefaultHelp returns the cards embedded in the program.
func DefaultHelp() (map[CardID]*HelpText, error) { return defaultHelp() }

// Router is which panel has the keyboard focus and which help card is
// open. It is pure state: the app feeds it keys and clicks and draws the
// card it names.
type Router struct {
	cards map[CardID]*HelpText
	order []CardID
	focus int
	open  CardID // "" when no card is open
}

// NewRouter returns a router over cards with the given Tab order
// (DefaultFocus if nil); the first panel has the focus and no card is
// open. Every ID in order must have a card.
func NewRouter(cards map[CardID]*HelpText, order []CardID) (*Router, error) {
	if order == nil {
		order = DefaultFocus
	}
	if len(order) == 0 {
		return nil, fmt.Errorf("tour: empty focus order")
	}
	seen := map[CardID]bool{}
	for _, id := range order {
		if cards[id] == nil {
			return nil, fmt.Errorf("tour: no help card for panel %q", id)
		}
		if seen[id] {
			return nil, fmt.Errorf("tour: panel %q twice in the focus order", id)
		}
		seen[id] = true
	}
	return &Router{cards: cards, order: append([]CardID(nil), order...)}, nil
}

// Focus returns the panel with the keyboard focus.
func (r *Router) Focus() CardID { return r.order[r.focus] }

// SetFocus gives the focus to panel id (e.g. when it is clicked) and
// reports whether id is in the focus order.
func (r *Router) SetFocus(id CardID) bool {
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
func (r *Router) Open(id CardID) bool {
	if r.cards[id] == nil {
		return false
	}
	r.open = id
	return true
}

// Close closes the open card (Escape, a click) and reports whether one was
// open, so Escape can fall through to other uses when none is.
func (r *Router) Close() bool {
	was := r.open != ""
	r.open = ""
	return was
}

// OpenID returns the ID of the open card, "" if none (the status JSON's
// help.id).
func (r *Router) OpenID() CardID { return r.open }

// Card returns the open card, or nil.
func (r *Router) Card() *HelpText { return r.cards[r.open] }
