package experiment

import (
	"math"
	"slices"
	"time"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// ImbalanceSetup is what an imbalance experiment trains and how: the same
// network twice from the same seeded start, once on all of Train and once
// with Class thinned to Share of its drawings.
type ImbalanceSetup struct {
	Train  nn.Examples // the balanced training set (augmented already, if wanted)
	Val    nn.Examples // held out; empty: both runs are measured on all of Train
	Net    nn.Config   // the network of both runs, Hidden included
	Hyper  nn.Hyper    // used as given, as nn.NewTrainer does
	Seed   uint64      // of both networks' weights, their shuffles and which drawings stay
	Epochs int         // passes over each run's training set, at least 1
	Class  int         // the class to thin, 0..Net.Classes−1
	Share  float64     // of Class's training drawings the thinned run keeps, in (0, 1]

	// Clock times the training; nil means time.Now. Tests pass a fake one.
	Clock func() time.Time
}

// The names of an imbalance experiment's runs, in the order it trains them.
const (
	Balanced = "balanced"
	Thinned  = "thinned"
)

// ImbalanceResult is one finished run of an imbalance experiment.
type ImbalanceResult struct {
	Run     string // Balanced or Thinned
	Trained []int  // drawings of each class the run trained on

	// Metrics are the network's after the last epoch on the validation
	// set, or on all of the training set when there is none (On says
	// which): the same examples for both runs, so their per-class
	// accuracies (Metrics.PerClass) and confusion matrices compare. After
	// a divergence Loss and Accuracy are NaN and Confusion is nil.
	Metrics nn.Metrics
	On      string // "validation" or "training"

	Seconds float64 // time spent training, without the evaluation

	// Diverged is the epoch after which the weights were NaN or infinite;
	// the run stopped there. 0 when training went well.
	Diverged int
}

// Imbalance trains a network on a balanced training set and again with one
// class thinned, in slices like Sweep, so the bias a lopsided dataset
// teaches shows in numbers: the thinned class's accuracy falls and the
// confusion matrix fills in its row. Both runs start from the same
// weights and shuffle seed, so the data is the only difference.
type Imbalance struct {
	setup   ImbalanceSetup
	eval    nn.Examples // what both runs are measured on
	on      string      // eval's name
	trained [][]int     // drawings per class of each run
	results []ImbalanceResult
	run     runner // Balanced, then Thinned
}

// NewImbalance returns an imbalance experiment of s with nothing trained
// yet. It copies the examples, so the caller may edit its dataset while it
// runs. It returns a *SetupError if s is not an experiment it can run:
// besides the checks of New, Class must be a class with at least one
// training drawing and Share must be in (0, 1].
func NewImbalance(s ImbalanceSetup) (*Imbalance, error) {
	if err := checkRuns(s.Net, s.Epochs, s.Train, s.Val, "Train"); err != nil {
		return nil, err
	}
	switch c := s.Class; {
	case c < 0 || c >= s.Net.Classes:
		return nil, setupErr("Class", i18n.Mark("Class must be 0..%d, not %d"), s.Net.Classes-1, c)
	case !slices.Contains(s.Train.Y, c):
		return nil, setupErr("Class", i18n.Mark("Class %d has no training drawings to thin"), c)
	case !(s.Share > 0 && s.Share <= 1):
		return nil, setupErr("Share", i18n.Mark("Share must be more than 0 and at most 1, not %g"), s.Share)
	}
	s.Train, s.Val = clone(s.Train), clone(s.Val)
	thinned := thin(s.Train, s.Class, s.Share, s.Seed)
	im := &Imbalance{
		setup: s, eval: s.Val, on: "validation",
		trained: [][]int{classCounts(s.Train, s.Net.Classes), classCounts(thinned, s.Net.Classes)},
		run: newRunner([]plan{{net: s.Net, train: s.Train, seed: s.Seed}, {net: s.Net, train: thinned, seed: s.Seed}},
			s.Hyper, s.Epochs, s.Clock),
	}
	if s.Val.Len() == 0 {
		im.eval, im.on = s.Train, "training"
	}
	return im, nil
}

// Results returns the finished runs: Balanced first, then Thinned.
func (im *Imbalance) Results() []ImbalanceResult { return slices.Clone(im.results) }

// Done reports whether both runs have their results.
func (im *Imbalance) Done() bool { return im.run.done() }

// Progress returns how far the experiment has got, from 0 to 1, counted in
// samples; the thinned run has fewer to train.
func (im *Imbalance) Progress() float64 { return im.run.progress() }

// Step trains at most maxSamples samples, going on from where the last Step
// stopped, and reports whether both runs are done. As with Sweep.Step the
// evaluation at a run's end is not counted in maxSamples, and the results
// are the same whatever maxSamples is.
func (im *Imbalance) Step(maxSamples int) bool { return im.run.step(maxSamples, im.finish) }

// finish records run i's result.
func (im *Imbalance) finish(i int, o outcome) {
	r := ImbalanceResult{
		Run: [...]string{Balanced, Thinned}[i], Trained: im.trained[i],
		On: im.on, Seconds: o.seconds, Diverged: o.diverged,
	}
	if o.diverged > 0 {
		r.Metrics = nn.Metrics{Loss: math.NaN(), Accuracy: math.NaN()}
	} else {
		r.Metrics = o.net.Evaluate(im.eval)
	}
	im.results = append(im.results, r)
}

// thin returns ex with only round(share × count) of class's count drawings,
// at least 1, picked by nn.NewRand(seed); every example kept stays in its
// order, so with share 1 the result equals ex.
func thin(ex nn.Examples, class int, share float64, seed uint64) nn.Examples {
	var idx []int // of class's drawings
	for i, y := range ex.Y {
		if y == class {
			idx = append(idx, i)
		}
	}
	keep := max(1, int(math.Round(share*float64(len(idx)))))
	drop := make(map[int]bool, len(idx)-keep)
	for _, j := range nn.NewRand(seed).Perm(len(idx))[keep:] {
		drop[idx[j]] = true
	}
	out := nn.Examples{X: make([]float64, 0, len(ex.X)), Y: make([]int, 0, ex.Len())}
	for i, y := range ex.Y {
		if !drop[i] {
			out.X = append(out.X, ex.Input(i)...)
			out.Y = append(out.Y, y)
		}
	}
	return out
}

// classCounts returns how many examples of ex each of classes has.
func classCounts(ex nn.Examples, classes int) []int {
	n := make([]int, classes)
	for _, y := range ex.Y {
		n[y]++
	}
	return n
}
