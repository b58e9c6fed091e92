package session

import (
	"slices"

	"digittrainer/experiment"
	"digittrainer/i18n"
)

// How many neurons? The talk answered with an experiment ("the sweet spot
// was going to be somewhere between 24 and 40"); the session runs it on the
// user's own drawings: one fresh network per hidden size, trained like the
// user's (same split, seed, settings and "Train N epochs"), in slices the
// scheduler fits between frames. The user's network is never touched, and
// the last finished sweep stays until the next one starts.

// sweepState is the sweep under way or the last one.
type sweepState struct {
	run     *experiment.Sweep // nil before the first
	own     int               // the user's hidden size when it started
	epochs  int
	data    uint64 // the dataset's version it trained on
	classes int    // the class count: after a switch its rows are of another task
	active  bool   // still being stepped (not done, not stopped)
}

// SweepSizes are the sizes a sweep tries: the talk's and the user's own.
func (s *Session) SweepSizes() []int {
	return append(slices.Clone(experiment.DefaultSizes), s.net.Hidden)
}

// StartSweep starts a sweep of the hidden size on the drawings as they are,
// replacing the last one. Training pauses: both would share the frame's
// time, and a class watches one thing at a time.
func (s *Session) StartSweep() {
	if !s.CanTrain() {
		return
	}
	train, val := s.Examples()
	run, err := experiment.New(experiment.Setup{Train: train, Val: val, Net: s.net.Config, Hyper: s.trainer.Hyper,
		Seed: s.seed, Epochs: max(s.epochsN, 1), Sizes: s.SweepSizes()})
	if err != nil {
		s.Fail("The sweep cannot start: %v", Plain(err))
		return
	}
	s.stopOthers(i18n.Mark("the sweep"))
	s.sweep = sweepState{run: run, own: s.net.Hidden, epochs: max(s.epochsN, 1), data: s.data.Version(), classes: s.Classes(), active: true}
	s.Say("Sweep started: %d networks, %d to %d hidden neurons, %s each, on your drawings with seed %d. Your own network is not touched%s.",
		len(run.Sizes()), run.Sizes()[0], run.Sizes()[len(run.Sizes())-1], epochsText(s.sweep.epochs), s.seed, s.stopped)
}

// StopSweep stops the sweep under way, keeping its finished rows.
func (s *Session) StopSweep() {
	if !s.sweep.active {
		return
	}
	s.sweep.active = false
	s.Say("Sweep stopped after %d of %d sizes.", len(s.sweep.run.Rows()), len(s.sweep.run.Sizes()))
}

// Sweeping reports whether a sweep is under way.
func (s *Session) Sweeping() bool { return s.sweep.active }

// SweepSome trains the sweep on at most max samples and reports whether it
// goes on; when it ends it says what it found.
func (s *Session) SweepSome(max int) bool {
	if run, _, _ := s.Sweep(); run == nil || !s.sweep.active {
		return false
	}
	if !s.sweep.run.Step(max) {
		return true
	}
	s.sweep.active = false
	s.Say("%s", s.sweepFinding())
	return false
}

// Sweep is the sweep under way or the last one (nil before the first), the
// user's hidden size when it started and the epochs each network trained.
func (s *Session) Sweep() (run *experiment.Sweep, own, epochs int) {
	if s.sweep.classes != s.Classes() { // the classes changed since: another task
		s.sweep.run, s.sweep.active = nil, false
	}
	return s.sweep.run, s.sweep.own, s.sweep.epochs
}

// sweepFinding says which size read the validation drawings best, and the
// smallest that came within a point of it, in the language in use.
func (s *Session) sweepFinding() string {
	rows := s.sweep.run.Rows()
	key := func(r experiment.Row) float64 {
		if r.ValAcc == r.ValAcc { // not NaN: there is a validation set
			return r.ValAcc
		}
		return r.TrainAcc
	}
	best := -1
	for i, r := range rows {
		if r.Diverged == 0 && (best < 0 || key(r) > key(rows[best])) {
			best = i
		}
	}
	if best < 0 {
		return i18n.T("Sweep done: every size diverged; try a smaller learning rate.")
	}
	small := best
	for i := range rows {
		if rows[i].Diverged == 0 && key(rows[i]) >= key(rows[best])-0.01 {
			small = i
			break
		}
	}
	var text string
	if key(rows[best]) == rows[best].ValAcc {
		text = i18n.Sprintf("Sweep done: best validation accuracy %s with %d hidden neurons", Percent(key(rows[best])), rows[best].Hidden)
	} else {
		text = i18n.Sprintf("Sweep done: best training accuracy %s with %d hidden neurons", Percent(key(rows[best])), rows[best].Hidden)
	}
	if small != best {
		text += i18n.Sprintf("; %d came within a point of it with %d weights instead of %d", rows[small].Hidden, rows[small].Params, rows[best].Params)
	}
	return text + "."
}
