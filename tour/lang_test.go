package tour

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"digittrainer/assets"
	"digittrainer/i18n"
)

// TestTranslationsMatchEnglish checks each language's help files in
// assets/help/<lang> against the English ones in assets/help: the same
// files, each parsing, with the same "See also" links and the same shape
// (sections, and paragraphs and list items in each), and a StepsFile with
// the same sections using the same {placeholders}. The app shows English
// for a file a language lacks; this test is what says it lacks it.
// Run one language with -run TestTranslationsMatchEnglish/de.
func TestTranslationsMatchEnglish(t *testing.T) {
	en := assets.Help()
	names := helpNames(t, en)
	if len(names) == 0 {
		t.Fatal("no English help files in assets/help")
	}
	for _, l := range i18n.Languages {
		if l.Code == i18n.English {
			continue
		}
		t.Run(l.Code, func(t *testing.T) {
			dir := "assets/help/" + l.Code
			fsys := assets.HelpLang(l.Code)
			have := helpNames(t, fsys)
			if len(have) == 0 {
				t.Fatalf("%s: %s/ has no files; want the %d files of assets/help: %s",
					l.Code, dir, len(names), strings.Join(names, ", "))
			}
			if missing := without(names, have); len(missing) > 0 {
				t.Errorf("%s: %s/ lacks %s (the app shows them in English)", l.Code, dir, strings.Join(missing, ", "))
			}
			if extra := without(have, names); len(extra) > 0 {
				t.Errorf("%s: %s/ has %s, which English does not", l.Code, dir, strings.Join(extra, ", "))
			}
			for _, name := range names {
				if !slices.Contains(have, name) {
					continue
				}
				want := readHelp(t, en, name)
				got := readHelp(t, fsys, name)
				where := l.Code + ": " + dir + "/" + name
				if name == StepsFile {
					for _, e := range compareSteps(want, got) {
						t.Errorf("%s: %s", where, e)
					}
					continue
				}
				for _, e := range compareCards(CardID(strings.TrimSuffix(name, ".txt")), want, got) {
					t.Errorf("%s: %s", where, e)
				}
			}
		})
	}
}

