package session

import (
	"strings"
	"testing"
)

// TestSweepRowIsTheUsersRun: the sweep's row for the user's hidden size is
// what the user gets by training a fresh network for "Train N epochs" with
// the same settings, and the user's network is not touched meanwhile.
func TestSweepRowIsTheUsersRun(t *testing.T) {
	s := newTestSession(t)
	s.SetEpochsN(5)
	epochs(s, 2)
	mine := s.ModelHash()
	s.StartSweep()
	if !s.Sweeping() {
		t.Fatalf("the sweep did not start: %q", s.Message().Text)
	}
	for i := 0; i < 1e6 && s.SweepSome(97); i++ {
	}
	if s.Sweeping() || s.ModelHash() != mine {
		t.Fatalf("sweeping %v; the user's network changed %v", s.Sweeping(), s.ModelHash() != mine)
	}
	run, own, n := s.Sweep()
	if own != 24 || n != 5 || !strings.HasPrefix(s.Message().Text, "Sweep done: best") {
		t.Errorf("own %d, epochs %d, message %q", own, n, s.Message().Text)
	}
	var row24 = -1
	for i, r := range run.Rows() {
		if r.Hidden == 24 {
			row24 = i
		}
	}
	if row24 < 0 || len(run.Rows()) != 8 {
		t.Fatalf("rows %+v", run.Rows())
	}
	s.Reset(false)
	s.TrainEpochs()
	trainUntilStopped(t, s)
	m, r := s.Measure(), run.Rows()[row24]
	if m.Train.Accuracy != r.TrainAcc || m.Val.Accuracy != r.ValAcc || m.Val.Loss != r.ValLoss || m.Train.Loss != r.TrainLoss {
		t.Errorf("the user's run: train %v/%v val %v/%v; the sweep's H=24 row: %v/%v, %v/%v",
			m.Train.Accuracy, m.Train.Loss, m.Val.Accuracy, m.Val.Loss, r.TrainAcc, r.TrainLoss, r.ValAcc, r.ValLoss)
	}
}

// TestSweepStop keeps the rows finished so far.
func TestSweepStop(t *testing.T) {
	s := newTestSession(t)
	s.StartSweep()
	for i := 0; i < 1e6 && s.Sweeping(); i++ {
		s.SweepSome(50)
		if run, _, _ := s.Sweep(); len(run.Rows()) == 3 {
			s.StopSweep()
		}
	}
	if run, _, _ := s.Sweep(); len(run.Rows()) != 3 || s.Sweeping() || !strings.Contains(s.Message().Text, "3 of 8") {
		t.Errorf("after Stop: %d rows, sweeping %v, %q", len(run.Rows()), s.Sweeping(), s.Message().Text)
	}
}

// TestProgressShowsTheExperiment: while an experiment runs the progress
// bar's text names it and its share done, so it shows with its card closed.
func TestProgressShowsTheExperiment(t *testing.T) {
	s := newTestSession(t)
	s.StartSweep()
	s.SweepSome(500)
	frac, text := s.ProgressText()
	if frac <= 0 || frac >= 1 || !strings.HasPrefix(text, "Sweep (") {
		t.Errorf("progress %v %q during a sweep", frac, text)
	}
	for s.ExperimentSome(1000) {
	}
	if _, text := s.ProgressText(); strings.HasPrefix(text, "Sweep") {
		t.Errorf("after the sweep the bar still says %q", text)
	}
}
