package session

import (
	"math"
	"slices"

	"digittrainer/data"
	"digittrainer/experiment"
	"digittrainer/i18n"
)

// Biased data: the talk lists where bias comes from, and the first is the
// training data. The session trains two networks from the same start, one
// on all the training drawings and one with only a share of one class's,
// and the card shows what that does to each class's accuracy and to the
// confusion matrix. The user's network is not touched.

// imbalanceShares are the shares of the thinned class offered.
var imbalanceShares = []float64{1, 0.5, 0.3, 0.2, 0.1}

const defaultImbalanceShare = 0.1

// imbalanceState is the experiment under way or the last one, and the
// choices for the next.
type imbalanceState struct {
	run     *experiment.Imbalance
	class   int
	share   float64
	epochs  int
	ran     [2]float64 // the class and share of run: the choices may move on
	classes int        // the class count it ran with: after a switch its results are of another task
	active  bool
}

// ImbalanceChoice is the class to thin and the share of its drawings kept.
func (s *Session) ImbalanceChoice() (class int, share float64) {
	if s.imb.share == 0 {
		s.imb.share = defaultImbalanceShare
	}
	return min(s.imb.class, s.Classes()-1), s.imb.share
}

// SetImbalanceClass picks the class to thin.
func (s *Session) SetImbalanceClass(c int) {
	if c >= 0 && c < s.Classes() {
		s.imb.class = c
	}
}

// SetImbalanceShare moves the share one choice (d = +1: more drawings kept).
func (s *Session) SetImbalanceShare(d int) {
	_, cur := s.ImbalanceChoice()
	i := slices.Index(imbalanceShares, cur)
	s.imb.share = imbalanceShares[min(max(i-d, 0), len(imbalanceShares)-1)]
}

// StartImbalance trains the balanced and the thinned network, pausing
// training as the sweep does.
func (s *Session) StartImbalance() {
	if !s.CanTrain() {
		return
	}
	class, share := s.ImbalanceChoice()
	train, val := s.Examples()
	run, err := experiment.NewImbalance(experiment.ImbalanceSetup{Train: train, Val: val, Net: s.net.Config,
		Hyper: s.trainer.Hyper, Seed: s.seed, Epochs: max(s.epochsN, 1), Class: class, Share: share})
	if err != nil {
		s.Fail("The experiment cannot start: %v", Plain(err))
		return
	}
	s.stopOthers(i18n.Mark("the biased-data experiment"))
	s.imb.run, s.imb.epochs, s.imb.active, s.imb.classes = run, max(s.epochsN, 1), true, s.Classes()
	s.imb.ran = [2]float64{float64(class), share}
	if share == 1 {
		s.Say("Training two networks for %s each, both on all your training drawings: at 100%% the two runs are the same%s.", epochsText(s.imb.epochs), s.stopped)
		return
	}
	s.Say("Training two networks for %s each: one on all your training drawings, one with only %s of the %ss%s.",
		epochsText(s.imb.epochs), Percent(share), s.data.Classes[class], s.stopped)
}

// StopImbalance stops the experiment under way.
func (s *Session) StopImbalance() {
	if s.imb.active {
		s.imb.active = false
		s.Say("Stopped.")
	}
}

// Imbalancing reports whether the experiment runs.
func (s *Session) Imbalancing() bool { return s.imb.active }

// Imbalance is the experiment under way or the last (nil before the first),
// with the class it thinned and the share it kept.
func (s *Session) Imbalance() (run *experiment.Imbalance, class int, share float64) {
	if s.imb.classes != s.Classes() { // the classes changed since: another task
		s.imb.run, s.imb.active = nil, false
	}
	return s.imb.run, int(s.imb.ran[0]), s.imb.ran[1]
}

// imbalanceSome steps the experiment; when it ends it says what it found.
func (s *Session) imbalanceSome(max int) bool {
	if run, _, _ := s.Imbalance(); run == nil || !s.imb.active {
		return false
	}
	if !s.imb.run.Step(max) {
		return true
	}
	s.imb.active = false
	s.Say("%s", s.imbalanceFinding())
	return false
}

