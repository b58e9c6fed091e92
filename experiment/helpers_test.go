package experiment

import (
	"testing"
	"time"

	"digittrainer/data"
	"digittrainer/nn"
)

// starter returns a setup over the starter set of classes, a fifth held
// out as the app and "trainer train -val 0.2" hold it out.
func starter(t testing.TB, classes int, sizes ...int) Setup {
	t.Helper()
	d, err := data.Starter(classes)
	if err != nil {
		t.Fatal(err)
	}
	d.AssignSides(data.ValFraction)
	train, val := d.Sides()
	return Setup{
		Train: train.Examples(), Val: val.Examples(),
		Net:   nn.Config{Classes: classes, Activation: nn.Sigmoid},
		Hyper: nn.DefaultHyper, Seed: 3, Epochs: 2, Sizes: sizes,
	}
}

// tickClock returns a clock that moves a second on at every reading, so
// the time a sweep measures counts its readings.
func tickClock() func() time.Time {
	now := time.Unix(0, 0)
	return func() time.Time {
		now = now.Add(time.Second)
		return now
	}
}

// run steps a sweep of s to its end, slice samples at a time.
func run(t testing.TB, s Setup, slice int) *Sweep {
	t.Helper()
	sw, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	for !sw.Step(slice) {
	}
	return sw
}

// starterImbalance returns an imbalance setup over the starter set's two
// classes, a fifth held out, that thins class to share: 81-24-2 for 10
// epochs, long enough for the balanced run to tell the classes apart.
func starterImbalance(t testing.TB, class int, share float64) ImbalanceSetup {
	t.Helper()
	s := starter(t, 2)
	net := s.Net
	net.Hidden = 24
	return ImbalanceSetup{Train: s.Train, Val: s.Val, Net: net, Hyper: s.Hyper,
		Seed: s.Seed, Epochs: 10, Class: class, Share: share}
}

// runImbalance steps an imbalance experiment of s to its end, slice
// samples at a time, and returns its results.
func runImbalance(t testing.TB, s ImbalanceSetup, slice int) []ImbalanceResult {
	t.Helper()
	im, err := NewImbalance(s)
	if err != nil {
		t.Fatal(err)
	}
	for !im.Step(slice) {
	}
	return im.Results()
}
