package session

import (
	"digittrainer/nn"
)

// What the hidden neurons learned. A network starts from random weights
// (nn.NewSeeded), and on the starter set training moves each weight by
// much less than that start: a neuron's raw weights still look like its
// random start after thousands of epochs. Its weights minus its start are
// what training put there, and they look like the drawings (the median
// correlation of the 24 maps with the 1s-minus-0s image is about 0.73
// after 30 epochs against 0.44 for the raw weights: BENCHMARKS.md). The
// start is known for every network this app or the trainer built, since
// it comes from the seed, and is kept through its checkpoints; for one
// from the original app or another program it is not
// (checkpoint.Model.StartUnknown), and the maps show the weights
// themselves.

// start is the network as it started, cached by shape and seed.
type start struct {
	known bool // the network was built here (or loaded from a file of ours): its start is NewSeeded(cfg, seed)
	cfg   nn.Config
	seed  uint64
	net   *nn.Network
}

// Start returns the network as training found it, or false when that is
// not known (a network from the original app).
func (s *Session) Start() (*nn.Network, bool) {
	st := &s.start
	if !st.known {
		return nil, false
	}
	if st.net == nil || st.cfg != s.net.Config || st.seed != s.seed {
		net, err := nn.NewSeeded(s.net.Config, s.seed)
		if err != nil {
			return nil, false
		}
		st.cfg, st.seed, st.net = s.net.Config, s.seed, net
	}
	return st.net, true
}

// Learned writes into dst (nn.Inputs values) what training changed in
// hidden neuron h's incoming weights: its weights now minus at the start.
// Without a known start it writes the weights themselves and reports
// false.
func (s *Session) Learned(h int, dst []float64) bool {
	w := s.net.W1[h*nn.Inputs : (h+1)*nn.Inputs]
	st, ok := s.Start()
	if !ok {
		copy(dst, w)
		return false
	}
	w0 := st.W1[h*nn.Inputs : (h+1)*nn.Inputs]
	for i := range dst {
		dst[i] = w[i] - w0[i]
	}
	return true
}
