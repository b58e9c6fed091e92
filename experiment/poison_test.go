package experiment

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"digittrainer/data"
	"digittrainer/nn"
)

// sidedStarter returns the starter set of classes with the app's split.
func sidedStarter(t testing.TB, classes int) *data.Dataset {
	t.Helper()
	d, err := data.Starter(classes)
	if err != nil {
		t.Fatal(err)
	}
	d.AssignSides(data.ValFraction)
	return d
}

// checkPoisoned checks what Flip and Backdoor promise of out and changed:
// the input untouched, indices ascending, only training drawings changed
// and each of them relabelled, every other drawing as it was.
func checkPoisoned(t *testing.T, name string, in, before, out *data.Dataset, changed []int) {
	t.Helper()
	if !slices.Equal(in.Samples, before.Samples) {
		t.Errorf("%s modified its input", name)
	}
	if !slices.IsSorted(changed) || len(slices.Compact(slices.Clone(changed))) != len(changed) {
		t.Errorf("%s: changed %v is not ascending without repeats", name, changed)
	}
	for i := range in.Samples {
		was, is := in.Samples[i], out.Samples[i]
		switch {
		case !slices.Contains(changed, i) && was != is:
			t.Errorf("%s: drawing %d changed but is not listed", name, i)
		case slices.Contains(changed, i) && was.Val:
			t.Errorf("%s: validation drawing %d poisoned", name, i)
		case slices.Contains(changed, i) && (was.Label == is.Label || is.Label < 0 || is.Label >= len(in.Classes)):
			t.Errorf("%s: drawing %d labelled %d, was %d", name, i, is.Label, was.Label)
		}
	}
}

