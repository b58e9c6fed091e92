package render

import (
	"image/color"
	"math"
)

// How a card is laid out: from the top, the kicker and its dots, the
// title, the text blocks, then the maths (beside the text when the card is
// wide enough) and the buttons and foot under the text.

// cardBuilder lays a card out at (0, 0).
type cardBuilder struct {
	ops []cardOp
	S   float64 // scale × fit
}

func (b *cardBuilder) add(op cardOp) { b.ops = append(b.ops, op) }

// para wraps s into lines of width w at (x, y) and returns the y below it.
func (b *cardBuilder) para(s string, x, y, w, size float64, clr color.RGBA, bold bool) float64 {
	kind := opText
	if bold {
		kind = opBold
		w *= 0.94 // WrapText measures the regular face; bold is wider
	}
	for _, line := range WrapText(s, size, w) {
		b.add(cardOp{kind: kind, s: line, x: x, y: y, size: size, clr: clr})
		y += LineHeight(size)
	}
	return y
}

// buildCard lays spec out w wide at text scale f, its buttons at least
// minBtn tall, its text in cols columns (1 to 3); the card is as tall as
// its content. It is nil when spec's text cannot be in cols columns.
func buildCard(spec *CardSpec, w, scale, f, minBtn float64, cols int) *Card {
	S := scale * f
	b := &cardBuilder{S: S}
	pad := cardPad * S
	inner := w - 2*pad
	hasMaths := len(spec.Formula) > 0 || spec.Table != nil
	var splits []int
	if cols > 1 {
		if splits = textColumns(spec, inner, S, cols); splits == nil {
			return nil
		}
	}
	y := b.kicker(spec, pad, pad)
	twoCol := hasMaths && inner >= cardTwoCol*S
	textW := inner
	if twoCol {
		textW = inner * 0.47
	}
	mathTop := y
	y = b.para(spec.Title, pad, y, textW, TitleSize*S*1.2, Current.Text, true) + 6*S
	if splits != nil {
		colW := (inner - float64(cols-1)*cardColGap*S) / float64(cols)
		bottom, from := y, 0
		for k, to := range append(splits, len(spec.Blocks)) {
			bottom = math.Max(bottom, b.blocks(spec.Blocks[from:to], pad+float64(k)*(colW+cardColGap*S), y, colW))
			from = to
		}
		y = bottom
	} else {
		y = b.blocks(spec.Blocks, pad, y, textW)
	}
	if f := spec.Figure; f != nil {
		b.add(cardOp{kind: opFigure, x: pad, y: y + 8*S, w: textW, h: f.H * S, fig: f})
		y += f.H*S + 14*S
	}
	mathEnd := y
	if hasMaths {
		mx, my, mw, ms := pad, y+10*S, inner, S
		if twoCol {
			// Beside the text the maths keeps a larger size when the text
			// had to shrink: it is what the step is about, and has the room.
			mx, my, mw, ms = pad+textW+20*S, mathTop, inner-textW-20*S, scale*math.Min(1, f*1.15)
		}
		mathEnd = b.maths(spec.Formula, spec.Table, mx, my, mw, ms)
		if !twoCol {
			y = mathEnd
		}
	}
	c := &Card{spec: spec.Buttons, scale: S}
	y = c.buttonRows(spec.Buttons, pad, y+12*S, textW, S, minBtn)
	if spec.Foot != "" {
		y = b.para(spec.Foot, pad, y+6*S, textW, SmallSize*S*0.95, Current.Muted, false)
	}
	if twoCol {
		y = math.Max(y, mathEnd)
	}
	c.ops = b.ops
	c.Rect = Rect{W: w, H: y + pad*0.8}
	return c
}

// kicker writes the kicker and its dots at (x, y) and returns the y below.
func (b *cardBuilder) kicker(spec *CardSpec, x, y float64) float64 {
	if spec.Kicker == "" {
		return y
	}
	S, small := b.S, SmallSize*b.S
	b.add(cardOp{kind: opBold, s: spec.Kicker, x: x, y: y, size: small, clr: Current.Accent})
	kw, _ := MeasureBold(spec.Kicker, small)
	dot, dx := 8*S, x+kw+12*S
	for i := 1; i <= spec.DotsOf; i++ {
		clr := Current.PanelBorder
		if i <= spec.Dots {
			clr = Current.Accent
		}
		b.add(cardOp{kind: opFill, x: dx, y: y + small*0.35, w: dot, h: dot, clr: clr})
		dx += dot + 4*S
	}
	return y + LineHeight(small) + 2*S
}

