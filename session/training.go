package session

import (
	"math"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// Training. The scheduler calls TrainSome in slices while the session
// runs; the step buttons call it once.

// CanTrain reports whether there is anything to train on, saying why not.
func (s *Session) CanTrain() bool {
	if s.TrainSize() == 0 {
		s.Fail("There are no drawings to train on: add some (Enter) or load a dataset.")
		return false
	}
	return true
}

// TrainSome trains on at most max samples, stopping at the end of an epoch
// so that each epoch is measured and checked, and returns how many it
// trained on. If training diverges it rolls back and returns what it did.
func (s *Session) TrainSome(max int) int {
	train, _ := s.Examples()
	n := train.Len()
	if n == 0 || max <= 0 {
		return 0
	}
	left := n - int(math.Round(s.trainer.Progress()*float64(n)))
	if left <= 0 {
		left = n
	}
	before := s.trainer.Epoch
	t0 := clock()
	done := s.trainer.Train(train, s.crashLimit(min(max, left)))
	took := clock().Sub(t0)
	s.trainTime += took
	s.perf.time += took
	s.perf.samples += done
	if s.perf.samples > perfWindow { // weigh what is recent: a page's first epochs run before the JIT warms up
		s.perf.time, s.perf.samples = s.perf.time/2, s.perf.samples/2
	}
	s.watch.trained = s.watch.on
	if s.strikeIfDue() {
		return done
	}
	if !s.net.Finite() {
		s.diverged(math.NaN())
		return done
	}
	if s.trainer.Epoch != before {
		s.endEpoch()
	}
	return done
}

// endEpoch checks a finished epoch with the guard, records it in the
// curves, and stops training at its goal or when it is stuck.
func (s *Session) endEpoch() {
	last := s.trainer.Last
	if s.guard.Exploded(last.Loss) {
		s.diverged(last.Loss)
		return
	}
	s.guard.Good(s.trainer, last.Loss)
	if s.history.Due(last.Epoch) {
		s.history.Add(s.Measure().Point(last.Epoch))
	}
	s.snapshotDue()
	switch {
	case s.run.goal > 0 && s.trainer.Epoch >= s.run.goal:
		n := s.run.goalN
		s.halt()
		s.Say("Trained %d epochs: %s.%s", n, s.accuracyText(), s.crashNote())
	case s.run.active && s.run.goal == 0 && (s.Patience() == 0 || s.CrashArmed()):
		s.stuck = stuck{} // never stops (and measures nothing for it); a patience chosen later starts afresh
	case s.run.active && s.run.goal == 0 && !s.stuck.improved(last.Epoch, s.stopLoss(), s.Patience()):
		s.halt()
		s.Say("Stopped: %s has not improved for %d epochs (best %s, at epoch %d). Now: %s.%s",
			s.stopLossName(), s.Patience(), lossText(s.stuck.best), s.stuck.epoch, s.accuracyText(), s.crashNote())
	}
}

// stopLoss is the loss an early stop watches: the validation set's, or the
// training set's when there is no validation set.
func (s *Session) stopLoss() float64 {
	if v := s.valMetrics(); v.N > 0 {
		return v.Loss
	}
	return s.Measure().Train.Loss
}

// stopLossName names the loss an early stop watches, for a message: "the
// validation loss".
func (s *Session) stopLossName() string {
	if s.ValSize() > 0 {
		return i18n.T("the validation loss")
	}
	return i18n.T("the training loss")
}

// accuracyText is "training accuracy 99.6%, validation 93%".
func (s *Session) accuracyText() string {
	m := s.Measure()
	if m.HasVal() {
		return i18n.Sprintf("training accuracy %s, validation %s", Percent(m.Train.Accuracy), Percent(m.Val.Accuracy))
	}
	return i18n.Sprintf("training accuracy %s", Percent(m.Train.Accuracy))
}

// halt stops training (Play and Train N epochs) and gives the grid back.
func (s *Session) halt() {
	s.run = run{}
	s.unwatch()
}

// diverged pauses, rolls the weights and the learning rate back and says
// what the network and the settings are now.
func (s *Session) diverged(loss float64) {
	s.halt()
	bad := s.trainer.Hyper.LR
	s.guard.Restore(s.trainer)
	if s.lesson.id != "" {
		s.lesson.diverged = s.trainer.Epoch + 1
	}
	what := i18n.T("the loss became too large")
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		what = i18n.T("the loss stopped being a number (NaN)")
	}
	t := s.trainer
	s.Fail("Training diverged: %s. The weights are back as they were after epoch %d, and the learning rate η back to %s (%s in use). "+
		"η = %s is too high for this network: try a smaller one.", what, t.Epoch, rateText(t.Hyper.LR), rateText(t.LR), rateText(bad))
}

// rateText writes a learning rate as the steppers and the tour do: four
// significant digits ("0.09044"), no more than it has ("0.1"), with the
// decimal separator of the language in use ("0,1").
func rateText(v float64) string { return i18n.Sprintf("%.4g", v) }

// Play starts training until it stops improving (see Patience); Pause
// stops it (and Train N epochs).
func (s *Session) Play() {
	if s.CanTrain() {
		s.run, s.stuck = run{active: true}, stuck{}
	}
}
func (s *Session) Pause() { s.halt() }

