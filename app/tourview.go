package app

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/render"
	"digittrainer/tour"
)

// The tour card: where it goes and what is in it. It is laid out in Update
// (layoutTourCard) as a list of drawing operations and button rects, so
// Draw only replays it and a click is tested against what was drawn.

// Card buttons.
const (
	btnBack = iota
	btnNext
	btnSkip
	btnHide
	numTourButtons
)

// tourFits are the text scales tried, largest first, until the card fits
// beside the network; below the last the card is cut (buttons stay).
var tourFits = []float64{1, 0.93, 0.86, 0.8, 0.74, 0.68, 0.62}

// Card measures in CSS pixels at zoom 1 (multiplied by S and the fit).
const (
	tourMaxW      = 1150 // a wider card makes lines too long to read
	tourTwoColMin = 620  // below this the formula goes under the text
	tourPad       = 16
	tourBtnH      = 32
)

type opKind uint8

const (
	opText opKind = iota
	opBold
	opMono
	opMonoRight
	opFill
	opBar
)

// drawOp is one thing to draw, relative to the card's top-left corner.
type drawOp struct {
	kind       opKind
	s          string
	x, y, size float64
	w, h       float64 // opFill, opBar
	clr        color.RGBA
}

// tourCard is the laid-out card.
type tourCard struct {
	key     string      // what it was laid out for; a new key lays it out again
	rect    render.Rect // on screen
	fit     float64     // the text scale chosen from tourFits
	ops     []drawOp
	buttons [numTourButtons]render.Rect // on screen; empty when absent
	labels  [numTourButtons]string
	enabled [numTourButtons]bool
}

// tourRegions are the areas the card may cover, best first: everything
// below the network drawing and the Draw panel (the Prediction, Dataset and
// Progress panels and the inspector strip, none of which the tour talks
// about), and the column right of the network (Training and below). Neither
// touches the network drawing or the Draw panel, so the highlighted part and
// the grid the user may have to draw on stay in view.
func tourRegions(l *Layout) []render.Rect {
	g := l.u(gap)
	draw := l.Panels[PanelDraw]
	top := max(l.Net.Y+l.Net.H, draw.Y+draw.H) + g
	below := render.Rect{X: g, Y: top, W: l.W - 2*g, H: l.H - g - top}
	tr := l.Panels[PanelTrain]
	right := render.Rect{X: tr.X, Y: tr.Y, W: l.W - g - tr.X, H: l.H - g - tr.Y}
	return []render.Rect{below, right}
}

