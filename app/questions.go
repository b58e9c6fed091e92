package app

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/platform"
	"digittrainer/session"
)

// The questions the app asks before it acts (modal.ask): what would lose
// or replace something, and what has more than one meaning. Each is one
// card with a button (and a key) for each answer and Cancel (Escape).

// questions are the commands that ask first, by the command (and ActMode:
// askMode).
var questions = map[Action]func(g *Game){
	ActClearData: func(g *Game) {
		g.modal.ask(i18n.Mark("Clear the whole dataset?"), i18n.Mark("Every drawing, the starter set included, will be removed. Your network stays. Ctrl+Z brings the drawings back."),
			Command{}, yes(Command{Act: ActClearDataNow}))
	},
	ActStartFresh: func(g *Game) {
		g.modal.ask(i18n.Mark("Start fresh?"), i18n.Mark("The starter set comes back, the network gets fresh weights and the autosave is deleted. This cannot be undone."),
			Command{}, yes(Command{Act: ActStartFreshNow}))
	},
	ActExport: func(g *Game) {
		g.modal.ask(i18n.Mark("Export what?"), i18n.Mark("Lesson link: a link that opens the app where you are now (drawings, settings, seed), for a class. "+
			"For the original app: its checkpoint JSON (2 classes only). "+
			"Dataset CSV: every drawing as a line of 0s and 1s with its label, for a spreadsheet or Python."),
			Command{}, exportChoices...)
	},
	ActFiles: func(g *Game) {
		g.modal.ask(i18n.Mark("Files"), i18n.Mark("Load opens a checkpoint or a dataset. Save writes a checkpoint with everything in it. "+
			"The exports are for the original app (2 classes) and for a spreadsheet."), Command{},
			append([]choice{{label: i18n.Mark("Load… (O)"), key: ebiten.KeyO, cmd: Command{Act: ActLoad}},
				{label: i18n.Mark("Save (S)"), key: ebiten.KeyS, cmd: Command{Act: ActSave}}}, exportChoices...)...)
	},
}

// exportChoices are the exports, as answers.
var exportChoices = []choice{
	{label: i18n.Mark("Lesson link (L)"), key: ebiten.KeyL, cmd: Command{Act: ActCopyLink}},
	{label: i18n.Mark("For the original app (X)"), key: ebiten.KeyX, cmd: Command{Act: ActExportBDT}},
	{label: i18n.Mark("Dataset CSV (D)"), key: ebiten.KeyD, cmd: Command{Act: ActExportCSV}},
}

// askMode switches the class count, asking first when the new classes
// could take the starter set's drawings (session.ModeAsks).
func (g *Game) askMode() {
	m := g.s.Mode().Other()
	if !g.s.ModeAsks(m) {
		g.do(Command{Act: ActModeNow})
		return
	}
	g.modal.ask(i18n.Sprintf("Switch to %d classes?", m), i18n.Sprintf("Some of the %d classes have no drawings yet. "+
		"Add the starter set's drawings of those to yours, or keep only yours and draw the others yourself? "+
		"Either way the network gets %d outputs and fresh weights; Ctrl+Z switches back.", m, m),
		Command{}, choice{label: i18n.Mark("Add starter drawings (A)"), key: ebiten.KeyA, cmd: Command{Act: ActModeFill}},
		choice{label: i18n.Mark("Only mine (M)"), key: ebiten.KeyM, cmd: Command{Act: ActModeNow}})
}

