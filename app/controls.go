package app

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/session"
)

// controlActs are what pressing each kind of control does (a stepper's −
// and + are settingCmd).
var controlActs = [screen.NumControlIDs]Action{
	screen.CtlLabel: ActLabel, screen.CtlAdd: ActAdd, screen.CtlClear: ActClearGrid, screen.CtlTrain: ActTogglePlay,
	screen.CtlStepSample: ActStepSample, screen.CtlStepEpoch: ActStepEpoch,
	screen.CtlTrainN: ActTrainN, screen.CtlReset: ActReset, screen.CtlMode: ActMode, screen.CtlMore: ActMoreSettings,
	screen.CtlRelabel: ActRelabel, screen.CtlDelete: ActDeleteSample, screen.CtlClearData: ActClearData,
	screen.CtlTour: ActTour, screen.CtlLoad: ActLoad, screen.CtlSave: ActSave, screen.CtlExport: ActExport,
	screen.CtlKeys: ActKeyList, screen.CtlUndo: ActUndo, screen.CtlFiles: ActFiles, screen.CtlTab: ActTab,
	screen.CtlTool: ActTool, screen.CtlTimeTravel: ActTimeTravel, screen.CtlExperiments: ActExperiments, screen.CtlProjector: ActProjector,
	screen.CtlLang: ActLanguage,
}

// controlCmd is what pressing c does.
func controlCmd(c screen.Control) Command { return Command{Act: controlActs[c.ID], Arg: c.Arg} }

// controls is the part that owns every button and stepper: it turns clicks
// and taps into commands, keeps the keyboard focus, and draws them with the
// progress bar and speed line of the training panel.
type controls struct {
	focus   int // index into the layout's controls, −1 for the grid
	hover   int // control under the mouse, −1 for none
	pressed int // control pressed this tick, −1 for none
}

// update turns this tick's press on a control or a panel's "?" into
// commands.
func (c *controls) update(in *Input, l *screen.Layout, cmds []Command) []Command {
	c.hover, c.pressed = -1, -1
	if x, y, ok := in.Hover(); ok {
		if i, ok := l.ControlAt(x, y); ok {
			c.hover = i
		}
	}
	p, ok := in.Tapped()
	if !ok {
		return cmds
	}
	for pn := screen.Panel(0); pn < screen.NumPanels; pn++ {
		if l.Visible(pn) && l.HelpHit(pn).Contains(p.X, p.Y) {
			return append(cmds, Command{Act: ActHelp, Arg: int(pn)})
		}
	}
	i, ok := l.ControlAt(p.X, p.Y)
	if !ok {
		return cmds
	}
	c.pressed = i
	ctl := l.Controls[i]
	if !ctl.Stepper() {
		return append(cmds, controlCmd(ctl))
	}
	minus, plus := render.StepperRects(ctl.Rect, l.S)
	switch {
	case minus.Contains(p.X, p.Y):
		cmds = append(cmds, settingCmd(ctl.Setting(), -1))
	case plus.Contains(p.X, p.Y):
		cmds = append(cmds, settingCmd(ctl.Setting(), 1))
	}
	return cmds
}

// focused returns the control with the keyboard focus.
func (c *controls) focused(l *screen.Layout) (screen.Control, bool) {
	if c.focus < 0 || c.focus >= len(l.Controls) {
		return screen.Control{}, false
	}
	return l.Controls[c.focus], true
}