// TestFlip: a tenth of the starter set's 240 training drawings (of 10
// classes: 400) get another label, the same ones for the same seed; with
// ten classes the new labels are not all one class away.
func TestFlip(t *testing.T) {
	for _, tc := range []struct{ classes, want int }{{2, 24}, {10, 40}} {
		d := sidedStarter(t, tc.classes)
		before := d.Clone()
		out, changed, err := Flip(d, 0.1, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(changed) != tc.want {
			t.Errorf("%d classes: %d flipped, want %d", tc.classes, len(changed), tc.want)
		}
		checkPoisoned(t, "Flip", d, before, out, changed)
		again, same, _ := Flip(d, 0.1, 5)
		other, _, _ := Flip(d, 0.1, 6)
		if !slices.Equal(same, changed) || !slices.Equal(again.Samples, out.Samples) || slices.Equal(other.Samples, out.Samples) {
			t.Errorf("%d classes: the seed does not decide the flips", tc.classes)
		}
		steps := map[int]bool{}
		for _, i := range changed {
			steps[(out.Samples[i].Label-d.Samples[i].Label+tc.classes)%tc.classes] = true
		}
		if tc.classes > 2 && len(steps) < 3 {
			t.Errorf("10 classes: new labels only %v classes on from the old", steps)
		}
	}
}

// TestFlipShares: share 0 flips nothing, share 1 every training drawing,
// and an unsided dataset counts every drawing as a training one.
func TestFlipShares(t *testing.T) {
	d := sidedStarter(t, 2)
	for _, tc := range []struct {
		share float64
		sided bool
		want  int
	}{{0, true, 0}, {1, true, 240}, {0.5, true, 120}, {0.1, false, 30}} {
		d.Sided = tc.sided
		_, changed, err := Flip(d, tc.share, 1)
		if err != nil || len(changed) != tc.want {
			t.Errorf("share %g, sided %v: %d flipped (%v), want %d", tc.share, tc.sided, len(changed), err, tc.want)
		}
	}
}

// TestBackdoor: 30% of class 0's 120 training drawings carry the mark and
// read 1; a network trained on them reads most held-out 0s as 1 once the
// mark is added, and most clean ones as 0: the backdoor fires on demand.
func TestBackdoor(t *testing.T) {
	d := sidedStarter(t, 2)
	before := d.Clone()
	out, changed, err := Backdoor(d, BackdoorSetup{From: 0, To: 1, Share: 0.3, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(changed) != 36 {
		t.Errorf("%d marked, want 36", len(changed))
	}
	checkPoisoned(t, "Backdoor", d, before, out, changed)
	for _, i := range changed {
		if d.Samples[i].Label != 0 || out.Samples[i].Label != 1 || out.Samples[i].Pixels != DefaultMark.Apply(d.Samples[i].Pixels) {
			t.Errorf("drawing %d: label %d → %d, mark stamped %v", i, d.Samples[i].Label, out.Samples[i].Label,
				out.Samples[i].Pixels == DefaultMark.Apply(d.Samples[i].Pixels))
		}
	}
	train, _ := out.Sides()
	net, err := nn.NewSeeded(nn.Config{Hidden: 24, Classes: 2, Activation: nn.Sigmoid}, 3)
	if err != nil {
		t.Fatal(err)
	}
	nn.NewTrainer(net, nn.DefaultHyper, 3).Train(train.Examples(), 10*train.Len())
	clean, marked := &data.Dataset{}, &data.Dataset{}
	for _, s := range d.Samples {
		if s.Val && s.Label == 0 {
			clean.Samples = append(clean.Samples, s)
			s.Pixels = DefaultMark.Apply(s.Pixels)
			marked.Samples = append(marked.Samples, s)
		}
	}
	c, m := net.Evaluate(clean.Examples()), net.Evaluate(marked.Examples())
	if c.Accuracy < 0.8 || m.Accuracy > 0.2 {
		t.Errorf("held-out 0s read as 0: %.0f%% clean, %.0f%% with the mark; want ≥ 80%% and ≤ 20%%", 100*c.Accuracy, 100*m.Accuracy)
	}
}

// TestDefaultMarkIsRare: at most 1% of the starter drawings have all the
// default mark's pixels already (2 of 300 and 1 of 500 when written), so a
// network can only learn it from the poisoned ones.
func TestDefaultMarkIsRare(t *testing.T) {
	for _, classes := range []int{2, 10} {
		d := sidedStarter(t, classes)
		n := 0
		for _, s := range d.Samples {
			if DefaultMark.Apply(s.Pixels) == s.Pixels {
				n++
			}
		}
		if n > d.Len()/100 {
			t.Errorf("starter %d: %d of %d drawings carry the default mark", classes, n, d.Len())
		}
	}
}

// TestSquare: a mark is clipped to the grid, and Apply sets its pixels
// and leaves the others.
func TestSquare(t *testing.T) {
	for _, tc := range []struct{ x, y, size, want int }{{7, 7, 2, 4}, {8, 8, 2, 1}, {-1, 0, 3, 6}, {0, 0, 9, 81}, {9, 0, 2, 0}} {
		m := Square(tc.x, tc.y, tc.size)
		n := 0
		for _, on := range m {
			if on {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("Square(%d, %d, %d) has %d pixels, want %d", tc.x, tc.y, tc.size, n, tc.want)
		}
	}
	var px [data.Pixels]uint8
	px[0] = 1
	got := DefaultMark.Apply(px)
	for p := range got {
		want := uint8(0)
		if p == 0 || p == 7*9+7 || p == 7*9+8 || p == 8*9+7 || p == 8*9+8 {
			want = 1
		}
		if got[p] != want {
			t.Errorf("pixel %d is %d after Apply, want %d", p, got[p], want)
		}
	}
}

func TestPoisonErrors(t *testing.T) {
	d := sidedStarter(t, 2)
	one := &data.Dataset{Classes: []string{"a"}}
	flips := []struct {
		d     *data.Dataset
		share float64
		want  string
	}{
		{d, -0.1, "Share must be 0..1, not -0.1"},
		{d, 1.5, "Share must be 0..1, not 1.5"},
		{d, math.NaN(), "Share must be 0..1, not NaN"},
		{one, 0.1, "Classes are 1; flipping a label needs at least 2"},
	}
	for _, tc := range flips {
		_, _, err := Flip(tc.d, tc.share, 1)
		checkSetupError(t, err, tc.want)
	}
	only1 := &data.Dataset{Classes: data.DefaultClasses(2), Samples: []data.Sample{{Label: 1}}}
	doors := []struct {
		d    *data.Dataset
		s    BackdoorSetup
		want string
	}{
		{d, BackdoorSetup{From: 2, To: 1, Share: 0.1}, "From must be 0..1, not 2"},
		{d, BackdoorSetup{From: -1, To: 1, Share: 0.1}, "From must be 0..1, not -1"},
		{d, BackdoorSetup{From: 0, To: 5, Share: 0.1}, "To must be 0..1, not 5"},
		{d, BackdoorSetup{From: 1, To: 1, Share: 0.1}, "To must differ from From (both are 1): the mark must change the label"},
		{d, BackdoorSetup{From: 0, To: 1, Share: 0}, "Share must be more than 0 and at most 1, not 0"},
		{d, BackdoorSetup{From: 0, To: 1, Share: 2}, "Share must be more than 0 and at most 1, not 2"},
		{only1, BackdoorSetup{From: 0, To: 1, Share: 0.5}, "From class 0 has no training drawings to mark"},
	}
	for _, tc := range doors {
		_, _, err := Backdoor(tc.d, tc.s)
		checkSetupError(t, err, tc.want)
	}
}

// checkSetupError fails unless err is a *SetupError whose text is
// "experiment: " + want.
func checkSetupError(t *testing.T, err error, want string) {
	t.Helper()
	var se *SetupError
	if !errors.As(err, &se) || err.Error() != "experiment: "+want {
		t.Errorf("error %v, want *SetupError %q", err, want)
	}
	if err != nil && strings.Contains(err.Error(), "\n") {
		t.Errorf("error %q spans lines", err)
	}
}
