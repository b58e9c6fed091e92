package nn

import (
	"fmt"
	"testing"
)

// benchSamples is the size of the synthetic training set the benchmarks
// cycle through: large enough that the weights do not memorise one drawing,
// small enough to stay in cache like a classroom dataset does.
const benchSamples = 512

// BenchmarkTrain measures training throughput in samples per second through
// Trainer.Train, the loop the app and the CLI run, at the batch sizes and
// hidden sizes the issue asks about. One op is one sample.
func BenchmarkTrain(b *testing.B) {
	ex := synthDigits(benchSamples, 1)
	for _, h := range []int{24, 40, 128} {
		for _, batch := range []int{1, 32} {
			b.Run(fmt.Sprintf("H=%d/batch=%d", h, batch), func(b *testing.B) {
				net, err := NewSeeded(Config{Hidden: h, Classes: 2, Activation: Sigmoid}, 1)
				if err != nil {
					b.Fatal(err)
				}
				tr := NewTrainer(net, Hyper{LR: 0.1, Decay: 1, Batch: batch}, 1)
				tr.RunEpoch(ex) // the first epoch allocates the shuffle order
				b.ReportAllocs()
				cpu0, cpuOK := cpuTime()
				b.ResetTimer()
				tr.Train(ex, b.N)
				b.StopTimer()
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "samples/s")
				if cpu1, _ := cpuTime(); cpuOK && cpu1 > cpu0 {
					b.ReportMetric(float64(b.N)/(cpu1-cpu0).Seconds(), "samples/cpu-s")
				}
			})
		}
	}
}