// imbalanceFinding compares the thinned class's accuracy in the two runs.
func (s *Session) imbalanceFinding() string {
	res := s.imb.run.Results()
	class := int(s.imb.ran[0])
	if len(res) < 2 || res[0].Diverged > 0 || res[1].Diverged > 0 {
		return i18n.T("Done, but a run diverged: try a smaller learning rate.")
	}
	a, b := res[0].Metrics.PerClass()[class], res[1].Metrics.PerClass()[class]
	if res[0].On == "training" {
		return i18n.Sprintf("Done. On the training drawings, the %ss: %s read right by the balanced network, %s with %s of them to learn from.",
			s.data.Classes[class], Percent(a), Percent(b), Percent(s.imb.ran[1]))
	}
	return i18n.Sprintf("Done. On the validation drawings, the %ss: %s read right by the balanced network, %s with %s of them to learn from.",
		s.data.Classes[class], Percent(a), Percent(b), Percent(s.imb.ran[1]))
}

// ImbalanceWarning is what the dataset check would say of the training
// drawings with the class thinned to the share: the warning a teacher sees
// in the Dataset panel when a class has too few drawings.
func (s *Session) ImbalanceWarning() string {
	class, share := s.ImbalanceChoice()
	train, _ := s.data.Sides()
	kept := 0
	n := train.Counts()[class]
	keep := max(1, int(math.Round(share*float64(n))))
	d := data.New(s.Classes())
	d.Classes = s.data.Classes
	for _, smp := range train.Samples {
		if smp.Label == class {
			if kept >= keep {
				continue
			}
			kept++
		}
		d.Samples = append(d.Samples, smp)
	}
	if q := d.Quality(); q.Imbalanced && len(q.Messages) > 0 {
		return q.Messages[len(q.Messages)-1] // the balance check speaks last (data.Quality)
	}
	return ""
}

// Experimenting reports whether an experiment (the sweep, the imbalance)
// runs in the scheduler's spare time.
func (s *Session) Experimenting() bool { return s.sweep.active || s.imb.active || s.sus.active }

// stopOthers stops training and any other experiment before what starts
// (a catalog key: "the sweep"), noting what it stopped for the starting
// one's message, in the language in use: they would share the frame's
// spare time, and a class watches one thing at a time.
func (s *Session) stopOthers(what string) {
	var stopped []string
	if s.run.active {
		stopped = append(stopped, i18n.T("training"))
	}
	if s.sweep.active {
		stopped = append(stopped, i18n.T("the sweep"))
	}
	if s.imb.active {
		stopped = append(stopped, i18n.T("the biased-data experiment"))
	}
	if s.sus.active {
		stopped = append(stopped, i18n.T("the search"))
	}
	s.halt()
	s.sweep.active, s.imb.active, s.sus.active = false, false, false
	s.stopped = ""
	if len(stopped) > 0 {
		list := stopped[0]
		for _, st := range stopped[1:] {
			list = andText(list, st)
		}
		s.stopped = " " + i18n.Sprintf("(%s stopped for %s)", list, i18n.T(what))
	}
}

// experimentProgress is the experiment under way's share done and a
// label for the progress bar ("Sweep: 45%").
func (s *Session) experimentProgress() (float64, string) {
	var frac float64
	what := i18n.T("Search")
	switch {
	case s.sweep.active && s.sweep.run != nil:
		frac, what = s.sweep.run.Progress(), i18n.Sprintf("Sweep (%d hidden)", s.sweep.run.Current())
	case s.imb.active && s.imb.run != nil:
		frac, what = s.imb.run.Progress(), i18n.T("Biased data")
	default:
		frac = s.SearchProgress()
	}
	return frac, i18n.Sprintf("%s: %d%%", what, int(100*frac))
}

// ExperimentSome steps the experiment under way by at most max samples and
// reports whether it goes on.
func (s *Session) ExperimentSome(max int) bool {
	switch {
	case s.sweep.active:
		return s.SweepSome(max)
	case s.sus.active:
		return s.suspectsSome(max)
	}
	return s.imbalanceSome(max)
}
