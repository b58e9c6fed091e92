package nn

import (
	"fmt"
	"math"
	"testing"
)

// applyTol: Apply's w − lr·(g/count) against the same formula written out
// in the test in another association; they agree to a few ulps of w.
const applyTol = 1e-15

// gradOf returns the gradients of one sample on n.
func gradOf(n *Network, x []float64, label int) *Gradients {
	g := NewGradients(n.Config)
	s := NewState(n.Config)
	n.Forward(s, x)
	n.Backward(g, s, label)
	return g
}

func TestApplyBatchIsMeanOfGradients(t *testing.T) {
	const lr = 0.3
	ex := greyDigits(2, 5)
	n := mustNet(t, Config{Hidden: 6, Classes: 2, Activation: Tanh}, 4)
	ga, gb := gradOf(n, ex.Input(0), 0), gradOf(n, ex.Input(1), 1)
	g := NewGradients(n.Config)
	s := NewState(n.Config)
	for k := 0; k < 2; k++ {
		n.Forward(s, ex.Input(k))
		n.Backward(g, s, k)
	}
	want := n.Clone()
	got := n.Clone()
	got.Apply(g, lr, 0)
	pw, pa, pb := want.Params(), ga.params(), gb.params()
	for k, p := range pw {
		for i := range p {
			p[i] -= lr * (pa[k][i] + pb[k][i]) / 2
		}
	}
	pg := got.Params()
	for k := range pw {
		for i := range pw[k] {
			if math.Abs(pw[k][i]-pg[k][i]) > applyTol {
				t.Fatalf("param %d[%d]: %v, want %v", k, i, pg[k][i], pw[k][i])
			}
		}
	}
	before := got.Clone()
	got.Apply(NewGradients(n.Config), lr, 0.5) // Count 0: nothing happens, not even L2
	if d := diffBits(before, got); d != "" {
		t.Errorf("Apply with Count 0 changed %s", d)
	}
}

func (g *Gradients) params() [4][]float64 { return [4][]float64{g.W1, g.B1, g.W2, g.B2} }

func TestL2PullsWeightsNotBiases(t *testing.T) {
	const lr, l2 = 0.5, 0.1
	n := mustNet(t, DefaultConfig, 8)
	for i := range n.B1 {
		n.B1[i] = 0.25
	}
	n.B2[0], n.B2[1] = -1, 1
	before := n.Clone()
	g := NewGradients(n.Config)
	g.Count = 1 // a zero gradient: only the L2 term acts
	n.Apply(g, lr, l2)
	for _, pair := range [][2][]float64{{before.W1, n.W1}, {before.W2, n.W2}} {
		for i, w := range pair[0] {
			if want := w * (1 - lr*l2); math.Abs(pair[1][i]-want) > applyTol {
				t.Fatalf("weight %v became %v, want %v", w, pair[1][i], want)
			}
		}
	}
	if diffBits(&Network{B1: before.B1, B2: before.B2}, &Network{B1: n.B1, B2: n.B2}) != "" {
		t.Errorf("L2 moved biases: %v %v", n.B1[:2], n.B2)
	}
}

func TestDecayWithFloor(t *testing.T) {
	ex := synthDigits(10, 1)
	n := mustNet(t, DefaultConfig, 1)
	tr := NewTrainer(n, Hyper{LR: 0.1, Decay: 0.5, MinLR: 0.03, Batch: 1}, 1)
	for _, want := range []struct{ used, next float64 }{{0.1, 0.05}, {0.05, 0.03}, {0.03, 0.03}} {
		st := tr.RunEpoch(ex)
		if st.LR != want.used || tr.LR != want.next {
			t.Errorf("epoch %d: used η %v, next %v; want %v, %v", st.Epoch, st.LR, tr.LR, want.used, want.next)
		}
	}
	for _, d := range []float64{0, 1} {
		tr := NewTrainer(mustNet(t, DefaultConfig, 1), Hyper{LR: 0.1, Decay: d, Batch: 1}, 1)
		tr.RunEpoch(ex)
		if tr.LR != 0.1 {
			t.Errorf("Decay %v changed η to %v", d, tr.LR)
		}
	}
}

// trainerCases are the settings the slice and fused-path tests run over:
// every activation, batch 1 (the fused path) and larger batches, L2 on and
// off, drawings and grey inputs.
func trainerCases() []struct {
	name string
	cfg  Config
	h    Hyper
	ex   Examples
} {
	type tc = struct {
		name string
		cfg  Config
		h    Hyper
		ex   Examples
	}
	var out []tc
	for _, act := range []Activation{Sigmoid, Tanh, ReLU} {
		for _, batch := range []int{1, 3, 32} {
			for _, l2 := range []float64{0, 1e-3} {
				for di, ex := range []Examples{synthDigits(45, 6), greyDigits(45, 7)} {
					name := fmt.Sprintf("%v/batch%d/l2=%g/%s", act, batch, l2, []string{"binary", "grey"}[di])
					out = append(out, tc{name, Config{Hidden: 7, Classes: 3, Activation: act},
						Hyper{LR: 0.2, Decay: 0.9, MinLR: 0.05, L2: l2, Batch: batch}, withLabels(ex, 3)})
				}
			}
		}
	}
	return out
}

