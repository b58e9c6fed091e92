package app

import (
	"io/fs"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/assets"
	"digittrainer/render"
	"digittrainer/tour"
)

// cards is the modal card on top of everything: a panel's help, the key
// list, or a question waiting for Y. Escape or a click closes it.
type cards struct {
	open    bool
	id      string // help id, "keys" or "confirm"
	title   string
	lines   []string
	pending Command // what Y does, for a question
}

// HelpCard returns a help card's title and paragraphs from assets/help;
// the tour package owns the file format. A missing card falls back to the
// panel's name, so a new panel never shows an empty card.
var HelpCard = func(id, fallback string) (title string, lines []string) {
	b, err := fs.ReadFile(assets.Help(), id+".txt")
	if err == nil {
		if c, err := tour.ParseCard(id, string(b)); err == nil {
			return c.Title, strings.Split(c.Text(), "\n")
		}
	}
	return fallback, []string{"Help for this panel is on its way.", "", "Press ? for the list of keys. Escape closes this card."}
}

func (c *cards) openHelp(p Panel) {
	if p < 0 || p >= numPanels {
		p = PanelDraw
	}
	c.open, c.id = true, panelHelp[p]
	c.title, c.lines = HelpCard(c.id, panelTitles[p])
	c.lines = append(c.lines, "", "Escape or a click closes this card.")
}

func (c *cards) openKeys() {
	c.open, c.id, c.title = true, "keys", "Keys"
	c.lines = append(KeyList(), "", "Escape or a click closes this card.")
}

// ask shows a question; Y (or a click on the card) runs cmd, Escape cancels.
func (c *cards) ask(title, text string, cmd Command) {
	c.open, c.id, c.title = true, "confirm", title
	c.lines = []string{text, "", "Press Y (or click this card) to confirm, Escape to cancel."}
	c.pending = cmd
}

// close closes the card, reporting whether one was open.
func (c *cards) close() bool {
	was := c.open
	c.open, c.pending = false, Command{}
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

// update handles input while a card is open and reports whether it did
// (the rest of the screen then ignores this tick's input).
func (c *cards) update(g *Game, in *Input) bool {
	if !c.open {
		return false
	}
	for _, k := range in.Keys {
		switch k {
		case ebiten.KeyEscape:
			c.close()
		case ebiten.KeyY:
			c.confirm(g)
		case ebiten.KeyF1, ebiten.KeyEnter:
			if c.id != "confirm" {
				c.close()
			}
		}
	}
	if in.Typed('?') && c.id == "keys" {
		c.close()
	}
	if p, ok := in.Tapped(); ok {
		if c.id == "confirm" && c.rect(g).Contains(p.X, p.Y) {
			c.confirm(g)
		} else {
			c.close()
		}
	}
	return true
}

// rect is where the card is drawn (render centres it on the screen).
func (c *cards) rect(g *Game) render.Rect {
	screen := render.Rect{W: g.lay.W, H: g.lay.H}
	w, h := render.CardSize(screen, c.title, c.lines, g.lay.S)
	return screen.Centered(w, h)
}

func (c *cards) draw(dst *ebiten.Image, g *Game) {
	if !c.open {
		return
	}
	screen := render.Rect{W: g.lay.W, H: g.lay.H}
	render.DrawScrim(dst, screen)
	render.DrawCard(dst, screen, c.title, c.lines, g.lay.S)
}
