package lesson

import (
	"digittrainer/data"
	"digittrainer/nn"
)

// Lesson is what a link holds.
type Lesson struct {
	Data     *data.Dataset // the drawings, their classes and, if Sided, their sides
	Settings Settings
	View     View
	Teacher  Teacher
	Title    string // optional, shown to students; one line
}

// Settings are the training choices a lesson starts with.
type Settings struct {
	Hidden     int
	Activation string // "sigmoid", "tanh" or "relu" (nn.Activation's names)
	LR         float64
	Decay      float64
	MinLR      float64
	L2         float64
	Batch      int
	Seed       uint64
	EpochsN    int     // how many epochs "Train N epochs" runs
	Pace       float64 // drawings a second; 0 = full speed (a link has no infinity)
	Patience   int     // epochs without improvement that stop training; 0 never
	SnapEvery  int     // epochs between snapshots; 0: the app's choice
}

// View is what the screen shows at the start.
type View struct {
	Maps    bool   // the hidden neurons' weight maps
	Similar bool   // the similar-drawings panel
	Tab     string // the tab a phone opens on; "" for the app's choice
}

// Teacher are a teacher's options: what students see and may change.
type Teacher struct {
	// Hide names panels or controls to hide ("network", "train",
	// "setHidden"). The app knows its names; a link only checks their
	// spelling (see checkName), so a newer app's names travel too.
	Hide []string
	// Fixed names settings students cannot change, by SettingKeys. Decode
	// gives them in SettingKeys' order, each once.
	Fixed []string
	// Open is "", "tour" (start the guided tour) or a lesson's id.
	Open string
}

// SettingKeys are the settings a link can fix, the app's names for its
// steppers (session.Setting.Key), in the order of the link's bit mask: a
// key's place here is its bit, so new keys go at the end.
var SettingKeys = []string{"LR", "Decay", "Batch", "Hidden", "Activation", "Seed", "Epochs", "Pace", "Patience"}

// DefaultSettings are the app's settings on a fresh start (nn's defaults
// and session's; TestDefaultsAreTheApps pins them to a new session's), for
// a link that changes only some.
func DefaultSettings() Settings {
	h := nn.DefaultHyper
	return Settings{
		Hidden: nn.DefaultConfig.Hidden, Activation: nn.DefaultConfig.Activation.String(),
		LR: h.LR, Decay: h.Decay, MinLR: h.MinLR, L2: h.L2, Batch: h.Batch,
		Seed: 1, EpochsN: 10, Pace: 100, Patience: 10, SnapEvery: 5,
	}
}