// withLabels relabels ex into classes round-robin, so three classes appear.
func withLabels(ex Examples, classes int) Examples {
	for i := range ex.Y {
		ex.Y[i] = (i/2 + ex.Y[i]) % classes
	}
	return ex
}

// TestTrainInSlices: training in slices of 7 samples, as the app does a few
// per frame, gives the same weights, bit for bit, as whole epochs.
func TestTrainInSlices(t *testing.T) {
	const epochs = 3
	for _, c := range trainerCases() {
		whole := NewTrainer(mustNet(t, c.cfg, 2), c.h, 9)
		sliced := NewTrainer(mustNet(t, c.cfg, 2), c.h, 9)
		var stats []EpochStats
		for e := 0; e < epochs; e++ {
			stats = append(stats, whole.RunEpoch(c.ex))
		}
		for e := 0; sliced.Epoch < epochs; {
			sliced.Train(c.ex, min(7, c.ex.Len()*epochs-sliced.Seen))
			if sliced.Epoch > e {
				if sliced.Last != stats[e] {
					t.Errorf("%s: epoch %d stats %+v, whole epochs %+v", c.name, e+1, sliced.Last, stats[e])
				}
				e++
			}
		}
		if d := diffBits(whole.Net, sliced.Net); d != "" {
			t.Errorf("%s: sliced training differs at %s", c.name, d)
		}
		if whole.Seen != sliced.Seen || whole.LR != sliced.LR || sliced.Progress() != 0 {
			t.Errorf("%s: Seen %d/%d LR %v/%v progress %v", c.name, whole.Seen, sliced.Seen, whole.LR, sliced.LR, sliced.Progress())
		}
	}
}

// TestFusedStepMatchesGeneral: the trainer's fused batch-1 step gives the
// same weights, bit for bit, as Forward + Backward + Apply. Only the cases
// the fused path takes (batch 1, no L2) are compared: in the others both
// trainers run the general path and could not differ.
func TestFusedStepMatchesGeneral(t *testing.T) {
	const epochs = 4
	compared := 0
	for _, c := range trainerCases() {
		if !fusedOK(c.h.Batch, c.h.LR, c.h.L2) {
			continue
		}
		compared++
		fast := NewTrainer(mustNet(t, c.cfg, 3), c.h, 5)
		slow := NewTrainer(mustNet(t, c.cfg, 3), c.h, 5)
		slow.noFuse = true
		for e := 0; e < epochs; e++ {
			a, b := fast.RunEpoch(c.ex), slow.RunEpoch(c.ex)
			if a != b {
				t.Errorf("%s: epoch stats %+v vs %+v", c.name, a, b)
			}
		}
		if d := diffBits(fast.Net, slow.Net); d != "" {
			t.Errorf("%s: fused path differs at %s", c.name, d)
		}
	}
	if compared == 0 {
		t.Fatal("no case takes the fused path: nothing was compared")
	}
}

// TestFusedStepNegativeZero covers the corner where the fused step must
// still mirror Apply: weights of −0 and zero error signals, which Apply's
// accumulation into a cleared gradient turns into +0.
func TestFusedStepNegativeZero(t *testing.T) {
	for _, act := range []Activation{Sigmoid, Tanh, ReLU} {
		n, _ := Zero(Config{Hidden: 5, Classes: 2, Activation: act})
		negZero := math.Copysign(0, -1)
		for _, p := range n.Params() {
			for i := range p {
				p[i] = negZero
			}
		}
		for _, ex := range []Examples{synthDigits(3, 2), greyDigits(3, 2)} {
			for k := 0; k < ex.Len(); k++ {
				for _, lr := range []float64{0, 0.5} {
					a, b := n.Clone(), n.Clone()
					s, g := NewState(n.Config), NewGradients(n.Config)
					a.Forward(s, ex.Input(k))
					a.sgdStep(g, s, ex.Y[k], lr)
					s2, g2 := NewState(n.Config), NewGradients(n.Config)
					b.Forward(s2, ex.Input(k))
					b.Backward(g2, s2, ex.Y[k])
					b.Apply(g2, lr, 0)
					if d := diffBits(a, b); d != "" {
						t.Fatalf("%v lr %v sample %d: %s", act, lr, k, d)
					}
				}
			}
		}
	}
	if fusedOK(1, -0.1, 0) || fusedOK(1, math.NaN(), 0) || fusedOK(1, math.Inf(1), 0) ||
		fusedOK(2, 0.1, 0) || fusedOK(1, 0.1, 1e-4) || !fusedOK(1, 0.1, 0) {
		t.Error("fusedOK accepts settings where skipping zero gradients would change results")
	}
}

