package app

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/data"
	"digittrainer/i18n"
	"digittrainer/nn"
	"digittrainer/platform"
	"digittrainer/screen"
	"digittrainer/session"
	"digittrainer/tour"
)

// keyboard turns this tick's keys into commands. Arrows and Space belong
// to the grid (or the tour while it runs, or a focused stepper).
func (g *Game) keyboard(in *Input, cmds []Command) []Command {
	if in.Typed('?') {
		cmds = append(cmds, Command{Act: ActKeyList})
	}
	for _, k := range in.Keys {
		if cmd, ok := g.focusKey(k); ok {
			cmds = append(cmds, cmd)
			continue
		}
		if in.Typed('?') && in.Shift && typing(k) {
			continue // the key that typed "?" (Shift+/, Shift+ß, Shift+,): handled as a character
		}
		if cmd, ok := keyCommand(k, in.Ctrl, in.Shift); ok && cmd.Act != ActNone {
			cmds = append(cmds, cmd)
		}
	}
	return cmds
}

// focusKey is what a key means where the focus is: arrows step the tour
// while it runs; Enter, Space and arrows work a focused control; arrows and
// Space move the grid's cursor and toggle its square.
func (g *Game) focusKey(k ebiten.Key) (Command, bool) {
	if g.tour.active() {
		switch k {
		case ebiten.KeyArrowRight:
			return Command{Act: ActTourNext}, true
		case ebiten.KeyArrowLeft:
			return Command{Act: ActTourBack}, true
		}
	}
	if c, ok := g.controls.focused(g.lay); ok {
		switch {
		case (k == ebiten.KeyEnter || k == ebiten.KeySpace) && !c.Stepper():
			return controlCmd(c), true
		case c.Stepper() && (k == ebiten.KeyArrowLeft || k == ebiten.KeyArrowDown || k == ebiten.KeyMinus):
			return settingCmd(c.Setting(), -1), true
		case c.Stepper() && (k == ebiten.KeyArrowRight || k == ebiten.KeyArrowUp || k == ebiten.KeyEqual || k == ebiten.KeyEnter):
			return settingCmd(c.Setting(), 1), true
		}
	}
	switch k {
	case ebiten.KeyArrowLeft, ebiten.KeyArrowRight, ebiten.KeyArrowUp, ebiten.KeyArrowDown:
		return Command{Act: ActCursor, Arg: int(k)}, true
	case ebiten.KeySpace:
		return Command{Act: ActTogglePixel}, true
	}
	return Command{}, false
}

// cursorSteps are the arrow keys' moves of the grid's cursor.
var cursorSteps = map[ebiten.Key]session.Cell{ebiten.KeyArrowLeft: {X: -1}, ebiten.KeyArrowRight: {X: 1},
	ebiten.KeyArrowUp: {Y: -1}, ebiten.KeyArrowDown: {Y: 1}}