// helpNames lists the .txt files at the top of fsys.
func helpNames(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func readHelp(t *testing.T, fsys fs.FS, name string) string {
	t.Helper()
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// without returns the names of a that are not in b.
func without(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// compareCards lists how the translated card got differs from the English
// card want in what must not change.
func compareCards(id CardID, want, got string) []string {
	w, err := ParseHelp(id, want)
	if err != nil {
		return []string{"the English card does not parse: " + err.Error()}
	}
	g, err := ParseHelp(id, got)
	if err != nil {
		return []string{"does not parse: " + err.Error()}
	}
	var errs []string
	if !slices.Equal(g.SeeAlso, w.SeeAlso) {
		errs = append(errs, fmt.Sprintf("the \"See also:\" line links %v, English links %v (keep \"See also:\" and the ids as they are)", g.SeeAlso, w.SeeAlso))
	}
	if len(g.Sections) != len(w.Sections) {
		return append(errs, fmt.Sprintf("%d \"## \" sections (%s), English has %d (%s)",
			len(g.Sections), headings(g), len(w.Sections), headings(w)))
	}
	for i, ws := range w.Sections {
		gs := g.Sections[i]
		if len(gs.Paragraphs) != len(ws.Paragraphs) {
			errs = append(errs, fmt.Sprintf("section %d %q has %d paragraphs or list items, English %q has %d",
				i+1, gs.Heading, len(gs.Paragraphs), ws.Heading, len(ws.Paragraphs)))
		}
	}
	return errs
}

func headings(c *HelpText) string {
	var hs []string
	for _, s := range c.Sections {
		hs = append(hs, fmt.Sprintf("%q", s.Heading))
	}
	return strings.Join(hs, ", ")
}

// compareSteps lists how a translated StepsFile got differs from the
// English one want: it must parse, have the same "## key" sections and
// use the same {placeholders} in each.
func compareSteps(want, got string) []string {
	var errs []string
	if _, err := ParseTexts(got); err != nil {
		errs = append(errs, err.Error())
	}
	w, err := stepPlaceholders(want)
	if err != nil {
		return append(errs, "the English file: "+err.Error())
	}
	g, err := stepPlaceholders(got)
	if err != nil {
		return append(errs, err.Error())
	}
	if missing := without(slices.Sorted(maps.Keys(w)), slices.Sorted(maps.Keys(g))); len(missing) > 0 {
		errs = append(errs, "lacks the sections ## "+strings.Join(missing, ", ## ")+" (keep each \"## key\" as it is; translate only the title after \"key: \")")
	}
	if extra := without(slices.Sorted(maps.Keys(g)), slices.Sorted(maps.Keys(w))); len(extra) > 0 {
		errs = append(errs, "has sections English does not: ## "+strings.Join(extra, ", ## "))
	}
	for _, k := range slices.Sorted(maps.Keys(w)) {
		gv, ok := g[k]
		if ok && !slices.Equal(gv, w[k]) {
			errs = append(errs, fmt.Sprintf("section ## %s uses {%s}, English uses {%s}",
				k, strings.Join(gv, "}, {"), strings.Join(w[k], "}, {")))
		}
	}
	return errs
}

// stepPlaceholders returns the sorted set of {placeholders} of each
// section of a StepsFile, by key.
func stepPlaceholders(text string) (map[string][]string, error) {
	c, err := ParseHelp(StepsFile, text)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, s := range c.Sections {
		key, title, _ := strings.Cut(s.Heading, ":")
		var names []string
		for _, p := range append([]string{title}, s.Paragraphs...) {
			n, err := placeholders(p)
			if err != nil {
				return nil, fmt.Errorf("section ## %s: %v", strings.TrimSpace(key), err)
			}
			names = append(names, n...)
		}
		slices.Sort(names)
		out[strings.TrimSpace(key)] = slices.Compact(names)
	}
	return out, nil
}

// TestHelpForFallsBack checks that a card a language lacks is shown in
// English, that an unknown language is English, that each language is
// parsed once, and that DefaultHelp and DefaultTexts follow i18n.Set.
func TestHelpForFallsBack(t *testing.T) {
	base := fstest.MapFS{}
	for _, id := range CardIDs {
		base[string(id)+".txt"] = &fstest.MapFile{Data: []byte("English\n## A\nx\n")}
	}
	top := fstest.MapFS{"grid.txt": {Data: []byte("Grille\n## A\nx\n")}}
	cards, err := LoadHelp(fallbackFS{top: top, base: base})
	if err != nil {
		t.Fatal(err)
	}
	if cards[CardGrid].Title != "Grille" || cards[CardKeys].Title != "English" || len(cards) != len(CardIDs) {
		t.Errorf("fallback: grid %q, keys %q, %d cards", cards[CardGrid].Title, cards[CardKeys].Title, len(cards))
	}

	en, err := HelpFor(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	if xx, err := HelpFor("xx"); err != nil || xx[CardGrid] != en[CardGrid] {
		t.Errorf("an unknown language: %v, not the English cards", err)
	}
	t.Cleanup(func() { i18n.Set(i18n.English) })
	for _, l := range i18n.Languages {
		a, err1 := HelpFor(l.Code)
		b, err2 := HelpFor(l.Code)
		if err1 != nil || err2 != nil {
			t.Errorf("%s: HelpFor: %v %v", l.Code, err1, err2)
			continue
		}
		if a[CardGrid] != b[CardGrid] {
			t.Errorf("%s: parsed twice", l.Code)
		}
		ta, err1 := TextsFor(l.Code)
		tb, err2 := TextsFor(l.Code)
		if err1 != nil || err2 != nil || ta != tb {
			t.Errorf("%s: TextsFor: %v %v, parsed once: %v", l.Code, err1, err2, ta == tb)
			continue
		}
		i18n.Set(l.Code)
		if d, err := DefaultHelp(); err != nil || d[CardGrid] != a[CardGrid] {
			t.Errorf("%s: DefaultHelp: %v, not HelpFor(%q)", l.Code, err, l.Code)
		}
		if d, err := DefaultTexts(); err != nil || d != ta {
			t.Errorf("%s: DefaultTexts: %v, not TextsFor(%q)", l.Code, err, l.Code)
		}
	}
}

// cardFile is where card id of language lang is written.
func cardFile(lang string, id CardID) string {
	if lang == i18n.English {
		return "assets/help/" + string(id) + ".txt"
	}
	return "assets/help/" + lang + "/" + string(id) + ".txt"
}

// TestCompareTranslations checks that the comparisons catch each kind of
// difference a translation must not have.
func TestCompareTranslations(t *testing.T) {
	card := readHelp(t, assets.Help(), "grid.txt")
	if errs := compareCards(CardGrid, card, card); len(errs) > 0 {
		t.Fatalf("the English card against itself: %q", errs)
	}
	cards := map[string]func(string) string{
		"See also": func(s string) string {
			return strings.Replace(s, "See also: dataset, glossary", "Voir aussi : dataset, glossary", 1)
		},
		"a See also id": func(s string) string {
			return strings.Replace(s, "See also: dataset, glossary", "See also: données, glossary", 1)
		},
		"a section":      func(s string) string { return strings.Replace(s, "## Try this\n", "", 1) },
		"a paragraph":    func(s string) string { return strings.Replace(s, "## The idea\n", "## The idea\nOne more.\n\n", 1) },
		"does not parse": func(s string) string { return "\n" + s },
	}
	for name, spoil := range cards {
		if bad := spoil(card); bad == card {
			t.Errorf("%s: the spoiler did not change the card", name)
		} else if errs := compareCards(CardGrid, card, bad); len(errs) == 0 {
			t.Errorf("%s: not caught", name)
		}
	}
	steps := stepsText(t)
	if errs := compareSteps(steps, steps); len(errs) > 0 {
		t.Fatalf("the English steps against themselves: %q", errs)
	}
	spoilSteps := map[string]func(string) string{
		"a translated key": func(s string) string { return strings.Replace(s, "## loss:", "## perte:", 1) },
		"a lost placeholder": func(s string) string {
			return strings.Replace(s, "you told the network it is a {label}", "you told the network", 1)
		},
		"an extra section": func(s string) string { return s + "\n## extra\nmore\n" },
	}
	for name, spoil := range spoilSteps {
		if bad := spoil(steps); bad == steps {
			t.Errorf("%s: the spoiler did not change the steps", name)
		} else if errs := compareSteps(steps, bad); len(errs) == 0 {
			t.Errorf("%s: not caught", name)
		}
	}
}
