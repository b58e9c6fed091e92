package render

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// Sizes at scale 1, in device pixels, chosen for a projected classroom
// screen: body text 15 px, titles 17 px, controls at least 36 px tall.
const (
	TitleSize   = 17.0
	BodySize    = 15.0
	SmallSize   = 13.0
	panelPad    = 14.0
	panelRadius = 12.0
	helpIcon    = 26.0
)

// ButtonState is how a control is drawn.
type ButtonState struct {
	Hover, Pressed, Active, Disabled, Focused bool
}

// DrawPanel draws a rounded panel with a soft shadow, its title at the top
// left and the "?" help icon at the top right (see HelpIconRect).
func DrawPanel(dst *ebiten.Image, r Rect, title string, scale float64) {
	if scale <= 0 {
		scale = 1
	}
	t := Current
	rad := panelRadius * scale
	fillRoundRect(dst, Rect{r.X, r.Y + 2*scale, r.W, r.H}, rad, t.Shadow)
	fillRoundRect(dst, r, rad, t.Panel)
	strokeRoundRect(dst, r.Inset(0.5), rad, math.Max(1, scale), t.PanelBorder)
	if title != "" {
		hr := HelpIconRect(r, scale)
		tr := Rect{r.X + panelPad*scale, hr.Y, hr.X - r.X - 2*panelPad*scale, hr.H}
		TextIn(dst, tr, ellipsizeBold(title, TitleSize*scale, tr.W), TitleSize*scale, t.Text, AlignLeft, true)
		drawHelpIcon(dst, hr, scale)
	}
}

// PanelBody returns the part of a panel drawn by DrawPanel below its title
// row, inset by the panel padding: where the panel's content goes.
func PanelBody(r Rect, scale float64) Rect {
	if scale <= 0 {
		scale = 1
	}
	hr := HelpIconRect(r, scale)
	_, body := r.SplitTop(hr.Y + hr.H - r.Y + 6*scale)
	_, body = body.InsetXY(panelPad*scale, 0).SplitBottom(panelPad * scale)
	return body
}

// PanelHeaderSpace returns the free part of a panel's title row, between
// the title DrawPanel writes and the "?" icon, for a legend or a few small
// buttons; it is empty when the title leaves no room.
func PanelHeaderSpace(r Rect, title string, scale float64) Rect {
	if scale <= 0 {
		scale = 1
	}
	hr := HelpIconRect(r, scale)
	tw, _ := MeasureBold(title, TitleSize*scale)
	x := r.X + panelPad*scale + tw + 16*scale
	return Rect{x, hr.Y, math.Max(0, hr.X-10*scale-x), hr.H}
}

// HelpIconRect is the hit area of the "?" icon DrawPanel puts at the top
// right of a panel.
func HelpIconRect(panel Rect, scale float64) Rect {
	if scale <= 0 {
		scale = 1
	}
	s := helpIcon * scale
	p := 10 * scale
	return Rect{panel.X + panel.W - p - s, panel.Y + p, s, s}
}

func drawHelpIcon(dst *ebiten.Image, r Rect, scale float64) {
	t := Current
	cx, cy := r.Center()
	fillCircle(dst, cx, cy, r.W/2, t.Control)
	TextIn(dst, r, "?", SmallSize*scale*1.1, t.Muted, AlignCenter, true)
}

// DrawButton draws a rounded button with a centred label. Active buttons
// (the primary action, or a toggle that is on) use the accent fill; a
// focused button gets a ring outside it for keyboard users.
func DrawButton(dst *ebiten.Image, r Rect, label string, st ButtonState, scale float64) {
	if scale <= 0 {
		scale = 1
	}
	t := Current
	rad := math.Min(8*scale, r.H/2)
	fill, txt := t.Control, t.Text
	switch {
	case st.Disabled:
		txt = t.Muted
	case st.Active:
		fill, txt = t.Accent, t.OnAccent
		if st.Pressed {
			fill = lerpRGBA(fill, t.Text, 0.25)
		} else if st.Hover {
			fill = lerpRGBA(fill, t.Panel, 0.12)
		}
	case st.Pressed:
		fill = lerpRGBA(t.ControlHot, t.Text, 0.1)
	case st.Hover:
		fill = t.ControlHot
	}
	if st.Disabled {
		fill = withAlpha(fill, 0.6)
	}
	if st.Focused {
		g := 3 * scale
		strokeRoundRect(dst, r.Inset(-g), rad+g, 2.5*scale, t.Accent)
	}
	dy := 0.0
	if st.Pressed {
		dy = scale
	}
	fillRoundRect(dst, Rect{r.X, r.Y + dy, r.W, r.H}, rad, fill)
	room := r.W - math.Min(12*scale, r.W*0.25)
	size := fitSize(label, ButtonTextSize(r.H, scale), room, true)
	TextIn(dst, Rect{r.X, r.Y + dy, r.W, r.H}, ellipsizeBold(label, size, room), size, txt, AlignCenter, true)
}

