package app

import (
	"fmt"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/platform"
	"digittrainer/tour"
)

// The language the app speaks is chosen once at start, from what was
// asked (the desktop's -lang, the page's ?lang=, which a lesson link
// carries), then what was picked before, then the browser's or the
// system's languages; English when none of them is ours. The picker (the
// header's language button) changes it at once and remembers it.

// startLanguage sets the language at start and returns it.
func startLanguage(flag string) string {
	var prefs []string
	if flag != "" {
		prefs = append(prefs, flag)
	}
	code := i18n.Match(append(prefs, platform.LanguagePrefs()...)...)
	i18n.Set(code)
	return code
}

// languageKeys are the keys of the picker's answers: the digits, in the
// order of i18n.Languages.
var languageKeys = []ebiten.Key{ebiten.Key1, ebiten.Key2, ebiten.Key3, ebiten.Key4, ebiten.Key5}

// askLanguage opens the picker: one button per language, each in its own
// language, so a person who cannot read the current one finds theirs; the
// one in use first (a question's first answer is the highlighted one),
// each with its digit key.
func (g *Game) askLanguage() {
	platform.CloseOffer() // the lesson link's box would hide the picker
	var choices []choice
	for i, l := range i18n.Languages {
		c := choice{label: fmt.Sprintf("%s (%d)", l.Name, i+1), key: languageKeys[i], cmd: Command{Act: ActLanguageNow, Arg: i}}
		if l.Code == i18n.Current() {
			choices = append([]choice{c}, choices...)
		} else {
			choices = append(choices, c)
		}
	}
	g.modal.ask(i18n.T("Language"), i18n.T("Choose the language the app speaks. Numbers follow it too (0.5 or 0,5); files stay the same in every language."), Command{}, choices...)
}

// setLanguage switches the app to the i-th of i18n.Languages: every text
// on screen is looked up again from the next frame, the help cards and the
// tour's steps are read in the new language, and the choice is kept for
// the next start.
func (g *Game) setLanguage(i int) {
	if i < 0 || i >= len(i18n.Languages) {
		return
	}
	l := i18n.Languages[i]
	i18n.Set(l.Code)
	g.modal.close()
	g.modal.router, g.modal.err = nil, nil // the cards are read again, in l
	if g.tour.t != nil {
		if texts, err := tour.DefaultTexts(); err == nil {
			g.tour.t.SetTexts(texts)
		}
	}
	if err := platform.SaveLanguage(l.Code); err != nil {
		g.s.Say("Language: %s. It cannot be remembered for next time: %v", l.Name, err)
		return
	}
	g.s.Say("Language: %s.", l.Name)
}

// withLang is page with ?lang= set to the language in use: a lesson link
// opens in the teacher's language (a student can still pick another). It
// edits the query by hand: net/url would add 56 KB to the download for
// this one line.
func withLang(page string) string {
	base, query, _ := strings.Cut(page, "?")
	parts := []string{"lang=" + i18n.Current()}
	for _, p := range strings.Split(query, "&") {
		if p != "" && !strings.HasPrefix(p, "lang=") {
			parts = append(parts, p)
		}
	}
	return base + "?" + strings.Join(parts, "&")
}
