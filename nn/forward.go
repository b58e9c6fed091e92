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

	// Drawn digits are mostly empty, so only the non-zero inputs, the only
	// columns of W1 that matter, are visited.
	active  [Inputs]int // active[:nactive] are the indices of the non-zero inputs, ascending
	nactive int
	binary  bool // every non-zero input is exactly 1, so x_i·w = w

	zmax, zsum float64 // max(Z2) and Σe^(Z2−max), kept from Softmax for Loss
}

// NewState returns a State sized for cfg.
func NewState(cfg Config) *State {
	return &State{
		X:  make([]float64, Inputs),
		Z1: make([]float64, cfg.Hidden),
		H:  make([]float64, cfg.Hidden),
		Z2: make([]float64, cfg.Classes),
		P:  make([]float64, cfg.Classes),
	}
}

func (s *State) fits(n *Network) bool {
	return len(s.X) == Inputs && len(s.Z1) == n.Hidden && len(s.H) == n.Hidden &&
		len(s.Z2) == n.Classes && len(s.P) == n.Classes
}

// Forward runs x through n and records every step in s. It panics if x does
// not have Inputs values or s was made for another shape.
//
// Every sum starts from its bias and adds terms in ascending index order,
// skipping inputs that are zero (a term 0·w = 0 leaves the sum bit-identical,
// unless w is ±Inf or NaN, which Check refuses).
func (n *Network) Forward(s *State, x []float64) {
	if len(x) != Inputs {
		panic("nn: input length is not 81")
	}
	if !s.fits(n) {
		panic("nn: State does not fit the network")
	}
	copy(s.X, x)
	n.forward(s)
}

// forward is Forward on the input already in s.X. The trainer points s.X
// at the example instead of copying it, which saves a twentieth of a step.
func (n *Network) forward(s *State) {
	s.scan()
	n.hidden(s)
	n.Activation.applyAll(s.H, s.Z1)
	n.output(s)
	s.zmax, s.zsum = softmax(s.P, s.Z2)
}

// scan lists the non-zero inputs. The loop over all pixels is branch-free
// so that random drawings do not cost a mispredicted branch per pixel; the
// check for 0/1 inputs then only looks at the few active ones.
func (s *State) scan() {
	x := (*[Inputs]float64)(s.X)
	k := 0
	for i, v := range x {
		s.active[k] = i
		if v != 0 {
			k++
		}
	}
	s.nactive = k
	s.binary = true
	for _, i := range s.active[:k] {
		if x[i] != 1 {
			s.binary = false
		}
	}
}

// hidden computes Z1. Four neurons are summed side by side so that the
// processor overlaps four independent chains of additions; each chain still
// adds its terms in the same order as a one-neuron loop would.
func (n *Network) hidden(s *State) {
	H := n.Hidden
	w1, b1, z1 := n.W1[:H*Inputs], n.B1[:H], s.Z1[:H]
	act := s.active[:s.nactive]
	x := (*[Inputs]float64)(s.X)
	h := 0
	if s.binary {
		for ; h+4 <= H; h += 4 {
			r0 := (*[Inputs]float64)(w1[h*Inputs:])
			r1 := (*[Inputs]float64)(w1[(h+1)*Inputs:])
			r2 := (*[Inputs]float64)(w1[(h+2)*Inputs:])
			r3 := (*[Inputs]float64)(w1[(h+3)*Inputs:])
			a0, a1, a2, a3 := b1[h], b1[h+1], b1[h+2], b1[h+3]
			for _, i := range act {
				a0 += r0[i]
				a1 += r1[i]
				a2 += r2[i]
				a3 += r3[i]
			}
			z1[h], z1[h+1], z1[h+2], z1[h+3] = a0, a1, a2, a3
		}
		for ; h < H; h++ {
			r := (*[Inputs]float64)(w1[h*Inputs:])
			a := b1[h]
			for _, i := range act {
				a += r[i]
			}
			z1[h] = a
		}
		return
	}
	for ; h < H; h++ {
		r := (*[Inputs]float64)(w1[h*Inputs:])
		a := b1[h]
		for _, i := range act {
			a += float64(r[i] * x[i])
		}
		z1[h] = a
	}
}

// output computes the logits Z2 = W2·H + b2, two classes side by side.
func (n *Network) output(s *State) {
	H, C := n.Hidden, n.Classes
	hs, w2, b2, z2 := s.H[:H], n.W2[:C*H], n.B2[:C], s.Z2[:C]
	c := 0
	for ; c+2 <= C; c += 2 {
		ra, rb := w2[c*H:c*H+H], w2[(c+1)*H:(c+1)*H+H]
		ra, rb = ra[:len(hs)], rb[:len(hs)]
		za, zb := b2[c], b2[c+1]
		for h, a := range hs {
			za += float64(ra[h] * a)
			zb += float64(rb[h] * a)
		}
		z2[c], z2[c+1] = za, zb
	}
	for ; c < C; c++ {
		r := w2[c*H : c*H+H]
		r = r[:len(hs)]
		z := b2[c]
		for h, a := range hs {
			z += float64(r[h] * a)
		}
		z2[c] = z
	}
}

// Softmax writes softmax(z) into dst. It subtracts max(z) first so that large
// logits cannot overflow e^z; the result is unchanged since
// e^(z−m)/Σe^(z−m) = e^z/Σe^z. It panics if the lengths differ.
func Softmax(dst, z []float64) {
	if len(dst) != len(z) {
		panic("nn: Softmax length mismatch")
	}
	softmax(dst, z)
}

func softmax(dst, z []float64) (m, sum float64) {
	dst = dst[:len(z)]
	m = math.Inf(-1)
	for _, v := range z {
		m = max(m, v)
	}
	for i, v := range z {
		e := Exp(v - m)
		dst[i] = e
		sum += e
	}
	for i := range dst {
		dst[i] /= sum
	}
	return m, sum
}

// Loss returns the cross-entropy −log p_label of the last Forward, computed
// from the logits as log Σe^z − z_label = max + log Σe^(z−max) − z_label so
// that it stays finite even when p_label rounds to zero.
func (s *State) Loss(label int) float64 {
	return s.zmax + Log(s.zsum) - s.Z2[label]
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
