package experiment

import "slices"

// Sweep trains one network per hidden size, smallest first, in slices: the
// caller calls Step as often as it likes (a few milliseconds a frame in
// the app, in a loop in the CLI) and reads Rows, Progress and Current in
// between. To stop a sweep, stop calling Step; the rows so far stay valid.
type Sweep struct {
	setup Setup
	sizes []int
	rows  []Row
	run   runner // one plan per size, in the order of sizes
}

// New returns a sweep of s, with nothing trained yet. It copies the
// examples, so the caller may edit its dataset while the sweep runs. It
// returns a *SetupError if s is not a sweep it can run (see Sizes).
func New(s Setup) (*Sweep, error) {
	sizes, err := s.check()
	if err != nil {
		return nil, err
	}
	s.Train, s.Val, s.Sizes = clone(s.Train), clone(s.Val), sizes
	plans := make([]plan, len(sizes))
	for i, h := range sizes {
		plans[i] = plan{net: s.Net, train: s.Train, seed: s.Seed}
		plans[i].net.Hidden = h
	}
	return &Sweep{setup: s, sizes: sizes, run: newRunner(plans, s.Hyper, s.Epochs, s.Clock)}, nil
}

// Sizes returns the hidden sizes the sweep tries, in the order it tries
// them (ascending), so a plot can lay out its axis before any row is in.
func (s *Sweep) Sizes() []int { return slices.Clone(s.sizes) }

// Rows returns the finished runs, one per hidden size, in ascending order.
func (s *Sweep) Rows() []Row { return slices.Clone(s.rows) }

// Done reports whether every hidden size has its row.
func (s *Sweep) Done() bool { return s.run.done() }

// Current returns the hidden size being trained or next to train; 0 when
// the sweep is done.
func (s *Sweep) Current() int {
	if s.Done() {
		return 0
	}
	return s.sizes[len(s.rows)]
}

// Progress returns how far the whole sweep has got, from 0 to 1, counted
// in samples: a network of 64 neurons takes as many steps as one of 1,
// though each step costs more. A diverged run counts as trained to its end.
func (s *Sweep) Progress() float64 { return s.run.progress() }

// Step trains at most maxSamples samples in all, going on from where the
// last Step stopped and moving on to the next hidden size when a run ends,
// and reports whether the sweep is done. When a run ends Step also
// evaluates its network on the training and validation examples, which
// costs about as much as training on as many samples, and is not counted
// in maxSamples. maxSamples ≤ 0 trains nothing.
//
// Slices never cross an epoch's end, so the weights can be checked there,
// as "trainer train" checks them, and the rows are the same whatever
// maxSamples is.
func (s *Sweep) Step(maxSamples int) bool { return s.run.step(maxSamples, s.finish) }

// finish records a finished run as its size's row.
func (s *Sweep) finish(_ int, o outcome) {
	r := Row{
		Hidden: o.net.Hidden, Params: o.net.NumParams(), Diverged: o.diverged,
		Seconds: o.seconds, EpochTime: o.seconds / float64(o.epochs),
	}
	r.measure(o.net, s.setup.Train, s.setup.Val)
	s.rows = append(s.rows, r)
}
