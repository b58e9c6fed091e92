package render

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
)

// The card engine: every box of text with buttons drawn over the screen —
// a help card, a question, a step of the guided tour — is a CardSpec laid
// out by LayoutCard into a Card, which Update keeps and Draw replays. A
// click is tested against the buttons as they were drawn.

// CardSpec is what a card says. Only Title is required.
type CardSpec struct {
	Kicker       string // a small accent line above the title ("Step 3 of 10")
	Dots, DotsOf int    // progress dots after the kicker: Dots filled of DotsOf
	Title        string
	Blocks       []Block
	Figure       *Figure  // a chart under the text
	Formula      []string // lines of maths, monospaced (see DrawFormula)
	Table        *Table   // a before → after table under the formula
	Buttons      []CardButton
	Foot         string // a small muted line under the buttons (the keys)
}

// Figure is a picture a card makes room for under its text: H tall at
// scale 1, the text's width, drawn by Draw. Key names what it shows, so a
// laid-out card is kept while it is the same.
type Figure struct {
	H    float64
	Key  string
	Draw func(dst *ebiten.Image, r Rect, scale float64)
}

// Block is a paragraph of a card.
type Block struct {
	Text string
	Kind BlockKind
	Bold bool
	// Marked draws an accent bar beside the block: it asks the reader to
	// act (draw, pick a label). Consecutive marked blocks share one bar.
	Marked bool
}

// BlockKind is how a Block reads.
type BlockKind uint8

const (
	Paragraph BlockKind = iota
	Heading             // accent and bold, with a gap above it
	Bullet              // indented behind a "•"
	Tip                 // small, in the accent colour
)

// Table is a small before → after table: Columns[0] heads the row labels,
// each row is its label and then its cells (numbers, right-aligned).
type Table struct {
	Columns []string
	Rows    [][]string
}

// CardButton is a button at the card's foot.
type CardButton struct {
	Label    string
	Disabled bool
	Primary  bool    // drawn in the accent colour
	MinW     float64 // at least this wide, in pixels at scale 1
}

// Placement is where a card may go: the first region (best first) in which
// it fits at the largest of Fits, each region's width capped at MaxW × the
// scale. A card that fits nowhere goes to the roomiest region at the
// smallest fit and is cut above its buttons, which stay.
type Placement struct {
	Regions   []Rect
	MaxW      float64 // at scale 1
	Centre    bool    // centre it in the region (else at the region's top)
	Fits      []float64
	MinButton float64 // the buttons' least height in pixels whatever the fit: a finger's, on a phone
}

// Card measures at scale 1.
const (
	cardPad     = 18
	cardTwoCol  = 620 // narrower than this, the maths goes under the text
	cardMinCol  = 300 // the narrowest column of a card's text in columns (textColumns)
	maxCardCols = 3   // a short, wide window's keys card
	cardColGap  = 24  // between two columns of text
	cardBtnH    = 32
	cardMinArea = 120 // regions smaller than 200×this are not tried
)

// DefaultFits are the text scales tried, largest first.
var DefaultFits = []float64{1, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6, 0.55}

// Card is a laid-out card on screen.
type Card struct {
	Rect    Rect
	Buttons []Rect // on screen, in the order of the spec's buttons
	spec    []CardButton
	ops     []cardOp // relative to Rect's top left
	scale   float64  // the layout scale times the fit chosen
}

type opKind uint8

const (
	opText opKind = iota
	opBold
	opFormula
	opFormulaRight
	opFill
	opFigure
)

// cardOp is one thing to draw, relative to the card's top left.
type cardOp struct {
	kind       opKind
	s          string
	x, y, size float64
	w, h       float64 // opFill
	clr        color.RGBA
	fig        *Figure // opFigure
}

// width is how wide a card with cols columns of text may be in r: MaxW
// keeps one column's lines short enough to read; each further column
// adds a little under half of it, so that columns stay narrower than one.
func (p Placement) width(r Rect, scale float64, cols int) float64 {
	return math.Min(r.W, p.MaxW*scale*(1+0.45*float64(cols-1)))
}

// LayoutCard lays spec out as p says, at scale.
func LayoutCard(spec *CardSpec, p Placement, scale float64) *Card {
	fits := p.Fits
	if len(fits) == 0 {
		fits = DefaultFits
	}
	for _, f := range fits {
		for _, r := range p.Regions {
			if r.W < 200*scale || r.H < cardMinArea*scale {
				continue
			}
			// One column of text, or two or three for a long card (see
			// textColumns) before its text shrinks.
			for cols := 1; cols <= maxCardCols; cols++ {
				if c := buildCard(spec, p.width(r, scale, cols), scale, f, p.MinButton, cols); c != nil && c.Rect.H <= r.H {
					c.place(r, p.Centre)
					return c
				}
			}
		}
	}
	best := Rect{}
	for _, r := range p.Regions {
		if r.W*r.H > best.W*best.H {
			best = r
		}
	}
	f := fits[len(fits)-1]
	c := buildCard(spec, p.width(best, scale, 1), scale, f, p.MinButton, 1)
	for cols := 2; cols <= maxCardCols; cols++ {
		if more := buildCard(spec, p.width(best, scale, cols), scale, f, p.MinButton, cols); more != nil && more.Rect.H < c.Rect.H {
			c = more // less of it is cut
		}
	}
	c.clip(best.H)
	c.place(best, p.Centre)
	return c
}

