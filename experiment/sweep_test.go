package experiment

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"digittrainer/nn"
)

// TestSweepIsTrain: each row is what a trainer started as "trainer train"
// starts one, trained in one go, reports; and the sweep trains on its own
// copy of the examples.
func TestSweepIsTrain(t *testing.T) {
	s := starter(t, 2, 8, 2)
	want := []Row{}
	for _, h := range []int{2, 8} {
		cfg := s.Net
		cfg.Hidden = h
		net, err := nn.NewSeeded(cfg, s.Seed)
		if err != nil {
			t.Fatal(err)
		}
		tr := nn.NewTrainer(net, s.Hyper, s.Seed)
		for range s.Epochs {
			tr.RunEpoch(s.Train)
		}
		tm, vm := net.Evaluate(s.Train), net.Evaluate(s.Val)
		want = append(want, Row{Hidden: h, Params: net.NumParams(),
			TrainAcc: tm.Accuracy, TrainLoss: tm.Loss, ValAcc: vm.Accuracy, ValLoss: vm.Loss})
	}
	sw, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	clear(s.Train.X) // the caller's dataset changes under the sweep
	clear(s.Val.Y)
	for !sw.Step(100) {
	}
	got := sw.Rows()
	for i := range got {
		got[i].Seconds, got[i].EpochTime = 0, 0
	}
	if !slices.Equal(got, want) {
		t.Errorf("rows\n%+v\nwant (nn.Trainer in one go)\n%+v", got, want)
	}
	if want[1].ValAcc < 0.9 {
		t.Errorf("81-8-2 after 2 epochs reads %.0f%% of the held-out starter drawings; the comparison means little", 100*want[1].ValAcc)
	}
}

// TestSweepSliceInvariant: a sweep stepped 7 samples at a time (never a
// multiple of the mini-batch of 3, nor of the 240 drawings an epoch) gives
// the rows one stepped in a single call gives, bit for bit, and its
// progress only ever goes up.
func TestSweepSliceInvariant(t *testing.T) {
	s := starter(t, 2, 24, 1, 4)
	s.Hyper.Batch, s.Hyper.Decay, s.Hyper.L2 = 3, 0.9, 1e-4
	s.Clock = func() time.Time { return time.Time{} } // no time passes: Seconds are equal too
	whole := run(t, s, math.MaxInt)
	sw, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	prev, cur, steps := 0.0, 0, 0
	for done := false; !done; steps++ {
		if c := sw.Current(); c < cur {
			t.Fatalf("step %d: current size went from %d back to %d", steps, cur, c)
		} else {
			cur = c
		}
		done = sw.Step(7)
		p := sw.Progress()
		if p < prev || p > 1 {
			t.Fatalf("step %d: progress %v after %v", steps, p, prev)
		}
		prev = p
	}
	if want := (3*2*240 + 6) / 7; steps != want {
		t.Errorf("%d steps of 7 samples, want %d", steps, want)
	}
	if prev != 1 || sw.Current() != 0 || !sw.Done() {
		t.Errorf("at the end: progress %v, current %d, done %v", prev, sw.Current(), sw.Done())
	}
	if got, want := sw.Rows(), whole.Rows(); !slices.Equal(got, want) {
		t.Errorf("stepped by 7:\n%+v\nin one call:\n%+v", got, want)
	}
	if got := sw.Sizes(); !slices.Equal(got, []int{1, 4, 24}) {
		t.Errorf("sizes %v, want ascending", got)
	}
}

// TestSweepTenClasses: a sweep of the 10-class starter set counts each
// network's parameters with its 10 outputs, and the larger net learns more
// than the tiny one.
func TestSweepTenClasses(t *testing.T) {
	s := starter(t, 10, 2, 16)
	s.Epochs = 1
	rows := run(t, s, 256).Rows()
	for i, h := range []int{2, 16} {
		if r := rows[i]; r.Hidden != h || r.Params != 81*h+h+h*10+10 {
			t.Errorf("row %d: hidden %d, %d parameters", i, r.Hidden, r.Params)
		}
	}
	if small, big := rows[0].ValAcc, rows[1].ValAcc; !(big > small+0.2) || math.IsNaN(rows[1].ValLoss) {
		t.Errorf("10 classes after 1 epoch: H=2 reads %.0f%%, H=16 %.0f%% (loss %v) of the held-out drawings", 100*small, 100*big, rows[1].ValLoss)
	}
}

// TestSweepWithoutValidation: with nothing held out the validation columns
// are NaN, not a made-up 0%.
func TestSweepWithoutValidation(t *testing.T) {
	s := starter(t, 2, 4)
	s.Val = nn.Examples{}
	s.Epochs = 1
	r := run(t, s, 1000).Rows()[0]
	if !math.IsNaN(r.ValAcc) || !math.IsNaN(r.ValLoss) || math.IsNaN(r.TrainAcc) || math.IsNaN(r.TrainLoss) {
		t.Errorf("no validation set: %+v", r)
	}
}

