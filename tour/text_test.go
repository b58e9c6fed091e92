package tour

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseCard(t *testing.T) {
	c, err := ParseHelp("x", "Title\n# a comment\n\n## What you see\nline one\nline two\n\n- item a\n- item b\n## Try this\nmore\r\nSee also: glossary, keys\n")
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "Title" || len(c.Sections) != 2 || !slices.Equal(c.SeeAlso, []CardID{"glossary", "keys"}) {
		t.Fatalf("%+v", c)
	}
	if !slices.Equal(c.Sections[0].Paragraphs, []string{"line one line two", "• item a", "• item b"}) {
		t.Errorf("paragraphs %q", c.Sections[0].Paragraphs)
	}
	if c.Words() != 9 {
		t.Errorf("Words = %d", c.Words())
	}
	want := "What you see\nline one line two\n• item a\n• item b\n\nTry this\nmore\n\nSee also: glossary, keys"
	if c.Text() != want {
		t.Errorf("Text = %q", c.Text())
	}
	if s, ok := c.Section("Try this"); !ok || s.Paragraphs[0] != "more" {
		t.Error("Section")
	}
}

func TestParseCardErrors(t *testing.T) {
	bad := map[string]string{
		"empty":            "",
		"no title":         "\n## A\ntext",
		"heading as title": "## A\ntext",
		"text first":       "Title\ntext\n## A\nmore",
		"no sections":      "Title\n",
		"empty section":    "Title\n## A\n## B\ntext",
		"repeated heading": "Title\n## A\nx\n## A\ny",
		"empty heading":    "Title\n## \nx",
	}
	for name, text := range bad {
		if _, err := ParseHelp("bad", text); err == nil || !strings.HasPrefix(err.Error(), "tour: ") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	names, err := placeholders("a {x} b {yy}{z}")
	if err != nil || !slices.Equal(names, []string{"x", "yy", "z"}) {
		t.Errorf("%q %v", names, err)
	}
	for _, s := range []string{"{x", "x}", "{}", "{a b}", "} {x}", "{{x}}"} {
		if _, err := placeholders(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
	if got := fill("a {x} {unknown} {y}", map[string]string{"x": "1", "y": "{x}"}); got != "a 1 {unknown} {x}" {
		t.Errorf("fill = %q", got)
	}
}

// stepsText returns the real StepsFile, for tests that spoil it.
func stepsText(t *testing.T) string {
	t.Helper()
	fsys, err := helpFS()
	if err != nil {
		t.Fatal(err)
	}
	b, err := fsys.ReadFile(StepsFile)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestParseTextsErrors(t *testing.T) {
	good := stepsText(t)
	if _, err := ParseTexts(good); err != nil {
		t.Fatal(err)
	}
	spoil := map[string]func(string) string{
		"missing step":     func(s string) string { return strings.Replace(s, "## loss:", "## lost:", 1) },
		"missing snippet":  func(s string) string { return strings.Replace(s, "## mirror", "## mirrors", 1) },
		"untitled step":    func(s string) string { return strings.Replace(s, "## loss: How wrong was it? The loss", "## loss", 1) },
		"unknown var":      func(s string) string { return strings.Replace(s, "has {ink}", "has {inks}", 1) },
		"wait var in step": func(s string) string { return strings.Replace(s, "has {ink}", "has {fallback}", 1) },
		"step var in wait": func(s string) string { return strings.Replace(s, "({labels})", "({label})", 1) },
		"bad brace":        func(s string) string { return strings.Replace(s, "has {ink}", "has {ink", 1) },
		"duplicate":        func(s string) string { return s + "\n## mirror\nagain\n" },
	}
	for name, f := range spoil {
		text := f(good)
		if text == good {
			t.Fatalf("%s: the spoiler did not change the text", name)
		}
		if _, err := ParseTexts(text); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestLoadTexts(t *testing.T) {
	if _, err := LoadTexts(fstest.MapFS{}); err == nil {
		t.Error("no file accepted")
	}
	if _, err := LoadTexts(fstest.MapFS{StepsFile: {Data: []byte("Title\n## input: x\ny\n")}}); err == nil {
		t.Error("an incomplete file accepted")
	}
}