// moveFocus moves the focus d controls on; past either end it returns to the grid.
func (c *controls) moveFocus(l *screen.Layout, d int) {
	n := len(l.Controls)
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
func (c *controls) focusPanel(l *screen.Layout) screen.Panel {
	if ctl, ok := c.focused(l); ok && ctl.Panel >= 0 {
		return ctl.Panel
	}
	return screen.PanelDraw
}

// screenState is what the controls show that is not the session's.
type screenState struct {
	tourActive, tourResumable bool
	more                      bool       // the Training panel shows its second group of settings
	tab                       screen.Tab // a phone's tab shown
	fps                       float64
	sched                     *session.Scheduler
}

// label returns a control's text for the current state, in a shorter
// form when the long one would not fit the button (narrow windows).
func label(s *session.Session, st screenState, ctl screen.Control, scale float64) string {
	long, short := labels(s, st, ctl)
	test := long
	if ctl.ID == screen.CtlStepEpoch {
		test = i18n.T(screen.Control{ID: screen.CtlStepSample}.Label()) // the pair of step buttons reads alike
	}
	if short == "" || fitsButton(test, ctl.Rect, scale) {
		return long
	}
	return short
}

// labels returns the long and (if there is one) short text of a control,
// in the language in use.
func labels(s *session.Session, st screenState, ctl screen.Control) (long, short string) {
	switch ctl.ID {
	case screen.CtlTrainN:
		n := s.EpochsN()
		return i18n.Plural(n, "Train %d epoch", "Train %d epochs"), i18n.Sprintf("Train %d", n)
	case screen.CtlMode:
		if s.Mode() == session.Binary {
			return i18n.T("Use 10 classes"), i18n.T("10 classes")
		}
		return i18n.T("Use 2 classes"), i18n.T("2 classes")
	case screen.CtlTrain:
		if s.Running() {
			return i18n.T("Pause"), ""
		}
	case screen.CtlTool:
		if s.Eraser() {
			return i18n.T("Eraser"), ""
		}
		return i18n.T(ctl.Label()), "" // "Pen"
	case screen.CtlMore:
		if st.more {
			return i18n.T("Fewer settings"), i18n.T("Fewer")
		}
	case screen.CtlLang: // the language in use, as screen writes it: its name, or its code
		full, short := ctl, ctl
		full.Short, short.Short = false, true
		return full.Label(), short.Label()
	case screen.CtlTour:
		if st.tourActive {
			return i18n.T("Leave tour (T)"), i18n.T("Leave tour")
		}
		if st.tourResumable {
			return i18n.T("Resume tour (T)"), i18n.T("Resume tour")
		}
	}
	long, short = i18n.T(ctl.Label()), ctl.ShortLabel()
	if short != "" {
		short = i18n.T(short)
	}
	return long, short
}

// stepperLabel is a stepper's name, or its short name where the long one
// would not fit at full size.
func stepperLabel(ctl screen.Control, scale float64) string {
	minus, _ := render.StepperRects(ctl.Rect, scale)
	name := i18n.T(ctl.Label())
	w, _ := render.MeasureText(name, render.BodySize*scale)
	if w <= minus.X-ctl.Rect.X-6*scale {
		return name
	}
	return i18n.T(ctl.Setting().ShortName())
}

// fitsButton reports whether DrawButton shows s in r at its full size
// (neither shrunk nor cut), so a row of buttons keeps one text size.
func fitsButton(s string, r render.Rect, scale float64) bool {
	w, _ := render.MeasureBold(s, render.ButtonTextSize(r.H, scale))
	return w <= r.W-min(12*scale, r.W*0.25)
}

// state returns a control's look.
func (c *controls) state(s *session.Session, sst screenState, i int, ctl screen.Control) render.ButtonState {
	st := render.ButtonState{Hover: i == c.hover, Pressed: i == c.pressed, Focused: i == c.focus}
	goal, _ := s.Goal()
	switch ctl.ID {
	case screen.CtlLabel:
		st.Active = ctl.Arg == s.Grid().Label // in slow motion: the label of the drawing being learned
	case screen.CtlTrainN:
		st.Active = goal > 0
	case screen.CtlAdd:
		st.Disabled = s.Ink() == 0
	case screen.CtlRelabel, screen.CtlDelete:
		st.Disabled = s.Selected() < 0
	case screen.CtlUndo:
		st.Disabled = !s.CanUndo()
	case screen.CtlTab:
		st.Active = screen.Tab(ctl.Arg) == sst.tab
	case screen.CtlTool:
		st.Active = s.Eraser()
	}
	switch ctl.ID {
	case screen.CtlTrain, screen.CtlStepSample, screen.CtlStepEpoch:
		st.Disabled = st.Disabled || s.TrainSize() == 0
	}
	if ctl.Primary() && !st.Disabled && !(ctl.ID == screen.CtlTrain && s.Running()) {
		st.Active = true
	}
	return st
}

func (c *controls) draw(dst *ebiten.Image, l *screen.Layout, s *session.Session, st screenState) {
	for i, ctl := range l.Controls {
		bs := c.state(s, st, i, ctl)
		if ctl.Stepper() {
			render.DrawStepper(dst, ctl.Rect, stepperLabel(ctl, l.S), s.Value(ctl.Setting()), s.Note(ctl.Setting()), bs, l.S)
			continue
		}
		render.DrawButton(dst, ctl.Rect, label(s, st, ctl, l.S), bs, l.S)
	}
	if !l.Visible(screen.PanelTrain) {
		return
	}
	frac, text := s.ProgressText()
	if !render.ProgressFits(l.Progress, text, l.S) {
		text = s.ProgressShort()
	}
	render.DrawProgress(dst, l.Progress, frac, text, l.S)
	size := l.U(render.SmallSize)
	r := l.Speed
	r.W -= l.U(screen.HelpIconRoom) // the speed line's "?" (modal.go)
	long, short := st.sched.SpeedText(st.fps)
	if w, _ := render.MeasureText(long, size); w > r.W {
		long = short
	}
	render.TextIn(dst, r, render.Ellipsize(long, size, r.W), size, render.Current.Muted, render.AlignLeft, false)
}
