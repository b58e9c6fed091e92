package app

import (
	"fmt"

	"github.com/hajimehoshi/ebiten/v2"

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
		g.modal.ask("Clear the whole dataset?", "Every drawing, the starter set included, will be removed. Your network stays. Ctrl+Z brings the drawings back.",
			Command{}, yes(Command{Act: ActClearDataNow}))
	},
	ActStartFresh: func(g *Game) {
		g.modal.ask("Start fresh?", "The starter set comes back, the network gets fresh weights and the autosave is deleted. This cannot be undone.",
			Command{}, yes(Command{Act: ActStartFreshNow}))
	},
	ActExport: func(g *Game) {
		g.modal.ask("Export what?", "Lesson link: a link that opens the app where you are now (drawings, settings, seed), for a class. "+
			"For the original app: its checkpoint JSON (2 classes only). "+
			"Dataset CSV: every drawing as a line of 0s and 1s with its label, for a spreadsheet or Python.",
			Command{}, exportChoices...)
	},
	ActFiles: func(g *Game) {
		g.modal.ask("Files", "Load opens a checkpoint or a dataset. Save writes a checkpoint with everything in it. "+
			"The exports are for the original app (2 classes) and for a spreadsheet.", Command{},
			append([]choice{{label: "Load… (O)", key: ebiten.KeyO, cmd: Command{Act: ActLoad}},
				{label: "Save (S)", key: ebiten.KeyS, cmd: Command{Act: ActSave}}}, exportChoices...)...)
	},
}

// exportChoices are the two exports, as answers.
var exportChoices = []choice{
	{label: "Lesson link (L)", key: ebiten.KeyL, cmd: Command{Act: ActCopyLink}},
	{label: "For the original app (X)", key: ebiten.KeyX, cmd: Command{Act: ActExportBDT}},
	{label: "Dataset CSV (D)", key: ebiten.KeyD, cmd: Command{Act: ActExportCSV}},
}

// askMode switches the class count, asking first when the new classes
// could take the starter set's drawings (session.ModeAsks).
func (g *Game) askMode() {
	m := g.s.Mode().Other()
	if !g.s.ModeAsks(m) {
		g.do(Command{Act: ActModeNow})
		return
	}
	g.modal.ask(fmt.Sprintf("Switch to %d classes?", m), fmt.Sprintf("Some of the %d classes have no drawings yet. "+
		"Add the starter set's drawings of those to yours, or keep only yours and draw the others yourself? "+
		"Either way the network gets %d outputs and fresh weights; Ctrl+Z switches back.", m, m),
		Command{}, choice{label: "Add starter drawings (A)", key: ebiten.KeyA, cmd: Command{Act: ActModeFill}},
		choice{label: "Only mine (M)", key: ebiten.KeyM, cmd: Command{Act: ActModeNow}})
}

// askOtherTab asks, at start, which tab keeps its work when another tab of
// the app owns the autosave (session.Autosave.Claim).
func (g *Game) askOtherTab() {
	w, place := g.auto.Where, "in this browser"
	if !platform.IsBrowser() {
		place = "on this computer"
	}
	g.modal.ask("Digit Trainer is open in another "+w, fmt.Sprintf("Both %ss keep their work in the same place %s, "+
		"so one would overwrite the other's. Work here, and the other %s stops autosaving; or leave the autosave "+
		"to the other %s and save what you do here with Ctrl+S. When the other %s is closed, this one autosaves again.",
		w, place, w, w, w),
		Command{Act: ActAutosaveOff}, choice{label: "Work here (W)", key: ebiten.KeyW, cmd: Command{Act: ActTakeOver}})
	g.modal.question.cancelLabel = "Leave it to the other " + w + " (Esc)"
}

// answer carries out the answers that are more than one command, reporting
// whether a was one.
func (g *Game) answer(a Action) bool {
	switch a {
	case ActTakeOver:
		g.auto.TakeOver(g.now())
		g.s.Say("This %s now keeps the autosave; the other one stops autosaving.", g.auto.Where)
	case ActAutosaveOff:
		g.auto.Off = true
		g.s.Say("This %s does not autosave while the other one is open. Save a checkpoint (Ctrl+S) to keep what you do here.", g.auto.Where)
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
			choice{label: "Replace mine (R)", key: ebiten.KeyR, cmd: Command{Act: ActLoadReplace}},
			choice{label: "Add to mine (A)", key: ebiten.KeyA, cmd: Command{Act: ActLoadAdd}})
	}
}

// loadQuestion is the question a file with drawings asks.
func loadQuestion(in *session.Incoming, mine int) (title, text string) {
	what := fmt.Sprintf("%d drawings", in.Drawings())
	if in.HasNetwork() {
		what = "a network and " + what
	}
	return "Load " + in.Name + "?", fmt.Sprintf("It holds %s; you have %d drawings. "+
		"Replace yours with the file's, or add its drawings to yours (copies of drawings you have are skipped; your network stays unless the file brings new classes)? "+
		"Either can be undone with Ctrl+Z.", what, mine)
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
