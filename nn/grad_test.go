package nn

import (
	"math"
	"testing"
)

// Finite differences: the central difference (L(w+h) − L(w−h))/2h has a
// truncation error of order h²·L”' ≈ 1e-12 for h = 1e-6 and a rounding
// error of order ε·L/h ≈ 2e-16·10/1e-6 ≈ 2e-9 for the losses here, so an
// absolute-or-relative tolerance of 1e-6 separates a right gradient from a
// wrong one (a wrong one is off by O(1) of its size) with room to spare.
const (
	fdStep = 1e-6
	fdTol  = 1e-6
)

// reluKink is how close to 0 a ReLU pre-activation may come before the
// finite difference would straddle the kink, where ReLU has no derivative.
const reluKink = 1e-4

// checkGrad compares ∂L/∂p from Backward with a central difference for the
// parameters idx of p, summing the loss over the samples of ex.
func checkGrad(t *testing.T, n *Network, ex Examples, name string, p, grad []float64, idx []int) {
	t.Helper()
	s := NewState(n.Config)
	loss := func() float64 {
		sum := 0.0
		for k := 0; k < ex.Len(); k++ {
			n.Forward(s, ex.Input(k))
			sum += s.Loss(ex.Y[k])
		}
		return sum
	}
	for _, i := range idx {
		w := p[i]
		p[i] = w + fdStep
		up := loss()
		p[i] = w - fdStep
		down := loss()
		p[i] = w
		fd := (up - down) / (2 * fdStep)
		if d := math.Abs(fd - grad[i]); d > fdTol*max(1, math.Abs(fd)) {
			t.Errorf("%s[%d]: Backward %.10g, finite difference %.10g", name, i, grad[i], fd)
		}
	}
}

