package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
)

// keyFuncs are the functions of this package whose string arguments are
// catalog keys, and which arguments those are; keyMethods are methods, of
// any receiver, that pass their format on to Sprintf (session.Say).
var (
	keyFuncs   = map[string][]int{"T": {0}, "Sprintf": {0}, "Mark": {0}, "Plural": {1, 2}}
	keyMethods = map[string][]int{"Say": {0}, "Fail": {0}}
)

// source is where a key is used: the first place, and the catalog parts
// (named after the package directory: "session", "app") it belongs to.
type source struct {
	where string
	parts map[string]bool
}

// sourceKeys returns every catalog key in the program's code: the literal
// arguments of i18n.T, Sprintf, Mark and Plural (and Say and Fail) in the
// non-test Go files of the module. Strings with nothing to translate
// ("%.2f", "→") are left out.
func sourceKeys(t *testing.T) map[string]*source {
	t.Helper()
	root := ".."
	keys := map[string]*source{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", "dist", "testdata", ".git", "e2e":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			args := keyMethods[sel.Sel.Name]
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "i18n" {
				args = keyFuncs[sel.Sel.Name]
			}
			part := partOf(p)
			for _, i := range args {
				if i >= len(call.Args) {
					continue
				}
				s, ok := literal(call.Args[i])
				if !ok || !translatable(s) {
					continue
				}
				if keys[s] == nil {
					keys[s] = &source{where: fset.Position(call.Pos()).String(), parts: map[string]bool{}}
				}
				keys[s].parts[part] = true
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// partOf names the catalog part of a Go file: its directory under the
// module, with "-" for "/" ("cmd-trainer").
func partOf(file string) string {
	dir, _ := filepath.Rel("..", filepath.Dir(file))
	return strings.ReplaceAll(filepath.ToSlash(dir), "/", "-")
}

// translatable reports whether s has a letter outside its placeholders:
// "%.2f" and "{n} →" have nothing to translate.
func translatable(s string) bool {
	s = braceRE.ReplaceAllString(verbRE.ReplaceAllString(s, ""), "")
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// literal evaluates a string literal or a sum of them.
func literal(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := literal(e.X)
		b, ok2 := literal(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return literal(e.X)
	}
	return "", false
}

// verbRE matches a fmt verb with its flags, argument index, width and
// precision; braceRE a {name} placeholder of the tour's texts.
var (
	verbRE  = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*(?:\[\d+\])?(?:\d+|\*)?(?:\.(?:\d+|\*)?)?(?:\[\d+\])?[a-zA-Z%]`)
	braceRE = regexp.MustCompile(`\{[A-Za-z]+\}`)
	indexRE = regexp.MustCompile(`\[(\d+)\]`)
)

// placeholders lists the fmt verbs of s by the argument each one formats
// ("1:.2f"), and its {name} placeholders, sorted: a translation may put
// its arguments in another order with explicit indexes (%[2]s) but must
// format the same arguments in the same way.
func placeholders(s string) []string {
	var out []string
	arg := 0
	for _, v := range verbRE.FindAllString(s, -1) {
		if v == "%%" {
			continue
		}
		if m := indexRE.FindStringSubmatch(v); m != nil {
			arg, _ = strconv.Atoi(m[1])
			arg--
			v = indexRE.ReplaceAllString(v, "")
		}
		arg++
		out = append(out, strconv.Itoa(arg)+":"+v[1:])
	}
	out = append(out, braceRE.FindAllString(s, -1)...)
	slices.Sort(out)
	return out
}

// TestCatalogs checks every language's catalog against the code: every
// key translated, with the same placeholders, and nothing stale. It runs
// one subtest per language and part, so one part can be checked while
// others are being written: go test ./i18n -run TestCatalogs/de/session.
func TestCatalogs(t *testing.T) {
	keys := sourceKeys(t)
	if len(keys) == 0 {
		t.Fatal("found no i18n calls in the code")
	}
	parts := map[string]bool{}
	for _, src := range keys {
		for p := range src.parts {
			parts[p] = true
		}
	}
	for _, l := range Languages[1:] {
		all, err := readCatalog(catalogFiles, l.Code)
		if err != nil {
			t.Fatal(err)
		}
		files, _ := fs.Glob(catalogFiles, l.Code+"/*.json")
		for _, f := range files {
			parts[strings.TrimSuffix(filepath.Base(f), ".json")] = true
		}
		for part := range parts {
			t.Run(l.Code+"/"+part, func(t *testing.T) {
				checkPart(t, keys, all, l.Code, part)
			})
		}
	}
}

// checkPart checks one language's translations of the keys used in part,
// and that the part's file holds no key the code no longer uses.
func checkPart(t *testing.T, keys map[string]*source, all map[string]string, lang, part string) {
	var missing []string
	for k, src := range keys {
		if !src.parts[part] {
			continue
		}
		v, ok := all[k]
		switch {
		case !ok || strings.TrimSpace(v) == "":
			missing = append(missing, src.where+": "+strconv.Quote(k))
		case !slices.Equal(placeholders(k), placeholders(v)):
			t.Errorf("%q → %q: placeholders %v, want %v", k, v, placeholders(v), placeholders(k))
		}
	}
	slices.Sort(missing)
	for _, s := range missing {
		t.Errorf("no translation for %s", s)
	}
	name := lang + "/" + part + ".json"
	b, err := fs.ReadFile(catalogFiles, name)
	if err != nil {
		return // no file: every key of the part was reported missing above
	}
	own, err := readCatalog(fstest.MapFS{name: {Data: b}}, lang)
	if err != nil {
		t.Fatal(err)
	}
	for k := range own {
		if _, ok := keys[k]; !ok {
			t.Errorf("%q is in %s/%s.json but not in the code", k, lang, part)
		}
	}
}

// TestCatalogsCoverTheSameFiles keeps each language's catalog split into
// the same parts, so a part's texts are found in the same file everywhere.
func TestCatalogsCoverTheSameFiles(t *testing.T) {
	parts := func(lang string) []string {
		names, err := fs.Glob(catalogFiles, lang+"/*.json")
		if err != nil {
			t.Fatal(err)
		}
		for i, n := range names {
			names[i] = filepath.Base(n)
		}
		return names
	}
	want := parts("es")
	for _, l := range Languages[1:] {
		if got := parts(l.Code); !slices.Equal(got, want) {
			t.Errorf("%s has catalog files %v, es has %v", l.Code, got, want)
		}
	}
	if _, err := os.Stat("en"); err == nil {
		t.Error("English has no catalog: its strings are the code's")
	}
}
