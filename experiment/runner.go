package experiment

import (
	"time"

	"digittrainer/nn"
)

// plan is one network an experiment trains: its shape and what it trains on.
type plan struct {
	net   nn.Config
	train nn.Examples
}

// outcome is a finished run as the runner hands it back to its experiment.
type outcome struct {
	net      *nn.Network
	epochs   int     // trained; fewer than asked when the run diverged
	seconds  float64 // spent training, without any evaluation
	diverged int     // the epoch after which the weights were not finite, or 0
}

// runner trains an experiment's plans one after another, in slices of any
// size: the one training loop every experiment shares, so that each run is
// exactly the run "trainer train" makes (nn.NewSeeded and nn.NewTrainer from
// the same seed, epoch after epoch) whatever the experiment varies.
type runner struct {
	plans  []plan
	hyper  nn.Hyper
	seed   uint64
	epochs int
	clock  func() time.Time

	ended   int           // plans finished
	tr      *nn.Trainer   // the run under way, nil between runs
	spent   time.Duration // its training time so far
	trained float64       // samples trained, or skipped after a divergence, over all plans
	total   float64       // samples all plans train
}

// newRunner returns a runner of plans, each trained epochs times with
// hyper from seed; a nil clock means time.Now.
func newRunner(plans []plan, hyper nn.Hyper, seed uint64, epochs int, clock func() time.Time) runner {
	if clock == nil {
		clock = time.Now
	}
	r := runner{plans: plans, hyper: hyper, seed: seed, epochs: epochs, clock: clock}
	for _, p := range plans {
		r.total += float64(epochs) * float64(p.train.Len())
	}
	return r
}

// done reports whether every plan has been trained.
func (r *runner) done() bool { return r.ended == len(r.plans) }

// progress returns how far the runner has got, from 0 to 1, counted in
// samples. A diverged run counts as trained to its end.
func (r *runner) progress() float64 {
	if r.done() {
		return 1
	}
	return r.trained / r.total
}

// step trains at most maxSamples samples in all, going on from where the
// last step stopped and moving on to the next plan when a run ends, and
// reports whether every plan is done. It calls finish with each plan's index
// and outcome as the run ends, so the experiment can evaluate the network
// (not counted in maxSamples). maxSamples ≤ 0 trains nothing.
//
// Slices never cross an epoch's end, so the weights can be checked there,
// as "trainer train" checks them, and the outcomes are the same whatever
// maxSamples is.
func (r *runner) step(maxSamples int, finish func(i int, o outcome)) bool {
	for maxSamples > 0 && !r.done() {
		p := r.plans[r.ended]
		if r.tr == nil {
			r.begin(p.net)
		}
		tr, n := r.tr, p.train.Len()
		left := (tr.Epoch+1)*n - tr.Seen // of this epoch
		t0 := r.clock()
		k := tr.Train(p.train, min(maxSamples, left))
		r.spent += r.clock().Sub(t0)
		maxSamples -= k
		r.trained += float64(k)
		if k < left {
			continue // the budget is spent
		}
		diverged := 0
		switch {
		case !tr.Net.Finite():
			r.trained += float64((r.epochs - tr.Epoch) * n)
			diverged = tr.Epoch
		case tr.Epoch < r.epochs:
			continue
		}
		i := r.ended
		r.ended, r.tr = r.ended+1, nil
		finish(i, outcome{net: tr.Net, epochs: tr.Epoch, seconds: r.spent.Seconds(), diverged: diverged})
	}
	return r.done()
}

// begin starts a run of a network shaped cfg, as "trainer train" starts
// one: the seed's weights and a trainer shuffling from the same seed.
func (r *runner) begin(cfg nn.Config) {
	net, err := nn.NewSeeded(cfg, r.seed)
	if err != nil {
		panic("experiment: " + err.Error()) // the experiment checked every plan's cfg
	}
	r.tr = nn.NewTrainer(net, r.hyper, r.seed)
	r.spent = 0
}