// askOtherTab asks, at start, which tab keeps its work when another tab of
// the app owns the autosave (session.Autosave.Claim). Each sentence is
// whole for the tab (a browser) and for the window (the desktop), so that
// a translation need not fit a word into it.
func (g *Game) askOtherTab() {
	title := i18n.Mark("Digit Trainer is open in another tab")
	text := i18n.Mark("Both tabs keep their work in the same place in this browser, " +
		"so one would overwrite the other's. Work here, and the other tab stops autosaving; or leave the autosave " +
		"to the other tab and save what you do here with Ctrl+S. When the other tab is closed, this one autosaves again.")
	cancel := i18n.Mark("Leave it to the other tab (Esc)")
	if g.auto.Where == "window" {
		title = i18n.Mark("Digit Trainer is open in another window")
		text = i18n.Mark("Both windows keep their work in the same place on this computer, " +
			"so one would overwrite the other's. Work here, and the other window stops autosaving; or leave the autosave " +
			"to the other window and save what you do here with Ctrl+S. When the other window is closed, this one autosaves again.")
		cancel = i18n.Mark("Leave it to the other window (Esc)")
	}
	g.modal.ask(title, text, Command{Act: ActAutosaveOff}, choice{label: i18n.Mark("Work here (W)"), key: ebiten.KeyW, cmd: Command{Act: ActTakeOver}})
	g.modal.question.cancelLabel = cancel
}

// answer carries out the answers that are more than one command, reporting
// whether a was one.
func (g *Game) answer(a Action) bool {
	switch a {
	case ActTakeOver:
		g.auto.TakeOver(g.now())
		if g.auto.Where == "window" {
			g.s.Say("This window now keeps the autosave; the other one stops autosaving.")
		} else {
			g.s.Say("This tab now keeps the autosave; the other one stops autosaving.")
		}
	case ActAutosaveOff:
		g.auto.Off = true
		if g.auto.Where == "window" {
			g.s.Say("This window does not autosave while the other one is open. Save a checkpoint (Ctrl+S) to keep what you do here.")
		} else {
			g.s.Say("This tab does not autosave while the other one is open. Save a checkpoint (Ctrl+S) to keep what you do here.")
		}
	case ActLoadReplace, ActLoadAdd, ActLoadCancel:
		g.answerLoad(a)
	default:
		return false
	}
	return true
}

// receive loads a picked or dropped file, asking first when it would
// replace drawings (see session.Asks).
func (g *Game) receive(f platform.File) {
	if f.Err != nil {
		g.s.Fail("Could not read %s: %v. Nothing was changed.", f.Name, session.Plain(f.Err))
		return
	}
	in, err := g.s.Read(f.Name, f.Data)
	switch {
	case err != nil:
	case !g.s.Asks(in):
		g.s.Replace(in)
	default:
		g.incoming = in
		title, text := loadQuestion(in, g.s.Data().Len())
		g.modal.ask(title, text, Command{Act: ActLoadCancel},
			choice{label: i18n.Mark("Replace mine (R)"), key: ebiten.KeyR, cmd: Command{Act: ActLoadReplace}},
			choice{label: i18n.Mark("Add to mine (A)"), key: ebiten.KeyA, cmd: Command{Act: ActLoadAdd}})
	}
}

// loadQuestion is the question a file with drawings asks.
func loadQuestion(in *session.Incoming, mine int) (title, text string) {
	what := i18n.Plural(in.Drawings(), "%d drawing", "%d drawings")
	if in.HasNetwork() {
		what = i18n.Sprintf("a network and %s", what)
	}
	return i18n.Sprintf("Load %s?", in.Name), i18n.Sprintf("It holds %s; you have %s. "+
		"Replace yours with the file's, or add its drawings to yours (copies of drawings you have are skipped; your network stays unless the file brings new classes)? "+
		"Either can be undone with Ctrl+Z.", what, i18n.Plural(mine, "%d drawing", "%d drawings"))
}

// answerLoad does what the user chose for the file waiting.
func (g *Game) answerLoad(a Action) {
	in := g.incoming
	g.incoming = nil
	switch {
	case in == nil:
	case a == ActLoadReplace:
		g.s.Replace(in)
	case a == ActLoadAdd:
		g.s.AddFrom(in)
	default:
		g.s.Say("Nothing was loaded from %s.", in.Name)
	}
}