// TogglePlay is the P key.
func (s *Session) TogglePlay() {
	if !s.run.active {
		s.Play()
		if s.run.active {
			s.Say("Training at %s%s.", paceWords(s.Pace()), s.stopWords())
		}
		return
	}
	s.Pause()
	s.Say("Paused at epoch %d (%s): %s.%s", s.trainer.Epoch, s.epochPart(), s.accuracyText(), s.crashNote())
}

// paceWords says the pace in words: "100 drawings a second", "full speed".
func paceWords(p float64) string {
	switch {
	case math.IsInf(p, 1):
		return i18n.T("full speed")
	case p == 1:
		return i18n.T("1 drawing a second: the grid shows each one")
	}
	return i18n.Sprintf("%s drawings a second", i18n.Float(p, -1))
}

// stopWords says when Train stops by itself.
func (s *Session) stopWords() string {
	if s.Patience() == 0 {
		return i18n.T("; it runs until paused")
	}
	return i18n.Sprintf("; it stops when %s has not improved for %d epochs", s.stopLossName(), s.Patience())
}

// epochPart says how far into the next epoch training is.
func (s *Session) epochPart() string {
	n := s.TrainSize()
	done := int(math.Round(s.trainer.Progress() * float64(n)))
	if done == 0 {
		return i18n.T("at its end")
	}
	return i18n.Sprintf("%d of the next epoch's %d drawings done", done, n)
}

// StepSample trains on one sample (one update when the batch size is 1)
// and says which, with its loss before and after. The drawing goes on the
// grid unless the grid holds a drawing of the user's that is not in the
// dataset.
func (s *Session) StepSample() {
	if !s.CanTrain() {
		return
	}
	s.Pause()
	seq := s.msg.Seq
	s.TrainSome(1)
	st := s.trainer.Step
	if s.msg.Seq != seq || st.Index >= len(s.split.trainIdx) {
		return // it diverged and said so
	}
	i := s.split.trainIdx[st.Index]
	if s.selected >= 0 || s.grid.Ink() == 0 {
		s.Select(i)
	}
	smp := s.data.Samples[i]
	x := make([]float64, nn.Inputs)
	smp.Inputs(x)
	after := nn.NewState(s.net.Config)
	s.net.Forward(after, x)
	s.Say("Learned from drawing %d (a %s): loss %s before the update, %s after.",
		i+1, s.data.Classes[smp.Label], lossText(st.Loss), lossText(after.Loss(smp.Label)))
}

// StepEpoch trains to the end of the current epoch.
func (s *Session) StepEpoch() {
	if !s.CanTrain() {
		return
	}
	s.Pause()
	seq, n := s.msg.Seq, s.TrainSize()
	done := s.TrainSome(n)
	if s.msg.Seq != seq {
		return // it diverged, or the epoch's end said something
	}
	what := i18n.T("one epoch")
	if done < n {
		what = i18n.Sprintf("the last %d drawings of epoch %d", done, s.trainer.Epoch)
	}
	s.Say("Trained %s: %s.", what, s.accuracyText())
}

// TrainEpochs starts "Train N epochs"; the scheduler does the work over the
// next frames.
func (s *Session) TrainEpochs() {
	if !s.CanTrain() {
		return
	}
	n := max(s.epochsN, 1)
	s.run = run{active: true, goal: s.trainer.Epoch + n, goalN: n}
}

// Progress is how far "Train N epochs" has got, from 0 to 1 (0 when it is
// not running).
func (s *Session) Progress() float64 {
	if s.run.goal == 0 || s.run.goalN == 0 {
		return 0
	}
	done := float64(s.run.goalN-(s.run.goal-s.trainer.Epoch)) + s.trainer.Progress()
	return min(max(done/float64(s.run.goalN), 0), 1)
}

// Reset gives the network fresh weights; newSeed picks the next seed first,
// otherwise the same seed gives the same starting weights.
func (s *Session) Reset(newSeed bool) {
	seed := s.seed
	if newSeed {
		seed++
	}
	if err := s.fresh(i18n.Mark("resetting the weights"), s.net.Config, seed); err != nil {
		s.Fail("%v", Plain(err))
		return
	}
	s.Say("Fresh weights from seed %d. Ctrl+Z brings back the ones before.", seed)
}

// Iteration is one training iteration made on a copy of the network, every
// value recorded, for the guided tour to show before it changes anything.
type Iteration struct {
	Trace *nn.Trace
	from  uint64 // the version of the network it was made from
}

// Preview makes the tour's iteration: a plain SGD step on x with label, at
// the rate in use, on a copy of the network. Nothing changes until Apply.
func (s *Session) Preview(x []float64, label int) *Iteration {
	s.Pause()
	tr := s.net.Clone().TraceStep(x, label, s.trainer.LR, s.trainer.Hyper.L2)
	return &Iteration{Trace: tr, from: s.net.Version()}
}

// Apply gives the network the weights of it, counting it as a sample
// trained on, and reports whether it did: not if the network changed since
// the preview (the iteration would undo that change).
func (s *Session) Apply(it *Iteration) bool {
	if it == nil || s.net.Version() != it.from || s.net.Config != it.Trace.After.Config {
		return false
	}
	s.net.CopyFrom(it.Trace.After)
	s.trainer.Seen++
	s.Say("The tour's step changed the network: it learned from one drawing. Its weights are the ones on screen now.")
	return true
}
