package app

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/render"
	"digittrainer/tour"
)

// helpCard is a laid-out help card or question: centred on the screen,
// its text scaled down until it fits (800×600 included), with a row of
// buttons at its foot.
type helpCard struct {
	rect    render.Rect
	fit     float64
	ops     []drawOp // relative to rect's top-left
	buttons []render.Rect
	labels  []string
	links   []string // per button: a card id, "close" or "yes"
}

// Help card measures in CSS pixels at zoom 1.
const (
	helpMaxW   = 620
	helpMargin = 16
)

// helpFits are the text scales tried until a card fits the screen.
var helpFits = []float64{1, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6, 0.55}

func fmtSize(l *Layout) string { return fmt.Sprintf("%v×%v@%v", l.W, l.H, l.S) }

// cardTitles names the cards on link buttons.
var cardTitles = map[string]string{
	"grid": "Drawing grid", "predict": "Prediction", "dataset": "Dataset", "controls": "Training",
	"network": "Network", "inspector": "Inspector", "plots": "Progress", "speed": "Speed",
	"tour": "Tour", "checkpoint": "Checkpoints", "glossary": "Glossary (G)", "keys": "Keys (?)",
}

// layoutHelp lays out help card c with links to its "See also" cards and
// the glossary.
func layoutHelp(c *tour.Card, l *Layout) helpCard {
	if c == nil {
		return helpCard{}
	}
	links := append([]string(nil), c.SeeAlso...)
	if c.ID != "glossary" && !slices.Contains(links, "glossary") {
		links = append(links, "glossary")
	}
	if c.ID != "keys" && !slices.Contains(links, "keys") {
		links = append(links, "keys")
	}
	var paras []helpPara
	for _, s := range c.Sections {
		if s.Heading != "" {
			paras = append(paras, helpPara{text: s.Heading, heading: true})
		}
		for _, p := range s.Paragraphs {
			paras = append(paras, helpPara{text: p})
		}
	}
	foot := "Tab: next card · Shift+Tab: previous · Escape or a click outside closes"
	return fitCard(c.Title, paras, links, foot, l)
}

// layoutQuestion lays out a question with Yes and Cancel buttons.
func layoutQuestion(title string, lines []string, l *Layout) helpCard {
	var paras []helpPara
	for _, s := range lines {
		paras = append(paras, helpPara{text: s})
	}
	return fitCard(title, paras, []string{"yes", "close"}, "Y confirms, Escape cancels.", l)
}

type helpPara struct {
	text    string
	heading bool
}

// fitCard tries the scales of helpFits until the card fits the screen.
func fitCard(title string, paras []helpPara, links []string, foot string, l *Layout) helpCard {
	screen := render.Rect{W: l.W, H: l.H}.Inset(l.u(helpMargin) * 0.5)
	var c helpCard
	for _, f := range helpFits {
		c = buildHelp(title, paras, links, foot, l, screen, f)
		if c.rect.H <= screen.H {
			break
		}
	}
	return c
}

func buildHelp(title string, paras []helpPara, links []string, foot string, l *Layout, screen render.Rect, f float64) helpCard {
	th := render.Current
	S := l.S * f
	w := min(l.u(helpMaxW), screen.W)
	pad := 20 * S
	inner := w - 2*pad
	b := &cardBuilder{}
	c := helpCard{fit: f}
	y := b.para(title, pad, pad, inner, render.TitleSize*S*1.2, th.Text, true) + 6*S
	body := render.BodySize * S
	for i, p := range paras {
		if p.heading {
			if i > 0 {
				y += body * 0.5
			}
			y = b.para(p.text, pad, y, inner, body, th.Accent, true)
			continue
		}
		x := pad
		text := p.text
		if strings.HasPrefix(text, "• ") {
			b.add(drawOp{kind: opText, s: "•", x: x + 4*S, y: y, size: body, clr: th.Muted})
			x += 18 * S
			text = strings.TrimPrefix(text, "• ")
		}
		y = b.para(text, x, y, inner-(x-pad), body, th.Text, false)
	}
	y += 14 * S

	// Buttons, wrapped into rows.
	h := 30 * S
	gapX := 8 * S
	x := pad
	for _, link := range links {
		label := cardTitles[link]
		switch link {
		case "close":
			label = "Close (Esc)"
		case "yes":
			label = "Yes (Y)"
		}
		tw, _ := render.MeasureBold(label, render.BodySize*S)
		bw := min(tw+24*S, inner)
		if x > pad && x+bw > pad+inner {
			x, y = pad, y+h+gapX
		}
		c.buttons = append(c.buttons, render.Rect{X: x, Y: y, W: bw, H: h})
		c.labels = append(c.labels, label)
		c.links = append(c.links, link)
		x += bw + gapX
	}
	y += h + 8*S
	y = b.para(foot, pad, y, inner, render.SmallSize*S, th.Muted, false)
	c.ops = b.ops
	c.rect = render.Rect{W: w, H: y + pad*0.8}
	c.rect = screen.Centered(c.rect.W, c.rect.H)
	if c.rect.Y < screen.Y {
		c.rect.Y = screen.Y
	}
	for i := range c.buttons {
		c.buttons[i].X += c.rect.X
		c.buttons[i].Y += c.rect.Y
	}
	return c
}

func (c *helpCard) buttonAt(x, y float64) (int, bool) {
	for i, r := range c.buttons {
		if r.Contains(x, y) {
			return i, true
		}
	}
	return 0, false
}

func (c *helpCard) draw(dst *ebiten.Image, l *Layout, hover int) {
	render.DrawCardIn(dst, c.rect, "", nil, l.S)
	for _, op := range c.ops {
		x, y := c.rect.X+op.x, c.rect.Y+op.y
		if y+op.size > c.rect.Y+c.rect.H {
			break // cut: the screen is too small even at the smallest scale
		}
		if op.kind == opBold {
			render.BoldText(dst, op.s, x, y, op.size, op.clr, render.AlignLeft)
		} else {
			render.Text(dst, op.s, x, y, op.size, op.clr, render.AlignLeft)
		}
	}
	for i, r := range c.buttons {
		st := render.ButtonState{Hover: i == hover, Active: c.links[i] == "yes"}
		render.DrawButton(dst, r, c.labels[i], st, l.S*c.fit)
	}
}
