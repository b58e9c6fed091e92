package platform

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"digittrainer/i18n"
)

var (
	loaderTextRE = regexp.MustCompile(`(?s)<script type="application/json" id="loader-text">(.*?)</script>`)
	noscriptRE   = regexp.MustCompile(`(?s)<noscript>(.*?)</noscript>`)
	tCallRE      = regexp.MustCompile(`\bt\("([A-Za-z]+)"`)
	braceRE      = regexp.MustCompile(`\{[A-Za-z]+\}`)
	commandRE    = regexp.MustCompile("`[^`]*`")
)

// TestLoaderText checks index.html's table of the loading page's words:
// every language the app speaks, each with every key of English's, the
// same {placeholders} and the same `commands`; every key the loader asks
// for is in it, and every key in it is used.
func TestLoaderText(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	m := loaderTextRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal(`index.html has no <script type="application/json" id="loader-text">`)
	}
	var table map[string]map[string]string
	if err := json.Unmarshal([]byte(m[1]), &table); err != nil {
		t.Fatalf("the loader's table is not JSON: %v", err)
	}
	var codes []string
	for _, l := range i18n.Languages {
		codes = append(codes, l.Code)
	}
	if got := slices.Sorted(maps.Keys(table)); !slices.Equal(got, slices.Sorted(slices.Values(codes))) {
		t.Fatalf("the table has languages %v, the app speaks %v", got, codes)
	}
	en := table[i18n.English]
	keys := slices.Sorted(maps.Keys(en))
	for _, code := range codes {
		words := table[code]
		if got := slices.Sorted(maps.Keys(words)); !slices.Equal(got, keys) {
			t.Errorf("%s has keys %v, English has %v", code, got, keys)
		}
		for _, k := range keys {
			v, w := words[k], en[k]
			switch {
			case v == "":
				t.Errorf("%s has no %q", code, k)
			case !slices.Equal(sortedAll(braceRE, v), sortedAll(braceRE, w)):
				t.Errorf("%s %q = %q: placeholders %v, want %v", code, k, v, sortedAll(braceRE, v), sortedAll(braceRE, w))
			case !slices.Equal(sortedAll(commandRE, v), sortedAll(commandRE, w)):
				t.Errorf("%s %q = %q: commands %v, want %v", code, k, v, sortedAll(commandRE, v), sortedAll(commandRE, w))
			}
		}
		if d := words["decimal"]; d != "." && d != "," {
			t.Errorf("%s's decimal separator is %q", code, d)
		}
	}

	// The loader asks for keys with t("key"); the page's noscript note
	// shows every language's "noscript" at once.
	script := loaderTextRE.ReplaceAllString(page, "")
	used := map[string]bool{"noscript": true}
	for _, c := range tCallRE.FindAllStringSubmatch(script, -1) {
		used[c[1]] = true
		if _, ok := en[c[1]]; !ok {
			t.Errorf("the loader asks for %q, which the table lacks", c[1])
		}
	}
	for _, k := range keys {
		if !used[k] {
			t.Errorf("the table's %q is not used by the loader", k)
		}
	}
	ns := noscriptRE.FindStringSubmatch(page)
	if ns == nil {
		t.Fatal("index.html has no <noscript>")
	}
	for _, code := range codes {
		if want := `<p lang="` + code + `">` + table[code]["noscript"] + `</p>`; !strings.Contains(ns[1], want) {
			t.Errorf("the noscript note lacks %s", want)
		}
	}
}

func sortedAll(re *regexp.Regexp, s string) []string {
	return slices.Sorted(slices.Values(re.FindAllString(s, -1)))
}

// TestSplitFragmentLang checks the fragment's "lang=" parameter, read by
// the app as by index.html's loader.
func TestSplitFragmentLang(t *testing.T) {
	for _, tc := range []struct{ frag, rest, lang string }{
		{"", "", ""},
		{"v1.abc_-9", "v1.abc_-9", ""},
		{"lang=de", "", "de"},
		{"v1.abc&lang=fr", "v1.abc", "fr"},
		{"lang=es&v1.abc", "v1.abc", "es"},
		{"lang=es&lang=pt", "", "pt"},
		{"a=1&lang=de&b=2", "a=1&b=2", "de"},
		{"xlang=de", "xlang=de", ""},
	} {
		rest, lang := splitFragmentLang(tc.frag)
		if rest != tc.rest || lang != tc.lang {
			t.Errorf("splitFragmentLang(%q) = %q, %q; want %q, %q", tc.frag, rest, lang, tc.rest, tc.lang)
		}
	}
}
