package app

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/data"
	"digittrainer/nn"
	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/session"
)

// canvas is the drawing grid and the prediction bars. A stroke inks with
// the pen and erases with the eraser (session.Eraser); the right mouse
// button and a second finger on the screen always erase, and every finger
// draws its own stroke.
type canvas struct {
	strokes      map[int]bool // pointer ID → the value the stroke paints
	keyboardUsed bool         // show the cursor once the arrows were used
}

// update turns the pointers on the grid into paint commands.
func (c *canvas) update(in *Input, l *screen.Layout, eraser bool, cmds []Command) []Command {
	if c.strokes == nil {
		c.strokes = map[int]bool{}
	}
	live := map[int]bool{}
	fingers := 0
	for _, p := range in.Pointers {
		if p.ID >= 0 {
			fingers++
		}
	}
	for _, p := range in.Pointers {
		live[p.ID] = true
		cx, cy, ok := render.GridCellAt(l.Grid, p.X, p.Y)
		if p.Just {
			delete(c.strokes, p.ID)
			if !ok {
				continue
			}
			c.strokes[p.ID] = !p.Erase && !eraser
		}
		if _, drawing := c.strokes[p.ID]; drawing && fingers >= 2 && p.ID >= 0 {
			c.strokes[p.ID] = false // two fingers: both erase
		}
		if on, drawing := c.strokes[p.ID]; drawing && ok {
			cmds = append(cmds, Command{Act: ActPaint, Arg: cy*data.Side + cx, On: on})
		}
	}
	for id := range c.strokes {
		if !live[id] {
			delete(c.strokes, id)
		}
	}
	return cmds
}

// draw draws the grid and the prediction: the session's, or while the tour
// shows its iteration, the tour's (its input and the prediction of the
// network the picture shows), so no panel contradicts the tour.
func (c *canvas) draw(dst *ebiten.Image, l *screen.Layout, s *session.Session, gridFocused bool, tourState *nn.State) {
	cur := s.Cursor()
	px, probs := &s.Grid().Pixels, s.Probs()
	if tourState != nil {
		var tp [data.Pixels]uint8
		for i, x := range tourState.X {
			if x != 0 {
				tp[i] = 1
			}
		}
		px, probs = &tp, tourState.P
	}
	if l.Visible(screen.PanelPredict) {
		render.DrawBars(dst, l.Bars, probs, s.Data().Classes, l.S)
	}
	if !l.Visible(screen.PanelDraw) {
		return
	}
	render.DrawGrid(dst, l.Grid, px, cur.X, cur.Y, c.keyboardUsed && gridFocused && tourState == nil, l.S)
	if forms := s.WatchText(); len(forms) > 0 {
		// The longest form that fits whole; else the shortest, shrunk
		// (down to render.MinFit) before anything of it is cut: the
		// losses are what it is for.
		text, size := forms[len(forms)-1], l.U(render.SmallSize)
		for _, f := range forms {
			if fs := render.FitSize(f, size, l.GridHead.W); fs == size || f == text {
				text, size = f, fs
				break
			}
		}
		render.TextIn(dst, l.GridHead, render.Ellipsize(text, size, l.GridHead.W), size, render.Current.Accent, render.AlignLeft, false)
	}
}