func allIndices(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// gradExamples returns three samples: two drawings and one with grey and
// negative pixels, labelled across all three classes.
func gradExamples() Examples {
	ex := synthDigits(2, 7)
	g := greyDigits(1, 9)
	ex.X = append(ex.X, g.X...)
	ex.Y = []int{0, 1, 2}
	return ex
}

// reluSafe reports whether no hidden pre-activation is near ReLU's kink.
func reluSafe(n *Network, ex Examples) bool {
	s := NewState(n.Config)
	for k := 0; k < ex.Len(); k++ {
		n.Forward(s, ex.Input(k))
		for _, z := range s.Z1 {
			if math.Abs(z) < reluKink {
				return false
			}
		}
	}
	return true
}

// TestGradientEveryParameter checks every parameter of an 81-3-3 net for
// each activation, with the gradient accumulated over a batch of three.
func TestGradientEveryParameter(t *testing.T) {
	ex := gradExamples()
	for _, act := range []Activation{Sigmoid, Tanh, ReLU} {
		t.Run(act.String(), func(t *testing.T) {
			cfg := Config{Hidden: 3, Classes: 3, Activation: act}
			var n *Network
			for seed := uint64(1); ; seed++ {
				n = mustNet(t, cfg, seed)
				// Non-zero biases so their gradients are checked away from 0.
				for i := range n.B1 {
					n.B1[i] = 0.1 * float64(i+1)
				}
				n.B2[0] = -0.2
				if act != ReLU || reluSafe(n, ex) {
					break
				}
			}
			g := NewGradients(cfg)
			s := NewState(cfg)
			for k := 0; k < ex.Len(); k++ {
				n.Forward(s, ex.Input(k))
				n.Backward(g, s, ex.Y[k])
			}
			if g.Count != ex.Len() {
				t.Fatalf("Count %d, want %d", g.Count, ex.Len())
			}
			checkGrad(t, n, ex, "W1", n.W1, g.W1, allIndices(len(n.W1)))
			checkGrad(t, n, ex, "B1", n.B1, g.B1, allIndices(len(n.B1)))
			checkGrad(t, n, ex, "W2", n.W2, g.W2, allIndices(len(n.W2)))
			checkGrad(t, n, ex, "B2", n.B2, g.B2, allIndices(len(n.B2)))
		})
	}
}

// TestGradientSpot81x24x2 checks a seeded sample of the parameters of the
// default network, including W1 columns of inputs that are zero (whose
// gradient must be exactly 0).
func TestGradientSpot81x24x2(t *testing.T) {
	const samples = 40 // parameters checked per tensor
	ex := synthDigits(1, 3)
	n := mustNet(t, DefaultConfig, 5)
	g := NewGradients(n.Config)
	s := NewState(n.Config)
	n.Forward(s, ex.Input(0))
	n.Backward(g, s, ex.Y[0])
	rng := NewRand(11)
	pick := func(size int) []int {
		idx := make([]int, min(samples, size))
		for i := range idx {
			idx[i] = rng.IntN(size)
		}
		return idx
	}
	checkGrad(t, n, ex, "W1", n.W1, g.W1, pick(len(n.W1)))
	checkGrad(t, n, ex, "B1", n.B1, g.B1, pick(len(n.B1)))
	checkGrad(t, n, ex, "W2", n.W2, g.W2, allIndices(len(n.W2)))
	checkGrad(t, n, ex, "B2", n.B2, g.B2, allIndices(len(n.B2)))
	for h := 0; h < n.Hidden; h++ {
		for i, x := range ex.Input(0) {
			if x == 0 && g.W1[h*Inputs+i] != 0 {
				t.Fatalf("W1 gradient for a blank input %d is %v, want 0", i, g.W1[h*Inputs+i])
			}
		}
	}
}

// TestBackwardErrorSignals checks the tour's fields against their
// definitions: DOut = p − onehot, BackSum = W2ᵀ·DOut, DHidden = BackSum·f'.
func TestBackwardErrorSignals(t *testing.T) {
	const tol = 1e-15 // the same sums in another order: a few ulps of values ≤ 1
	ex := greyDigits(1, 4)
	for _, act := range []Activation{Sigmoid, Tanh, ReLU} {
		n := mustNet(t, Config{Hidden: 5, Classes: 3, Activation: act}, 2)
		s, g := NewState(n.Config), NewGradients(n.Config)
		n.Forward(s, ex.Input(0))
		loss := n.Backward(g, s, 2)
		if want := -math.Log(s.P[2]); math.Abs(loss-want) > 1e-12 {
			t.Errorf("%v: loss %v, −log p = %v", act, loss, want)
		}
		for c := range g.DOut {
			want := s.P[c]
			if c == 2 {
				want--
			}
			if g.DOut[c] != want {
				t.Errorf("%v: DOut[%d] = %v, want %v", act, c, g.DOut[c], want)
			}
		}
		for h := range g.BackSum {
			sum := 0.0
			for c := range g.DOut {
				sum += n.W2[c*n.Hidden+h] * g.DOut[c]
			}
			if math.Abs(sum-g.BackSum[h]) > tol {
				t.Errorf("%v: BackSum[%d] = %v, want %v", act, h, g.BackSum[h], sum)
			}
			if want := sum * act.Deriv(s.Z1[h], s.H[h]); math.Abs(want-g.DHidden[h]) > tol {
				t.Errorf("%v: DHidden[%d] = %v, want %v", act, h, g.DHidden[h], want)
			}
		}
	}
}

func TestBackwardPanics(t *testing.T) {
	n := mustNet(t, DefaultConfig, 1)
	s, g := NewState(n.Config), NewGradients(n.Config)
	n.Forward(s, make([]float64, Inputs))
	for _, label := range []int{-1, 2} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Backward with label %d did not panic", label)
				}
			}()
			n.Backward(g, s, label)
		}()
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("Forward with 80 inputs did not panic")
			}
		}()
		n.Forward(s, make([]float64, Inputs-1))
	}()
}
