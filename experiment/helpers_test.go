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