// TestSweepClock: Seconds is the time spent in training, read twice per
// slice and never around the evaluation; EpochTime is its share per epoch.
func TestSweepClock(t *testing.T) {
	s := starter(t, 2, 4)
	s.Epochs = 3
	s.Clock = tickClock()
	r := run(t, s, math.MaxInt).Rows()[0] // one slice per epoch, as slices stop at an epoch's end
	if r.Seconds != 3 || r.EpochTime != 1 {
		t.Errorf("3 epochs in one slice each: %v s, %v s an epoch; want 3 and 1", r.Seconds, r.EpochTime)
	}
}

// TestSweepDiverges: a run whose weights blow up stops after that epoch,
// as "trainer train" does, with NaN metrics and the epoch named, and the
// sweep goes on to the next size.
func TestSweepDiverges(t *testing.T) {
	s := starter(t, 2, 2, 24)
	s.Hyper.LR, s.Epochs = 1e308, 5
	sw := run(t, s, 100)
	rows := sw.Rows()
	if len(rows) != 2 || sw.Progress() != 1 {
		t.Fatalf("%d rows, progress %v", len(rows), sw.Progress())
	}
	for _, r := range rows {
		if r.Diverged != 1 || !math.IsNaN(r.TrainAcc) || !math.IsNaN(r.ValLoss) || r.EpochTime != r.Seconds {
			t.Errorf("lr 1e308: %+v", r)
		}
	}
}

func TestStepNothing(t *testing.T) {
	sw, err := New(starter(t, 2, 4))
	if err != nil {
		t.Fatal(err)
	}
	if sw.Step(0) || sw.Step(-5) || sw.Progress() != 0 || sw.Current() != 4 || len(sw.Rows()) != 0 {
		t.Errorf("Step(0): progress %v, current %d, %d rows", sw.Progress(), sw.Current(), len(sw.Rows()))
	}
}

func TestSizes(t *testing.T) {
	in := []int{64, 1, 24, 24, 1}
	got, err := Sizes(in)
	if err != nil || !slices.Equal(got, []int{1, 24, 64}) || !slices.Equal(in, []int{64, 1, 24, 24, 1}) {
		t.Errorf("Sizes(64,1,24,24,1) = %v, %v; input now %v", got, err, in)
	}
	many := make([]int, 40)
	for i := range many {
		many[i] = i%MaxSizes + 1 // 40 entries, 16 sizes
	}
	if got, err := Sizes(many); err != nil || len(got) != MaxSizes {
		t.Errorf("16 sizes given 40 times: %v, %v", got, err)
	}
	if got, err := Sizes(DefaultSizes); err != nil || !slices.Equal(got, DefaultSizes) {
		t.Errorf("DefaultSizes are not a valid sweep in order: %v, %v", got, err)
	}
}

func TestSetupErrors(t *testing.T) {
	seventeen := make([]int, MaxSizes+1)
	for i := range seventeen {
		seventeen[i] = i + 1
	}
	for _, tc := range []struct {
		name  string
		edit  func(*Setup)
		field string
		want  string
	}{
		{"no sizes", func(s *Setup) { s.Sizes = nil }, "Sizes", "is empty"},
		{"size 0", func(s *Setup) { s.Sizes = []int{1, 0} }, "Sizes", "must be 1..256, not 0"},
		{"size 300", func(s *Setup) { s.Sizes = []int{300} }, "Sizes", "must be 1..256, not 300"},
		{"17 sizes", func(s *Setup) { s.Sizes = seventeen }, "Sizes", "has 17 different sizes; a sweep tries at most 16"},
		{"0 epochs", func(s *Setup) { s.Epochs = 0 }, "Epochs", "must be at least 1, not 0"},
		{"no training set", func(s *Setup) { s.Train = nn.Examples{} }, "Train", "has no examples"},
		{"label 2 of 2 classes", func(s *Setup) { s.Train.Y[5] = 2 }, "Train", "example 5 has label 2"},
		{"short inputs", func(s *Setup) { s.Val.X = s.Val.X[1:] }, "Val", "input values for"},
		{"11 classes", func(s *Setup) { s.Net.Classes = 11 }, "Net", "class count 11"},
		{"no activation", func(s *Setup) { s.Net.Activation = 99 }, "Net", "unknown activation"},
	} {
		s := starter(t, 2, 4)
		tc.edit(&s)
		sw, err := New(s)
		var se *SetupError
		if !errors.As(err, &se) || se.Field != tc.field || !strings.Contains(err.Error(), tc.want) ||
			!strings.HasPrefix(err.Error(), "experiment: "+tc.field+" ") || sw != nil {
			t.Errorf("%s: %v (%#v), want a %s error containing %q", tc.name, err, se, tc.field, tc.want)
		}
	}
}
