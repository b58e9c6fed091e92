package experiment

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// DefaultSizes are the hidden sizes a sweep tries unless told otherwise:
// doubling from 1, so the small nets that cannot learn the task show, and
// the talk's guess at the sweet spot, 24 and 40, with 64 beyond it.
var DefaultSizes = []int{1, 2, 4, 8, 16, 24, 40, 64}

// MaxSizes bounds how many hidden sizes one sweep trains: enough for a
// plot, few enough that a sweep in a browser ends within a lesson.
const MaxSizes = 16

// Setup is what a sweep trains and how. Every run shares all of it but the
// hidden size.
type Setup struct {
	Train  nn.Examples // what every network trains on (augmented already, if wanted)
	Val    nn.Examples // held out; empty: no validation metrics
	Net    nn.Config   // classes and activation; Hidden is ignored
	Hyper  nn.Hyper    // used as given, as nn.NewTrainer does
	Seed   uint64      // of each network's weights and its trainer's shuffles
	Epochs int         // passes over Train per network, at least 1
	Sizes  []int       // hidden sizes to try, in any order; duplicates count once

	// Clock times the training; nil means time.Now. Tests pass a fake one.
	Clock func() time.Time
}

// SetupError is a Setup that New refuses. Field names the setting, so a
// caller can point at its own control or flag instead of the field.
type SetupError struct {
	Field string // "Sizes", "Epochs", "Train", "Val", "Net", "Class", "Share", "Classes", "From", "To", "Drawings", "Folds" or "Rounds"
	Msg   string // what is wrong with it, in English, e.g. "must be 1..256, not 300"
	// text is the whole sentence, Field and Msg, in the language in use
	// when the error was made (a translation names the setting in words);
	// "" for the errors of nn, which are English.
	text string
}

// Error is "experiment: " and the field and what is wrong with it, in the
// language in use when the error was made.
func (e *SetupError) Error() string {
	if e.text != "" {
		return "experiment: " + e.text
	}
	return "experiment: " + e.Field + " " + e.Msg
}

// setupErr makes a *SetupError of format, the whole English sentence
// starting with the field's name ("Sizes must be %d..%d, not %d"), marked
// as a catalog key where it is written.
func setupErr(field, format string, a ...any) *SetupError {
	return &SetupError{Field: field, Msg: strings.TrimPrefix(fmt.Sprintf(format, a...), field+" "),
		text: i18n.Sprintf(format, a...)}
}

// setupMsg is setupErr for a sentence without arguments.
func setupMsg(field, msg string) *SetupError {
	return &SetupError{Field: field, Msg: strings.TrimPrefix(msg, field+" "), text: i18n.T(msg)}
}

// Sizes returns hidden sorted ascending with duplicates dropped, so that
// the app can add the user's own H to DefaultSizes whether or not it is
// there. It returns a *SetupError when the list is empty, longer than
// MaxSizes, or has a size outside nn.MinHidden..nn.MaxHidden.
func Sizes(hidden []int) ([]int, error) {
	for _, h := range hidden {
		if h < nn.MinHidden || h > nn.MaxHidden {
			return nil, setupErr("Sizes", i18n.Mark("Sizes must be %d..%d, not %d"), nn.MinHidden, nn.MaxHidden, h)
		}
	}
	s := slices.Compact(slices.Sorted(slices.Values(hidden)))
	switch {
	case len(s) == 0:
		return nil, setupMsg("Sizes", i18n.Mark("Sizes is empty: give at least one hidden size"))
	case len(s) > MaxSizes:
		return nil, setupErr("Sizes", i18n.Mark("Sizes has %d different sizes; a sweep tries at most %d"), len(s), MaxSizes)
	}
	return s, nil
}

// check returns the setup's sizes (see Sizes) or a *SetupError.
func (s *Setup) check() ([]int, error) {
	sizes, err := Sizes(s.Sizes)
	if err != nil {
		return nil, err
	}
	net := s.Net
	net.Hidden = sizes[0]
	if err := checkRuns(net, s.Epochs, s.Train, s.Val, "Train"); err != nil {
		return nil, err
	}
	return sizes, nil
}

// checkRuns returns a *SetupError unless networks shaped net can train on
// train for epochs and be measured on val: what every experiment needs.
// trainField names train in the error: "Train", or "Drawings" for a
// search of the suspects.
func checkRuns(net nn.Config, epochs int, train, val nn.Examples, trainField string) error {
	// The network's and the examples' faults are nn's words, in English:
	// the app never hands over a network or examples that do not fit.
	switch {
	case net.Validate() != nil:
		return &SetupError{Field: "Net", Msg: net.Validate().Error()}
	case epochs < 1:
		return setupErr("Epochs", i18n.Mark("Epochs must be at least 1, not %d"), epochs)
	case train.Len() == 0 && trainField == "Drawings":
		return setupMsg("Drawings", i18n.Mark("Drawings has no examples to train on"))
	case train.Len() == 0:
		return setupMsg("Train", i18n.Mark("Train has no examples to train on"))
	case train.Check(net.Classes) != nil:
		return &SetupError{Field: trainField, Msg: train.Check(net.Classes).Error()}
	case val.Check(net.Classes) != nil:
		return &SetupError{Field: "Val", Msg: val.Check(net.Classes).Error()}
	}
	return nil
}

// clone copies ex, so a dataset edited while a sweep runs changes nothing.
func clone(ex nn.Examples) nn.Examples {
	return nn.Examples{X: slices.Clone(ex.X), Y: slices.Clone(ex.Y)}
}
