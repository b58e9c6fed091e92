package tour

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"digittrainer/assets"
	"digittrainer/i18n"
)

// CardID names a help card: its file in assets/help (and in
// assets/help/<lang> for the other languages), without ".txt".
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

var helpCache langCache[map[CardID]*HelpText]

// HelpFor returns the cards embedded in the program in language lang (a
// code of i18n.Languages; any other code gives English), parsed the first
// time and kept. A card the language has no file for is shown in English:
// a missing translation is a broken build, which the tests catch, but not
// a reason to leave a student without help. The map is shared: do not
// change it.
func HelpFor(lang string) (map[CardID]*HelpText, error) {
	return helpCache.get(lang, func(lang string) (map[CardID]*HelpText, error) {
		return LoadHelp(langFS(lang))
	})
}

// DefaultHelp returns the cards in the language in use (i18n.Current), or
// in English if that language's cards do not load. Call it again after
// the language changes: each language is parsed once.
func DefaultHelp() (map[CardID]*HelpText, error) {
	lang := i18n.Current()
	cards, err := HelpFor(lang)
	if err != nil && lang != i18n.English {
		return HelpFor(i18n.English)
	}
	return cards, err
}

// langCache keeps what was parsed for each language: a language is parsed
// once, the first time it is asked for, and then shared.
type langCache[T any] struct {
	mu   sync.Mutex
	load map[string]func() (T, error)
}

// get returns load(lang) for lang, or for English when lang is not one of
// i18n.Languages, calling load once per language.
func (c *langCache[T]) get(lang string, load func(lang string) (T, error)) (T, error) {
	if !i18n.Supported(lang) {
		lang = i18n.English
	}
	c.mu.Lock()
	f := c.load[lang]
	if f == nil {
		if c.load == nil {
			c.load = map[string]func() (T, error){}
		}
		f = sync.OnceValues(func() (T, error) { return load(lang) })
		c.load[lang] = f
	}
	c.mu.Unlock()
	return f()
}

// langFS returns the help texts of lang, with the English file for each
// file the language lacks.
func langFS(lang string) fs.FS {
	if lang == i18n.English {
		return assets.Help()
	}
	return fallbackFS{top: assets.HelpLang(lang), base: assets.Help()}
}

// fallbackFS serves each file from top, or from base when top has none;
// Glob lists the files of both.
type fallbackFS struct{ top, base fs.FS }

func (f fallbackFS) Open(name string) (fs.File, error) {
	file, err := f.top.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return f.base.Open(name)
	}
	return file, err
}

func (f fallbackFS) Glob(pattern string) ([]string, error) {
	top, err := fs.Glob(f.top, pattern)
	if err != nil {
		return nil, err
	}
	base, err := fs.Glob(f.base, pattern)
	if err != nil {
		return nil, err
	}
	names := append(top, base...)
	slices.Sort(names)
	return slices.Compact(names), nil
}

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
