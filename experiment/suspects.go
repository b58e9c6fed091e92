package experiment

import (
	"cmp"
	"slices"
	"sort"
	"time"

	"digittrainer/data"
	"digittrainer/i18n"
	"digittrainer/nn"
)

// Suspects' settings. The defaults, with Augment, are where the
// measurement in BENCHMARKS.md (BenchmarkSuspects) levelled off: with 10%
// of the starter set's training labels flipped, 0.90 of them rank among
// the top N (N the number flipped) for two classes and 0.78 for ten, over
// 16 flipping seeds, where one round of 5 folds without augmentation finds
// 0.77 and 0.65. Augmentation gained most; 10 folds or 5 rounds cost 2 to
// 4 times as much for at most 0.02 more; fewer epochs did as well on two
// classes but worse on ten, more let the networks learn the wrong labels.
const (
	DefaultFolds         = 5
	DefaultRounds        = 3
	DefaultSuspectEpochs = 10
	MaxFolds             = 20
	MaxRounds            = 10
)

// SuspectSetup is what a search for suspicious drawings trains and how.
type SuspectSetup struct {
	// Drawings are every drawing to rank, in the dataset's order, both
	// sides: a wrong label among the validation drawings misleads the
	// measurement as one among the training drawings misleads training, so
	// the search ranks them all, and each is scored by networks that
	// trained on the others whatever its side.
	Drawings []data.Sample
	Net      nn.Config // each fold's network
	Hyper    nn.Hyper  // used as given, as nn.NewTrainer does
	Seed     uint64    // round r uses Seed+r for its folds, weights and shuffles
	Epochs   int       // passes over each fold's training set, at least 1
	Folds    int       // 2..MaxFolds, at most len(Drawings)
	Rounds   int       // 1..MaxRounds splits into folds, averaged

	// Augment trains each fold on its drawings and their 1-pixel shifts
	// (data.Dataset.Augment), about 5 times the work.
	Augment bool

	// Clock times the training; nil means time.Now. Tests pass a fake one.
	Clock func() time.Time
}

// Suspect is one drawing's verdict from networks that never trained on it.
type Suspect struct {
	Index     int // in SuspectSetup.Drawings, 0-based
	Label     int // as given
	Predicted int // the class of the highest mean probability

	// Score is 1 − the mean, over the rounds, of the probability the
	// held-out network gave Label: 0 when they were sure of the label, near
	// 1 when they were sure of another class, and ~1 − 1/C when unsure.
	Score float64
}

// Suspects ranks drawings by how strongly networks that did not train on
// them disagree with their labels (k-fold cross-validation, averaged over
// rounds of different folds and seeds), in slices like Sweep: call Step
// until it returns true, or stop calling it to stop.
//
// A wrongly labelled drawing is one the rest of the data contradicts, so
// a network trained on the rest gives its label a low probability; a
// network that trained on it would have learnt it, which is why each is
// scored only by the folds that held it out.
type Suspects struct {
	setup    SuspectSetup
	fold     [][]int     // per plan: the drawings it holds out
	sum      [][]float64 // per drawing: its class probabilities summed over rounds
	diverged int
	run      runner // round after round, fold after fold
}

