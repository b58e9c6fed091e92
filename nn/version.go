package nn

import "sync/atomic"

// stamps hands out the values of every Stamp. One counter for the whole
// program, not one per thing stamped: a cache keyed by a version alone (the
// status hash, the drawn edges, the evaluation) can then never mistake a
// new network, or a network allocated where a freed one was, for the one it
// saw.
var stamps atomic.Uint64

// Stamp tells the states of something apart: its Version changes with
// every Touch and is never the same for two things. Network keeps one for
// its weights, data.Dataset one for its drawings.
type Stamp struct{ v uint64 }

// Version is the current stamp, handing one out on first use.
func (s *Stamp) Version() uint64 {
	if s.v == 0 {
		s.Touch()
	}
	return s.v
}

// Touch gives the stamp a new version.
func (s *Stamp) Touch() { s.v = stamps.Add(1) }

// Version identifies the current parameters of n: it changes whenever a
// method of this package writes them (Init, CopyFrom, Apply, TraceStep, a
// Trainer's Train). Code outside the package that writes W1, B1, W2 or B2
// directly must call Touch afterwards; decoders that fill a fresh network
// need not, as no one has seen its version yet.
func (n *Network) Version() uint64 { return n.stamp.Version() }

// Touch gives n a new Version.
func (n *Network) Touch() { n.stamp.Touch() }
