package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// cardMaxWidth keeps help text at a readable measure (about 60–70
// characters a line at body size).
const cardMaxWidth = 560.0

// CardSize returns the size DrawCard gives a card on screen: at most
// cardMaxWidth wide (never wider than the screen less a margin) and as
// tall as its wrapped text.
func CardSize(screen Rect, title string, lines []string, scale float64) (w, h float64) {
	if scale <= 0 {
		scale = 1
	}
	w = math.Min(cardMaxWidth*scale, screen.W-32*scale)
	h = cardHeight(w, title, lines, scale)
	return w, math.Min(h, screen.H-32*scale)
}

func cardHeight(w float64, title string, lines []string, scale float64) float64 {
	pad := 20 * scale
	inner := w - 2*pad
	h := 2 * pad
	if title != "" {
		h += LineHeight(TitleSize*scale*1.15) + 8*scale
	}
	for _, l := range lines {
		h += LineHeight(BodySize*scale) * float64(len(WrapText(l, BodySize*scale, inner)))
	}
	return h
}

// DrawCard draws a help or tour card centred on screen, sized to its text
// (see CardSize), and returns where it went so the caller can hit-test it
// and place buttons inside. Each line is a paragraph, wrapped to fit; an
// empty line is a gap. Lines that do not fit the screen are cut off.
func DrawCard(dst *ebiten.Image, screen Rect, title string, lines []string, scale float64) Rect {
	w, h := CardSize(screen, title, lines, scale)
	r := screen.Centered(w, h)
	DrawCardIn(dst, r, title, lines, scale)
	return r
}

// DrawCardIn draws a card in r, for callers that place it themselves (the
// tour puts its card beside the highlighted part).
func DrawCardIn(dst *ebiten.Image, r Rect, title string, lines []string, scale float64) {
	if scale <= 0 {
		scale = 1
	}
	t := Current
	rad := 14 * scale
	fillRoundRect(dst, Rect{r.X, r.Y + 4*scale, r.W, r.H}, rad, t.Shadow)
	fillRoundRect(dst, r, rad, t.Panel)
	strokeRoundRect(dst, r.Inset(0.5), rad, math.Max(1, scale), t.PanelBorder)
	pad := 20 * scale
	in := r.Inset(pad)
	y := in.Y
	if title != "" {
		ts := TitleSize * scale * 1.15
		BoldText(dst, ellipsizeBold(title, ts, in.W), in.X, y, ts, t.Text, AlignLeft)
		y += LineHeight(ts) + 8*scale
	}
	size := BodySize * scale
	lh := LineHeight(size)
	for _, l := range lines {
		for _, wl := range WrapText(l, size, in.W) {
			if y+lh > in.Y+in.H+1 {
				return
			}
			Text(dst, wl, in.X, y, size, t.Text, AlignLeft)
			y += lh
		}
	}
}
