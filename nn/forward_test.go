package nn

import (
	"math"
	"testing"
)

// probTol: softmax outputs are sums and quotients of a few exps, each within
// an ulp, so they land within a few ulps (≈1e-16) of the exact value.
const probTol = 1e-15

func TestSoftmaxLargeLogits(t *testing.T) {
	cases := []struct {
		z, want []float64
	}{
		{[]float64{1000, -1000}, []float64{1, 0}},
		{[]float64{-1000, 1000}, []float64{0, 1}},
		{[]float64{1000, 1000}, []float64{0.5, 0.5}},
		{[]float64{-1000, -1000, -1000, -1000}, []float64{0.25, 0.25, 0.25, 0.25}},
		{[]float64{1e308, -1e308, 0}, []float64{1, 0, 0}},
		{[]float64{710, 709}, []float64{1 / (1 + math.Exp(-1)), 1 / (1 + math.E)}},
		{[]float64{0, 0}, []float64{0.5, 0.5}},
		{[]float64{3}, []float64{1}},
	}
	for _, c := range cases {
		p := make([]float64, len(c.z))
		Softmax(p, c.z)
		sum := 0.0
		for i, v := range p {
			if math.IsNaN(v) || math.Abs(v-c.want[i]) > probTol {
				t.Errorf("Softmax(%v) = %v, want %v", c.z, p, c.want)
				break
			}
			sum += v
		}
		if math.Abs(sum-1) > probTol {
			t.Errorf("Softmax(%v) sums to %v", c.z, sum)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("Softmax with mismatched lengths did not panic")
		}
	}()
	Softmax(make([]float64, 2), make([]float64, 3))
}

// TestLossWhenProbabilityRoundsToZero drives the logits to ±1000 through the
// output biases: p_label is exactly 0, −log p would be +Inf, and the loss
// must still be the finite 2000.
func TestLossWhenProbabilityRoundsToZero(t *testing.T) {
	n, err := Zero(DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	n.B2[0], n.B2[1] = 1000, -1000
	s := NewState(n.Config)
	n.Forward(s, synthDigits(1, 1).Input(0))
	if s.P[1] != 0 || s.P[0] != 1 {
		t.Fatalf("P = %v, want [1 0]", s.P)
	}
	if l := s.Loss(1); l != 2000 {
		t.Errorf("Loss(1) = %v, want 2000", l)
	}
	if l := s.Loss(0); l != 0 {
		t.Errorf("Loss(0) = %v, want 0", l)
	}
	if s.Predicted() != 0 {
		t.Errorf("Predicted %d", s.Predicted())
	}
	// The gradient stays finite too: p − onehot is −1 for the true class.
	g := NewGradients(n.Config)
	if l := n.Backward(g, s, 1); l != 2000 || g.DOut[1] != -1 || g.DOut[0] != 1 {
		t.Errorf("Backward: loss %v, DOut %v", l, g.DOut)
	}
}

// TestForwardMatchesDense compares Forward, which visits only non-zero
// inputs and sums four neurons at a time, with a plain dense loop.
func TestForwardMatchesDense(t *testing.T) {
	for _, ex := range []Examples{synthDigits(4, 2), greyDigits(4, 3)} {
		for _, act := range []Activation{Sigmoid, Tanh, ReLU} {
			for _, h := range []int{1, 3, 4, 7, 24} {
				n := mustNet(t, Config{Hidden: h, Classes: 3, Activation: act}, uint64(h))
				s := NewState(n.Config)
				for k := 0; k < ex.Len(); k++ {
					x := ex.Input(k)
					n.Forward(s, x)
					for j := 0; j < h; j++ {
						z := n.B1[j]
						for i, v := range x {
							z += float64(n.W1[j*Inputs+i] * v)
						}
						if z != s.Z1[j] || act.Apply(z) != s.H[j] {
							t.Fatalf("%v H=%d sample %d: Z1[%d] = %v, dense %v", act, h, k, j, s.Z1[j], z)
						}
					}
					for c := 0; c < 3; c++ {
						z := n.B2[c]
						for j, a := range s.H {
							z += float64(n.W2[c*h+j] * a)
						}
						if z != s.Z2[c] {
							t.Fatalf("%v H=%d: Z2[%d] = %v, dense %v", act, h, c, s.Z2[c], z)
						}
					}
				}
			}
		}
	}
}

func TestPredict(t *testing.T) {
	n := mustNet(t, DefaultConfig, 3)
	s := NewState(n.Config)
	p := make([]float64, 2)
	x := synthDigits(1, 2).Input(0)
	n.Predict(p, s, x)
	if math.Abs(p[0]+p[1]-1) > probTol || p[0] != s.P[0] {
		t.Errorf("Predict = %v", p)
	}
}