// ButtonTextSize is the label size DrawButton uses for a button h pixels
// tall: body size, smaller only when the button is too short for it.
func ButtonTextSize(h, scale float64) float64 {
	return math.Min(BodySize*scale, h*0.62)
}

// MinFit is how far fitSize may shrink text (a fifth) before it is cut
// with "…": a little smaller still reads, a cut word may not.
const MinFit = 0.8

// FitSize returns size, or a smaller size down to MinFit of it at which s
// (regular weight) fits in width w: a line that must say all of itself.
func FitSize(s string, size, w float64) float64 { return fitSize(s, size, w, false) }

// fitSize returns size, or a smaller size down to MinFit of it at which s
// fits in width w.
func fitSize(s string, size, w float64, bold bool) float64 {
	tw, _ := measure(s, size, bold)
	if tw <= w || tw == 0 {
		return size
	}
	// Faces are cached in quarter pixels (see face) and glyph widths do not
	// scale exactly: step down a quarter pixel at a time until it fits.
	lo := size * MinFit
	s2 := math.Floor(size*math.Max(MinFit, w/tw)*4) / 4
	for s2-0.25 >= lo {
		if fw, _ := measure(s, s2, bold); fw <= w {
			break
		}
		s2 -= 0.25
	}
	return math.Max(s2, lo)
}

// StepperRects returns the "−" and "+" hit areas of a stepper drawn in r.
func StepperRects(r Rect, scale float64) (minus, plus Rect) {
	s := math.Min(r.H, 48*scale) // square buttons: a phone's rows are 48 tall, for a finger
	plus = Rect{r.X + r.W - s, r.Y + (r.H-s)/2, s, s}
	valueW := math.Min(r.W*0.3, 72*scale)
	minus = Rect{plus.X - valueW - s, plus.Y, s, s}
	return minus, plus
}

// DrawStepper draws "label   − value +": a setting with its current value
// and buttons to lower and raise it (StepperRects gives their hit areas).
// A note ("now 0.095") goes small under the value; "" for none. st applies
// to the whole control.
func DrawStepper(dst *ebiten.Image, r Rect, label, value, note string, st ButtonState, scale float64) {
	if scale <= 0 {
		scale = 1
	}
	t := Current
	minus, plus := StepperRects(r, scale)
	size := BodySize * scale
	txt := t.Text
	if st.Disabled {
		txt = t.Muted
	}
	lr := Rect{r.X, r.Y, minus.X - r.X - 6*scale, r.H}
	ls := fitSize(label, size, lr.W, false)
	TextIn(dst, lr, Ellipsize(label, ls, lr.W), ls, txt, AlignLeft, false)
	bs := ButtonState{Disabled: st.Disabled, Pressed: st.Pressed}
	DrawButton(dst, minus, "−", bs, scale)
	DrawButton(dst, plus, "+", bs, scale)
	vr := Rect{minus.X + minus.W, r.Y, plus.X - minus.X - minus.W, r.H}
	if note != "" {
		var nr Rect
		ns := math.Min(SmallSize*scale*0.9, r.H*0.36)
		vr, nr = vr.SplitTop(r.H - LineHeight(ns))
		size = math.Min(size, vr.H*0.8)
		ns = fitSize(note, ns, nr.W+4*scale, false) // "actuel 0,0951" is longer than "now 0.0951"
		TextIn(dst, nr, Ellipsize(note, ns, nr.W+4*scale), ns, t.Muted, AlignCenter, false)
	}
	vs := fitSize(value, size, vr.W, true)
	TextIn(dst, vr, value, vs, txt, AlignCenter, true)
	if st.Focused {
		g := 3 * scale
		strokeRoundRect(dst, Rect{minus.X, minus.Y, plus.X + plus.W - minus.X, plus.H}.Inset(-g), 8*scale+g, 2.5*scale, t.Accent)
	}
}