// NewSuspects returns a search of s with nothing trained yet. It copies the
// drawings, so the caller may edit its dataset while it runs. It returns a
// *SetupError if s is not a search it can run.
func NewSuspects(s SuspectSetup) (*Suspects, error) {
	s.Drawings = slices.Clone(s.Drawings)
	all := (&data.Dataset{Samples: s.Drawings}).Examples()
	if err := checkRuns(s.Net, s.Epochs, all, nn.Examples{}, "Drawings"); err != nil {
		return nil, err
	}
	switch n := len(s.Drawings); {
	case s.Folds < 2 || s.Folds > MaxFolds:
		return nil, setupErr("Folds", i18n.Mark("Folds must be 2..%d, not %d"), MaxFolds, s.Folds)
	case s.Folds > n:
		return nil, setupErr("Folds", i18n.Mark("Folds are %d, more than the %d drawings: each fold needs one"), s.Folds, n)
	case s.Rounds < 1 || s.Rounds > MaxRounds:
		return nil, setupErr("Rounds", i18n.Mark("Rounds must be 1..%d, not %d"), MaxRounds, s.Rounds)
	}
	sp := &Suspects{setup: s, sum: make([][]float64, len(s.Drawings))}
	for i := range sp.sum {
		sp.sum[i] = make([]float64, s.Net.Classes)
	}
	variants := make([]int, len(s.Drawings)) // training examples each drawing gives
	for i, d := range s.Drawings {
		variants[i] = 1
		if s.Augment {
			variants[i] = (&data.Dataset{Samples: []data.Sample{d}}).Augment().Len()
		}
	}
	var plans []plan
	for r := range s.Rounds {
		seed := s.Seed + uint64(r)
		perm := nn.NewRand(seed).Perm(len(s.Drawings))
		for f := range s.Folds {
			out := make([]bool, len(s.Drawings))
			var held []int
			for j := f; j < len(perm); j += s.Folds {
				out[perm[j]] = true
				held = append(held, perm[j])
			}
			slices.Sort(held)
			size := 0
			for i, v := range variants {
				if !out[i] {
					size += v
				}
			}
			sp.fold = append(sp.fold, held)
			plans = append(plans, plan{net: s.Net, seed: seed, size: size,
				build: func() nn.Examples { return sp.trainSet(out) }})
		}
	}
	sp.run = newRunner(plans, s.Hyper, s.Epochs, s.Clock)
	return sp, nil
}

// trainSet returns the examples of the drawings not held out, augmented if
// the setup says so.
func (sp *Suspects) trainSet(out []bool) nn.Examples {
	d := &data.Dataset{}
	for i, s := range sp.setup.Drawings {
		if !out[i] {
			d.Samples = append(d.Samples, s)
		}
	}
	if sp.setup.Augment {
		d = d.Augment()
	}
	return d.Examples()
}

// Step trains at most maxSamples samples, going on from where the last Step
// stopped, and reports whether the search is done. When a fold's network
// is trained Step scores the drawings it held out, which costs little and
// is not counted in maxSamples. Results are the same whatever maxSamples is.
// A network that diverges ends the search (see Diverged).
func (sp *Suspects) Step(maxSamples int) bool { return sp.run.step(maxSamples, sp.finish) }

// Done reports whether the search has ended: every fold scored, or one
// diverged.
func (sp *Suspects) Done() bool { return sp.run.done() }

// Progress returns how far the search has got, from 0 to 1, counted in
// samples trained.
func (sp *Suspects) Progress() float64 { return sp.run.progress() }

// Diverged returns the epoch after which a fold's weights became NaN or
// infinite, ending the search without a result (a smaller learning rate
// helps); 0 when none did.
func (sp *Suspects) Diverged() int { return sp.diverged }

// finish adds the probabilities plan i's network gives the drawings it held
// out to their sums.
func (sp *Suspects) finish(i int, o outcome) {
	if o.diverged > 0 {
		sp.diverged = o.diverged
		sp.run.abandon()
		return
	}
	st := nn.NewState(o.net.Config)
	x, p := make([]float64, data.Pixels), make([]float64, o.net.Classes)
	for _, j := range sp.fold[i] {
		sp.setup.Drawings[j].Inputs(x)
		o.net.Predict(p, st, x)
		for c, v := range p {
			sp.sum[j][c] += v
		}
	}
}

// Result returns every drawing's verdict, most suspicious first (highest
// Score; ties by Index), or nil while the search runs or after it
// diverged.
func (sp *Suspects) Result() []Suspect {
	if !sp.Done() || sp.diverged > 0 {
		return nil
	}
	rounds := float64(sp.setup.Rounds)
	out := make([]Suspect, len(sp.sum))
	for i, sum := range sp.sum {
		label := sp.setup.Drawings[i].Label
		out[i] = Suspect{Index: i, Label: label, Predicted: argmax(sum), Score: 1 - sum[label]/rounds}
	}
	sort.SliceStable(out, func(i, j int) bool { return cmp.Less(out[j].Score, out[i].Score) })
	return out
}

// argmax returns the index of v's largest value, the first of equals.
func argmax(v []float64) int {
	best := 0
	for i, x := range v {
		if x > v[best] {
			best = i
		}
	}
	return best
}
