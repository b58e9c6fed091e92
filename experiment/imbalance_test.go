package experiment

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"digittrainer/nn"
)

// biasMargin is how much the thinned class's validation accuracy must fall
// for the bias to count as shown: 3 of the starter set's 30 held-out
// drawings a class. With a tenth of a class left it falls by 5 to 8 of
// them for either class, H 4, 8 or 24 and seeds 1 to 5.
const biasMargin = 0.1

// TestImbalanceShowsBias: with a tenth of one class's drawings left, the
// network recognises that class less well than the balanced run does, and
// the other class no worse: the drawings it now misses are read as the
// other class, in the confusion matrix's off-diagonal cell.
func TestImbalanceShowsBias(t *testing.T) {
	for class := range 2 {
		other := 1 - class
		r := runImbalance(t, starterImbalance(t, class, 0.1), 500)
		bal, thin := r[0], r[1]
		if bal.Run != Balanced || thin.Run != Thinned || bal.On != "validation" || thin.On != "validation" {
			t.Fatalf("class %d: runs %q on %s, %q on %s", class, bal.Run, bal.On, thin.Run, thin.On)
		}
		want := []int{120, 120}
		if !slices.Equal(bal.Trained, want) {
			t.Errorf("class %d: balanced run trained on %v drawings, want %v", class, bal.Trained, want)
		}
		want[class] = 12
		if !slices.Equal(thin.Trained, want) {
			t.Errorf("class %d at 10%%: thinned run trained on %v drawings, want %v", class, thin.Trained, want)
		}
		b, th := bal.Metrics.PerClass(), thin.Metrics.PerClass()
		if b[class] < 0.8 {
			t.Errorf("class %d: the balanced run reads only %.0f%% of it; the comparison means little", class, 100*b[class])
		}
		if !(th[class] <= b[class]-biasMargin) || th[other] < b[other] {
			t.Errorf("class %d at 10%%: per-class accuracy %v, balanced %v; want class %d down by %v and class %d no lower",
				class, th, b, class, biasMargin, other)
		}
		if missed, was := thin.Metrics.Confusion[class][other], bal.Metrics.Confusion[class][other]; missed <= was {
			t.Errorf("class %d: %d of its drawings read as %d after thinning, %d before", class, missed, other, was)
		}
	}
}

// TestImbalanceShareOne: keeping every drawing makes the thinned run the
// balanced one, bit for bit, down to the predictions.
func TestImbalanceShareOne(t *testing.T) {
	s := starterImbalance(t, 0, 1)
	s.Epochs = 2
	s.Clock = func() time.Time { return time.Time{} }
	r := runImbalance(t, s, 100)
	if len(r) != 2 {
		t.Fatalf("%d results", len(r))
	}
	r[1].Run = r[0].Run
	if !reflect.DeepEqual(r[0], r[1]) {
		t.Errorf("share 1:\nbalanced %+v\nthinned  %+v", r[0], r[1])
	}
}

// TestImbalanceSliceInvariant: stepped 7 samples at a time (the balanced
// run's 240 drawings and the thinned run's 132 are no multiple of 7) the
// results are those of a single call, bit for bit, and progress only goes
// up.
func TestImbalanceSliceInvariant(t *testing.T) {
	s := starterImbalance(t, 1, 0.1)
	s.Epochs, s.Hyper.Batch, s.Hyper.Decay = 2, 3, 0.9
	s.Clock = func() time.Time { return time.Time{} }
	whole := runImbalance(t, s, math.MaxInt)
	im, err := NewImbalance(s)
	if err != nil {
		t.Fatal(err)
	}
	prev, steps := 0.0, 0
	for done := false; !done; steps++ {
		done = im.Step(7)
		if p := im.Progress(); p < prev || p > 1 {
			t.Fatalf("step %d: progress %v after %v", steps, p, prev)
		} else {
			prev = p
		}
	}
	if want := (2*240 + 2*132 + 6) / 7; steps != want {
		t.Errorf("%d steps of 7 samples, want %d", steps, want)
	}
	if !im.Done() || prev != 1 {
		t.Errorf("at the end: done %v, progress %v", im.Done(), prev)
	}
	if got := im.Results(); !reflect.DeepEqual(got, whole) {
		t.Errorf("stepped by 7:\n%+v\nin one call:\n%+v", got, whole)
	}
}

// TestImbalanceWithoutValidation: with nothing held out both runs are
// measured on the whole balanced training set, and say so.
func TestImbalanceWithoutValidation(t *testing.T) {
	s := starterImbalance(t, 0, 0.5)
	s.Val, s.Epochs = nn.Examples{}, 1
	for _, r := range runImbalance(t, s, 1000) {
		if r.On != "training" || r.Metrics.N != 240 || math.IsNaN(r.Metrics.Loss) {
			t.Errorf("%s run without validation: on %q, %d examples, loss %v", r.Run, r.On, r.Metrics.N, r.Metrics.Loss)
		}
	}
}

