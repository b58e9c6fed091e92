package app

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/render"
	"digittrainer/tour"
)

// cards is the modal card on top of everything: a help card from
// assets/help (a panel's, the key list, the glossary), or a question
// waiting for Y. Escape or a click outside closes it; on a help card Tab
// and Shift+Tab page through every card, so each is reachable from the
// keyboard, and the buttons at its foot open related cards.
type cards struct {
	open    bool
	id      string // help card id, or "confirm"
	title   string
	lines   []string // the question, for "confirm"
	pending Command  // what Y does, for a question

	router *tour.Router
	err    error
	lay    helpCard
	key    string // what lay was laid out for
	hover  int
}

// helpOrder is the order Tab pages through the cards: the panels in the
// order a student meets them, then the cards opened by a key or a link.
var helpOrder = append(append([]string(nil), tour.DefaultFocus...), "tour", "checkpoint", "glossary", "keys")

// helpIcons are the parts of panels with a card of their own and a "?"
// icon drawn here (render.DrawPanel draws the panels' own).
var helpIcons = []string{"inspector", "speed"}

func (c *cards) ensure() bool {
	if c.router == nil && c.err == nil {
		var all map[string]*tour.Card
		if all, c.err = tour.DefaultCards(); c.err == nil {
			c.router, c.err = tour.NewRouter(all, helpOrder)
		}
	}
	return c.router != nil
}

// openCard opens help card id and gives it the focus, so Tab pages on
// from it. An unknown id changes nothing.
func (c *cards) openCard(g *Game, id string) {
	if !c.ensure() {
		g.s.Fail("Help is not available: %v", c.err)
		return
	}
	if c.router.SetFocus(id); !c.router.Open(id) {
		return
	}
	c.sync()
}

// sync copies the router's open card into the fields the status and the
// drawing read.
func (c *cards) sync() {
	card := c.router.Card()
	c.open, c.id, c.title, c.lines, c.pending = card != nil, c.router.OpenID(), "", nil, Command{}
	if card != nil {
		c.title = card.Title
	}
}

func (c *cards) openHelp(g *Game, p Panel) {
	if p < 0 || p >= numPanels {
		p = PanelDraw
	}
	c.openCard(g, panelHelp[p])
}

// toggle opens card id, or closes it if it is the one open (? and G).
func (c *cards) toggle(g *Game, id string) {
	if c.open && c.id == id {
		c.close()
		return
	}
	c.openCard(g, id)
}

// ask shows a question; Y (or its button) runs cmd, Escape cancels.
func (c *cards) ask(title, text string, cmd Command) {
	if c.router != nil {
		c.router.Close()
	}
	c.open, c.id, c.title = true, "confirm", title
	c.lines = []string{text}
	c.pending = cmd
}

// close closes the card, reporting whether one was open.
func (c *cards) close() bool {
	was := c.open
	c.open, c.id, c.pending = false, "", Command{}
	if c.router != nil {
		c.router.Close()
	}
	return was
}

// confirm runs the pending question's command.
func (c *cards) confirm(g *Game) {
	if !c.open || c.id != "confirm" {
		return
	}
	cmd := c.pending
	c.close()
	g.do(cmd)
}

// page shows the next (d = 1) or previous card in helpOrder.
func (c *cards) page(d int) {
	if c.router == nil || c.id == "confirm" {
		return
	}
	if d > 0 {
		c.router.FocusNext()
	} else {
		c.router.FocusPrev()
	}
	c.sync()
}

// update handles input while a card is open and reports whether it did
// (the rest of the screen then ignores this tick's input).
func (c *cards) update(g *Game, in *Input) bool {
	c.layout(g)
	c.hover = -1
	if !c.open {
		return false
	}
	if x, y, ok := in.Hover(); ok {
		if i, ok := c.lay.buttonAt(x, y); ok {
			c.hover = i
		}
	}
	confirm := c.id == "confirm"
	for _, k := range in.Keys {
		switch {
		case k == ebiten.KeyEscape:
			c.close()
		case k == ebiten.KeyY && confirm:
			c.confirm(g)
		case confirm:
		case k == ebiten.KeyTab:
			c.page(map[bool]int{true: -1, false: 1}[in.Shift])
		case k == ebiten.KeyG:
			c.toggle(g, "glossary")
		case k == ebiten.KeyF1 || k == ebiten.KeyEnter:
			c.close()
		}
	}
	if in.Typed('?') && !confirm {
		c.toggle(g, "keys")
	}
	if p, ok := in.Tapped(); ok {
		switch i, onButton := c.lay.buttonAt(p.X, p.Y); {
		case onButton:
			c.pressLink(g, c.lay.links[i])
		case confirm && c.lay.rect.Contains(p.X, p.Y):
			// a question is answered by its buttons or keys only
		default:
			c.close()
		}
	}
	c.layout(g)
	return true
}

// pressLink does what a card button says: "close", "yes", or a card id.
func (c *cards) pressLink(g *Game, link string) {
	switch link {
	case "close":
		c.close()
	case "yes":
		c.confirm(g)
	default:
		c.openCard(g, link)
	}
}

// layout lays out the open card when it or the screen changed.
func (c *cards) layout(g *Game) {
	if !c.open {
		c.lay, c.key = helpCard{}, ""
		return
	}
	key := c.id + "\x00" + c.title + "\x00" + fmtSize(g.lay)
	if key == c.key {
		return
	}
	c.key = key
	if c.id == "confirm" {
		c.lay = layoutQuestion(c.title, c.lines, g.lay)
		return
	}
	c.lay = layoutHelp(c.router.Card(), g.lay)
}

func (c *cards) draw(dst *ebiten.Image, g *Game) {
	if !c.open || c.lay.rect.Empty() {
		return
	}
	render.DrawScrim(dst, render.Rect{W: g.lay.W, H: g.lay.H})
	c.lay.draw(dst, g.lay, c.hover)
}

// iconRect returns where the "?" of help card id is drawn, for the parts
// in helpIcons.
func iconRect(l *Layout, id string) render.Rect {
	switch id {
	case "inspector":
		s := l.u(22)
		r := l.Inspect
		return render.Rect{X: r.X + r.W - s, Y: r.Y + l.u(2), W: s, H: s}
	case "speed":
		r := l.Speed
		s := min(r.H+l.u(2), l.u(20))
		return render.Rect{X: r.X + r.W - s, Y: r.Y + (r.H-s)/2, W: s, H: s}
	}
	return render.Rect{}
}

// drawIcons draws the "?" icons of helpIcons.
func (c *cards) drawIcons(dst *ebiten.Image, g *Game) {
	for _, id := range helpIcons {
		drawHelpIcon(dst, iconRect(g.lay, id), g.lay.S)
	}
}

// overlayInput lets what is drawn over the panels take the pointer first:
// the tour card and network clicks during the tour, then the extra "?"
// icons. Game.tick calls it when no modal card is open.
func (g *Game) overlayInput(in *Input) {
	g.tour.capture(g, in)
	p, ok := in.Tapped()
	if !ok {
		return
	}
	for _, id := range helpIcons {
		if iconRect(g.lay, id).Contains(p.X, p.Y) {
			g.cards.openCard(g, id)
			in.Pointers = in.Pointers[:0]
			return
		}
	}
}
