package experiment

import (
	"time"

	"digittrainer/nn"
)

// plan is one network an experiment trains: its shape, what it trains on,
// and the seed of its weights and its trainer's shuffles.
type plan struct {
	net   nn.Config
	train nn.Examples
	seed  uint64

	// build, when set, makes train as the run begins, and size is how
	// many examples it will have: an experiment of many runs on sets of
	// their own (Suspects: 5 rounds of 10 folds) then holds one at a time.
	build func() nn.Examples
	size  int
}

// len returns how many examples p trains on.
func (p *plan) len() int {
	if p.build != nil {
		return p.size
	}
	return p.train.Len()
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
// the plan's seed, epoch after epoch) whatever the experiment varies.
type runner struct {
	plans  []plan
	hyper  nn.Hyper
	epochs int
	clock  func() time.Time

	ended   int           // plans finished
	tr      *nn.Trainer   // the run under way, nil between runs
	train   nn.Examples   // what it trains on
	spent   time.Duration // its training time so far
	trained float64       // samples trained, or skipped after a divergence, over all plans
	total   float64       // samples all plans train
}

// newRunner returns a runner of plans, each trained epochs times with
// hyper from its seed; a nil clock means time.Now.
func newRunner(plans []plan, hyper nn.Hyper, epochs int, clock func() time.Time) runner {
	if clock == nil {
		clock = time.Now
	}
	r := runner{plans: plans, hyper: hyper, epochs: epochs, clock: clock}
	for _, p := range plans {
		r.total += float64(epochs) * float64(p.len())
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
		if r.tr == nil {
			r.begin(r.plans[r.ended])
		}
		tr, n := r.tr, r.train.Len()
		left := (tr.Epoch+1)*n - tr.Seen // of this epoch
		t0 := r.clock()
		k := tr.Train(r.train, min(maxSamples, left))
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
		r.ended, r.tr, r.train = r.ended+1, nil, nn.Examples{}
		finish(i, outcome{net: tr.Net, epochs: tr.Epoch, seconds: r.spent.Seconds(), diverged: diverged})
	}
	return r.done()
}

// begin starts p's run, as "trainer train" starts one: the seed's weights
// and a trainer shuffling from the same seed.
func (r *runner) begin(p plan) {
	net, err := nn.NewSeeded(p.net, p.seed)
	if err != nil {
		panic("experiment: " + err.Error()) // the experiment checked every plan's net
	}
	r.tr = nn.NewTrainer(net, r.hyper, p.seed)
	r.train, r.spent = p.train, 0
	if p.build != nil {
		r.train = p.build()
	}
}

// abandon ends the runner before its plans are all trained (one diverged,
// and the experiment cannot use the rest): done and progress read as if
// every plan had been trained, and step trains nothing more.
func (r *runner) abandon() { r.ended, r.tr, r.train = len(r.plans), nil, nn.Examples{} }
