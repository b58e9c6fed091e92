package app

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/render"
)

// canvas is the drawing grid and the prediction bars. A stroke paints the
// opposite of the first cell it touches (so dragging over ink erases), the
// right mouse button always erases, and every finger draws its own stroke.
type canvas struct {
	strokes      map[int]bool // pointer ID → the value the stroke paints
	keyboardUsed bool         // show the cursor once the arrows were used
}

func (c *canvas) update(g *Game, in *Input) {
	if c.strokes == nil {
		c.strokes = map[int]bool{}
	}
	s, r := g.s, g.lay.Grid
	live := map[int]bool{}
	for _, p := range in.Pointers {
		live[p.ID] = true
		cx, cy, ok := render.GridCellAt(r, p.X, p.Y)
		if p.Just {
			delete(c.strokes, p.ID)
			if !ok {
				continue
			}
			c.strokes[p.ID] = !p.Erase && !s.Grid.At(cx, cy)
			s.Selected = -1
		}
		on, drawing := c.strokes[p.ID]
		if drawing && ok {
			s.SetPixel(cx, cy, on)
			s.CurX, s.CurY = cx, cy
		}
	}
	for id := range c.strokes {
		if !live[id] {
			delete(c.strokes, id)
		}
	}
}

func (c *canvas) draw(dst *ebiten.Image, g *Game) {
	l, s := g.lay, g.s
	render.DrawGrid(dst, l.Grid, &s.Grid.Pixels, s.CurX, s.CurY, c.keyboardUsed && g.panel.focus < 0, l.S)
	render.DrawBars(dst, l.Bars, s.Probs, s.Data.Classes, l.S)
}
