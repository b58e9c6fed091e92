package session

import (
	"math"
	"strings"
	"testing"

	"digittrainer/nn"
)

// trainUntilStopped runs the scheduler's loop without a clock: TrainSome
// in slices while the session runs.
func trainUntilStopped(t *testing.T, s *Session) {
	t.Helper()
	for i := 0; i < 100000 && s.Running(); i++ {
		if p := s.Progress(); p < 0 || p > 1 {
			t.Fatalf("progress %v", p)
		}
		s.TrainSome(37)
	}
	if s.Running() {
		t.Fatal("training never stopped")
	}
}

func TestTrainNEpochsStopsAndIsReproducible(t *testing.T) {
	run := func() (string, int) {
		s := newTestSession(t)
		if !s.SetEpochsN(5) {
			t.Fatal("5 is not an epoch choice")
		}
		s.TrainEpochs()
		trainUntilStopped(t, s)
		if !strings.Contains(s.Message().Text, "Trained 5 epochs") {
			t.Errorf("message %q", s.Message().Text)
		}
		return s.ModelHash(), s.Trainer().Epoch
	}
	h1, e1 := run()
	h2, e2 := run()
	if e1 != 5 || e2 != 5 || h1 != h2 {
		t.Errorf("two runs: epochs %d %d, hashes %s %s; want 5 epochs, same weights", e1, e2, h1, h2)
	}
}

// TestCurvesAreTheMeasurement: each point of the curves is the network
// after its epoch, measured as the status and the panels measure it.
func TestCurvesAreTheMeasurement(t *testing.T) {
	s := newTestSession(t)
	for e := 1; e <= 3; e++ {
		s.StepEpoch()
		h, m := s.History(), s.Measure()
		i := h.Len() - 1
		if h.Len() != e || h.Epochs[i] != e {
			t.Fatalf("after %d epochs the curves have %d points, last epoch %v", e, h.Len(), h.Epochs)
		}
		if h.TrainLoss[i] != m.Train.Loss || h.TrainAcc[i] != m.Train.Accuracy || h.ValAcc[i] != m.Val.Accuracy || h.ValLoss[i] != m.Val.Loss {
			t.Errorf("epoch %d: curve point %v %v %v %v, measurement %+v", e, h.TrainLoss[i], h.TrainAcc[i], h.ValLoss[i], h.ValAcc[i], m)
		}
	}
}

func TestResetSameSeedSameWeights(t *testing.T) {
	s := newTestSession(t)
	h0 := s.ModelHash()
	s.StepEpoch()
	if s.ModelHash() == h0 {
		t.Fatal("a step did not train")
	}
	s.Reset(false)
	if s.ModelHash() != h0 || s.Trainer().Epoch != 0 || s.History().Len() != 0 {
		t.Error("Reset did not restore the seed's weights")
	}
	s.Reset(true)
	if s.ModelHash() == h0 || s.Seed() != DefaultSeed+1 {
		t.Error("a new seed did not change the weights")
	}
}

func TestSettingsHaveOneHome(t *testing.T) {
	s := newTestSession(t)
	s.StepEpoch() // the rate in use decays
	if s.Trainer().LR == s.Trainer().Hyper.LR {
		t.Fatal("no decay after an epoch")
	}
	s.Adjust(SetLR, 1)
	if got := s.Settings().Hyper.LR; got != 0.3 || s.Trainer().LR != 0.3 || s.Value(SetLR) != "0.3" {
		t.Errorf("after +: set %v, in use %v, shown %s; want 0.3 all three", got, s.Trainer().LR, s.Value(SetLR))
	}
	s.Adjust(SetHidden, 1)
	if s.Net().Hidden != 32 || s.Settings().Hidden != 32 || s.Trainer().Hyper.LR != 0.3 {
		t.Errorf("hidden +: net %d, settings %d, rate %v", s.Net().Hidden, s.Settings().Hidden, s.Trainer().Hyper.LR)
	}
	s.Adjust(SetActivation, 1)
	if s.Net().Activation.String() != "tanh" || s.Value(SetActivation) != "tanh" {
		t.Errorf("activation +: %v", s.Net().Activation)
	}
	s.Adjust(SetBatch, 1)
	s.Adjust(SetDecay, 1)
	if h := s.Trainer().Hyper; h.Batch != 2 || h.Decay != 0.999 {
		t.Errorf("batch and decay: %+v", h)
	}
}

