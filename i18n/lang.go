package i18n

import (
	"strings"
	"sync/atomic"
)

// Language is one language the app speaks.
type Language struct {
	Code string // the BCP 47 base code: "de"
	Name string // its name in itself, for the picker: "Deutsch"
}

// Languages are the languages with a catalog, English first: the picker
// lists them in this order and Match falls back to the first.
var Languages = []Language{
	{"en", "English"},
	{"es", "Español"},
	{"fr", "Français"},
	{"de", "Deutsch"},
	{"pt", "Português"},
}

// English is the language of the code's own strings.
const English = "en"

// current is the catalog in use; nil means English.
var current atomic.Pointer[catalog]

// Set makes code the language in use and reports whether it is one of
// Languages; an unknown code leaves the language as it was.
func Set(code string) bool {
	code = base(code)
	if !Supported(code) {
		return false
	}
	if code == English {
		current.Store(nil)
		return true
	}
	current.Store(catalogFor(code))
	return true
}

// Current returns the code of the language in use.
func Current() string {
	if c := current.Load(); c != nil {
		return c.lang
	}
	return English
}

// Supported reports whether code (a base code, "de") has a catalog.
func Supported(code string) bool {
	for _, l := range Languages {
		if l.Code == code {
			return true
		}
	}
	return false
}

// Name returns the language's name in itself, or code when unknown.
func Name(code string) string {
	for _, l := range Languages {
		if l.Code == code {
			return l.Name
		}
	}
	return code
}

// Match returns the first of prefs (BCP 47 tags in order of preference,
// as navigator.languages or $LANG give them: "de-AT", "pt_BR.UTF-8")
// whose language has a catalog, or English when none has. Only the base
// language counts: Austrian German reads German, Brazilian Portuguese
// reads Portuguese. (golang.org/x/text/language would also match languages
// that are close to one of ours, such as Swiss German to German; for five
// languages that is not worth its size: see BENCHMARKS.md.)
func Match(prefs ...string) string {
	for _, p := range prefs {
		if b := base(p); Supported(b) {
			return b
		}
	}
	return English
}

// base is the lower-case language subtag of a tag or POSIX locale:
// "pt_BR.UTF-8" → "pt", "de-AT" → "de", "C" → "c".
func base(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_.@"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}
