package app

import (
	"math"
)

// Training actions of a Session. The scheduler calls TrainSome in slices;
// the step buttons call it once.

// CanTrain reports whether there is anything to train on, saying why not.
func (s *Session) CanTrain() bool {
	if s.train.Len() == 0 {
		s.Fail("There are no drawings to train on: add some (Enter) or load a dataset.")
		return false
	}
	return true
}

// TrainSome trains on at most max samples, stopping at the end of an epoch
// so that each epoch is measured and checked, and returns how many it
// trained on. If training diverges it rolls back and returns what it did.
func (s *Session) TrainSome(max int) int {
	n := s.train.Len()
	if n == 0 || max <= 0 {
		return 0
	}
	left := n - int(math.Round(s.Trainer.Progress()*float64(n)))
	if left <= 0 {
		left = n
	}
	before := s.Trainer.Epoch
	done := s.Trainer.Train(s.train, min(max, left))
	if !s.Net.Finite() {
		s.diverged(math.NaN())
		return done
	}
	if s.Trainer.Epoch != before {
		s.endEpoch()
	}
	return done
}

// endEpoch measures a finished epoch, checks it with the guard and records it.
func (s *Session) endEpoch() {
	last := s.Trainer.Last
	if s.guard.Exploded(last.Loss) {
		s.diverged(last.Loss)
		return
	}
	s.guard.Good(s.Trainer, last.Loss)
	s.TrainLoss, s.TrainAcc, s.HasEval = last.Loss, last.Accuracy, true
	p := Point{Epoch: last.Epoch, TrainLoss: last.Loss, TrainAcc: last.Accuracy}
	s.HasVal = s.val.Len() > 0
	if s.HasVal {
		m := s.Net.Evaluate(s.val)
		s.ValAcc, s.Confusion = m.Accuracy, m.Confusion
		p.ValLoss, p.ValAcc = m.Loss, m.Accuracy
	} else {
		s.Confusion = s.Net.Evaluate(s.train).Confusion
		p.ValLoss, p.ValAcc = math.NaN(), math.NaN()
	}
	s.History.Add(p)
	s.Version++
	if s.Goal > 0 && s.Trainer.Epoch >= s.Goal {
		s.Running, s.Goal = false, 0
		s.Say("Trained %d epochs: training accuracy %.0f%%.", s.goalN, 100*last.Accuracy)
	}
}

// diverged pauses, rolls the weights back and explains.
func (s *Session) diverged(loss float64) {
	s.Running, s.Goal = false, 0
	s.guard.Restore(s.Trainer)
	s.Version++ // new weights with an old Seen: autosave and the status hash must see the change
	s.Predict()
	s.evaluate()
	what := "became too large"
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		what = "stopped being a number (NaN)"
	}
	s.Fail("Training diverged: the loss %s. Weights were rolled back to epoch %d. "+
		"The learning rate (%g) is probably too high: try a smaller one.", what, s.guard.Epoch(), s.Settings.Hyper.LR)
}

// Play starts training continuously; Pause stops it (and Train N epochs).
func (s *Session) Play() {
	if s.CanTrain() {
		s.Running, s.Goal = true, 0
	}
}
func (s *Session) Pause() { s.Running, s.Goal = false, 0 }

// TogglePlay is the P key.
func (s *Session) TogglePlay() {
	if s.Running {
		s.Pause()
	} else {
		s.Play()
	}
}

// StepSample trains on one sample (one update when the batch size is 1).
func (s *Session) StepSample() {
	if s.CanTrain() {
		s.Pause()
		s.TrainSome(1)
		s.Predict()
	}
}

// StepEpoch trains to the end of the current epoch.
func (s *Session) StepEpoch() {
	if s.CanTrain() {
		s.Pause()
		s.TrainSome(s.train.Len())
		s.Predict()
	}
}

// TrainEpochs starts "Train N epochs" with N from the settings; the
// scheduler does the work over the next frames.
func (s *Session) TrainEpochs() {
	if !s.CanTrain() {
		return
	}
	n := max(s.Settings.EpochsN, 1)
	s.Running, s.Goal, s.goalN = true, s.Trainer.Epoch+n, n
}

// Reset gives the network fresh weights; newSeed picks the next seed first,
// otherwise the same seed gives the same starting weights.
func (s *Session) Reset(newSeed bool) {
	if newSeed {
		s.Settings.Seed++
	}
	if err := s.resetNet(); err != nil {
		s.Fail("%v", err)
		return
	}
	s.Say("Fresh weights from seed %d.", s.Settings.Seed)
}
