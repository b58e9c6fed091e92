package tour

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"digittrainer/assets"
	"digittrainer/i18n"
)

func helpFS() (fs.ReadFileFS, error) {
	f, ok := assets.Help().(fs.ReadFileFS)
	if !ok {
		return nil, fs.ErrInvalid
	}
	return f, nil
}

// maxCardWords is the longest a panel card may be: about what fits on a
// card at a readable size in an 800×600 window (the issue's ~110 words,
// with a little slack for a heading word or two).
const maxCardWords = 120

func mustCards(t *testing.T) map[CardID]*HelpText {
	t.Helper()
	cards, err := DefaultHelp()
	if err != nil {
		t.Fatal(err)
	}
	return cards
}

// TestCards checks every card of every language: a title, the panel
// cards short enough to fit, and (in English, which the other languages
// follow section by section: TestTranslationsMatchEnglish) the three
// sections of a panel card.
func TestCards(t *testing.T) {
	for _, l := range i18n.Languages {
		t.Run(l.Code, func(t *testing.T) {
			cards, err := HelpFor(l.Code)
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range CardIDs {
				c := cards[id]
				if c.Title == "" {
					t.Errorf("%s: %s: no title", l.Code, cardFile(l.Code, id))
				}
				if id == "glossary" || id == "keys" {
					continue
				}
				if w := c.Words(); w > maxCardWords {
					t.Errorf("%s: %s: %d words, want at most %d", l.Code, cardFile(l.Code, id), w, maxCardWords)
				}
				if l.Code != i18n.English {
					continue
				}
				for _, h := range []string{"What you see", "Try this", "The idea"} {
					if _, ok := c.Section(h); !ok {
						t.Errorf("%s: no %q section", id, h)
					}
				}
			}
			if len(cards) != len(CardIDs) {
				t.Errorf("%s: %d cards, want %d: a card file the app cannot open", l.Code, len(cards), len(CardIDs))
			}
		})
	}
}

// TestCardIdeas checks that the ideas the issue asks for are on the cards
// that should carry them.
func TestCardIdeas(t *testing.T) {
	cards := mustCards(t)
	ideas := map[CardID][]string{
		"network":    {"mirror", "softmax"},
		"controls":   {"learning rate", "too high", "overshoot"},
		"plots":      {"validation", "overfitting"},
		"checkpoint": {"snapshot", "before an experiment"},
		"tour":       {"stepping back"},
	}
	for id, words := range ideas {
		text := strings.ToLower(cards[id].Text())
		for _, w := range words {
			if !strings.Contains(text, w) {
				t.Errorf("%s card does not mention %q", id, w)
			}
		}
	}
	g := cards["glossary"]
	for _, term := range []string{"Weight", "Bias", "Activation", "Sigmoid", "Softmax", "Loss", "Gradient", "Epoch",
		"Learning rate", "Checkpoint", "Overfitting", "Batch", "Validation"} {
		if _, ok := g.Section(term); !ok {
			t.Errorf("glossary lacks %q", term)
		}
	}
}

func TestLoadCardsErrors(t *testing.T) {
	if _, err := LoadHelp(fstest.MapFS{"grid.txt": {Data: []byte("Grid\n## A\nx\n")}}); err == nil {
		t.Error("missing cards accepted")
	}
	all := fstest.MapFS{}
	for _, id := range CardIDs {
		all[string(id)+".txt"] = &fstest.MapFile{Data: []byte("T\n## A\nx\n")}
	}
	if _, err := LoadHelp(all); err != nil {
		t.Fatal(err)
	}
	all["grid.txt"] = &fstest.MapFile{Data: []byte("T\n## A\nx\nSee also: nowhere\n")}
	if _, err := LoadHelp(all); err == nil {
		t.Error("a See also to a missing card accepted")
	}
	all["grid.txt"] = &fstest.MapFile{Data: []byte("")}
	if _, err := LoadHelp(all); err == nil {
		t.Error("an empty card accepted")
	}
}

func TestRouter(t *testing.T) {
	cards := mustCards(t)
	if _, err := NewRouter(cards, []CardID{"grid", "nope"}); err == nil {
		t.Error("an order with an unknown panel accepted")
	}
	if _, err := NewRouter(cards, []CardID{"grid", "grid"}); err == nil {
		t.Error("a repeated panel accepted")
	}
	if _, err := NewRouter(cards, []CardID{}); err == nil {
		t.Error("an empty order accepted")
	}
	r, err := NewRouter(cards, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Focus() != DefaultFocus[0] || r.Card() != nil || r.OpenID() != "" {
		t.Fatal("fresh router")
	}
	// Tab goes round every panel and back; Shift+Tab undoes it.
	var seen []CardID
	for range DefaultFocus {
		seen = append(seen, r.Focus())
		r.FocusNext()
	}
	if !slices.Equal(seen, DefaultFocus) || r.Focus() != DefaultFocus[0] {
		t.Errorf("Tab order %v", seen)
	}
	r.FocusPrev()
	if r.Focus() != DefaultFocus[len(DefaultFocus)-1] {
		t.Errorf("Shift+Tab from the first panel: %s", r.Focus())
	}
	// F1 opens the focused panel's card; with it open, Tab pages through cards.
	r.SetFocus("network")
	r.Open(r.Focus())
	if r.OpenID() != "network" || r.Card().Title == "" {
		t.Fatal("F1")
	}
	r.FocusNext()
	if r.OpenID() != r.Focus() || r.Focus() != "inspector" {
		t.Errorf("Tab with a card open: open %s, focus %s", r.OpenID(), r.Focus())
	}
	// A card not for the focused panel stays put on Tab.
	r.Open("glossary")
	r.FocusNext()
	if r.OpenID() != "glossary" {
		t.Errorf("Tab replaced the glossary with %s", r.OpenID())
	}
	// Escape closes and says whether it did.
	if !r.Close() || r.Close() {
		t.Error("Close reports whether a card was open")
	}
	if r.Open("nope") || r.OpenID() != "" {
		t.Error("an unknown card opened")
	}
	if !r.Open("checkpoint") || !r.Close() || r.OpenID() != "" {
		t.Error("Open/Close")
	}
	if r.SetFocus("glossary") || r.Focus() != "plots" {
		t.Error("SetFocus on a card that is not a panel")
	}
}
