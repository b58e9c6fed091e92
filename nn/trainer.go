package nn

import (
	"fmt"
	"math/rand/v2"
)

// Examples is a training set in the layout the engine reads: N inputs of
// Inputs values each, row-major, and N labels.
type Examples struct {
	X []float64 // N×Inputs
	Y []int     // N, each in 0..Classes−1
}

// Len returns the number of examples.
func (e Examples) Len() int { return len(e.Y) }

// Input returns example i's inputs.
func (e Examples) Input(i int) []float64 { return e.X[i*Inputs : i*Inputs+Inputs] }

// Check reports an error if the slices disagree or a label is out of range
// for classes.
func (e Examples) Check(classes int) error {
	if len(e.X) != len(e.Y)*Inputs {
		return fmt.Errorf("nn: %d input values for %d labels", len(e.X), len(e.Y))
	}
	for i, y := range e.Y {
		if y < 0 || y >= classes {
			return fmt.Errorf("nn: example %d has label %d, want 0..%d", i, y, classes-1)
		}
	}
	return nil
}

// Hyper are the training settings.
type Hyper struct {
	LR    float64 // learning rate η at the start
	Decay float64 // per-epoch factor on η (the original app: 0.99); 1 or 0 disables decay
	MinLR float64 // floor under the decayed η (the original app: 0.0005)
	L2    float64 // weight-decay coefficient; 0 disables it
	Batch int     // samples per update; 1 is plain SGD as in the original app
}

// DefaultHyper matches the original Binary Digit Trainer's defaults.
var DefaultHyper = Hyper{LR: 0.1, Decay: 0.99, MinLR: 0.0005, Batch: 1}

// EpochStats summarises one pass over the training set, measured on each
// sample just before the update it caused (the way the original app reports).
type EpochStats struct {
	Epoch    int     // 1-based number of the epoch
	Loss     float64 // mean cross-entropy
	Accuracy float64 // fraction predicted right
	LR       float64 // η used during the epoch
}

// StepStats is the sample a trainer trained on last: its index in the
// Examples, its loss just before the update, and whether the network read
// it right then.
type StepStats struct {
	Index   int
	Loss    float64
	Correct bool
}

// Trainer runs gradient descent over Examples in slices of any size, so the
// app can train a few hundred samples per frame and carry on next frame
// exactly where it stopped. Its shuffles come from its own seeded generator.
type Trainer struct {
	Net   *Network
	Hyper Hyper
	LR    float64 // the current, decayed learning rate
	Epoch int     // completed epochs
	Seen  int     // samples trained on in total
	Last  EpochStats
	Step  StepStats // the last sample trained on

	pcg     *rand.PCG  // the shuffles' generator, whose state a Position records
	rng     *rand.Rand // pcg, for Shuffle
	drawn   []byte     // pcg's state just before order was drawn (its MarshalBinary form)
	pending *Position  // a Seek into an epoch, applied when its order is drawn
	order   []int      // this epoch's shuffled sample order
	pos     int        // next index into order
	state   *State
	grad    *Gradients
	sumLoss float64
	correct int
	noFuse  bool // tests set it to force the general Backward + Apply path
}

// NewTrainer returns a trainer for net. Shuffling uses NewRand(seed).
func NewTrainer(net *Network, h Hyper, seed uint64) *Trainer {
	if h.Batch < 1 {
		h.Batch = 1
	}
	pcg := newPCG(seed)
	return &Trainer{
		Net: net, Hyper: h, LR: h.LR,
		pcg: pcg, rng: rand.New(pcg),
		state: NewState(net.Config),
		grad:  NewGradients(net.Config),
	}
}

