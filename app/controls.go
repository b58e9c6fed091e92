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

// label returns a control's text for the current state, in a shorter
// form when the long one would not fit the button (narrow windows).
func label(g *Game, ctl Control) string {
	long, short := labels(g, ctl)
	test := long
	if ctl.Name == "stepEpoch" {
		test = "Step 1 sample" // the pair of step buttons reads alike
	}
	if short == "" || fitsButton(test, ctl.Rect, g.lay.S) {
		return long
	}
	return short
}

// labels returns the long and (if there is one) short text of a control.
func labels(g *Game, ctl Control) (long, short string) {
	s := g.s
	switch ctl.Name {
	case "trainN":
		return fmt.Sprintf("Train %d epochs", s.Settings.EpochsN), fmt.Sprintf("%d epochs", s.Settings.EpochsN)
	case "mode":
		if s.Classes() == 2 {
			return "Use 10 classes", "10 classes"
		}
		return "Use 2 classes", "2 classes"
	case "tour":
		if g.tour.active() {
			return "Leave tour (T)", "Leave tour"
		}
		if g.tour.resumable() {
			return "Resume tour (T)", "Resume tour"
		}
	case "stepSample":
		return ctl.Label, "1 sample"
	case "stepEpoch":
		return ctl.Label, "1 epoch"
	case "reset":
		return ctl.Label, "Reset"
	}
	return ctl.Label, ""
}

// fitsButton reports whether DrawButton shows s in r at its full size
// (neither shrunk nor cut), so a row of buttons keeps one text size.
func fitsButton(s string, r render.Rect, scale float64) bool {
	w, _ := render.MeasureBold(s, render.ButtonTextSize(r.H, scale))
	return w <= r.W-min(12*scale, r.W*0.25)
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
	l := g.lay
	frac, text := g.progressLabel()
	render.DrawProgress(dst, l.Progress, frac, text, l.S)
	size := l.u(fontSmall)
	r := l.Speed
	r.W -= l.u(helpIconRoom) // the speed line's "?" (cards.go)
	long, short := g.speedLine()
	if w, _ := render.MeasureText(long, size); w > r.W {
		long = short
	}
	render.TextIn(dst, r, render.Ellipsize(long, size, r.W), size, render.Current.Muted, render.AlignLeft, false)
}

// progressLabel is the bar's fill and text: how far Train N epochs has
// got, or the epochs done and how far the next one is.
func (g *Game) progressLabel() (float64, string) {
	s := g.s
	done, frac := s.Trainer.Epoch, s.Trainer.Progress()
	switch {
	case s.Goal > 0:
		frac = s.Progress()
		return frac, fmt.Sprintf("Training %d epochs: %d%%", s.goalN, int(100*frac))
	case done == 0 && frac == 0:
		return 0, "Not trained yet"
	case frac == 0:
		return 0, fmt.Sprintf("%d %s done", done, plural(done, "epoch", "epochs"))
	}
	return frac, fmt.Sprintf("%d %s done · next %d%%", done, plural(done, "epoch", "epochs"), int(100*frac))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// speedLine is "12,300 samples/s · 3.1 µs each · 60 FPS" while training;
// a dash stands for what is not measured yet (a 0 would read as "this
// computer cannot train"), and when paused the time per sample stays.
// The short form leaves out the time per sample, for narrow windows.
func (g *Game) speedLine() (long, short string) {
	fps := "— FPS"
	if g.fps > 0 {
		fps = fmt.Sprintf("%.0f FPS", g.fps)
	}
	us := float64(g.sched.PerStep.Nanoseconds()) / 1000
	rate, each := "—", "—"
	if g.sched.Rate > 0 {
		rate = thousands(int(g.sched.Rate))
	}
	if us > 0 {
		each = fmt.Sprintf("%.1f", us)
	}
	return fmt.Sprintf("%s samples/s · %s µs each · %s", rate, each, fps), fmt.Sprintf("%s samples/s · %s", rate, fps)
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
