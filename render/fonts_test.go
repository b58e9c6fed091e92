package render

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"digittrainer/assets"
)

// TestFontsAreTheGoFonts checks that the embedded fonts (scripts/fonts.sh)
// are the Go fonts with only their hinting gone (and Go Mono's and Go
// Bold's Cyrillic, see lacksCyrillic): every other character of the
// originals maps to a glyph with the same advance, bounds and outline, and
// the line metrics are the same, so text is laid out and drawn as before.
func TestFontsAreTheGoFonts(t *testing.T) {
	for _, c := range []struct {
		name       string
		orig, ours []byte
	}{{"Go Regular", goregular.TTF, assets.GoRegular}, {"Go Bold", gobold.TTF, assets.GoBold}, {"Go Mono", gomono.TTF, assets.GoMono}} {
		orig, err := sfnt.Parse(c.orig)
		if err != nil {
			t.Fatal(err)
		}
		ours, err := sfnt.Parse(c.ours)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var b1, b2 sfnt.Buffer
		ppem := fixed.I(int(orig.UnitsPerEm()))
		m1, _ := orig.Metrics(&b1, ppem, font.HintingNone)
		m2, _ := ours.Metrics(&b2, ppem, font.HintingNone)
		if m1 != m2 {
			t.Errorf("%s: metrics %+v, want %+v", c.name, m2, m1)
		}
		checked := 0
		for r := rune(0); r <= 0xFFFF; r++ {
			g1, err := orig.GlyphIndex(&b1, r)
			if err != nil || g1 == 0 {
				continue
			}
			g2, err := ours.GlyphIndex(&b2, r)
			if c.name != "Go Regular" && lacksCyrillic(r) {
				if g2 != 0 {
					t.Errorf("%s: %U is there, though scripts/fonts.sh leaves it out", c.name, r)
				}
				continue
			}
			if err != nil || g2 == 0 {
				t.Errorf("%s: %U has no glyph", c.name, r)
				continue
			}
			a1, _ := orig.GlyphAdvance(&b1, g1, ppem, font.HintingNone)
			a2, _ := ours.GlyphAdvance(&b2, g2, ppem, font.HintingNone)
			s1, _ := orig.LoadGlyph(&b1, g1, ppem, nil)
			s1 = append(sfnt.Segments(nil), s1...)
			s2, _ := ours.LoadGlyph(&b2, g2, ppem, nil)
			if a1 != a2 || len(s1) != len(s2) {
				t.Errorf("%s: %U advance %v, %d segments; want %v, %d", c.name, r, a2, len(s2), a1, len(s1))
				continue
			}
			for i := range s1 {
				if s1[i] != s2[i] {
					t.Errorf("%s: %U segment %d is %v, want %v", c.name, r, i, s2[i], s1[i])
					break
				}
			}
			checked++
		}
		if checked < 600 {
			t.Errorf("%s: only %d characters compared", c.name, checked)
		}
	}
}

// TestFontsHaveEveryLetter checks that the fonts can write every character
// of every catalog and help text: a translation with a letter the Go fonts
// lack would show as a box.
func TestFontsHaveEveryLetter(t *testing.T) {
	files, _ := filepath.Glob("../i18n/*/*.json")
	help, _ := filepath.Glob("../assets/help/*/*.txt")
	files = append(files, help...)
	if len(files) < 20 {
		t.Fatalf("found only %d catalog and help files", len(files))
	}
	seen := map[rune]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range string(b) {
			if _, ok := seen[r]; !ok && r >= ' ' {
				seen[r] = f
			}
		}
	}
	for _, c := range []struct {
		name string
		ttf  []byte
	}{{"Go Regular", assets.GoRegular}, {"Go Bold", assets.GoBold}} {
		f, err := sfnt.Parse(c.ttf)
		if err != nil {
			t.Fatal(err)
		}
		var b sfnt.Buffer
		for r, where := range seen {
			if g, err := f.GlyphIndex(&b, r); err != nil || g == 0 {
				t.Errorf("%s has no %q (%U), used in %s", c.name, r, r, where)
			}
		}
	}
}

// A formula or a bold title with a letter Go Mono and Go Bold leave out (a
// class named in Cyrillic) is written in Go Regular rather than with boxes.
func TestCyrillicFallsBackToRegular(t *testing.T) {
	for _, s := range []string{"p(кот) = 0.5", "Ж"} {
		rw, _ := MeasureText(s, 20)
		if mw, _ := MeasureMono(s, 20); mw != rw {
			t.Errorf("%q: %.2f px wide as a formula, %.2f in Go Regular", s, mw, rw)
		}
		if bw, _ := MeasureBold(s, 20); bw != rw {
			t.Errorf("%q: %.2f px wide in bold, %.2f in Go Regular", s, bw, rw)
		}
	}
	for _, s := range []string{"p(cat) = 0.5", "Ελληνικά"} {
		rw, _ := MeasureText(s, 20)
		if mw, _ := MeasureMono(s, 20); mw == rw {
			t.Errorf("%q is not in Go Mono", s)
		}
		if bw, _ := MeasureBold(s, 20); bw == rw {
			t.Errorf("%q is not in Go Bold", s)
		}
	}
}
