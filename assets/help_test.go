package assets

import (
	"io/fs"
	"testing"
)

func TestHelpLang(t *testing.T) {
	en, err := fs.Glob(Help(), "*.txt")
	if err != nil || len(en) == 0 {
		t.Fatalf("English help: %v %v", en, err)
	}
	for _, lang := range []string{"", "en"} {
		if got, _ := fs.Glob(HelpLang(lang), "*.txt"); len(got) != len(en) {
			t.Errorf("HelpLang(%q) has %d files, Help %d", lang, len(got), len(en))
		}
	}
	// A language without texts, or a code that is no directory, is empty
	// rather than a panic.
	for _, lang := range []string{"xx", "../help", "a/../../b", "/"} {
		if got, err := fs.Glob(HelpLang(lang), "*.txt"); len(got) != 0 || err != nil {
			t.Errorf("HelpLang(%q): %v %v", lang, got, err)
		}
	}
}
