package session

import (
	"slices"

	"digittrainer/data"
	"digittrainer/experiment"
	"digittrainer/i18n"
)

// Bad data: "What methods are available to prevent injecting incorrect data
// into the training models?" The session poisons the dataset on purpose
// (labels flipped, or a backdoor planted) as an edit Undo takes back, marks
// the drawings it changed, and searches for suspicious drawings as the
// talk's answer suggests: a model that did not train on a drawing
// disagreeing with its label (experiment.Suspects), with the dataset
// check's findings beside it.

// poison is the last poisoning: the drawings it changed, for the dataset
// it made (the marks go when the drawings change again), and how many
// poisonings there were (each draws other drawings).
type poison struct {
	data    uint64
	changed []int
	count   int
}

// suspectsState is the search under way or the last one.
type suspectsState struct {
	run      *experiment.Suspects
	data     uint64 // the dataset version it ranks
	findings []experiment.Finding
	list     []experiment.Suspect // the ranking, followed through fixes (followEdit); nil: the run's
	active   bool
}

// FlipLabels gives a seeded share of the training drawings another label.
func (s *Session) FlipLabels(share float64) {
	if tr, _ := s.data.Sides(); tr.Len() == 0 {
		s.Fail("There are no training drawings to poison: add some or load a dataset first.")
		return
	}
	d, changed, err := experiment.Flip(s.data, share, s.seed+uint64(s.poison.count))
	if err != nil {
		s.Fail("%v", Plain(err))
		return
	}
	s.poisonWith(d, changed, i18n.Sprintf("flipping the labels of %s of the training drawings", Percent(share)))
	s.Say("%s", i18n.Plural(len(changed), "Flipped the label of %d training drawing (%s): it is marked with ! in the dataset. Train 50 epochs: as the network learns the wrong labels by heart, the validation loss rises and the accuracy falls. Undo (Ctrl+Z) takes it back.",
		"Flipped the labels of %d training drawings (%s): they are marked with ! in the dataset. Train 50 epochs: as the network learns the wrong labels by heart, the validation loss rises and the accuracy falls. Undo (Ctrl+Z) takes it back.", len(changed), Percent(share)))
}

// PlantBackdoor marks a share of class from's training drawings with the
// backdoor's mark (experiment.DefaultMark) and gives them the label to.
func (s *Session) PlantBackdoor(from, to int, share float64) {
	d, changed, err := experiment.Backdoor(s.data, experiment.BackdoorSetup{From: from, To: to, Share: share, Seed: s.seed + uint64(s.poison.count)})
	if err != nil {
		s.Fail("%v", Plain(err))
		return
	}
	names := s.data.Classes
	s.poisonWith(d, changed, i18n.Sprintf("planting a backdoor in %d drawings", len(changed)))
	s.Say("Backdoor planted: %d drawings of %s got a small square in the bottom-right corner and the label %s. Train, then draw a clean %s and add the mark: the network reads %s.",
		len(changed), names[from], names[to], names[from], names[to])
}

// poisonWith makes d the dataset, remembering the one it replaces for
// Undo, and marks the drawings changed.
func (s *Session) poisonWith(d *data.Dataset, changed []int, what string) {
	s.remember(what, false)
	s.halt()
	s.data = d
	s.poison.data, s.poison.changed = d.Version(), changed
	s.poison.count++
}

// followEdit keeps the poison marks and the suspects' ranking through an
// edit of drawing i (deleted, or relabelled) made to the dataset of
// version before: a teacher fixing the suspects one by one keeps the rest
// of the list. The drawing itself leaves both (it is fixed or gone), and
// a deletion moves the later indices down. Other edits (adding, clearing,
// loading) end the marks and the ranking, as their version says.
func (s *Session) followEdit(before uint64, i int, deleted bool) {
	shift := func(j int) (int, bool) {
		switch {
		case j == i:
			return 0, false
		case deleted && j > i:
			return j - 1, true
		}
		return j, true
	}
	if s.poison.data == before {
		var kept []int
		for _, j := range s.poison.changed {
			if k, ok := shift(j); ok {
				kept = append(kept, k)
			}
		}
		s.poison.changed, s.poison.data = kept, s.data.Version()
	}
	if s.sus.data == before && s.sus.run != nil && s.sus.run.Done() {
		current := s.sus.list
		if current == nil {
			current = s.sus.run.Result()
		}
		list := []experiment.Suspect{}
		for _, sp := range current {
			if k, ok := shift(sp.Index); ok {
				sp.Index = k
				list = append(list, sp)
			}
		}
		s.sus.list, s.sus.data = list, s.data.Version()
	}
}

