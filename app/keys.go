package app

import "github.com/hajimehoshi/ebiten/v2"

// Action is something the user can do, by key, click or tap.
type Action int

const (
	ActNone Action = iota
	ActClearGrid
	ActAdd
	ActLabel // Arg: the label
	ActPlay
	ActPause
	ActTogglePlay
	ActStepSample
	ActStepEpoch
	ActTrainN
	ActReset
	ActNewSeed
	ActSave
	ActExportBDT
	ActExportCSV
	ActLoad
	ActTour
	ActTourNext
	ActTourBack
	ActTourSkip
	ActHidden
	ActKeyList
	ActHelp // Arg: panel; −1 means the focused panel
	ActClose
	ActClearData // asks first
	ActStartFresh
	ActConfirm
	ActSelectPrev
	ActSelectNext
	ActDeleteSample
	ActRelabel
	ActMode
	ActSettingDown // Arg: Setting
	ActSettingUp   // Arg: Setting
	ActFocusNext
	ActFocusPrev
	ActGlossary
)

// Command is an action with its argument.
type Command struct {
	Act Action
	Arg int
}

// binding maps a key (with modifiers) to a command; the list is also the
// key card the "?" key shows, so the two cannot disagree.
type binding struct {
	key   ebiten.Key
	ctrl  bool
	shift bool
	cmd   Command
	keys  string // as shown on the key card; "" hides a duplicate
	what  string
}

var bindings = []binding{
	{ebiten.KeyTab, false, true, Command{Act: ActFocusPrev}, "", ""},
	{ebiten.KeyTab, false, false, Command{Act: ActFocusNext}, "Tab / Shift+Tab", "move the focus between controls (Enter or Space presses)"},
	{ebiten.KeySpace, false, false, Command{}, "Arrows, Space", "move the grid cursor, toggle the pixel under it"},
	{ebiten.KeyBackspace, true, true, Command{Act: ActStartFresh}, "Ctrl+Shift+Backspace", "start fresh: starter set, new network (asks first)"},
	{ebiten.KeyBackspace, true, false, Command{Act: ActClearData}, "Ctrl+Backspace", "clear the whole dataset (asks first; Y confirms)"},
	{ebiten.KeyBackspace, false, false, Command{Act: ActClearGrid}, "Backspace, Delete, C", "clear the grid"},
	{ebiten.KeyDelete, false, true, Command{Act: ActDeleteSample}, "Shift+Delete", "delete the selected drawing from the dataset"},
	{ebiten.KeyDelete, false, false, Command{Act: ActClearGrid}, "", ""},
	{ebiten.KeyC, false, false, Command{Act: ActClearGrid}, "", ""},
	{ebiten.KeyEnter, false, false, Command{Act: ActAdd}, "0 – 9, Enter", "pick the label, add the drawing to the dataset"},
	{ebiten.KeyNumpadEnter, false, false, Command{Act: ActAdd}, "", ""},
	{ebiten.KeyBracketLeft, false, false, Command{Act: ActSelectPrev}, "[ ]", "select the previous / next drawing in the dataset"},
	{ebiten.KeyBracketRight, false, false, Command{Act: ActSelectNext}, "", ""},
	{ebiten.KeyL, false, false, Command{Act: ActRelabel}, "L", "give the selected drawing the current label"},
	{ebiten.KeyM, false, false, Command{Act: ActMode}, "M", "switch between 2 classes (0/1) and 10 classes (0–9)"},
	{ebiten.KeyP, false, false, Command{Act: ActTogglePlay}, "P", "play / pause training"},
	{ebiten.KeyS, true, false, Command{Act: ActSave}, "Ctrl+S", "save a checkpoint (safetensors, dataset inside)"},
	{ebiten.KeyS, false, false, Command{Act: ActStepSample}, "S / E", "train one sample / one epoch"},
	{ebiten.KeyE, false, false, Command{Act: ActStepEpoch}, "", ""},
	{ebiten.KeyN, false, false, Command{Act: ActTrainN}, "N", "train N epochs"},
	{ebiten.KeyR, false, true, Command{Act: ActNewSeed}, "R / Shift+R", "reset the weights (same seed) / new seed"},
	{ebiten.KeyR, false, false, Command{Act: ActReset}, "", ""},
	{ebiten.KeyEqual, false, false, Command{Act: ActSettingUp, Arg: int(SetLR)}, "+ / −", "raise / lower the learning rate"},
	{ebiten.KeyMinus, false, false, Command{Act: ActSettingDown, Arg: int(SetLR)}, "", ""},
	{ebiten.KeyX, false, false, Command{Act: ActExportBDT}, "X", "export for the original app (JSON)"},
	{ebiten.KeyD, false, false, Command{Act: ActExportCSV}, "D", "export the dataset (CSV)"},
	{ebiten.KeyO, false, false, Command{Act: ActLoad}, "O", "load a checkpoint or dataset (or drop a file)"},
	{ebiten.KeyO, true, false, Command{Act: ActLoad}, "", ""},
	{ebiten.KeyT, false, false, Command{Act: ActTour}, "T", "start / leave the guided tour"},
	{ebiten.KeyPageDown, false, false, Command{Act: ActTourNext}, "PageDown / PageUp", "next / back in the tour (arrows too, while it runs)"},
	{ebiten.KeyPageUp, false, false, Command{Act: ActTourBack}, "", ""},
	{ebiten.KeyK, false, false, Command{Act: ActTourSkip}, "K", "skip the tour"},
	{ebiten.KeyH, false, false, Command{Act: ActHidden}, "H", "show / hide all hidden-neuron weight maps"},
	{ebiten.KeySlash, false, true, Command{Act: ActKeyList}, "?", "this key list"},
	{ebiten.KeyF1, false, false, Command{Act: ActHelp, Arg: -1}, "F1", "help for the focused panel"},
	{ebiten.KeyG, false, false, Command{Act: ActGlossary}, "G", "the glossary: what the words mean"},
	{ebiten.KeyEscape, false, false, Command{Act: ActClose}, "Escape", "close cards"},
	{ebiten.KeyY, false, false, Command{Act: ActConfirm}, "Y", "confirm a question"},
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

// KeyList returns the key card's lines.
func KeyList() []string {
	lines := make([]string, 0, len(bindings))
	for _, b := range bindings {
		if b.keys != "" {
			lines = append(lines, b.keys+" — "+b.what)
		}
	}
	return lines
}
