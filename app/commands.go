package app

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/platform"
)

// keyboard turns this tick's keys into commands. Arrows and Space belong
// to the grid (or the tour while it runs, or a focused stepper).
func (g *Game) keyboard(in *Input) {
	if in.Typed('?') {
		g.do(Command{Act: ActKeyList})
	}
	for _, k := range in.Keys {
		if g.gridKey(in, k) {
			continue
		}
		if k == ebiten.KeySlash && in.Typed('?') {
			continue // already handled as a character
		}
		if cmd, ok := keyCommand(k, in.Ctrl, in.Shift); ok && cmd.Act != ActNone {
			g.do(cmd)
		}
	}
}

// gridKey handles the keys whose meaning depends on where the focus is.
func (g *Game) gridKey(in *Input, k ebiten.Key) bool {
	s := g.s
	if g.tour.active() {
		switch k {
		case ebiten.KeyArrowRight:
			g.do(Command{Act: ActTourNext})
			return true
		case ebiten.KeyArrowLeft:
			g.do(Command{Act: ActTourBack})
			return true
		}
	}
	if c, ok := g.panel.focused(g); ok {
		switch {
		case (k == ebiten.KeyEnter || k == ebiten.KeySpace) && !c.Stepper:
			g.do(c.Cmd)
			return true
		case c.Stepper && (k == ebiten.KeyArrowLeft || k == ebiten.KeyArrowDown || k == ebiten.KeyMinus):
			g.do(Command{Act: ActSettingDown, Arg: int(c.Setting)})
			return true
		case c.Stepper && (k == ebiten.KeyArrowRight || k == ebiten.KeyArrowUp || k == ebiten.KeyEqual || k == ebiten.KeyEnter):
			g.do(Command{Act: ActSettingUp, Arg: int(c.Setting)})
			return true
		}
	}
	switch k {
	case ebiten.KeyArrowLeft:
		s.MoveCursor(-1, 0)
	case ebiten.KeyArrowRight:
		s.MoveCursor(1, 0)
	case ebiten.KeyArrowUp:
		s.MoveCursor(0, -1)
	case ebiten.KeyArrowDown:
		s.MoveCursor(0, 1)
	case ebiten.KeySpace:
		s.TogglePixel()
	default:
		return false
	}
	g.canvas.keyboardUsed = true
	return true
}

// do carries out a command, whatever key, click or tap asked for it.
func (g *Game) do(c Command) {
	s := g.s
	switch c.Act {
	case ActClearGrid:
		s.ClearGrid()
	case ActAdd:
		s.AddDrawing()
	case ActLabel:
		s.SetLabel(c.Arg)
	case ActPlay:
		s.Play()
	case ActPause:
		s.Pause()
	case ActTogglePlay:
		s.TogglePlay()
	case ActStepSample:
		s.StepSample()
	case ActStepEpoch:
		s.StepEpoch()
	case ActTrainN:
		s.TrainEpochs()
	case ActReset:
		s.Reset(false)
	case ActNewSeed:
		s.Reset(true)
	case ActSave:
		g.save()
	case ActExportBDT, ActExportCSV:
		g.export(c.Act)
	case ActLoad:
		if !platform.OpenFilePicker() {
			s.Say("To load a file, drop it onto this window (or start the app with -load FILE).")
		}
	case ActTour:
		g.tour.toggle(g)
	case ActTourNext:
		g.tour.next(g)
	case ActTourBack:
		g.tour.back(g)
	case ActTourSkip:
		g.tour.skip(g)
	case ActHidden:
		g.inspect.showAll = !g.inspect.showAll
	case ActKeyList:
		g.cards.toggle(g, "keys")
	case ActGlossary:
		g.cards.toggle(g, "glossary")
	case ActHelp:
		p := Panel(c.Arg)
		if c.Arg < 0 {
			p = g.panel.focusPanel(g)
		}
		g.cards.openHelp(g, p)
	case ActClose:
		if !g.cards.close() && !g.tour.leave() && !g.banner.hide() {
			g.panel.focus = -1
			g.inspect.pinned = false
		}
	case ActClearData:
		g.cards.ask("Clear the whole dataset?", "Every drawing, the starter set included, will be removed. Your network stays.", Command{Act: actClearDataNow})
	case actClearDataNow:
		s.ClearDataset()
	case ActStartFresh:
		g.cards.ask("Start fresh?", "The starter set comes back, the network gets fresh weights and the autosave is deleted.", Command{Act: actStartFreshNow})
	case actStartFreshNow:
		g.startFresh()
	case ActConfirm:
		g.cards.confirm(g)
	case ActSelectPrev:
		s.SelectNext(-1)
	case ActSelectNext:
		s.SelectNext(1)
	case ActDeleteSample:
		s.DeleteSelected()
	case ActRelabel:
		s.RelabelSelected()
	case ActMode:
		s.SetClasses(12 - s.Classes())
	case ActSettingDown:
		s.Adjust(Setting(c.Arg), -1)
	case ActSettingUp:
		s.Adjust(Setting(c.Arg), 1)
	case ActFocusNext:
		g.panel.moveFocus(g, 1)
	case ActFocusPrev:
		g.panel.moveFocus(g, -1)
	}
}

// Commands that only a confirmation card sends.
const (
	actClearDataNow Action = iota + 1000
	actStartFreshNow
)

func (g *Game) save() {
	b, err := g.s.EncodeCheckpoint()
	if err != nil {
		g.s.Fail("Could not save: %v", plain(err))
		return
	}
	g.write(checkpointName, b, "checkpoint")
}

func (g *Game) export(a Action) {
	kind := "csv"
	if a == ActExportBDT {
		kind = "bdt"
	}
	name, b, err := g.s.Export(kind)
	if err != nil {
		g.s.Fail("Could not export: %v", plain(err))
		return
	}
	what := "dataset CSV"
	if kind == "bdt" {
		what = "checkpoint for the original app"
	}
	g.write(name, b, what)
}

// write hands a file to the platform: a download in the browser, an atomic
// write into the folder shown on the desktop.
func (g *Game) write(name string, b []byte, what string) {
	where, err := platform.Save(name, b)
	switch {
	case err != nil:
		g.s.Fail("Could not save the %s: %v", what, plain(err))
	case platform.IsBrowser():
		g.s.Say("Downloaded the %s as %s.", what, name)
	default:
		g.s.Say("Saved the %s to %s", what, where)
	}
}

// startFresh forgets the autosave and starts over with the starter set.
func (g *Game) startFresh() {
	s, err := NewSession(2)
	if err != nil {
		g.s.Fail("%v", plain(err))
		return
	}
	g.auto.Forget()
	s.Version = g.s.Version + 1
	g.s = s
	g.inspect.relayout(g)
	s.Say("Started fresh: the starter set and new weights.")
}