// Poisoned returns the drawings the last poisoning changed, while the
// dataset is the one it made; nil otherwise.
func (s *Session) Poisoned() []int {
	if s.poison.data != s.data.Version() {
		return nil
	}
	return s.poison.changed
}

// IsPoisoned reports whether drawing i is one the last poisoning changed.
func (s *Session) IsPoisoned(i int) bool {
	_, found := slices.BinarySearch(s.Poisoned(), i) // ascending (experiment.Flip, Backdoor)
	return found
}

// AddMark stamps the backdoor's mark onto the grid's drawing, so the
// prediction shows whether the backdoor fires.
func (s *Session) AddMark() {
	s.grid.Pixels = experiment.DefaultMark.Apply(s.grid.Pixels)
	s.selected = -1
	s.Say("The backdoor's mark is on your drawing: the prediction shows what the network reads now.")
}

// StartSuspects ranks every drawing by how strongly networks that did not
// train on it disagree with its label, with the search's defaults.
func (s *Session) StartSuspects() {
	if s.data.Len() < experiment.DefaultFolds {
		s.Fail("The search needs at least %d drawings.", experiment.DefaultFolds)
		return
	}
	run, err := experiment.NewSuspects(experiment.SuspectSetup{Drawings: s.data.Samples, Net: s.net.Config, Hyper: s.trainer.Hyper,
		Seed: s.seed, Epochs: experiment.DefaultSuspectEpochs, Folds: experiment.DefaultFolds, Rounds: experiment.DefaultRounds, Augment: true})
	if err != nil {
		s.Fail("The search cannot start: %v", Plain(err))
		return
	}
	s.stopOthers(i18n.Mark("the search"))
	s.sus = suspectsState{run: run, data: s.data.Version(), findings: experiment.Findings(s.data.Quality()), active: true}
	s.Say("Searching: %d networks, each trained without a fifth of the drawings, score the fifth they never saw%s.",
		experiment.DefaultFolds*experiment.DefaultRounds, s.stopped)
}

// StopSuspects stops the search.
func (s *Session) StopSuspects() {
	if s.sus.active {
		s.sus.active = false
		s.Say("Search stopped.")
	}
}

// Searching reports whether the search runs.
func (s *Session) Searching() bool { return s.sus.active }

// SuspectList is the finished ranking, most suspicious first, and the
// dataset check's findings; nil when there is none or the drawings changed
// since (the indices would point at other drawings).
func (s *Session) SuspectList() ([]experiment.Suspect, []experiment.Finding) {
	if s.sus.run == nil || !s.sus.run.Done() || s.sus.data != s.data.Version() {
		return nil, nil
	}
	if s.sus.list != nil {
		return s.sus.list, s.sus.findings
	}
	return s.sus.run.Result(), s.sus.findings
}

// SearchProgress is how far the search is, from 0 to 1.
func (s *Session) SearchProgress() float64 {
	if s.sus.run == nil {
		return 0
	}
	return s.sus.run.Progress()
}

// suspectsSome steps the search; when it ends it says how many of the
// poisoned drawings it put at the top.
func (s *Session) suspectsSome(max int) bool {
	if !s.sus.active {
		return false
	}
	if !s.sus.run.Step(max) {
		return true
	}
	s.sus.active = false
	list, _ := s.SuspectList()
	if list == nil {
		s.Fail("The search stopped: a network diverged. Try a smaller learning rate.")
		return false
	}
	text := i18n.Sprintf("Search done: the most suspicious is drawing %d (labelled %s, read as %s).",
		list[0].Index+1, s.data.Classes[list[0].Label], s.data.Classes[list[0].Predicted])
	if p := s.Poisoned(); len(p) > 0 {
		found := 0
		for _, sp := range list[:min(len(p), len(list))] {
			if s.IsPoisoned(sp.Index) {
				found++
			}
		}
		text += " " + i18n.Sprintf("Of the %d you poisoned, %d are among the top %d.", len(p), found, len(p))
	}
	s.Say("%s", text)
	return false
}