// DrawProgress draws a progress bar filled to frac (0..1) with a centred
// label, for "Train N epochs". The label is drawn twice, in the text colour
// and, clipped to the filled part, in the on-accent colour, so every letter
// keeps its contrast wherever the fill ends.
func DrawProgress(dst *ebiten.Image, r Rect, frac float64, label string, scale float64) {
	if scale <= 0 {
		scale = 1
	}
	t := Current
	rad := math.Min(r.H/2, 8*scale)
	// An outlined track, so an empty bar does not look like a button.
	fillRoundRect(dst, r, rad, t.Panel)
	strokeRoundRect(dst, r.Inset(0.5), rad, math.Max(1, scale), t.PanelBorder)
	w := BarLength(frac, r.W)
	if w >= 1 {
		fillRoundRect(dst, Rect{r.X, r.Y, w, r.H}, math.Min(rad, w/2), t.Accent)
	}
	if label == "" {
		return
	}
	size := fitSize(label, progressSize(r, scale), r.W-8*scale, true)
	label = ellipsizeBold(label, size, r.W-8*scale)
	if w < 1 {
		TextIn(dst, r, label, size, t.Text, AlignCenter, true)
		return
	}
	x0, y0, y1 := int(math.Floor(r.X)), int(math.Floor(r.Y)), int(math.Ceil(r.Y+r.H))
	split, x1 := int(math.Round(r.X+w)), int(math.Ceil(r.X+r.W))
	for _, part := range []struct {
		clip image.Rectangle
		c    color.RGBA
	}{{image.Rect(x0, y0, split, y1), t.OnAccent}, {image.Rect(split, y0, x1, y1), t.Text}} {
		if part.clip.Empty() {
			continue
		}
		if sub, ok := dst.SubImage(part.clip).(*ebiten.Image); ok {
			TextIn(sub, r, label, size, part.c, AlignCenter, true)
		}
	}
}

// progressSize is the label size DrawProgress starts from.
func progressSize(r Rect, scale float64) float64 { return math.Min(BodySize*scale, r.H*0.62) }

// ProgressFits reports whether DrawProgress writes label in r whole
// (shrunk at most to MinFit), so a caller can offer a shorter one.
func ProgressFits(r Rect, label string, scale float64) bool {
	if scale <= 0 {
		scale = 1
	}
	w, _ := measure(label, progressSize(r, scale)*MinFit, true)
	return w <= r.W-8*scale
}

// DrawMessage draws a toast or banner: a rounded box with a coloured
// stripe and an "i" or "!" badge, the text wrapped to fit.
func DrawMessage(dst *ebiten.Image, r Rect, text string, isError bool, scale float64) {
	if scale <= 0 {
		scale = 1
	}
	t := Current
	accent, badge := t.Accent, "i"
	if isError {
		accent, badge = t.Error, "!"
	}
	rad := 10 * scale
	fillRoundRect(dst, Rect{r.X, r.Y + 2*scale, r.W, r.H}, rad, t.Shadow)
	fillRoundRect(dst, r, rad, t.Panel)
	strokeRoundRect(dst, r.Inset(0.5), rad, math.Max(1.5, 1.5*scale), accent)
	d := math.Min(24*scale, r.H-6*scale)
	cx, cy := r.X+12*scale+d/2, r.Y+r.H/2
	fillCircle(dst, cx, cy, d/2, accent)
	TextIn(dst, Rect{cx - d/2, cy - d/2, d, d}, badge, SmallSize*scale*1.1, t.OnAccent, AlignCenter, true)
	size := BodySize * scale
	tx := cx + d/2 + 10*scale
	w := r.X + r.W - tx - 12*scale
	lines := WrapText(text, size, w)
	lh := LineHeight(size)
	if lh*float64(len(lines)) > r.H {
		// A one-line strip (the title row of a panel): two lines of small
		// text where they fit, as a longer language needs, else cut.
		size = SmallSize * scale
		lh = LineHeight(size) * 0.92
		if lines = WrapText(text, size, w); lh*float64(len(lines)) > r.H || len(lines) > 2 {
			size, lh = BodySize*scale, LineHeight(BodySize*scale)
			lines = []string{Ellipsize(text, size, w)}
		}
	}
	y := r.Y + (r.H-lh*float64(len(lines)))/2
	c := t.Text
	if isError {
		c = t.Error
	}
	for _, l := range lines {
		Text(dst, l, tx, y, size, c, AlignLeft)
		y += lh
	}
}

// DrawScrim veils r (usually the whole screen) behind a modal card.
func DrawScrim(dst *ebiten.Image, r Rect) { fillRect(dst, r, Current.Scrim) }

// DrawHelpIcon draws the "?" icon DrawPanel puts on panels, for the parts
// of a panel that have a help card of their own.
func DrawHelpIcon(dst *ebiten.Image, r Rect, scale float64) { drawHelpIcon(dst, r, scale) }

// Wash fades r into the background, for the parts of the screen a tour
// step is not about.
func Wash(dst *ebiten.Image, r Rect) { fillRect(dst, r, withAlpha(Current.Background, 0.72)) }

// DrawOutline rings r in the accent colour, to point at what the user is
// asked to use (the grid, the label buttons).
func DrawOutline(dst *ebiten.Image, r Rect, scale float64) {
	r = r.Inset(-4 * scale)
	strokeRoundRect(dst, r, 6*scale, 3*scale, Current.Accent)
}
