package experiment

import (
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