// blocks writes the paragraphs from (x, y) in width w and returns the y
// below them.
func (b *cardBuilder) blocks(blocks []Block, x, y, w float64) float64 {
	S, body, th := b.S, BodySize*b.S, Current
	bar := -1 // the op of the current marked run's bar
	for i, bl := range blocks {
		switch {
		case i == 0:
		case bl.Kind == Heading:
			y += body * 0.6
		case bl.Kind == Bullet && blocks[i-1].Kind == Bullet:
			// a list's items follow each other without a gap
		case blocks[i-1].Kind != Heading:
			y += body * 0.45
		}
		if !bl.Marked {
			bar = -1
		} else if bar < 0 {
			bar = len(b.ops)
			b.add(cardOp{kind: opFill, x: x, y: y, w: 4 * S, clr: th.Accent})
		}
		bx, bw := x, w
		if bl.Marked {
			bx, bw = x+12*S, w-12*S
		}
		switch bl.Kind {
		case Heading:
			y = b.para(bl.Text, bx, y, bw, body, th.Accent, true)
		case Bullet:
			b.add(cardOp{kind: opText, s: "•", x: bx + 4*S, y: y, size: body, clr: th.Muted})
			y = b.para(bl.Text, bx+18*S, y, bw-18*S, body, th.Text, bl.Bold)
		case Tip:
			y = b.para(bl.Text, bx, y, bw, SmallSize*S, th.Accent, bl.Bold)
		default:
			y = b.para(bl.Text, bx, y, bw, body, th.Text, bl.Bold)
		}
		if bar >= 0 {
			b.ops[bar].h = y - b.ops[bar].y
		}
	}
	return y
}

// buttonRows places the buttons in rows of width w from (x, y) and returns
// the y below them.
func (c *Card) buttonRows(buttons []CardButton, x, y, w, S, minH float64) float64 {
	if len(buttons) == 0 {
		return y
	}
	h, gap := math.Max(cardBtnH*S, minH), 8*S
	cx := x
	c.Buttons = make([]Rect, len(buttons))
	for i, bt := range buttons {
		tw, _ := MeasureBold(bt.Label, BodySize*S)
		bw := math.Min(math.Max(tw+26*S, bt.MinW*S), w)
		if cx > x && cx+bw > x+w {
			cx, y = x, y+h+gap
		}
		c.Buttons[i] = Rect{X: cx, Y: y, W: bw, H: h}
		cx += bw + gap
	}
	return y + h
}

// Why two columns: a long card of short lines (the keyboard keys, a help
// card at 1024×768) shrank its text to fit the screen's height while half
// of its width stayed empty. Split at a heading, it keeps its size.

// textColumns returns the blocks where spec's text starts each column
// after the first, cols columns in all: at the headings that best share
// the text out, or nil when the card has maths or a figure beside or under
// its text, too few headings to split at, or columns would be narrower
// than cardMinCol.
func textColumns(spec *CardSpec, inner, S float64, cols int) []int {
	if cols < 2 || len(spec.Formula) > 0 || spec.Table != nil || spec.Figure != nil ||
		(inner-float64(cols-1)*cardColGap*S)/float64(cols) < cardMinCol*S {
		return nil
	}
	weight := func(bl Block) int { return len(bl.Text) + 40 } // a block's line break and gap weigh about 40 letters
	total := 0
	for _, bl := range spec.Blocks {
		total += weight(bl)
	}
	var splits []int
	before := 0 // the weight of the blocks before block i
	for i, bl := range spec.Blocks {
		// Column k starts at the heading nearest to k/cols of the text.
		if k := len(splits) + 1; k < cols && i > 0 && bl.Kind == Heading {
			want := total * k / cols
			next := before + weight(bl)
			for j := i + 1; j < len(spec.Blocks) && spec.Blocks[j].Kind != Heading; j++ {
				next += weight(spec.Blocks[j])
			}
			if abs(want-before) <= abs(want-next) { // this heading is nearer than the next one
				splits = append(splits, i)
			}
		}
		before += weight(bl)
	}
	if len(splits) != cols-1 {
		return nil
	}
	return splits
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
