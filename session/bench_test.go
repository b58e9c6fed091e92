package session

import (
	"fmt"
	"testing"

	"digittrainer/nn"
)

// The checkpoint trade-off in figures (BENCHMARKS.md, "Snapshots"): what a
// snapshot, a rewind to one and a checkpoint file of the session cost, for
// the default network after 40 epochs of the starter set and for a large
// one. The Time travel card measures the first in the page itself.

// benchSession is a session trained 40 epochs with hidden neurons.
func benchSession(b *testing.B, hidden int) *Session {
	s := newTestSession(b)
	if hidden != s.net.Hidden {
		cfg := s.net.Config
		cfg.Hidden = hidden
		if err := s.fresh("", cfg, s.seed); err != nil {
			b.Fatal(err)
		}
	}
	epochs(s, 40)
	return s
}

func BenchmarkSnapshot(b *testing.B) {
	for _, h := range []int{nn.DefaultConfig.Hidden, 256} {
		s := benchSession(b, h)
		b.Run(fmt.Sprintf("H=%d", h), func(b *testing.B) {
			b.ReportAllocs()
			var sn Snapshot
			for b.Loop() {
				sn = s.capture()
			}
			b.ReportMetric(float64(sn.Bytes), "bytes/snapshot")
		})
	}
}

func BenchmarkRewind(b *testing.B) {
	s := benchSession(b, nn.DefaultConfig.Hidden)
	i := len(s.snaps.list) - 2
	b.ReportAllocs()
	for b.Loop() {
		s.restoreSnapshot(i)
		s.snaps.list = append(s.snaps.list, s.snaps.list[i]) // keep the next one there to go back to
	}
}

func BenchmarkEncodeCheckpoint(b *testing.B) {
	s := benchSession(b, nn.DefaultConfig.Hidden)
	var n int
	b.ReportAllocs()
	for b.Loop() {
		out, err := s.EncodeCheckpoint()
		if err != nil {
			b.Fatal(err)
		}
		n = len(out)
	}
	b.ReportMetric(float64(n), "bytes/file")
}
