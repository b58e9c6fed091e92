package experiment

import (
	"fmt"
	"math"
	"testing"
)

// BenchmarkSweep is the talk's sweep (DefaultSizes, one epoch of the
// starter set each), stepped in one call and in the slices of a frame: the
// difference is what slicing costs (two clock readings a slice).
func BenchmarkSweep(b *testing.B) {
	for _, bc := range []struct {
		name  string
		slice int
	}{{"whole", math.MaxInt}, {"slice=64", 64}} {
		b.Run(bc.name, func(b *testing.B) {
			s := starter(b, 2, DefaultSizes...)
			s.Epochs = 1
			for b.Loop() {
				run(b, s, bc.slice)
			}
		})
	}
}

// BenchmarkSuspects measures what each way of searching for suspicious
// drawings finds and costs, for BENCHMARKS.md: the starter set of classes
// (the app's split) with a tenth of its training labels flipped, a new
// flipping seed (1, 2, …, 16, 1, …) each iteration, and the top-N recall
// (N the number flipped) reported as recall, its mean over the iterations,
// and recall-min, and the samples a search trains (its cost in a unit no
// machine's load changes). Run it with a multiple of 16 iterations, so every seed
// counts alike:
//
//	go test -run '^$' -bench Suspects -benchtime 16x ./experiment
func BenchmarkSuspects(b *testing.B) {
	for _, bc := range []struct {
		classes, folds, rounds, epochs int
		augment                        bool
	}{
		{2, 5, 1, 10, false}, // the simple k-fold
		{2, 10, 1, 10, false},
		{2, 20, 1, 10, false},
		{2, 5, 3, 10, false},
		{2, 5, 1, 5, false},
		{2, 5, 3, 5, false},
		{2, 5, 1, 20, false},
		{2, 5, 1, 10, true},
		{2, 5, 3, 10, true}, // the defaults
		{2, 5, 5, 10, true},
		{2, 10, 3, 10, true},
		{2, 10, 5, 10, true},
		{2, 5, 3, 5, true},
		{2, 10, 3, 2, true},
		{10, 5, 1, 10, false},
		{10, 5, 3, 10, false},
		{10, 5, 1, 10, true},
		{10, 5, 3, 10, true},
		{10, 5, 3, 5, true},
		{10, 10, 3, 10, true},
	} {
		name := fmt.Sprintf("classes=%d/folds=%d/rounds=%d/epochs=%d/augment=%v", bc.classes, bc.folds, bc.rounds, bc.epochs, bc.augment)
		b.Run(name, func(b *testing.B) {
			d := sidedStarter(b, bc.classes)
			sum, low, n, trained := 0.0, 1.0, 0, 0.0
			for b.Loop() {
				p, changed, err := Flip(d, 0.1, uint64(n%16+1))
				if err != nil {
					b.Fatal(err)
				}
				s := suspectSetup(p)
				s.Folds, s.Rounds, s.Epochs, s.Augment = bc.folds, bc.rounds, bc.epochs, bc.augment
				sp := search(b, s, math.MaxInt)
				r := recall(sp.Result(), changed)
				sum, low, n, trained = sum+r, min(low, r), n+1, sp.run.total
			}
			b.ReportMetric(sum/float64(n), "recall")
			b.ReportMetric(low, "recall-min")
			b.ReportMetric(trained, "samples/op")
		})
	}
}
