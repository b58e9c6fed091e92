package nn

import "math"

// State holds one sample's pass through the network: every intermediate the
// tour shows and Backward needs. The caller owns it and reuses it, so a
// forward pass allocates nothing.
type State struct {
	X  []float64 // Inputs: the pixels, 0 or 1 for drawings
	Z1 []float64 // Hidden: pre-activations z = W1·x + b1
	H  []float64 // Hidden: activations h = f(z)
	Z2 []float64 // Classes: logits W2·h + b2
	P  []float64 // Classes: softmax(Z2), the predicted probabilities

	active []int // indices of the non-zero inputs, the only columns of W1 that matter
}

// NewState returns a State sized for cfg.
func NewState(cfg Config) *State {
	return &State{
		X:      make([]float64, Inputs),
		Z1:     make([]float64, cfg.Hidden),
		H:      make([]float64, cfg.Hidden),
		Z2:     make([]float64, cfg.Classes),
		P:      make([]float64, cfg.Classes),
		active: make([]int, 0, Inputs),
	}
}

func (s *State) fits(n *Network) bool {
	return len(s.X) == Inputs && len(s.Z1) == n.Hidden && len(s.H) == n.Hidden &&
		len(s.Z2) == n.Classes && len(s.P) == n.Classes
}

// Forward runs x through n and records every step in s. It panics if x does
// not have Inputs values or s was made for another shape.
//
// Drawn digits are mostly empty pixels, so the input layer sums only over the
// non-zero inputs. Skipping a term x_i·w = 0 leaves the sum bit-identical.
func (n *Network) Forward(s *State, x []float64) {
	if len(x) != Inputs {
		panic("nn: input length is not 81")
	}
	if !s.fits(n) {
		panic("nn: State does not fit the network")
	}
	copy(s.X, x)
	s.active = s.active[:0]
	for i, v := range x {
		if v != 0 {
			s.active = append(s.active, i)
		}
	}
	for h := 0; h < n.Hidden; h++ {
		row := n.W1[h*Inputs : h*Inputs+Inputs]
		z := n.B1[h]
		for _, i := range s.active {
			z += float64(row[i] * x[i])
		}
		s.Z1[h] = z
		s.H[h] = n.Activation.Apply(z)
	}
	for c := 0; c < n.Classes; c++ {
		row := n.W2[c*n.Hidden : c*n.Hidden+n.Hidden]
		z := n.B2[c]
		for h, w := range row {
			z += float64(w * s.H[h])
		}
		s.Z2[c] = z
	}
	Softmax(s.P, s.Z2)
}

// Softmax writes softmax(z) into dst. It subtracts max(z) first so that large
// logits cannot overflow e^z; the result is unchanged since
// e^(z−m)/Σe^(z−m) = e^z/Σe^z.
func Softmax(dst, z []float64) {
	if len(dst) != len(z) {
		panic("nn: Softmax length mismatch")
	}
	m := math.Inf(-1)
	for _, v := range z {
		m = max(m, v)
	}
	sum := 0.0
	for i, v := range z {
		e := Exp(v - m)
		dst[i] = e
		sum += e
	}
	for i := range dst {
		dst[i] /= sum
	}
}

// Loss returns the cross-entropy −log p_label of the last Forward, computed
// from the logits as logΣe^z − z_label so that it stays finite even when
// p_label rounds to zero.
func (s *State) Loss(label int) float64 {
	m := math.Inf(-1)
	for _, v := range s.Z2 {
		m = max(m, v)
	}
	sum := 0.0
	for _, v := range s.Z2 {
		sum += Exp(v - m)
	}
	return m + math.Log(sum) - s.Z2[label]
}

// Predicted returns the class with the highest probability.
func (s *State) Predicted() int {
	best := 0
	for c, p := range s.P {
		if p > s.P[best] {
			best = c
		}
	}
	return best
}