// TestTraceStepMatchesTrainer: the tour's one recorded step is the step the
// trainer takes, and with a small η it lowers the loss on that sample.
func TestTraceStepMatchesTrainer(t *testing.T) {
	for _, act := range []Activation{Sigmoid, Tanh, ReLU} {
		for _, l2 := range []float64{0, 1e-3} {
			ex := Examples{X: synthDigits(3, 4).Input(2), Y: []int{0}}
			n := mustNet(t, Config{Hidden: 24, Classes: 2, Activation: act}, 6)
			start := n.Clone()
			tr := NewTrainer(n.Clone(), Hyper{LR: 0.05, Batch: 1, L2: l2}, 1)
			tr.Train(ex, 1)
			trace := n.TraceStep(ex.Input(0), 0, 0.05, l2)
			if d := diffBits(trace.After, tr.Net); d != "" {
				t.Errorf("%v l2 %v: trace After differs from Trainer at %s", act, l2, d)
			}
			if d := diffBits(trace.After, n); d != "" {
				t.Errorf("%v: TraceStep did not leave n at After: %s", act, d)
			}
			if d := diffBits(trace.Before, start); d != "" {
				t.Errorf("%v: Before is not the starting network: %s", act, d)
			}
			if !(trace.LossAfter < trace.Loss) {
				t.Errorf("%v: loss %v → %v did not fall", act, trace.Loss, trace.LossAfter)
			}
			if trace.Loss != tr.Last.Loss || trace.Grad.Count != 1 || trace.Label != 0 || trace.LR != 0.05 {
				t.Errorf("%v: trace loss %v, trainer %v, count %d", act, trace.Loss, tr.Last.Loss, trace.Grad.Count)
			}
			if trace.Forward.P[0] == trace.Updated.P[0] {
				t.Errorf("%v: the update did not move p", act)
			}
		}
	}
}

// TestTrainAllocatesNothing: a training step, fused or general, allocates
// nothing once the epoch order exists.
func TestTrainAllocatesNothing(t *testing.T) {
	ex := synthDigits(64, 1)
	for _, h := range []Hyper{{LR: 0.1, Batch: 1}, {LR: 0.1, Batch: 8, L2: 1e-4}} {
		tr := NewTrainer(mustNet(t, DefaultConfig, 1), h, 1)
		tr.RunEpoch(ex)
		if a := testing.AllocsPerRun(20, func() { tr.Train(ex, 50) }); a != 0 {
			t.Errorf("batch %d: %v allocations per Train", h.Batch, a)
		}
	}
}

// TestRestart: after Restart the next Train starts a fresh shuffle and
// forgets a half-done batch, so a changed dataset is not mixed with the old.
func TestRestart(t *testing.T) {
	ex := synthDigits(20, 3)
	tr := NewTrainer(mustNet(t, DefaultConfig, 1), Hyper{LR: 0.1, Batch: 4}, 1)
	tr.Train(ex, 6)
	if p := tr.Progress(); p != 0.3 {
		t.Errorf("Progress %v after 6 of 20", p)
	}
	tr.Restart()
	if tr.Progress() != 0 || tr.grad.Count != 0 {
		t.Errorf("Restart left progress %v, %d pending samples", tr.Progress(), tr.grad.Count)
	}
	if n := tr.Train(ex, 25); n != 25 || tr.Epoch != 1 || tr.Seen != 31 {
		t.Errorf("Train after Restart: %d samples, epoch %d, seen %d", n, tr.Epoch, tr.Seen)
	}
	if tr.Train(Examples{}, 5) != 0 || tr.Train(ex, 0) != 0 || (tr.RunEpoch(Examples{}) != EpochStats{}) {
		t.Error("training on nothing did something")
	}
}

// TestTrainerNetReplaced: the app may swap in a network of another shape
// (new hidden size); the trainer re-makes its buffers instead of panicking.
func TestTrainerNetReplaced(t *testing.T) {
	ex := synthDigits(10, 1)
	tr := NewTrainer(mustNet(t, DefaultConfig, 1), DefaultHyper, 1)
	tr.Train(ex, 4)
	tr.Net = mustNet(t, Config{Hidden: 5, Classes: 2, Activation: ReLU}, 1)
	if n := tr.Train(ex, 10); n != 10 || !tr.Net.Finite() {
		t.Errorf("after the swap: %d samples, finite %v", n, tr.Net.Finite())
	}
}

// TestUpcomingAndStep: Upcoming names the example Train takes next, and
// Step reports it with the loss a fresh forward pass gives before the
// update.
func TestUpcomingAndStep(t *testing.T) {
	ex := synthDigits(30, 5)
	n := mustNet(t, DefaultConfig, 2)
	tr := NewTrainer(n, DefaultHyper, 3)
	s := NewState(n.Config)
	for range 70 { // across epoch ends, where the order is shuffled again
		next := tr.Upcoming(ex)
		n.Forward(s, ex.Input(next))
		loss, right := s.Loss(ex.Y[next]), s.Predicted() == ex.Y[next]
		tr.Train(ex, 1)
		if tr.Step.Index != next || tr.Step.Loss != loss || tr.Step.Correct != right {
			t.Fatalf("trained %+v, want index %d loss %v correct %v", tr.Step, next, loss, right)
		}
	}
}
