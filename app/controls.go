package app

import (
	"fmt"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/render"
)

// controls is the part that owns every button and stepper: it turns clicks
// and taps into commands, keeps the keyboard focus, and draws them with the
// progress bar and speed line of the training panel.
type controls struct {
	focus   int // index into the layout's controls, −1 for the grid
	hover   int // control under the mouse, −1 for none
	pressed int // control pressed this tick, −1 for none
}

// update handles presses on controls and "?" icons.
func (c *controls) update(g *Game, in *Input) {
	l := g.lay
	c.hover, c.pressed = -1, -1
	if x, y, ok := in.Hover(); ok {
		if i, ok := l.ControlAt(x, y); ok {
			c.hover = i
		}
	}
	p, ok := in.Tapped()
	if !ok {
		return
	}
	for pn := Panel(0); pn < numPanels; pn++ {
		if render.HelpIconRect(l.Panels[pn], l.S).Contains(p.X, p.Y) {
			g.do(Command{Act: ActHelp, Arg: int(pn)})
			return
		}
	}
	i, ok := l.ControlAt(p.X, p.Y)
	if !ok {
		return
	}
	c.pressed = i
	ctl := l.Controls[i]
	if !ctl.Stepper {
		g.do(ctl.Cmd)
		return
	}
	minus, plus := render.StepperRects(ctl.Rect, l.S)
	switch {
	case minus.Contains(p.X, p.Y):
		g.do(Command{Act: ActSettingDown, Arg: int(ctl.Setting)})
	case plus.Contains(p.X, p.Y):
		g.do(Command{Act: ActSettingUp, Arg: int(ctl.Setting)})
	}
}

// focused returns the control with the keyboard focus.
func (c *controls) focused(g *Game) (Control, bool) {
	if c.focus < 0 || c.focus >= len(g.lay.Controls) {
		return Control{}, false
	}
	return g.lay.Controls[c.focus], true
}

// moveFocus moves the focus d controls on; past either end it returns to the grid.
func (c *controls) moveFocus(g *Game, d int) {
	n := len(g.lay.Controls)
	f := c.focus + d
	switch {
	case c.focus < 0 && d < 0:
		f = n - 1
	case f < 0 || f >= n:
		f = -1
	}
	c.focus = f
}

// focusPanel is the panel F1 explains: the focused control's, else the grid's.
func (c *controls) focusPanel(g *Game) Panel {
	if ctl, ok := c.focused(g); ok && ctl.Panel >= 0 {
		return ctl.Panel
	}
	return PanelDraw
}

// label returns a control's text for the current state.
func label(g *Game, ctl Control) string {
	s := g.s
	switch ctl.Name {
	case "trainN":
		return fmt.Sprintf("Train %d epochs", s.Settings.EpochsN)
	case "mode":
		if s.Classes() == 2 {
			return "Use 10 classes"
		}
		return "Use 2 classes"
	case "tour":
		if g.tour.active() {
			return "Leave tour (T)"
		}
	}
	return ctl.Label
}

// state returns a control's look.
func (c *controls) state(g *Game, i int, ctl Control) render.ButtonState {
	s := g.s
	st := render.ButtonState{Hover: i == c.hover, Pressed: i == c.pressed, Focused: i == c.focus}
	switch ctl.Cmd.Act {
	case ActLabel:
		st.Active = ctl.Cmd.Arg == s.Grid.Label
	case ActPlay:
		st.Active = s.Running && s.Goal == 0
	case ActPause:
		st.Disabled = !s.Running
	case ActTrainN:
		st.Active = s.Goal > 0
	case ActAdd:
		st.Disabled = s.Ink() == 0
	case ActRelabel, ActDeleteSample:
		st.Disabled = s.Selected < 0
	}
	if ctl.Name == "train" || ctl.Name == "stepSample" || ctl.Name == "stepEpoch" {
		st.Disabled = st.Disabled || s.TrainSize() == 0
	}
	return st
}

func (c *controls) draw(dst *ebiten.Image, g *Game) {
	l, s := g.lay, g.s
	for i, ctl := range l.Controls {
		st := c.state(g, i, ctl)
		if ctl.Stepper {
			render.DrawStepper(dst, ctl.Rect, ctl.Label, s.Value(ctl.Setting), st, l.S)
			continue
		}
		if ctl.Primary && !st.Disabled {
			st.Active = st.Active || ctl.Name == "add" || ctl.Name == "tour"
		}
		render.DrawButton(dst, ctl.Rect, label(g, ctl), st, l.S)
	}
	c.drawProgress(dst, g)
}

// drawProgress draws the Train N epochs bar (or the epoch under way) and
// the speed line.
func (c *controls) drawProgress(dst *ebiten.Image, g *Game) {
	l, s := g.lay, g.s
	frac, text := s.Trainer.Progress(), fmt.Sprintf("Epoch %d", s.Trainer.Epoch)
	if frac > 0 {
		text = fmt.Sprintf("Epoch %d, next one %d%% done", s.Trainer.Epoch, int(100*frac))
	}
	if s.Goal > 0 {
		frac = s.Progress()
		text = fmt.Sprintf("Training %d epochs: %d%%", s.goalN, int(100*frac))
	}
	render.DrawProgress(dst, l.Progress, frac, text, l.S)
	size := l.u(fontSmall)
	render.TextIn(dst, l.Speed, render.Ellipsize(g.speedLine(), size, l.Speed.W), size, render.Current.Muted, render.AlignLeft, false)
}

// speedLine is "12,300 samples/s · 3.1 µs each · 60 FPS".
func (g *Game) speedLine() string {
	us := float64(g.sched.PerStep.Nanoseconds()) / 1000
	return fmt.Sprintf("%s samples/s · %.1f µs each · %.0f FPS", thousands(int(g.sched.Rate)), us, g.fps)
}

// thousands writes n with thin separators: 123,456.
func thousands(n int) string {
	s := fmt.Sprint(n)
	out := []byte{}
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
