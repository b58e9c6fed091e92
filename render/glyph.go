package render

import (
	"encoding/binary"
	"image/color"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The text renderer draws left-to-right text in the Go fonts one cached
// glyph image at a time. It replaces Ebiten's text/v2, whose shaping engine
// (go-text/typesetting: HarfBuzz, OpenType tables, x/text) is most of the
// wasm download and buys nothing for the Latin and maths text this program
// shows: the Go fonts have no ligatures, no kerning and no complex scripts.
//
// Glyphs are rasterised unhinted, as text/v2 did, at glyphPhases horizontal
// sub-pixel positions so that letter spacing stays even at small sizes. Each
// glyph image is small, so Ebiten packs it into its atlas and consecutive
// glyph draws batch into one draw command.

// glyphPhases is how many horizontal sub-pixel positions a glyph is
// rasterised at: a quarter pixel is below what the eye sees in spacing,
// and text/v2 used 4 to 8 at these sizes.
const glyphPhases = 4

// typeface is one embedded TrueType font, parsed on first use, with its
// faces per pixel size.
type typeface struct {
	name  string
	ttf   []byte
	font  *opentype.Font
	kerns bool // the font has a kern or GPOS table
	faces map[float64]*glyphFace
}

var (
	// textMu guards every cache below: Ebiten calls Update and Draw on one
	// goroutine, but tests and the app may measure text from others.
	textMu sync.Mutex
	// textOp is reused by every glyph draw so drawing text allocates nothing.
	textOp ebiten.DrawImageOptions

	regularFont = &typeface{name: "Go Regular", ttf: goregular.TTF}
	boldFont    = &typeface{name: "Go Bold", ttf: gobold.TTF}
	monoFont    = &typeface{name: "Go Mono", ttf: gomono.TTF}
)

// glyphFace is a typeface at one pixel size.
type glyphFace struct {
	face            font.Face
	kerns           bool
	ascent, descent float64 // pixels, unrounded, as text/v2's Metrics
	ascii           [128]float64
	advances        map[rune]float64 // beyond ASCII
	glyphs          map[glyphKey]glyphImage
}

type glyphKey struct {
	r     rune
	phase uint8
}

// glyphImage is a rasterised glyph; (dx, dy) is its top-left corner
// relative to the whole-pixel pen position on the baseline. img is nil
// for glyphs with no ink (space).
type glyphImage struct {
	img    *ebiten.Image
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

// face returns tf at size pixels, rounded to a quarter pixel so that
// fractional scale factors do not fill the cache with near-copies. The
// caller holds textMu.
func (tf *typeface) face(size float64) *glyphFace {
	if !(size > 1) {
		size = 1
	}
	size = math.Round(size*4) / 4
	if f, ok := tf.faces[size]; ok {
		return f
	}
	if tf.font == nil {
		f, err := opentype.Parse(tf.ttf)
		if err != nil {
			panic("render: bad embedded font " + tf.name + ": " + err.Error())
		}
		tf.font = f
		tf.kerns = hasTable(tf.ttf, "kern") || hasTable(tf.ttf, "GPOS")
		tf.faces = map[float64]*glyphFace{}
	}
	face, err := opentype.NewFace(tf.font, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic("render: font " + tf.name + " at size " + strconv.FormatFloat(size, 'g', -1, 64) + ": " + err.Error())
	}
	m := face.Metrics()
	f := &glyphFace{
		face:     face,
		kerns:    tf.kerns,
		ascent:   fixedToFloat(m.Ascent),
		descent:  fixedToFloat(m.Descent),
		advances: map[rune]float64{},
		glyphs:   map[glyphKey]glyphImage{},
	}
	for i := range f.ascii {
		f.ascii[i] = -1
	}
	tf.faces[size] = f
	return f
}

func fixedToFloat(x fixed.Int26_6) float64 { return float64(x) / 64 }

// advance is how far r moves the pen; a rune the font lacks advances by
// the width of the box drawn for it.
func (f *glyphFace) advance(r rune) float64 {
	if r >= 0 && r < 128 {
		if a := f.ascii[r]; a >= 0 {
			return a
		}
	} else if a, ok := f.advances[r]; ok {
		return a
	}
	a, _ := f.face.GlyphAdvance(r)
	adv := fixedToFloat(a)
	if r >= 0 && r < 128 {
		f.ascii[r] = adv
	} else {
		f.advances[r] = adv
	}
	return adv
}

func (f *glyphFace) kern(prev, r rune) float64 {
	if !f.kerns || prev < 0 {
		return 0
	}
	return fixedToFloat(f.face.Kern(prev, r))
}

// lineWidth is the advance of one line of text.
func (f *glyphFace) lineWidth(line string) float64 {
	w := 0.0
	prev := rune(-1)
	for _, r := range line {
		w += f.kern(prev, r) + f.advance(r)
		prev = r
	}
	return w
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
	dr, mask, _, _, _ := f.face.Glyph(dot, r)
	var g glyphImage
	if mask != nil && !dr.Empty() {
		// NewImageFromImage copies: the face reuses its mask buffer.
		g = glyphImage{ebiten.NewImageFromImage(mask), float64(dr.Min.X), float64(dr.Min.Y)}
	}
	f.glyphs[k] = g
	return g
}

// measure is the width of the widest line and the height of all lines at
// line spacing ls, the last line counting its ascent and descent only.
func (f *glyphFace) measure(s string, ls float64) (w, h float64) {
	if s == "" {
		return 0, 0
	}
	lines := 0
	for t := s; ; {
		line, rest, more := strings.Cut(t, "\n")
		w = max(w, f.lineWidth(line))
		lines++
		if !more {
			break
		}
		t = rest
	}
	return w, float64(lines-1)*ls + f.ascent + f.descent
}

// draw draws s with the top of its first line at y and each line aligned
// at x, lines ls apart. The caller holds textMu.
func (f *glyphFace) draw(dst *ebiten.Image, s string, x, y, ls float64, clr color.Color, align Align) {
	// As text/v2: the origin snaps to whole pixels, baselines round down.
	x, y = math.Round(x), math.Round(y)
	textOp.ColorScale.Reset()
	textOp.ColorScale.ScaleWithColor(clr)
	i := 0
	for t := s; ; i++ {
		line, rest, more := strings.Cut(t, "\n")
		pen := 0.0
		switch align {
		case AlignCenter:
			pen = -f.lineWidth(line) / 2
		case AlignRight:
			pen = -f.lineWidth(line)
		}
		baseline := y + math.Floor(f.ascent+float64(i)*ls)
		prev := rune(-1)
		for _, r := range line {
			pen += f.kern(prev, r)
			prev = r
			q := math.Floor(pen*glyphPhases) / glyphPhases
			whole := math.Floor(q)
			g := f.glyph(r, uint8((q-whole)*glyphPhases))
			if g.img != nil {
				textOp.GeoM.Reset()
				textOp.GeoM.Translate(x+whole+g.dx, baseline+g.dy)
				dst.DrawImage(g.img, &textOp)
			}
			pen += f.advance(r)
		}
		if !more {
			return
		}
		t = rest
	}
}

// draw draws s in tf at size, locking the caches.
func (tf *typeface) draw(dst *ebiten.Image, s string, x, y, size float64, clr color.Color, align Align) {
	if s == "" {
		return
	}
	textMu.Lock()
	defer textMu.Unlock()
	tf.face(size).draw(dst, s, x, y, size*lineSpacing, clr, align)
}

func (tf *typeface) measure(s string, size float64) (w, h float64) {
	if s == "" {
		return 0, 0
	}
	textMu.Lock()
	defer textMu.Unlock()
	return tf.face(size).measure(s, size*lineSpacing)
}

// MonoText is Text in Go Mono, for formulas and tables whose columns must
// line up.
func MonoText(dst *ebiten.Image, s string, x, y, size float64, clr color.Color, align Align) {
	monoFont.draw(dst, s, x, y, size, clr, align)
}

// MeasureMono is MeasureText for Go Mono.
func MeasureMono(s string, size float64) (w, h float64) {
	return monoFont.measure(s, size)
}