func TestDivergenceGuardRollsBack(t *testing.T) {
	s := newTestSession(t)
	s.StepEpoch()
	good, epoch := s.ModelHash(), s.Trainer().Epoch
	// A learning rate no network survives.
	for range 20 {
		s.Adjust(SetLR, 1)
	}
	s.trainer.LR = 1e6
	s.Play()
	for i := 0; i < 100 && s.Running(); i++ {
		s.TrainSome(50)
	}
	if s.Running() {
		t.Fatal("training at η = 1e6 never diverged")
	}
	if m := s.Message(); !m.Err || !strings.Contains(m.Text, "learning rate") {
		t.Errorf("message %q (error %v) should blame the learning rate", m.Text, m.Err)
	}
	if s.ModelHash() != good || s.Trainer().Epoch != epoch || !s.Net().Finite() {
		t.Errorf("not rolled back: epoch %d (want %d), finite %v", s.Trainer().Epoch, epoch, s.Net().Finite())
	}
	// The rate set goes back with the weights, so the stepper shows what
	// the next run uses.
	if h := s.Trainer().Hyper.LR; h != 0.1 || s.Value(SetLR) != "0.1" || s.Trainer().LR != 0.099 {
		t.Errorf("after the rollback η set %v (shown %s), in use %v; want 0.1 and 0.099", h, s.Value(SetLR), s.Trainer().LR)
	}
	if m := s.Message().Text; !strings.Contains(m, "learning rate η back to 0.1 (0.099 in use)") || !strings.Contains(m, "η = 100 is too high") {
		t.Errorf("message %q", m)
	}
	for _, p := range s.Probs() {
		if math.IsNaN(p) {
			t.Fatal("NaN probability after rollback")
		}
	}
	if _, err := s.EncodeCheckpoint(); err != nil {
		t.Errorf("the rolled-back model cannot be saved: %v", err)
	}
}

func TestGuardExploded(t *testing.T) {
	var g Guard
	for _, c := range []struct {
		mean, loss float64
		want       bool
	}{{0, 0.7, false}, {0, 6, true}, {0.3, 4.9, false}, {0.3, 5.5, true}, {0.8, 7, false}, {0.5, math.NaN(), true}} {
		g.mean = c.mean
		if got := g.Exploded(c.loss); got != c.want {
			t.Errorf("mean %v, loss %v: exploded %v, want %v", c.mean, c.loss, got, c.want)
		}
	}
}

func TestPreviewThenApply(t *testing.T) {
	s := newTestSession(t)
	train, _ := s.Examples()
	h0, seen := s.ModelHash(), s.Trainer().Seen
	it := s.Preview(train.Input(0), train.Y[0])
	if s.ModelHash() != h0 || s.Trainer().Seen != seen || it.Trace.LR != s.Trainer().LR {
		t.Fatalf("a preview changed the network (hash changed %v, seen %d) or used η %v", s.ModelHash() != h0, s.Trainer().Seen, it.Trace.LR)
	}
	if !s.Apply(it) || s.ModelHash() != ModelHash(it.Trace.After) || s.Trainer().Seen != seen+1 {
		t.Fatal("Apply did not give the network the iteration's weights")
	}
	// An iteration made before the network changed is not applied.
	stale := s.Preview(train.Input(1), train.Y[1])
	s.StepSample()
	h := s.ModelHash()
	if s.Apply(stale) || s.ModelHash() != h {
		t.Error("a stale iteration was applied")
	}
}

func TestPercentNeverRoundsAMistakeAway(t *testing.T) {
	for v, want := range map[float64]string{1: "100%", 0.996: "99.6%", 0.9999: "99.9%", 0.5: "50%", 0.994: "99%", 0: "0%"} {
		if got := Percent(v); got != want {
			t.Errorf("Percent(%v) = %s, want %s", v, got, want)
		}
	}
}

// TestLongRunsKeepTheFirstEpochs: however long the run, the curves keep
// its first epochs, where the learning happens, and stay bounded.
func TestLongRunsKeepTheFirstEpochs(t *testing.T) {
	var h History
	for e := 1; e <= 100000; e++ {
		due := h.Due(e)
		h.Add(Point{Epoch: e, TrainLoss: 1 / float64(e)})
		if recorded := h.Epochs[h.Len()-1] == e; recorded != due {
			t.Fatalf("epoch %d: due %v, recorded %v", e, due, !due)
		}
	}
	if h.Len() > maxHistory {
		t.Errorf("%d points, want at most %d", h.Len(), maxHistory)
	}
	for e := 1; e <= keepFirst; e++ {
		if h.Epochs[e-1] != e {
			t.Fatalf("epoch %d is not point %d: %v", e, e-1, h.Epochs[:keepFirst])
		}
	}
	if last := h.Epochs[h.Len()-1]; last < 100000-h.Every {
		t.Errorf("the last point is epoch %d", last)
	}
}

// TestCellDrawingsMatchTheMatrix: each cell of the matrix counts exactly
// the drawings CellDrawings lists, all of them validation drawings of its
// true class that the network predicts as its column.
func TestCellDrawingsMatchTheMatrix(t *testing.T) {
	s := newTestSession(t)
	s.StepEpoch()
	meas := s.Measure()
	m := meas.Confusion()
	total := 0
	for i, row := range m {
		for j, n := range row {
			got := meas.CellDrawings(i, j)
			if len(got) != n {
				t.Errorf("cell %d→%d counts %d, CellDrawings lists %d", i, j, n, len(got))
			}
			for _, k := range got {
				smp := s.Data().Samples[k]
				st, x := nn.NewState(s.Net().Config), make([]float64, nn.Inputs)
				smp.Inputs(x)
				s.Net().Forward(st, x)
				if smp.Label != i || !smp.Val || st.Predicted() != j {
					t.Errorf("cell %d→%d lists drawing %d (label %d, validation %v, predicted %d)", i, j, k, smp.Label, smp.Val, st.Predicted())
				}
			}
			total += len(got)
		}
	}
	if total != s.ValSize() {
		t.Errorf("the cells list %d drawings, the validation set has %d", total, s.ValSize())
	}
}
