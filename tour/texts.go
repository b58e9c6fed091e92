package tour

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"digittrainer/i18n"
)

// StepsFile is the file in assets/help (and assets/help/<lang>) holding
// the tour's texts.
const StepsFile = "tour-steps.txt"

// Texts are the words of the tour, parsed from StepsFile. Each "## key" or
// "## key: Title" section is a step, a snippet a step adds depending on the
// iteration (the activation, whether the loss went down), or the message of
// a waiting state. Numbers never live here: they are formatted from the
// Trace into the formula and table lines.
type Texts struct {
	sections map[string]textSection
}

type textSection struct {
	title string
	paras []string
}

// Placeholders a section may use. The step texts get the facts of the
// iteration; the waiting messages only what the app passed in.
var (
	traceVars = []string{"label", "predicted", "predictedAfter", "neuron", "hidden", "ink", "act", "classes", "x", "square"}
	waitVars  = []string{"labels", "fallback", "problem"}
)

// stepKeys are the sections of steps 1..Steps, in order.
var stepKeys = [Steps]string{"input", "neuron", "hidden", "output", "loss", "error", "outgrad", "backprop", "hiddengrad", "after"}

// snippetKeys are paragraphs a step adds when they apply.
var snippetKeys = []string{
	"act-sigmoid", "act-tanh", "act-relu",
	"deriv-sigmoid", "deriv-tanh", "deriv-relu",
	"guess-right", "guess-wrong", "mirror",
	"after-down", "after-up",
}

// waitKeys are the messages of the waiting states, each with a title.
var waitKeys = []string{"wait-draw", "wait-draw-sample", "wait-label", "wait-trouble"}

// ParseTexts parses the tour's text file and checks that every section the
// tour uses is there, that steps and waiting messages have a title, and
// that each uses only the placeholders the tour fills in for it.
func ParseTexts(text string) (*Texts, error) {
	c, err := ParseHelp(StepsFile, text)
	if err != nil {
		return nil, err
	}
	t := &Texts{sections: map[string]textSection{}}
	for _, s := range c.Sections {
		key, title, _ := strings.Cut(s.Heading, ":")
		key, title = strings.TrimSpace(key), strings.TrimSpace(title)
		if _, dup := t.sections[key]; dup {
			return nil, fmt.Errorf("tour: %s: section %q appears twice", StepsFile, key)
		}
		t.sections[key] = textSection{title: title, paras: s.Paragraphs}
	}
	check := func(keys []string, vars []string, titled bool) error {
		for _, k := range keys {
			s, ok := t.sections[k]
			if !ok {
				return fmt.Errorf("tour: %s: missing section %q", StepsFile, k)
			}
			if titled && s.title == "" {
				return fmt.Errorf("tour: %s: section %q needs a title (## %s: Title)", StepsFile, k, k)
			}
			for _, p := range append([]string{s.title}, s.paras...) {
				names, err := placeholders(p)
				if err != nil {
					return fmt.Errorf("tour: %s: section %q: %v", StepsFile, k, err)
				}
				for _, n := range names {
					if !slices.Contains(vars, n) {
						return fmt.Errorf("tour: %s: section %q uses {%s}; it may use %s", StepsFile, k, n, strings.Join(vars, ", "))
					}
				}
			}
		}
		return nil
	}
	if err := check(stepKeys[:], traceVars, true); err != nil {
		return nil, err
	}
	if err := check(snippetKeys, traceVars, false); err != nil {
		return nil, err
	}
	if err := check(waitKeys, waitVars, true); err != nil {
		return nil, err
	}
	return t, nil
}

// LoadTexts reads StepsFile from fsys (assets.Help() for English).
func LoadTexts(fsys fs.FS) (*Texts, error) {
	b, err := fs.ReadFile(fsys, StepsFile)
	if err != nil {
		return nil, fmt.Errorf("tour: %v", err)
	}
	return ParseTexts(string(b))
}

var textsCache langCache[*Texts]

// TextsFor returns the tour's texts embedded in the program in language
// lang (a code of i18n.Languages; any other code gives English), parsed
// the first time and kept. A language without its StepsFile gets the
// English one (the tests catch that). The tests load every language, so
// an error here means the binary was built from a broken tree.
func TextsFor(lang string) (*Texts, error) {
	return textsCache.get(lang, func(lang string) (*Texts, error) {
		return LoadTexts(langFS(lang))
	})
}

// DefaultTexts returns the texts in the language in use (i18n.Current),
// or in English if that language's do not load. A Tour keeps the Texts it
// was made with: after the language changes, make a new one (NewDefault).
func DefaultTexts() (*Texts, error) {
	lang := i18n.Current()
	t, err := TextsFor(lang)
	if err != nil && lang != i18n.English {
		return TextsFor(i18n.English)
	}
	return t, err
}

// title and body return a section's title and paragraphs with the
// placeholders filled.
func (t *Texts) title(key string, vars map[string]string) string {
	return fill(t.sections[key].title, vars)
}

func (t *Texts) body(key string, vars map[string]string) []string {
	src := t.sections[key].paras
	out := make([]string, len(src))
	for i, p := range src {
		out[i] = fill(p, vars)
	}
	return out
}
