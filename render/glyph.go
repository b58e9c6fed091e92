package render

import (
	"encoding/binary"
	"image"
	"image/color"
	"math"
	"strings"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"digittrainer/assets"
)

// The text renderer draws left-to-right text in the Go fonts one cached
// glyph image at a time. It replaces Ebiten's text/v2, whose shaping engine
// (go-text/typesetting: HarfBuzz, OpenType tables, x/text) was most of what
// the app added to the wasm download, and bought nothing for the Latin and
// maths text this program shows: the Go fonts have no ligatures, no
// kerning and no complex scripts.
//
// Layout is exact and linear in the size: advances and line metrics come
// from the font's design units, so text measured at k×size is k times as
// wide, and a caller that scales a size to fit a width gets text that fits.
// Only the glyph images are quantised: rasterised unhinted (as text/v2 did)
// at the nearest quarter-pixel size, at glyphPhases horizontal sub-pixel
// positions so letter spacing stays even at small sizes. The glyph images
// live in our own atlas (atlas.go), so a string is one draw call.

// glyphPhases is how many horizontal sub-pixel positions a glyph is
// rasterised at: a quarter pixel is below what the eye sees in spacing,
// and text/v2 used 4 to 8 at these sizes.
const glyphPhases = 4

// typeface is one embedded TrueType font, parsed on first use, with its
// advances in ems and its rasterising faces per quarter-pixel size.
type typeface struct {
	name string
	ttf  []byte

	parsed          bool
	font            *opentype.Font
	em              font.Face // at one pixel per font unit: advances in font units
	upem            float64
	kerns           bool    // the font has a kern or GPOS table
	ascent, descent float64 // ems
	ascii           [128]float64
	advances        map[rune]float64 // ems, beyond ASCII
	faces           map[float64]*glyphFace
}

var (
	// textMu guards every cache below: Ebiten calls Update and Draw on one
	// goroutine, but tests and the app may measure text from others.
	textMu sync.Mutex
	// text collects a string's glyph quads, one DrawTriangles call per
	// atlas page; it is reused so that drawing text allocates nothing once
	// the glyphs are cached.
	text batch

	regularFont = &typeface{name: "Go Regular", ttf: assets.GoRegular}
	boldFont    = &typeface{name: "Go Bold", ttf: assets.GoBold}
	monoFont    = &typeface{name: "Go Mono", ttf: assets.GoMono}
)

// glyphFace rasterises a typeface at one size.
type glyphFace struct {
	face   font.Face
	glyphs map[glyphKey]glyphImage
}

type glyphKey struct {
	r     rune
	phase uint8
}

// glyphImage is a rasterised glyph at rect src of an atlas page; (dx, dy)
// is its top-left corner relative to the whole-pixel pen position on the
// baseline. page is nil for glyphs with no ink (space).
type glyphImage struct {
	page   *ebiten.Image
	src    image.Rectangle
	dx, dy float64
}