// place moves a card laid out at (0, 0) into r.
func (c *Card) place(r Rect, centre bool) {
	x, y := r.X+(r.W-c.Rect.W)/2, r.Y
	if centre {
		y = r.Y + math.Max(0, (r.H-c.Rect.H)/2)
	}
	c.Rect.X, c.Rect.Y = x, y
	for i := range c.Buttons {
		c.Buttons[i].X += x
		c.Buttons[i].Y += y
	}
}

// clip cuts a card taller than maxH: the buttons and what follows them
// move up and the text they would cover is dropped.
func (c *Card) clip(maxH float64) {
	over := c.Rect.H - maxH
	if over <= 0 {
		return
	}
	top := c.Rect.H
	for _, r := range c.Buttons {
		top = math.Min(top, r.Y) // what is above the buttons is text
	}
	cut := top - over
	keep := c.ops[:0]
	for _, op := range c.ops {
		switch {
		case op.y >= top:
			op.y -= over
		case op.y+math.Max(op.h, op.size*1.3) > cut:
			if op.s != "" {
				noteCut(op.s) // text left out: the card did not fit even at its smallest
			}
			continue
		}
		keep = append(keep, op)
	}
	c.ops = keep
	for i := range c.Buttons {
		c.Buttons[i].Y -= over
	}
	c.Rect.H = maxH
}

// Label is button i's text.
func (c *Card) Label(i int) string { return c.spec[i].Label }

// Scale is the scale the card's text was laid out at: the layout's, times
// the fit chosen.
func (c *Card) Scale() float64 { return c.scale }

// ButtonAt returns the enabled button under (x, y).
func (c *Card) ButtonAt(x, y float64) (int, bool) {
	if c == nil {
		return 0, false
	}
	for i, r := range c.Buttons {
		if !c.spec[i].Disabled && r.Contains(x, y) {
			return i, true
		}
	}
	return 0, false
}

// Draw replays the card; hover and pressed are the buttons under the
// pointer and pressed this frame (−1: none).
func (c *Card) Draw(dst *ebiten.Image, hover, pressed int) {
	if c == nil || c.Rect.Empty() {
		return
	}
	drawCardBox(dst, c.Rect, c.scale)
	for _, op := range c.ops {
		x, y := c.Rect.X+op.x, c.Rect.Y+op.y
		switch op.kind {
		case opText:
			Text(dst, op.s, x, y, op.size, op.clr, AlignLeft)
		case opBold:
			BoldText(dst, op.s, x, y, op.size, op.clr, AlignLeft)
		case opFormula:
			DrawFormula(dst, op.s, x, y, op.size, op.clr)
		case opFormulaRight:
			DrawFormula(dst, op.s, x-FormulaWidth(op.s, op.size), y, op.size, op.clr)
		case opFill:
			fillRect(dst, Rect{X: x, Y: y, W: op.w, H: op.h}, op.clr)
		case opFigure:
			op.fig.Draw(dst, Rect{X: x, Y: y, W: op.w, H: op.h}, c.scale)
		}
	}
	for i, r := range c.Buttons {
		bt := c.spec[i]
		st := ButtonState{Hover: i == hover, Pressed: i == pressed, Disabled: bt.Disabled, Active: bt.Primary && !bt.Disabled}
		DrawButton(dst, r, bt.Label, st, c.scale)
	}
}

// drawCardBox draws a card's rounded box with its shadow.
func drawCardBox(dst *ebiten.Image, r Rect, scale float64) {
	t := Current
	rad := 14 * scale
	fillRoundRect(dst, Rect{r.X, r.Y + 4*scale, r.W, r.H}, rad, t.Shadow)
	fillRoundRect(dst, r, rad, t.Panel)
	strokeRoundRect(dst, r.Inset(0.5), rad, math.Max(1, scale), t.PanelBorder)
}

// CardCache keeps a laid-out card until what it was laid out from changes,
// so Update can ask for it every tick.
type CardCache struct {
	key  string
	card *Card
}

// Layout returns spec laid out as p says, laying it out again only when
// spec, p or scale changed since the last call.
func (cc *CardCache) Layout(spec *CardSpec, p Placement, scale float64) *Card {
	var b strings.Builder
	fmt.Fprintf(&b, "%q %d %d %q %q %q %v %v %g\x00", spec.Kicker, spec.Dots, spec.DotsOf, spec.Title, spec.Formula, spec.Foot, spec.Buttons, p, scale)
	for _, bl := range spec.Blocks {
		fmt.Fprintf(&b, "%q %d %v %v\x00", bl.Text, bl.Kind, bl.Bold, bl.Marked)
	}
	if t := spec.Table; t != nil {
		fmt.Fprintf(&b, "%q %q", t.Columns, t.Rows)
	}
	if f := spec.Figure; f != nil {
		fmt.Fprintf(&b, "\x00fig %g %q", f.H, f.Key)
	}
	if key := b.String(); key != cc.key || cc.card == nil {
		cc.key, cc.card = key, LayoutCard(spec, p, scale)
	}
	return cc.card
}
