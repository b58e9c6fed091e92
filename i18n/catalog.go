package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sync"
)

// catalogFiles are the translations: <lang>/<part>.json, each a JSON object
// from an English string to its translation.
//
//go:embed es fr de pt
var catalogFiles embed.FS

// catalog is one language's translations, with its number conventions.
type catalog struct {
	lang    string
	strings map[string]string
	decimal string // the decimal separator: "," in German
	group   string // the thousands separator: "." in German
	// groupMin is the fewest digits a number needs before it is grouped:
	// Spanish writes 1000 but 10.000.
	groupMin int
}

// numbers are each language's separators (from CLDR's defaults for it).
var numbers = map[string]struct {
	decimal, group string
	groupMin       int
}{
	"en": {".", ",", 4},
	"es": {",", ".", 5},
	"fr": {",", "\u00a0", 4}, // a no-break space: CLDR's narrow one is not in the Go fonts
	"de": {",", ".", 4},
	"pt": {",", ".", 4},
}

var (
	catalogsMu sync.Mutex
	catalogs   = map[string]*catalog{}
)

// catalogFor returns lang's catalog, reading it the first time: only the
// language in use is ever decoded.
func catalogFor(lang string) *catalog {
	catalogsMu.Lock()
	defer catalogsMu.Unlock()
	if c := catalogs[lang]; c != nil {
		return c
	}
	m, err := readCatalog(catalogFiles, lang)
	if err != nil {
		// The catalogs are embedded and checked by the tests: a broken
		// one is a broken build, not a user's input.
		panic(err)
	}
	n := numbers[lang]
	c := &catalog{lang: lang, strings: m, decimal: n.decimal, group: n.group, groupMin: n.groupMin}
	catalogs[lang] = c
	return c
}

// readCatalog merges the files of lang's directory in fsys, and fails on
// a file that is not a JSON object of strings or a string that two files
// both translate (each text has one home).
func readCatalog(fsys fs.FS, lang string) (map[string]string, error) {
	names, err := fs.Glob(fsys, lang+"/*.json")
	if err != nil {
		return nil, fmt.Errorf("i18n: %v", err)
	}
	m := map[string]string{}
	from := map[string]string{}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("i18n: %v", err)
		}
		var part map[string]string
		if err := json.Unmarshal(b, &part); err != nil {
			return nil, fmt.Errorf("i18n: %s: %v", name, err)
		}
		for k, v := range part {
			if prev, ok := from[k]; ok {
				return nil, fmt.Errorf("i18n: %q is in both %s and %s", k, prev, path.Base(name))
			}
			m[k], from[k] = v, path.Base(name)
		}
	}
	return m, nil
}

// T returns s in the language in use: its translation, or s itself when
// the language is English or the catalog has none.
func T(s string) string {
	if c := current.Load(); c != nil {
		if t, ok := c.strings[s]; ok && t != "" {
			return t
		}
	}
	return s
}

// Mark returns s unchanged. It marks a string that is translated later,
// where it is shown (a table of labels, a constant), so the catalog test
// finds it: T(label) with a variable cannot be found in the code.
func Mark(s string) string { return s }