// Train trains on at most max samples of ex, continuing the current epoch,
// and returns how many it trained on. When an epoch ends it records Last,
// applies the learning-rate decay and reshuffles. An update happens every
// Batch samples and at the end of each epoch; a slice that stops mid-batch
// keeps the partial gradients for the next call.
//
// It panics if ex does not fit the network (call ex.Check first) and
// allocates nothing once the first epoch has started.
func (t *Trainer) Train(ex Examples, max int) int {
	n := ex.Len()
	if n == 0 || max <= 0 {
		return 0
	}
	if len(ex.X) != n*Inputs {
		panic("nn: Examples has the wrong number of inputs")
	}
	if !t.state.fits(t.Net) || !t.grad.fits(t.Net) {
		// Net was replaced by one of another shape: start its buffers afresh.
		t.state, t.grad = NewState(t.Net.Config), NewGradients(t.Net.Config)
	}
	if len(t.order) != n {
		t.reshuffle(n)
	}
	fused := !t.noFuse && fusedOK(t.Hyper.Batch, t.LR, t.Hyper.L2)
	done := 0
	for done < max {
		idx := t.order[t.pos]
		label := ex.Y[idx]
		if label < 0 || label >= t.Net.Classes {
			panic("nn: label out of range")
		}
		t.state.X = ex.Input(idx) // read, never written: no copy needed
		t.Net.forward(t.state)
		right := t.state.Predicted() == label
		if right {
			t.correct++
		}
		var loss float64
		if fused {
			loss = t.state.Loss(label)
			t.Net.sgdStep(t.grad, t.state, label, t.LR)
		} else {
			loss = t.Net.Backward(t.grad, t.state, label)
		}
		t.sumLoss += loss
		t.Step = StepStats{Index: idx, Loss: loss, Correct: right}
		t.pos++
		t.Seen++
		done++
		if !fused && (t.grad.Count >= t.Hyper.Batch || t.pos == n) {
			t.Net.Apply(t.grad, t.LR, t.Hyper.L2)
			t.grad.Zero()
		}
		if t.pos == n {
			t.endEpoch(n)
			fused = !t.noFuse && fusedOK(t.Hyper.Batch, t.LR, t.Hyper.L2)
		}
	}
	t.Net.Touch() // the fused step writes the weights without Apply
	return done
}

func (t *Trainer) endEpoch(n int) {
	t.Epoch++
	t.Last = EpochStats{Epoch: t.Epoch, Loss: t.sumLoss / float64(n), Accuracy: float64(t.correct) / float64(n), LR: t.LR}
	if d := t.Hyper.Decay; d > 0 && d != 1 {
		t.LR = max(float64(t.LR*d), t.Hyper.MinLR)
	}
	t.reshuffle(n)
}

// reshuffle starts a new epoch order with a Fisher–Yates shuffle.
func (t *Trainer) reshuffle(n int) {
	if cap(t.order) < n {
		t.order = make([]int, n)
	}
	t.order = t.order[:n]
	for i := range t.order {
		t.order[i] = i
	}
	t.drawn, _ = t.pcg.AppendBinary(t.drawn[:0]) // cannot fail; reuses the buffer
	t.rng.Shuffle(n, func(i, j int) { t.order[i], t.order[j] = t.order[j], t.order[i] })
	t.resetEpoch()
	if p := t.pending; p != nil {
		t.pending = nil
		if p.Done < n { // the same drawings: carry on inside the epoch
			t.pos, t.sumLoss, t.correct = p.Done, p.SumLoss, p.Correct
		}
	}
}

// resetEpoch clears what an epoch accumulates — position, partial
// gradients, loss and hit count — so a new epoch, after a reshuffle or a
// Restart, starts from the same state either way.
func (t *Trainer) resetEpoch() {
	t.pos = 0
	t.grad.Zero()
	t.sumLoss, t.correct = 0, 0
}

// RunEpoch trains for the rest of the current epoch (a whole one if none is
// under way) and returns its stats.
func (t *Trainer) RunEpoch(ex Examples) EpochStats {
	n := ex.Len()
	if n == 0 {
		return EpochStats{}
	}
	if len(t.order) != n {
		t.reshuffle(n)
	}
	t.Train(ex, n-t.pos)
	return t.Last
}

// Upcoming returns the index of the example of ex that Train trains on
// next, starting the epoch's shuffle if Train would. ex must not be empty.
func (t *Trainer) Upcoming(ex Examples) int {
	if n := ex.Len(); len(t.order) != n {
		t.reshuffle(n)
	}
	return t.order[t.pos]
}

// Progress returns how far the current epoch has got, from 0 to 1.
func (t *Trainer) Progress() float64 {
	if len(t.order) == 0 {
		return 0
	}
	return float64(t.pos) / float64(len(t.order))
}

// Restart forgets the epoch under way, so the next Train starts a fresh
// shuffle; call it after the dataset changed.
func (t *Trainer) Restart() {
	t.order = t.order[:0]
	t.pending = nil
	t.resetEpoch()
}