// tourCardKey is what the card's layout depends on.
func tourCardKey(v tour.View, l *Layout) string {
	var b strings.Builder
	for _, s := range []string{v.Title, v.NextText, strings.Join(v.Body, "\n"), strings.Join(v.Formula, "\n")} {
		b.WriteString(s)
		b.WriteByte(0)
	}
	if v.Table != nil {
		for _, r := range v.Table.Rows {
			b.WriteString(r.Label + strings.Join(r.Cells, " "))
		}
	}
	fmt.Fprintf(&b, "%v %v %v ", l.W, l.H, l.S)
	for _, f := range []bool{v.CanBack, v.CanNext, v.PickNeuron, v.Waiting} {
		if f {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	b.WriteByte(byte('0' + v.Number))
	return b.String()
}

// layoutTourCard fits the card for v into the first region where it fits
// at the largest text scale.
func layoutTourCard(v tour.View, l *Layout) tourCard {
	regions := tourRegions(l)
	for _, f := range tourFits {
		for _, r := range regions {
			if r.W < l.u(200) || r.H < l.u(120) {
				continue
			}
			c := buildTourCard(v, l, r, f)
			if c.rect.H <= r.H {
				return c
			}
		}
	}
	// Nothing fits: the roomiest region at the smallest scale, cut.
	best := regions[0]
	for _, r := range regions[1:] {
		if r.W*r.H > best.W*best.H {
			best = r
		}
	}
	c := buildTourCard(v, l, best, tourFits[len(tourFits)-1])
	c.clip(best.H)
	return c
}

// cardBuilder accumulates drawing operations.
type cardBuilder struct {
	ops []drawOp
}

func (b *cardBuilder) add(op drawOp) { b.ops = append(b.ops, op) }

// para wraps s into lines of width w at (x, y) and returns the y below it.
func (b *cardBuilder) para(s string, x, y, w, size float64, clr color.RGBA, bold bool) float64 {
	kind := opText
	if bold {
		kind = opBold
		w *= 0.94 // WrapText measures the regular face; bold is wider
	}
	for _, line := range render.WrapText(s, size, w) {
		b.add(drawOp{kind: kind, s: line, x: x, y: y, size: size, clr: clr})
		y += render.LineHeight(size)
	}
	return y
}

// buildTourCard lays the card out for region r at text scale f. The card's
// rect is as tall as its content (it may be taller than r: the caller
// tries a smaller f).
func buildTourCard(v tour.View, l *Layout, r render.Rect, f float64) tourCard {
	th := render.Current
	S := l.S * f
	u := func(x float64) float64 { return x * S }
	w := min(r.W, l.u(tourMaxW))
	pad := u(tourPad)
	inner := w - 2*pad
	c := tourCard{fit: f}
	b := &cardBuilder{}

	// Header: "Step 3 of 10", the progress dots, the hide button.
	small := render.SmallSize * S
	y := pad
	head := "Guided tour"
	if v.Number > 0 {
		head = "Step " + strconv.Itoa(v.Number) + " of " + strconv.Itoa(v.Total)
	}
	b.add(drawOp{kind: opBold, s: head, x: pad, y: y, size: small, clr: th.Accent})
	hw, _ := render.MeasureBold(head, small)
	dot := u(8)
	dx := pad + hw + u(12)
	for i := 1; i <= v.Total; i++ {
		clr := th.PanelBorder
		if i <= v.Number {
			clr = th.Accent
		}
		b.add(drawOp{kind: opFill, x: dx, y: y + small*0.35, w: dot, h: dot, clr: clr})
		dx += dot + u(4)
	}
	y += render.LineHeight(small) + u(2)

	// Title.
	// Text, then formula and table: side by side on a wide card, the
	// maths from the top and the buttons under the text.
	hasMaths := len(v.Formula) > 0 || v.Table != nil
	twoCol := hasMaths && inner >= u(tourTwoColMin)
	textW := inner
	if twoCol {
		textW = inner * 0.47
	}
	mathTop := y
	y = b.para(v.Title, pad, y, textW, render.TitleSize*S*1.2, th.Text, true) + u(6)
	body := render.BodySize * S
	ty := y
	if v.Waiting {
		b.add(drawOp{kind: opBar, x: pad, y: y, w: u(4), clr: th.Accent})
	}
	tx := pad
	if v.Waiting {
		tx += u(12)
	}
	for i, p := range v.Body {
		if i > 0 {
			ty += body * 0.45
		}
		ty = b.para(p, tx, ty, textW-(tx-pad), body, th.Text, v.Waiting && i == 0)
	}
	if v.Waiting {
		b.ops[indexOfBar(b.ops)].h = ty - y
	}
	if v.PickNeuron && !strings.Contains(strings.Join(v.Body, " "), "Click") {
		ty += body * 0.45
		ty = b.para("Tip: click any hidden neuron (the circles in the middle) to look at that one.", tx, ty, textW, small, th.Accent, false)
	}

	mx, my, mw := pad, ty+u(10), inner
	if twoCol {
		mx, my, mw = pad+textW+u(20), mathTop, inner-textW-u(20)
	}
	if hasMaths {
		// Beside the text the maths keeps a larger size when the text had
		// to shrink: it is what the step is about, and has the room.
		ms := S
		if twoCol {
			ms = l.S * min(1, f*1.15)
		}
		my = mathBlock(b, v, mx, my, mw, ms)
	} else {
		my = ty
	}
	y = my + u(12)
	if twoCol {
		y = ty + u(12)
	}

	// Buttons, and the keys that do the same.
	y = c.buttonRow(b, v, l, pad, y, textW, S)
	y = b.para("Keys: → or PageDown next · ← or PageUp back · K skip · T or Esc hides (T again resumes)",
		pad, y+u(6), textW, small*0.95, th.Muted, false)
	if twoCol {
		y = max(y, my)
	}
	h := y + pad*0.8

	x := r.X + (r.W-w)/2
	c.rect = render.Rect{X: x, Y: r.Y, W: w, H: h}
	for i := range c.buttons {
		if !c.buttons[i].Empty() {
			c.buttons[i].X += x
			c.buttons[i].Y += r.Y
		}
	}
	c.ops = b.ops
	return c
}

func indexOfBar(ops []drawOp) int {
	for i, op := range ops {
		if op.kind == opBar {
			return i
		}
	}
	return 0
}

// buttonRow places Back, Next, Skip and Hide in rows of width w; it
// returns the y below them.
func (c *tourCard) buttonRow(b *cardBuilder, v tour.View, l *Layout, x, y, w, S float64) float64 {
	h := tourBtnH * S
	next := v.NextText
	if next == "" {
		next = "Next"
	}
	c.labels[btnBack], c.enabled[btnBack] = "← Back", v.CanBack
	c.labels[btnNext], c.enabled[btnNext] = next+" →", v.CanNext
	c.labels[btnSkip], c.enabled[btnSkip] = "Skip tour (K)", true
	c.labels[btnHide], c.enabled[btnHide] = "Hide (T)", true
	gapX := 8 * S
	cx := x
	for _, i := range []int{btnBack, btnNext, btnSkip, btnHide} {
		tw, _ := render.MeasureBold(c.labels[i], render.BodySize*S)
		bw := tw + 28*S
		if i == btnNext {
			bw = max(bw, 120*S)
		}
		if cx > x && cx+bw > x+w {
			cx, y = x, y+h+gapX
		}
		c.buttons[i] = render.Rect{X: cx, Y: y, W: bw, H: h}
		cx += bw + gapX
	}
	return y + h
}

// clip cuts a card taller than maxH: the buttons and key line move up and
// the text they would cover is dropped.
func (c *tourCard) clip(maxH float64) {
	over := c.rect.H - maxH
	if over <= 0 {
		return
	}
	top := c.rect.H
	for _, r := range c.buttons {
		top = min(top, r.Y-c.rect.Y) // content above the buttons is text
	}
	cut := top - over
	var keep []drawOp
	for _, op := range c.ops {
		switch {
		case op.y >= top:
			op.y -= over
		case op.y+max(op.h, op.size*1.3) > cut:
			continue
		}
		keep = append(keep, op)
	}
	c.ops = keep
	for i := range c.buttons {
		c.buttons[i].Y -= over
	}
	c.rect.H = maxH
}

// draw replays the card; hover is the button under the mouse (−1: none).
func (c *tourCard) draw(dst *ebiten.Image, l *Layout, hover, pressed int) {
	render.DrawCardIn(dst, c.rect, "", nil, l.S)
	ox, oy := c.rect.X, c.rect.Y
	for _, op := range c.ops {
		x, y := ox+op.x, oy+op.y
		switch op.kind {
		case opText:
			render.Text(dst, op.s, x, y, op.size, op.clr, render.AlignLeft)
		case opBold:
			render.BoldText(dst, op.s, x, y, op.size, op.clr, render.AlignLeft)
		case opMono:
			drawMono(dst, op.s, x, y, op.size, op.clr)
		case opMonoRight:
			drawMonoRight(dst, op.s, x, y, op.size, op.clr)
		case opFill, opBar:
			fillRect(dst, render.Rect{X: x, Y: y, W: op.w, H: op.h}, op.clr)
		}
	}
	for i, r := range c.buttons {
		if r.Empty() {
			continue
		}
		st := render.ButtonState{Hover: i == hover, Pressed: i == pressed, Disabled: !c.enabled[i], Active: i == btnNext && c.enabled[i]}
		render.DrawButton(dst, r, c.labels[i], st, l.S*c.fit)
	}
}

// buttonAt returns the enabled button under (x, y).
func (c *tourCard) buttonAt(x, y float64) (int, bool) {
	for i, r := range c.buttons {
		if c.enabled[i] && r.Contains(x, y) {
			return i, true
		}
	}
	return 0, false
}