// sessionActs are the commands that are one call on the session.
var sessionActs = map[Action]func(s *session.Session, c Command){
	ActPaint:        func(s *session.Session, c Command) { s.Paint(c.Arg%data.Side, c.Arg/data.Side, c.On) },
	ActClearGrid:    func(s *session.Session, _ Command) { s.ClearGrid() },
	ActAdd:          func(s *session.Session, _ Command) { s.AddDrawing() },
	ActLabel:        func(s *session.Session, c Command) { s.SetLabel(c.Arg) },
	ActTogglePlay:   func(s *session.Session, _ Command) { s.TogglePlay() },
	ActStepSample:   func(s *session.Session, _ Command) { s.StepSample() },
	ActStepEpoch:    func(s *session.Session, _ Command) { s.StepEpoch() },
	ActTrainN:       func(s *session.Session, _ Command) { s.TrainEpochs() },
	ActReset:        func(s *session.Session, _ Command) { s.Reset(false) },
	ActNewSeed:      func(s *session.Session, _ Command) { s.Reset(true) },
	ActSelect:       func(s *session.Session, c Command) { s.Select(c.Arg) },
	ActSelectPrev:   func(s *session.Session, _ Command) { s.SelectNext(-1) },
	ActSelectNext:   func(s *session.Session, _ Command) { s.SelectNext(1) },
	ActDeleteSample: func(s *session.Session, _ Command) { s.DeleteSelected() },
	ActRelabel:      func(s *session.Session, _ Command) { s.RelabelSelected() },
	ActModeNow:      func(s *session.Session, _ Command) { s.SetMode(s.Mode().Other()) },
	ActModeFill:     func(s *session.Session, _ Command) { s.FillMode(s.Mode().Other()) },
	ActSettingDown:  func(s *session.Session, c Command) { s.Adjust(session.Setting(c.Arg), -1) },
	ActSettingUp:    func(s *session.Session, c Command) { s.Adjust(session.Setting(c.Arg), 1) },
	ActClearDataNow: func(s *session.Session, _ Command) { s.ClearDataset() },
	ActUndo:         func(s *session.Session, _ Command) { s.Undo() },
	ActRedo:         func(s *session.Session, _ Command) { s.Redo() },
	ActTool:         func(s *session.Session, _ Command) { s.SetEraser(!s.Eraser()) },
	ActRewind:       func(s *session.Session, c Command) { s.Rewind(c.Arg) },
	ActAddMark:      func(s *session.Session, _ Command) { s.AddMark() },
	ActRewindBack:   func(s *session.Session, _ Command) { s.RewindBack() },
	ActCrash:        func(s *session.Session, _ Command) { s.SimulateCrash() },
}

// tourFree are the commands that leave the tour's picture alone: while
// it runs, everything else (training, settings, edits, loading) would
// change the network or the drawing it explains, so it is refused with a
// word (tourAllows).
var tourFree = map[Action]bool{
	ActTour: true, ActTourNext: true, ActTourBack: true, ActTourSkip: true, ActKeyList: true, ActGlossary: true,
	ActCard: true, ActHelp: true, ActClose: true, ActFocusNext: true, ActFocusPrev: true, ActTab: true,
	ActSave: true, ActExport: true, ActExportBDT: true, ActExportCSV: true, ActTakeOver: true, ActAutosaveOff: true,
	ActLoadCancel: true, ActMoreSettings: true, ActTimeTravel: true, ActExperiments: true, ActSweepCard: true, ActBiasCard: true,
	ActResources: true, ActGPTCard: true, ActSweepCSV: true, ActSaveSnapshots: true, ActSimilar: true, ActBadData: true, ActShowSuspects: true, ActProjector: true, ActCopyLink: true, ActLessons: true,
	ActLanguage: true, ActLanguageNow: true,
}

// tourDrawing are the commands that make the drawing a waiting tour asks
// for.
var tourDrawing = map[Action]bool{ActPaint: true, ActClearGrid: true, ActLabel: true, ActCursor: true,
	ActTogglePixel: true, ActTool: true}

// tourAllows reports whether c may run now, saying why not.
func (g *Game) tourAllows(c Command) bool {
	if !g.tour.active() || tourFree[c.Act] || g.tour.view.Waiting && tourDrawing[c.Act] {
		return true
	}
	g.s.Say("The tour is explaining one training step on this network: leave it first (Tour button, T or Escape).")
	return false
}

// do carries out a command, whatever key, click or tap asked for it.
func (g *Game) do(c Command) {
	if !g.tourAllows(c) {
		return
	}
	switch f, ok := sessionActs[c.Act]; {
	case ok:
		f(g.s, c)
	case c.Act == ActCursor:
		d := cursorSteps[ebiten.Key(c.Arg)]
		g.s.MoveCursor(d.X, d.Y)
		g.canvas.keyboardUsed = true
	case c.Act == ActTogglePixel:
		g.s.TogglePixel()
		g.canvas.keyboardUsed = true
	default:
		g.doScreen(c)
	}
}

