package nn

import "sync/atomic"

// stamps hands out the values of Network.Version. One counter for every
// network in the program, not one per network: a cache keyed by a version
// alone (the status hash, the drawn edges, the evaluation) can then never
// mistake a new network, or a network allocated where a freed one was, for
// the one it saw.
var stamps atomic.Uint64

// Version identifies the current parameters of n: it changes whenever a
// method of this package writes them (Init, CopyFrom, Apply, TraceStep, a
// Trainer's Train) and is never the same for two different networks. Code
// outside the package that writes W1, B1, W2 or B2 directly must call
// Touch afterwards; decoders that fill a fresh network need not, as no one
// has seen its version yet.
func (n *Network) Version() uint64 {
	if n.version == 0 {
		n.Touch()
	}
	return n.version
}

// Touch gives n a new Version.
func (n *Network) Touch() { n.version = stamps.Add(1) }
