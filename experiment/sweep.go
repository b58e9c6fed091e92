package experiment

import (
	"slices"
	"time"

	"digittrainer/nn"
)

// Sweep trains one network per hidden size, smallest first, in slices: the
// caller calls Step as often as it likes (a few milliseconds a frame in
// the app, in a loop in the CLI) and reads Rows, Progress and Current in
// between. To stop a sweep, stop calling Step; the rows so far stay valid.
type Sweep struct {
	setup      Setup
	sizes      []int
	rows       []Row
	tr         *nn.Trainer   // the run under way, nil between runs
	spent      time.Duration // its training time so far
	done       float64       // samples trained, or skipped after a divergence, over the sweep
	total      float64       // samples the whole sweep trains
	clock      func() time.Time
	trainCount int // samples per epoch
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
	clock := s.Clock
	if clock == nil {
		clock = time.Now
	}
	n := s.Train.Len()
	return &Sweep{
		setup: s, sizes: sizes, clock: clock, trainCount: n,
		total: float64(len(sizes)) * float64(s.Epochs) * float64(n),
	}, nil
}

// Sizes returns the hidden sizes the sweep tries, in the order it tries
// them (ascending), so a plot can lay out its axis before any row is in.
func (s *Sweep) Sizes() []int { return slices.Clone(s.sizes) }

// Rows returns the finished runs, one per hidden size, in ascending order.
func (s *Sweep) Rows() []Row { return slices.Clone(s.rows) }

// Done reports whether every hidden size has its row.
func (s *Sweep) Done() bool { return len(s.rows) == len(s.sizes) }

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
func (s *Sweep) Progress() float64 {
	if s.Done() {
		return 1
	}
	return s.done / s.total
}

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
func (s *Sweep) Step(maxSamples int) bool {
	n := s.trainCount
	for maxSamples > 0 && !s.Done() {
		if s.tr == nil {
			s.begin()
		}
		tr := s.tr
		left := (tr.Epoch+1)*n - tr.Seen // of this epoch
		t0 := s.clock()
		k := tr.Train(s.setup.Train, min(maxSamples, left))
		s.spent += s.clock().Sub(t0)
		maxSamples -= k
		s.done += float64(k)
		if k < left {
			continue // the budget is spent
		}
		switch {
		case !tr.Net.Finite():
			s.done += float64((s.setup.Epochs - tr.Epoch) * n)
			s.finish(tr.Epoch)
		case tr.Epoch == s.setup.Epochs:
			s.finish(0)
		}
	}
	return s.Done()
}

// begin starts the run of the next hidden size, as "trainer train" starts
// one: the seed's weights and a trainer shuffling from the same seed.
func (s *Sweep) begin() {
	cfg := s.setup.Net
	cfg.Hidden = s.Current()
	net, err := nn.NewSeeded(cfg, s.setup.Seed)
	if err != nil {
		panic("experiment: " + err.Error()) // New checked cfg with every size
	}
	s.tr = nn.NewTrainer(net, s.setup.Hyper, s.setup.Seed)
	s.spent = 0
}

// finish records the run under way as a row; diverged is the epoch after
// which its weights were not finite, or 0.
func (s *Sweep) finish(diverged int) {
	net := s.tr.Net
	r := Row{
		Hidden: net.Hidden, Params: net.NumParams(), Diverged: diverged,
		Seconds: s.spent.Seconds(), EpochTime: s.spent.Seconds() / float64(s.tr.Epoch),
	}
	r.measure(net, s.setup.Train, s.setup.Val)
	s.rows = append(s.rows, r)
	s.tr = nil
}