// doScreen carries out the commands about the screen rather than the
// session: files, the tour, cards, focus.
func (g *Game) doScreen(c Command) {
	if ask, ok := questions[c.Act]; ok {
		ask(g)
		return
	}
	if g.answer(c.Act) {
		return
	}
	if f, ok := cardActs[c.Act]; ok {
		f(g, c)
		return
	}
	switch c.Act {
	case ActMode:
		g.askMode()
	case ActSave:
		g.save()
	case ActExportBDT:
		g.export(session.ExportBDT, i18n.T("the checkpoint for the original app"))
	case ActExportCSV:
		g.export(session.ExportCSV, i18n.T("the dataset CSV"))
	case ActCell:
		g.gallery.toggleCell(c.Arg/nn.MaxClasses, c.Arg%nn.MaxClasses)
		g.show(screen.PanelData)
	case ActTab:
		g.tab = screen.Tab(c.Arg)
	case ActShowAll:
		g.gallery.showAll()
	case ActLoad:
		if !platform.OpenFilePicker() {
			g.s.Say("To load a file, drop it onto this window (or start the app with -load FILE).")
		}
	case ActTour:
		g.report(g.tour.toggle(g.s), i18n.T("The tour could not start"))
		g.show(screen.PanelNetwork)
	case ActTourNext:
		g.tour.next()
	case ActTourBack:
		g.tour.back()
	case ActTourSkip:
		g.tour.skip()
	case ActHiddenMaps:
		g.inspector.toggleMaps()
	case ActKeyList:
		g.report(g.modal.toggle(tour.CardKeys), i18n.T("Help is not available"))
	case ActGlossary:
		g.report(g.modal.toggle(tour.CardGlossary), i18n.T("Help is not available"))
	case ActCard:
		g.report(g.modal.openCard(c.Card), i18n.T("Help is not available"))
	case ActHelp:
		p := screen.Panel(c.Arg)
		if c.Arg < 0 || p >= screen.NumPanels {
			p = g.controls.focusPanel(g.lay)
		}
		card := p.Card()
		if p == screen.PanelNetwork && g.inspector.similar {
			card = tour.CardSimilar // the panel shows the similar drawings
		}
		g.report(g.modal.openCard(card), i18n.T("Help is not available"))
	case ActClose:
		if !g.modal.close() && !g.tour.leave() && !g.banner.hide() && !g.gallery.showAll() {
			g.controls.focus = -1
			g.inspector.unpin()
		}
	case ActStartFreshNow:
		g.startFresh()
	case ActMoreSettings:
		g.more = !g.more
		g.relayout(g.lay.W, g.lay.H)
	case ActFocusNext:
		g.controls.moveFocus(g.lay, 1)
	case ActFocusPrev:
		g.controls.moveFocus(g.lay, -1)
	}
}

// report shows err, if any, after what (in the language in use).
func (g *Game) report(err error, what string) {
	if err != nil {
		g.s.Fail("%s: %v", what, session.Plain(err))
	}
}

func (g *Game) save() {
	b, err := g.s.EncodeCheckpoint()
	if err != nil {
		g.s.Fail("Could not save: %v", session.Plain(err))
		return
	}
	g.write(session.FileName(session.ExportCheckpoint, g.now()), b, i18n.T("the checkpoint"))
}

func (g *Game) export(kind session.Export, what string) {
	b, err := g.s.Export(kind)
	if err != nil {
		g.s.Fail("Could not export: %v", session.Plain(err))
		return
	}
	g.write(session.FileName(kind, g.now()), b, what)
}

// write hands a file to the platform: a download in the browser, an atomic
// write into the folder shown on the desktop. what names the file in the
// language in use, with its article ("the checkpoint"): a language puts
// it where its sentence needs it.
func (g *Game) write(name string, b []byte, what string) {
	where, err := platform.Save(name, b)
	switch {
	case err != nil:
		g.s.Fail("Could not save %s: %v", what, session.Plain(err))
	case platform.IsBrowser():
		g.s.Say("Downloaded %s as %s.", what, name)
	default:
		g.s.Say("Saved %s to %s", what, where)
	}
}

// startFresh forgets the autosave and starts over with the starter set.
func (g *Game) startFresh() {
	s, err := session.New(session.Binary)
	if err != nil {
		g.s.Fail("%v", session.Plain(err))
		return
	}
	g.auto.Forget()
	g.s = s
	s.Say("Started fresh: the starter set and new weights.")
}