// hasTable reports whether the TrueType file lists a table with the tag.
func hasTable(ttf []byte, tag string) bool {
	if len(ttf) < 12 {
		return false
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n && 12+16*i+4 <= len(ttf); i++ {
		if string(ttf[12+16*i:12+16*i+4]) == tag {
			return true
		}
	}
	return false
}

func (tf *typeface) newFace(size float64) font.Face {
	face, err := opentype.NewFace(tf.font, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic("render: font " + tf.name + ": " + err.Error())
	}
	return face
}

// parse reads the font on first use. The caller holds textMu.
func (tf *typeface) parse() {
	if tf.parsed {
		return
	}
	f, err := opentype.Parse(tf.ttf)
	if err != nil {
		panic("render: bad embedded font " + tf.name + ": " + err.Error())
	}
	tf.font = f
	tf.upem = float64(f.UnitsPerEm())
	tf.em = tf.newFace(tf.upem)
	m := tf.em.Metrics()
	tf.ascent = fixedToFloat(m.Ascent) / tf.upem
	tf.descent = fixedToFloat(m.Descent) / tf.upem
	tf.kerns = hasTable(tf.ttf, "kern") || hasTable(tf.ttf, "GPOS")
	for i := range tf.ascii {
		tf.ascii[i] = -1
	}
	tf.advances = map[rune]float64{}
	tf.faces = map[float64]*glyphFace{}
	tf.parsed = true
}

func fixedToFloat(x fixed.Int26_6) float64 { return float64(x) / 64 }

// advance is how far r moves the pen, in ems; a rune the font lacks
// advances by the width of the box drawn for it.
func (tf *typeface) advance(r rune) float64 {
	ascii := r >= 0 && r < 128
	if ascii {
		if a := tf.ascii[r]; a >= 0 {
			return a
		}
	} else if a, ok := tf.advances[r]; ok {
		return a
	}
	a, _ := tf.em.GlyphAdvance(r)
	adv := fixedToFloat(a) / tf.upem
	if ascii {
		tf.ascii[r] = adv
	} else {
		tf.advances[r] = adv
	}
	return adv
}

// kern is the adjustment between prev and r, in ems.
func (tf *typeface) kern(prev, r rune) float64 {
	if !tf.kerns || prev < 0 {
		return 0
	}
	return fixedToFloat(tf.em.Kern(prev, r)) / tf.upem
}

// lineWidth is the advance of one line of text, in ems.
func (tf *typeface) lineWidth(line string) float64 {
	w := 0.0
	prev := rune(-1)
	for _, r := range line {
		w += tf.kern(prev, r) + tf.advance(r)
		prev = r
	}
	return w
}

// glyphFace returns the face that rasterises tf at size, rounded to a
// quarter pixel so that fractional scale factors do not fill the cache
// with near-copies.
func (tf *typeface) glyphFace(size float64) *glyphFace {
	size = math.Round(size*4) / 4
	if f, ok := tf.faces[size]; ok {
		return f
	}
	f := &glyphFace{face: tf.newFace(size), glyphs: map[glyphKey]glyphImage{}}
	tf.faces[size] = f
	return f
}

// glyph returns r rasterised at phase/glyphPhases of a pixel right of a
// whole pixel, rasterising it on first use.
func (f *glyphFace) glyph(r rune, phase uint8) glyphImage {
	k := glyphKey{r, phase}
	if g, ok := f.glyphs[k]; ok {
		return g
	}
	// A rune the font lacks draws as the font's .notdef box.
	dot := fixed.Point26_6{X: fixed.Int26_6(int(phase) * 64 / glyphPhases)}
	dr, mask, mp, _, _ := f.face.Glyph(dot, r)
	var g glyphImage
	// opentype's faces rasterise into an *image.Alpha, which place copies:
	// the face reuses its buffer.
	if m, ok := mask.(*image.Alpha); ok && !dr.Empty() {
		page, src := glyphs.place(m, image.Rectangle{mp, mp.Add(dr.Size())})
		g = glyphImage{page, src, float64(dr.Min.X), float64(dr.Min.Y)}
	}
	f.glyphs[k] = g
	return g
}

// textSize keeps sizes where the fonts can be rasterised.
func textSize(size float64) float64 {
	if !(size > 1) { // also NaN
		return 1
	}
	return min(size, 1000)
}

// measure is the width of the widest line and the height of all lines, the
// last line counting its ascent and descent only, as text/v2 measured.
func (tf *typeface) measure(s string, size float64) (w, h float64) {
	if s == "" {
		return 0, 0
	}
	size = textSize(size)
	textMu.Lock()
	defer textMu.Unlock()
	tf.parse()
	lines := 0
	for t := s; ; {
		line, rest, more := strings.Cut(t, "\n")
		w = max(w, tf.lineWidth(line))
		lines++
		if !more {
			break
		}
		t = rest
	}
	return w * size, float64(lines-1)*size*lineSpacing + (tf.ascent+tf.descent)*size
}

// draw draws s with the top of its first line at y and each line aligned
// at x, lines LineHeight(size) apart.
func (tf *typeface) draw(dst *ebiten.Image, s string, x, y, size float64, clr color.Color, align Align) {
	if s == "" {
		return
	}
	size = textSize(size)
	textMu.Lock()
	defer textMu.Unlock()
	tf.parse()
	f := tf.glyphFace(size)
	// As text/v2: the origin snaps to whole pixels, baselines round down.
	x, y = math.Round(x), math.Round(y)
	c := premulF(toRGBA(clr))
	for i, t := 0, s; ; i++ {
		line, rest, more := strings.Cut(t, "\n")
		pen := 0.0
		switch align {
		case AlignCenter:
			pen = -tf.lineWidth(line) * size / 2
		case AlignRight:
			pen = -tf.lineWidth(line) * size
		}
		baseline := y + math.Floor((tf.ascent+float64(i)*lineSpacing)*size)
		prev := rune(-1)
		for _, r := range line {
			pen += tf.kern(prev, r) * size
			prev = r
			q := math.Floor(pen*glyphPhases) / glyphPhases
			whole := math.Floor(q)
			g := f.glyph(r, uint8((q-whole)*glyphPhases))
			if g.page != nil {
				text.from(dst, g.page)
				text.texRect(dst, x+whole+g.dx, baseline+g.dy, g.src, c)
			}
			pen += tf.advance(r) * size
		}
		if !more {
			text.flush(dst)
			return
		}
		t = rest
	}
}

// MonoText is Text in Go Mono, for formulas and tables whose columns must
// line up.
func MonoText(dst *ebiten.Image, s string, x, y, size float64, clr color.Color, align Align) {
	withCyrillic(monoFont, s).draw(dst, s, x, y, size, clr, align)
}

// MeasureMono is MeasureText for Go Mono.
func MeasureMono(s string, size float64) (w, h float64) {
	return withCyrillic(monoFont, s).measure(s, size)
}

// lacksCyrillic reports whether r is one of the letters our Go Mono and
// Go Bold leave out: Cyrillic, which no language of the app writes, and
// which made each font a sixth larger (scripts/fonts.sh; about 5 KB of
// the gzipped wasm each). Formulas, titles and buttons show class names,
// which a teacher may write in Cyrillic: such a string is written in Go
// Regular, which has every letter.
func lacksCyrillic(r rune) bool { return r >= 0x400 && r <= 0x52F }

// withCyrillic is f, or Go Regular when s has a letter f lacks (a
// formula's columns may then not line up, a bold title is then regular,
// but every letter is there).
func withCyrillic(f *typeface, s string) *typeface {
	if f == regularFont {
		return f
	}
	for _, r := range s {
		if lacksCyrillic(r) {
			return regularFont
		}
	}
	return f
}
