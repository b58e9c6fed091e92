package experiment

import (
	"fmt"
	"slices"
	"time"

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
	Msg   string // what is wrong with it, e.g. "must be 1..256, not 300"
}

func (e *SetupError) Error() string { return "experiment: " + e.Field + " " + e.Msg }

// Sizes returns hidden sorted ascending with duplicates dropped, so that
// the app can add the user's own H to DefaultSizes whether or not it is
// there. It returns a *SetupError when the list is empty, longer than
// MaxSizes, or has a size outside nn.MinHidden..nn.MaxHidden.
func Sizes(hidden []int) ([]int, error) {
	for _, h := range hidden {
		if h < nn.MinHidden || h > nn.MaxHidden {
			return nil, &SetupError{"Sizes", fmt.Sprintf("must be %d..%d, not %d", nn.MinHidden, nn.MaxHidden, h)}
		}
	}
	s := slices.Compact(slices.Sorted(slices.Values(hidden)))
	switch {
	case len(s) == 0:
		return nil, &SetupError{"Sizes", "is empty: give at least one hidden size"}
	case len(s) > MaxSizes:
		return nil, &SetupError{"Sizes", fmt.Sprintf("has %d different sizes; a sweep tries at most %d", len(s), MaxSizes)}
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
	if err := checkRuns(net, s.Epochs, s.Train, s.Val); err != nil {
		return nil, err
	}
	return sizes, nil
}

// checkRuns returns a *SetupError unless networks shaped net can train on
// train for epochs and be measured on val: what every experiment needs.
func checkRuns(net nn.Config, epochs int, train, val nn.Examples) error {
	switch {
	case net.Validate() != nil:
		return &SetupError{"Net", net.Validate().Error()}
	case epochs < 1:
		return &SetupError{"Epochs", fmt.Sprintf("must be at least 1, not %d", epochs)}
	case train.Len() == 0:
		return &SetupError{"Train", "has no examples to train on"}
	case train.Check(net.Classes) != nil:
		return &SetupError{"Train", train.Check(net.Classes).Error()}
	case val.Check(net.Classes) != nil:
		return &SetupError{"Val", val.Check(net.Classes).Error()}
	}
	return nil
}

// clone copies ex, so a dataset edited while a sweep runs changes nothing.
func clone(ex nn.Examples) nn.Examples {
	return nn.Examples{X: slices.Clone(ex.X), Y: slices.Clone(ex.Y)}
}
