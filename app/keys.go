package app

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/session"
	"digittrainer/tour"
)

// Action is something the user can do, by key, click or tap.
type Action int

const (
	ActNone        Action = iota
	ActPaint              // Arg: the square, y·9 + x; On: ink or erase
	ActCursor             // Arg: the arrow key that moves the grid's cursor
	ActTogglePixel        // the square under the cursor
	ActClearGrid
	ActAdd
	ActLabel // Arg: the label
	ActTogglePlay
	ActStepSample
	ActStepEpoch
	ActTrainN
	ActReset
	ActNewSeed
	ActSave
	ActExportBDT
	ActExportCSV
	ActExport // asks which
	ActLoad
	ActTour
	ActTourNext
	ActTourBack
	ActTourSkip
	ActHiddenMaps
	ActKeyList
	ActHelp // Arg: a screen.Panel; −1 means the focused control's panel
	ActCard // Card: a help card
	ActClose
	ActClearData // asks first
	ActClearDataNow
	ActStartFresh // asks first
	ActStartFreshNow
	ActSelect // Arg: the sample
	ActSelectPrev
	ActSelectNext
	ActDeleteSample
	ActRelabel
	ActMode        // asks first when the new classes could take starter drawings
	ActModeNow     // switches, keeping the drawings as they are
	ActModeFill    // switches and fills the empty classes from the starter set
	ActSettingDown // Arg: a session.Setting
	ActSettingUp   // Arg: a session.Setting
	ActFocusNext
	ActFocusPrev
	ActGlossary
	ActMoreSettings
	ActUndo
	ActRedo
	ActLoadReplace   // the file waiting (Game.incoming) replaces the session's
	ActLoadAdd       // its drawings join the session's
	ActLoadCancel    // it is dropped
	ActTool          // switches between the pen and the eraser
	ActCell          // Arg: a confusion-matrix cell, true·nn.MaxClasses + predicted: the gallery shows its drawings
	ActShowAll       // the gallery shows every drawing again
	ActFiles         // a phone's Files…: asks Load, Save or which export
	ActTab           // Arg: the screen.Tab a phone shows
	ActTakeOver      // this tab autosaves; the other one stops
	ActAutosaveOff   // this tab leaves the autosave to the other one
	ActRewind        // Arg: the epoch of the snapshot to go back to
	ActRewindBack    // to the latest snapshot before now
	ActTimeTravel    // the time travel card: snapshots, crashes, the trade-off
	ActCrash         // a simulated crash at a random moment
	ActSnapEvery     // Arg: −1 more often, +1 rarer
	ActMTBF          // Arg: −1 crashes more often, +1 rarer (the trade-off's assumption)
	ActSaveSnapshots // a checkpoint with every snapshot inside
	ActExperiments   // the list of the talk's experiments
	ActSweepCard     // the hidden-size sweep's card
	ActSweep         // starts the sweep, or stops it
	ActSweepCSV      // saves the sweep's table
	ActBiasCard      // the biased-data experiment's card
	ActBias          // starts it, or stops it
	ActBiasClass     // the next class to thin
	ActBiasShare     // Arg: +1 keeps more of the class's drawings, −1 fewer
	ActResources     // the resources card
	ActGPTCard       // this network beside GPT-2 and GPT-3
	ActSimilar       // the drawings most like the grid's, instead of the network
	ActBadData       // the bad-data card
	ActFlip          // Arg: the share of training labels to flip, in percent
	ActBackdoor      // plants a backdoor: a mark on some 0s, labelled 1
	ActAddMark       // the backdoor's mark on the grid
	ActSuspects      // starts the suspicious-drawings search, or stops it
	ActShowSuspects  // the dataset panel shows the most suspicious drawings
	ActProjector     // the projector view, on or off
	ActCopyLink      // offers the lesson link to copy
	ActLinkOpen      // the lesson link waiting is opened
	ActLinkKeep      // it is not
	ActLessons       // the Lessons menu
	ActLesson        // Arg: the index in session.Lessons to set up
	ActLessonStart   // starts the lesson's training
	ActLanguage      // the language picker
	ActLanguageNow   // Arg: the index in i18n.Languages to speak
)

// Command is an action with what it acts on.
type Command struct {
	Act  Action
	Arg  int
	On   bool        // ActPaint
	Card tour.CardID // ActCard
}

// settingCmd is the command that moves setting k by d (+1 or −1).
func settingCmd(k session.Setting, d int) Command {
	if d < 0 {
		return Command{Act: ActSettingDown, Arg: int(k)}
	}
	return Command{Act: ActSettingUp, Arg: int(k)}
}

// binding maps a key (with Ctrl and Shift) to a command. What each key
// does is explained to the user by the key card, assets/help/keys.txt;
// a test checks that the card names every key bound here.
type binding struct {
	key   ebiten.Key
	ctrl  bool
	shift bool
	cmd   Command
}

