package tour

import (
	"math"

	"digittrainer/nn"
)

// oracle is an independent computation of one training iteration, written
// from the textbook formulas with math.Exp and math.Tanh: it calls none of
// nn's Forward, Backward, Apply, Softmax or Exp, so the tour's numbers are
// checked against something that could disagree with the engine.
type oracle struct {
	x              []float64
	label          int
	lr, l2         float64
	act            nn.Activation
	H, C           int
	w1, b1, w2, b2 []float64 // before
	z1, h, z2, p   []float64
	loss           float64
	dout, back     []float64
	deriv, dh      []float64
	gw1, gw2       []float64
	aw1, ab1       []float64 // after
	aw2, ab2       []float64
	p2             []float64 // forward pass after the update
	loss2          float64
}

func activate(a nn.Activation, z float64) float64 {
	switch a {
	case nn.Tanh:
		return math.Tanh(z)
	case nn.ReLU:
		return math.Max(0, z)
	}
	return 1 / (1 + math.Exp(-z))
}

func slope(a nn.Activation, z float64) float64 {
	switch a {
	case nn.Tanh:
		t := math.Tanh(z)
		return 1 - t*t
	case nn.ReLU:
		if z > 0 {
			return 1
		}
		return 0
	}
	s := 1 / (1 + math.Exp(-z))
	return s * (1 - s)
}

// forward returns z1, h, z2 and p (softmax written out, no max shift: the
// test nets' logits are small).
func (o *oracle) forward(w1, b1, w2, b2 []float64) (z1, h, z2, p []float64) {
	z1, h = make([]float64, o.H), make([]float64, o.H)
	for j := 0; j < o.H; j++ {
		z := b1[j]
		for i, x := range o.x {
			z += w1[j*nn.Inputs+i] * x
		}
		z1[j], h[j] = z, activate(o.act, z)
	}
	z2, p = make([]float64, o.C), make([]float64, o.C)
	sum := 0.0
	for c := 0; c < o.C; c++ {
		z := b2[c]
		for j := 0; j < o.H; j++ {
			z += w2[c*o.H+j] * h[j]
		}
		z2[c] = z
		sum += math.Exp(z)
	}
	for c := range p {
		p[c] = math.Exp(z2[c]) / sum
	}
	return z1, h, z2, p
}

func newOracle(n *nn.Network, x []float64, label int, lr, l2 float64) *oracle {
	o := &oracle{x: x, label: label, lr: lr, l2: l2, act: n.Activation, H: n.Hidden, C: n.Classes,
		w1: clone(n.W1), b1: clone(n.B1), w2: clone(n.W2), b2: clone(n.B2)}
	o.z1, o.h, o.z2, o.p = o.forward(o.w1, o.b1, o.w2, o.b2)
	o.loss = -math.Log(o.p[label])
	o.dout = make([]float64, o.C)
	for c := range o.dout {
		o.dout[c] = o.p[c] - oneHot(c, label)
	}
	o.gw2 = make([]float64, o.C*o.H)
	for c := 0; c < o.C; c++ {
		for j := 0; j < o.H; j++ {
			o.gw2[c*o.H+j] = o.dout[c] * o.h[j]
		}
	}
	o.back, o.deriv, o.dh = make([]float64, o.H), make([]float64, o.H), make([]float64, o.H)
	o.gw1 = make([]float64, o.H*nn.Inputs)
	for j := 0; j < o.H; j++ {
		for c := 0; c < o.C; c++ {
			o.back[j] += o.w2[c*o.H+j] * o.dout[c]
		}
		o.deriv[j] = slope(o.act, o.z1[j])
		o.dh[j] = o.back[j] * o.deriv[j]
		for i, xi := range x {
			o.gw1[j*nn.Inputs+i] = o.dh[j] * xi
		}
	}
	step := func(w, g []float64, decay float64) []float64 {
		out := make([]float64, len(w))
		for i := range w {
			out[i] = w[i] - lr*(g[i]+decay*w[i])
		}
		return out
	}
	o.aw1, o.ab1 = step(o.w1, o.gw1, l2), step(o.b1, o.dh, 0)
	o.aw2, o.ab2 = step(o.w2, o.gw2, l2), step(o.b2, o.dout, 0)
	_, _, _, o.p2 = o.forward(o.aw1, o.ab1, o.aw2, o.ab2)
	o.loss2 = -math.Log(o.p2[label])
	return o
}

func clone(v []float64) []float64 { return append([]float64(nil), v...) }
