//go:build !js

package platform

import (
	"os"
	"strings"
)

// langKey is the store key of the language picked in the app.
const langKey = "lang"

// LanguagePrefs returns the languages asked for, most wanted first: the
// one picked in the app before, then the system's locale as POSIX gives
// it ($LANGUAGE's list, then $LC_ALL, $LC_MESSAGES, $LANG; "C" and
// "POSIX" ask for nothing). The -lang flag comes before all of them (the
// app puts it first). i18n.Match picks the first it has.
func LanguagePrefs() []string {
	var prefs []string
	if b, ok := StoreGet(langKey); ok {
		prefs = append(prefs, strings.TrimSpace(string(b)))
	}
	if l := os.Getenv("LANGUAGE"); l != "" {
		prefs = append(prefs, strings.Split(l, ":")...)
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := os.Getenv(v); l != "" && l != "C" && l != "POSIX" && !strings.HasPrefix(l, "C.") {
			prefs = append(prefs, l)
		}
	}
	return prefs
}

// SaveLanguage remembers code as the person's choice for the next start.
func SaveLanguage(code string) error { return StorePut(langKey, []byte(code)) }