// TestImbalanceDiverges: a run whose weights blow up stops after that
// epoch with NaN metrics, and the other run still trains.
func TestImbalanceDiverges(t *testing.T) {
	s := starterImbalance(t, 0, 0.5)
	s.Hyper.LR, s.Epochs = 1e308, 5
	im, err := NewImbalance(s)
	if err != nil {
		t.Fatal(err)
	}
	for !im.Step(100) {
	}
	r := im.Results()
	if len(r) != 2 || im.Progress() != 1 {
		t.Fatalf("%d results, progress %v", len(r), im.Progress())
	}
	for _, r := range r {
		if r.Diverged != 1 || !math.IsNaN(r.Metrics.Accuracy) || !math.IsNaN(r.Metrics.Loss) || r.Metrics.Confusion != nil {
			t.Errorf("lr 1e308: %+v", r)
		}
	}
}

// TestThin: the drawings kept are round(share × count) of the class, at
// least one, in their order, picked by the seed; the other classes are
// untouched.
func TestThin(t *testing.T) {
	ex := nn.Examples{X: make([]float64, 10*nn.Inputs), Y: []int{0, 1, 0, 0, 1, 0, 0, 1, 0, 0}}
	for i := range ex.Y {
		ex.Input(i)[0] = float64(i) // tells the examples apart
	}
	for _, tc := range []struct {
		share float64
		keep  int
	}{{1, 7}, {0.5, 4}, {0.3, 2}, {0.01, 1}} {
		got := thin(ex, 0, tc.share, 5)
		var kept []int // of the original examples
		for i := range got.Y {
			kept = append(kept, int(got.Input(i)[0]))
			if got.Y[i] != ex.Y[kept[i]] {
				t.Errorf("share %v: example %d has label %d, was %d", tc.share, i, got.Y[i], ex.Y[kept[i]])
			}
		}
		if counts := classCounts(got, 2); counts[0] != tc.keep || counts[1] != 3 || !slices.IsSorted(kept) {
			t.Errorf("share %v: kept %v (%v of each class), want %d of class 0, all 3 of class 1, in order", tc.share, kept, counts, tc.keep)
		}
		if again := thin(ex, 0, tc.share, 5); !reflect.DeepEqual(got, again) {
			t.Errorf("share %v: two thinnings with seed 5 differ", tc.share)
		}
	}
	if a, b := thin(ex, 0, 0.5, 1), thin(ex, 0, 0.5, 2); reflect.DeepEqual(a, b) {
		t.Errorf("seeds 1 and 2 keep the same drawings: %v", a.Y)
	}
}

func TestImbalanceSetupErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(*ImbalanceSetup)
		field string
		want  string
	}{
		{"class -1", func(s *ImbalanceSetup) { s.Class = -1 }, "Class", "must be 0..1, not -1"},
		{"class 2 of 2", func(s *ImbalanceSetup) { s.Class = 2 }, "Class", "must be 0..1, not 2"},
		{"class without drawings", func(s *ImbalanceSetup) { s.Net.Classes, s.Class = 3, 2 }, "Class", "2 has no training drawings"},
		{"share 0", func(s *ImbalanceSetup) { s.Share = 0 }, "Share", "more than 0 and at most 1, not 0"},
		{"share -0.1", func(s *ImbalanceSetup) { s.Share = -0.1 }, "Share", "not -0.1"},
		{"share 1.5", func(s *ImbalanceSetup) { s.Share = 1.5 }, "Share", "not 1.5"},
		{"share NaN", func(s *ImbalanceSetup) { s.Share = math.NaN() }, "Share", "not NaN"},
		{"hidden 0", func(s *ImbalanceSetup) { s.Net.Hidden = 0 }, "Net", "hidden size 0"},
		{"0 epochs", func(s *ImbalanceSetup) { s.Epochs = 0 }, "Epochs", "must be at least 1, not 0"},
		{"no training set", func(s *ImbalanceSetup) { s.Train = nn.Examples{} }, "Train", "has no examples"},
		{"short inputs", func(s *ImbalanceSetup) { s.Val.X = s.Val.X[1:] }, "Val", "input values for"},
	} {
		s := starterImbalance(t, 0, 0.1)
		tc.edit(&s)
		im, err := NewImbalance(s)
		var se *SetupError
		if !errors.As(err, &se) || se.Field != tc.field || !strings.Contains(err.Error(), tc.want) ||
			!strings.HasPrefix(err.Error(), "experiment: "+tc.field+" ") || im != nil {
			t.Errorf("%s: %v (%#v), want a %s error containing %q", tc.name, err, se, tc.field, tc.want)
		}
	}
}
