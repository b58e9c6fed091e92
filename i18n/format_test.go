package i18n

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// withLang runs f with the language set to code and puts English back.
func withLang(t *testing.T, code string, f func()) {
	t.Helper()
	if !Set(code) {
		t.Fatalf("Set(%q) failed", code)
	}
	defer Set(English)
	f()
}

func TestNumbersFollowTheLanguage(t *testing.T) {
	cases := []struct {
		lang                    string
		f, g, float, big, small string
	}{
		{"en", "0.53", "93.3%", "0.125", "12,300", "999"},
		{"de", "0,53", "93,3%", "0,125", "12.300", "999"},
		{"fr", "0,53", "93,3%", "0,125", "12\u00a0300", "999"},
		{"es", "0,53", "93,3%", "0,125", "12.300", "999"},
		{"pt", "0,53", "93,3%", "0,125", "12.300", "999"},
	}
	for _, c := range cases {
		withLang(t, c.lang, func() {
			if got := Sprintf("%.2f", 0.53); got != c.f {
				t.Errorf("%s: Sprintf(%%.2f, 0.53) = %q, want %q", c.lang, got, c.f)
			}
			if got := Sprintf("%.1f%%", float32(93.3)); got != c.g {
				t.Errorf("%s: Sprintf(%%.1f%%%%, 93.3) = %q, want %q", c.lang, got, c.g)
			}
			if got := Float(0.125, -1); got != c.float {
				t.Errorf("%s: Float = %q, want %q", c.lang, got, c.float)
			}
			if got := Int(12300); got != c.big {
				t.Errorf("%s: Int(12300) = %q, want %q", c.lang, got, c.big)
			}
			if got := Int(999); got != c.small {
				t.Errorf("%s: Int(999) = %q, want %q", c.lang, got, c.small)
			}
		})
	}
	withLang(t, "es", func() {
		if got := Int(1000); got != "1000" {
			t.Errorf("es: Int(1000) = %q, Spanish groups from five digits", got)
		}
	})
	if got := Int(-1234567); got != "-1,234,567" {
		t.Errorf("Int(-1234567) = %q", got)
	}
}

// TestSprintfKeepsWidthsAndIntegers checks the swapped separator leaves
// padding, signs and the other arguments as fmt formats them.
func TestSprintfKeepsWidthsAndIntegers(t *testing.T) {
	withLang(t, "de", func() {
		if got, want := Sprintf("%+7.2f|%d|%s|%v", -1.5, 1234, "a.b", 2.5), "  -1,50|1234|a.b|2,5"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}

func TestPluralForms(t *testing.T) {
	cases := []struct {
		lang string
		n    int
		one  bool
	}{
		{"en", 0, false}, {"en", 1, true}, {"en", 2, false},
		{"de", 0, false}, {"de", 1, true},
		{"es", 0, false}, {"es", 1, true},
		{"fr", 0, true}, {"fr", 1, true}, {"fr", 2, false},
		{"pt", 0, true}, {"pt", 1, true}, {"pt", 2, false},
	}
	for _, c := range cases {
		if got := singular(c.lang, c.n); got != c.one {
			t.Errorf("%s: singular(%d) = %v", c.lang, c.n, got)
		}
	}
	if got := Plural(3, "%d drawing", "%d drawings"); got != "3 drawings" {
		t.Errorf("Plural = %q", got)
	}
}

func TestMatch(t *testing.T) {
	cases := []struct {
		prefs []string
		want  string
	}{
		{nil, "en"},
		{[]string{"de-AT", "en"}, "de"},
		{[]string{"zh-CN", "pt-BR"}, "pt"},
		{[]string{"pt_BR.UTF-8"}, "pt"},
		{[]string{"C"}, "en"},
		{[]string{"FR"}, "fr"},
		{[]string{"ja", "it"}, "en"},
		{[]string{" es-419 "}, "es"},
	}
	for _, c := range cases {
		if got := Match(c.prefs...); got != c.want {
			t.Errorf("Match(%q) = %q, want %q", c.prefs, got, c.want)
		}
	}
}

func TestSetRefusesUnknown(t *testing.T) {
	defer Set(English)
	Set("de")
	if Set("xx") || Current() != "de" {
		t.Errorf("Set(xx) changed the language to %q", Current())
	}
}

func TestTranslation(t *testing.T) {
	withLang(t, "de", func() {
		c := current.Load()
		c.strings["test %d epochs"] = "Test %d Epochen"
		defer delete(c.strings, "test %d epochs")
		if got := Sprintf("test %d epochs", 3); got != "Test 3 Epochen" {
			t.Errorf("got %q", got)
		}
		if got := T("not in any catalog"); got != "not in any catalog" {
			t.Errorf("a string without translation came back as %q", got)
		}
	})
}

// TestReadCatalogRejects is the table of broken catalog files.
func TestReadCatalogRejects(t *testing.T) {
	cases := []struct {
		name  string
		files fstest.MapFS
		want  string
	}{
		{"not JSON", fstest.MapFS{"de/a.json": {Data: []byte("{")}}, "a.json"},
		{"not strings", fstest.MapFS{"de/a.json": {Data: []byte(`{"a": 1}`)}}, "a.json"},
		{"twice", fstest.MapFS{"de/a.json": {Data: []byte(`{"x": "y"}`)}, "de/b.json": {Data: []byte(`{"x": "z"}`)}}, "both"},
	}
	for _, c := range cases {
		if _, err := readCatalog(c.files, "de"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one naming %q", c.name, err, c.want)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	if a, b := placeholders("%d of %s at %.2f%%"), placeholders("%[2]s: %[1]d bei %[3].2f%%"); len(a) != 3 || !slices.Equal(a, b) {
		t.Errorf("placeholders differ: %v vs %v", a, b)
	}
	if a, b := placeholders("%d of %s"), placeholders("%s de %d"); slices.Equal(a, b) {
		t.Errorf("swapped verbs without indexes pass: %v", a)
	}
	if a, b := placeholders("hidden neuron {neuron}"), placeholders("Neuron"); slices.Equal(a, b) {
		t.Error("a dropped {neuron} passes")
	}
}