var bindings = []binding{
	{ebiten.KeyTab, false, true, Command{Act: ActFocusPrev}},
	{ebiten.KeyZ, true, true, Command{Act: ActRedo}},
	{ebiten.KeyZ, true, false, Command{Act: ActUndo}},
	{ebiten.KeyY, true, false, Command{Act: ActRedo}},
	{ebiten.KeyTab, false, false, Command{Act: ActFocusNext}},
	{ebiten.KeySpace, false, false, Command{}},
	{ebiten.KeyBackspace, true, true, Command{Act: ActStartFresh}},
	{ebiten.KeyBackspace, true, false, Command{Act: ActClearData}},
	{ebiten.KeyBackspace, false, false, Command{Act: ActClearGrid}},
	{ebiten.KeyDelete, false, true, Command{Act: ActDeleteSample}},
	{ebiten.KeyDelete, false, false, Command{Act: ActClearGrid}},
	{ebiten.KeyC, false, false, Command{Act: ActClearGrid}},
	{ebiten.KeyEnter, false, false, Command{Act: ActAdd}},
	{ebiten.KeyNumpadEnter, false, false, Command{Act: ActAdd}},
	{ebiten.KeyBracketLeft, false, false, Command{Act: ActSelectPrev}},
	{ebiten.KeyBracketRight, false, false, Command{Act: ActSelectNext}},
	{ebiten.KeyL, false, false, Command{Act: ActRelabel}},
	{ebiten.KeyM, false, false, Command{Act: ActMode}},
	{ebiten.KeyP, false, false, Command{Act: ActTogglePlay}},
	{ebiten.KeyS, true, false, Command{Act: ActSave}},
	{ebiten.KeyS, false, false, Command{Act: ActStepSample}},
	{ebiten.KeyE, false, false, Command{Act: ActStepEpoch}},
	{ebiten.KeyN, false, false, Command{Act: ActTrainN}},
	{ebiten.KeyR, false, true, Command{Act: ActNewSeed}},
	{ebiten.KeyR, false, false, Command{Act: ActReset}},
	{ebiten.KeyPeriod, false, false, settingCmd(session.SetPace, 1)},
	{ebiten.KeyComma, false, false, settingCmd(session.SetPace, -1)},
	{ebiten.KeyEqual, false, false, settingCmd(session.SetLR, 1)},
	{ebiten.KeyMinus, false, false, settingCmd(session.SetLR, -1)},
	{ebiten.KeyX, false, false, Command{Act: ActExportBDT}},
	{ebiten.KeyD, false, false, Command{Act: ActExportCSV}},
	{ebiten.KeyO, false, false, Command{Act: ActLoad}},
	{ebiten.KeyO, true, false, Command{Act: ActLoad}},
	{ebiten.KeyT, false, false, Command{Act: ActTour}},
	{ebiten.KeyPageDown, false, false, Command{Act: ActTourNext}},
	{ebiten.KeyPageUp, false, false, Command{Act: ActTourBack}},
	{ebiten.KeyK, false, false, Command{Act: ActTourSkip}},
	{ebiten.KeyH, false, false, Command{Act: ActHiddenMaps}},
	{ebiten.KeyB, false, false, Command{Act: ActRewindBack}},
	{ebiten.KeyJ, false, false, Command{Act: ActTimeTravel}},
	{ebiten.KeyQ, false, false, Command{Act: ActExperiments}},
	{ebiten.KeyV, false, false, Command{Act: ActSimilar}},
	{ebiten.KeyF, false, false, Command{Act: ActProjector}},
	{ebiten.KeySlash, false, true, Command{Act: ActKeyList}},
	{ebiten.KeyF1, false, false, Command{Act: ActHelp, Arg: -1}},
	{ebiten.KeyG, false, false, Command{Act: ActGlossary}},
	{ebiten.KeyEscape, false, false, Command{Act: ActClose}},
}

var digitKeys = []ebiten.Key{ebiten.KeyDigit0, ebiten.KeyDigit1, ebiten.KeyDigit2, ebiten.KeyDigit3, ebiten.KeyDigit4,
	ebiten.KeyDigit5, ebiten.KeyDigit6, ebiten.KeyDigit7, ebiten.KeyDigit8, ebiten.KeyDigit9}
var numpadKeys = []ebiten.Key{ebiten.KeyNumpad0, ebiten.KeyNumpad1, ebiten.KeyNumpad2, ebiten.KeyNumpad3, ebiten.KeyNumpad4,
	ebiten.KeyNumpad5, ebiten.KeyNumpad6, ebiten.KeyNumpad7, ebiten.KeyNumpad8, ebiten.KeyNumpad9}

// keyCommand returns the command of key k under the current modifiers.
// The first binding that matches wins, so Ctrl and Shift variants are
// listed before the plain key.
func keyCommand(k ebiten.Key, ctrl, shift bool) (Command, bool) {
	for i, kk := range digitKeys {
		if (k == kk || k == numpadKeys[i]) && !ctrl {
			return Command{Act: ActLabel, Arg: i}, true
		}
	}
	for _, b := range bindings {
		if b.key != k || b.ctrl != ctrl {
			continue
		}
		if b.shift && !shift {
			continue
		}
		return b.cmd, true
	}
	return Command{}, false
}
