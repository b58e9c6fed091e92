package screen

import (
	"strconv"
	"strings"

	"digittrainer/i18n"
	"digittrainer/render"
	"digittrainer/session"
)

// ControlID names a kind of button or stepper.
type ControlID int

const (
	CtlLabel ControlID = iota // a label button; Arg: the label
	CtlAdd
	CtlClear
	CtlTrain // Train, or Pause while training
	CtlStepSample
	CtlStepEpoch
	CtlTrainN
	CtlReset
	CtlMode
	CtlSetting // a stepper; Arg: the session.Setting
	CtlRelabel
	CtlDelete
	CtlClearData
	CtlTour
	CtlLoad
	CtlSave
	CtlExport // asks which export: for the original app, or the dataset as CSV
	CtlKeys
	CtlMore        // shows the other group of settings when they do not all fit
	CtlUndo        // takes the last edit of the drawings back (Ctrl+Z)
	CtlTool        // switches between the pen and the eraser; shows the one in use
	CtlFiles       // a phone's one button for Load, Save and Export (it asks which)
	CtlTab         // a phone's tab; Arg: the Tab
	CtlTimeTravel  // the time travel card: snapshots, a simulated crash, the trade-off
	CtlExperiments // the talk's questions as experiments
	CtlProjector   // the projector view, on or off
	CtlLang        // the language picker; its label is the language in use, in itself
	NumControlIDs
)

// controlKind is what every control of a kind shares.
type controlKind struct {
	name         string // in the status JSON's rects and in -keys "click:" items
	label, short string // the text, and a shorter one for narrow buttons ("" if none)
	primary      bool   // drawn in the accent colour while it can be used
}

var controlKinds = [NumControlIDs]controlKind{
	CtlLabel:       {name: "label"},
	CtlAdd:         {name: "add", label: i18n.Mark("Add"), primary: true},
	CtlClear:       {name: "clear", label: i18n.Mark("Clear")},
	CtlTrain:       {name: "train", label: i18n.Mark("Train"), primary: true},
	CtlStepSample:  {name: "stepSample", label: i18n.Mark("Step 1 sample"), short: i18n.Mark("1 sample")},
	CtlStepEpoch:   {name: "stepEpoch", label: i18n.Mark("Step 1 epoch"), short: i18n.Mark("1 epoch")},
	CtlTrainN:      {name: "trainN", label: i18n.Mark("Train N epochs")},
	CtlReset:       {name: "reset", label: i18n.Mark("Reset weights"), short: i18n.Mark("Reset")},
	CtlMode:        {name: "mode", label: i18n.Mark("10 classes")},
	CtlSetting:     {name: "set"},
	CtlRelabel:     {name: "relabel", label: i18n.Mark("Relabel")},
	CtlDelete:      {name: "delete", label: i18n.Mark("Delete")},
	CtlClearData:   {name: "clearData", label: i18n.Mark("Clear dataset"), short: i18n.Mark("Clear all")},
	CtlTour:        {name: "tour", label: i18n.Mark("Tour (T)"), short: i18n.Mark("Tour"), primary: true},
	CtlLoad:        {name: "load", label: i18n.Mark("Load… (O)"), short: i18n.Mark("Load…")},
	CtlSave:        {name: "save", label: i18n.Mark("Save (Ctrl+S)"), short: i18n.Mark("Save")},
	CtlExport:      {name: "export", label: i18n.Mark("Export…"), short: i18n.Mark("Export…")},
	CtlKeys:        {name: "keys", label: i18n.Mark("Keys (?)"), short: i18n.Mark("Keys")},
	CtlMore:        {name: "more", label: i18n.Mark("More settings"), short: i18n.Mark("More")},
	CtlUndo:        {name: "undo", label: i18n.Mark("Undo (Ctrl+Z)"), short: i18n.Mark("Undo")},
	CtlTool:        {name: "tool", label: i18n.Mark("Pen")},
	CtlFiles:       {name: "files", label: i18n.Mark("Files…")},
	CtlTab:         {name: "tab"},
	CtlTimeTravel:  {name: "timeTravel", label: i18n.Mark("Time travel (J)"), short: i18n.Mark("Time travel")},
	CtlExperiments: {name: "experiments", label: i18n.Mark("Experiments (Q)"), short: i18n.Mark("Experiments")},
	CtlProjector:   {name: "projector", label: i18n.Mark("Projector (F)"), short: i18n.Mark("Projector")},
	CtlLang:        {name: "lang"},
}

// Control is a button or stepper on screen.
type Control struct {
	ID    ControlID
	Arg   int // the label of a CtlLabel, the setting of a CtlSetting
	Panel Panel
	Rect  render.Rect
	Short bool // the layout chose the short text
}

func (c Control) kind() controlKind { return controlKinds[c.ID] }

// Name is the control's name in the status JSON: "add", "label7",
// "setLR".
func (c Control) Name() string {
	switch c.ID {
	case CtlLabel:
		return "label" + strconv.Itoa(c.Arg)
	case CtlSetting:
		return "set" + session.Setting(c.Arg).Key()
	case CtlTab:
		return "tab" + Tab(c.Arg).Title()
	}
	return c.kind().name
}

// Stepper reports whether the control is a stepper (− value +).
func (c Control) Stepper() bool { return c.ID == CtlSetting }

// Setting is a stepper's setting.
func (c Control) Setting() session.Setting { return session.Setting(c.Arg) }

// Primary reports whether the control is drawn in the accent colour while
// it can be used.
func (c Control) Primary() bool { return c.kind().primary }

// ShortLabel is the shorter text for narrow buttons, or "", in English
// like Label.
func (c Control) ShortLabel() string { return c.kind().short }

// Label is the control's fixed text, as laid out, in English: i18n.T
// gives the text shown (the layout measures that one).
func (c Control) Label() string {
	k := c.kind()
	switch {
	case c.ID == CtlLabel:
		return strconv.Itoa(c.Arg)
	case c.ID == CtlSetting:
		return c.Setting().Name()
	case c.ID == CtlTab:
		return Tab(c.Arg).Title()
	case c.ID == CtlLang && c.Short:
		return strings.ToUpper(i18n.Current())
	case c.ID == CtlLang:
		return i18n.Name(i18n.Current())
	case c.Short && k.short != "":
		return k.short
	}
	return k.label
}
