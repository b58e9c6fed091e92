//go:build !js

package platform

import (
	"slices"
	"testing"
)

func TestLanguagePrefsDesktop(t *testing.T) {
	storeDirOverride = t.TempDir()
	defer func() { storeDirOverride = "" }()
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "C")
	t.Setenv("LANG", "de_AT.UTF-8")
	if got := LanguagePrefs(); !slices.Equal(got, []string{"de_AT.UTF-8"}) {
		t.Errorf("from $LANG: %q", got)
	}
	t.Setenv("LANGUAGE", "pt_BR:fr")
	if got := LanguagePrefs(); !slices.Equal(got, []string{"pt_BR", "fr", "de_AT.UTF-8"}) {
		t.Errorf("with $LANGUAGE: %q", got)
	}
	if err := SaveLanguage("es"); err != nil {
		t.Fatal(err)
	}
	if got := LanguagePrefs(); len(got) == 0 || got[0] != "es" {
		t.Errorf("the saved choice comes first: %q", got)
	}
}
