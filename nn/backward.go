package nn

// Gradients holds ∂loss/∂parameter for a network, summed over the samples of
// a batch, plus the error signals of the last sample for the tour.
type Gradients struct {
	W1, B1, W2, B2 []float64 // same shapes as Network's
	DOut           []float64 // Classes: p − onehot(label), the output error
	BackSum        []float64 // Hidden: Σ_c W2[c,h]·DOut[c], the error reaching each hidden neuron
	DHidden        []float64 // Hidden: BackSum ⊙ f'(z1), the hidden error
	Count          int       // samples accumulated since the last Zero
}

// NewGradients returns zeroed gradients for cfg.
func NewGradients(cfg Config) *Gradients {
	return &Gradients{
		W1:      make([]float64, cfg.Hidden*Inputs),
		B1:      make([]float64, cfg.Hidden),
		W2:      make([]float64, cfg.Classes*cfg.Hidden),
		B2:      make([]float64, cfg.Classes),
		DOut:    make([]float64, cfg.Classes),
		BackSum: make([]float64, cfg.Hidden),
		DHidden: make([]float64, cfg.Hidden),
	}
}

// Zero clears the accumulated gradients.
func (g *Gradients) Zero() {
	clear(g.W1)
	clear(g.B1)
	clear(g.W2)
	clear(g.B2)
	g.Count = 0
}

func (g *Gradients) fits(n *Network) bool {
	return len(g.W1) == len(n.W1) && len(g.B1) == len(n.B1) && len(g.W2) == len(n.W2) &&
		len(g.B2) == len(n.B2) && len(g.DOut) == n.Classes && len(g.DHidden) == n.Hidden
}

// Backward adds the gradients of the cross-entropy loss for the sample in s
// (after n.Forward(s, x)) with the given label to g, and returns that loss.
// It does not change n. It panics if label is out of range.
//
// Why the output error is simply p − y: with p = softmax(z) and
// L = −Σ_k y_k log p_k, ∂p_k/∂z_j = p_k(δ_kj − p_j), so
// ∂L/∂z_j = −Σ_k y_k(δ_kj − p_j) = −y_j + p_j Σ_k y_k = p_j − y_j,
// because the one-hot y sums to 1.
func (n *Network) Backward(g *Gradients, s *State, label int) float64 {
	if label < 0 || label >= n.Classes {
		panic("nn: label out of range")
	}
	if !g.fits(n) || !s.fits(n) {
		panic("nn: Gradients or State do not fit the network")
	}
	H := n.Hidden
	for c := range g.DOut {
		d := s.P[c]
		if c == label {
			d -= 1
		}
		g.DOut[c] = d
		g.B2[c] += d
		grow := g.W2[c*H : c*H+H]
		for h, a := range s.H {
			grow[h] += float64(d * a)
		}
	}
	for h := 0; h < H; h++ {
		sum := 0.0
		for c, d := range g.DOut {
			sum += float64(n.W2[c*H+h] * d)
		}
		g.BackSum[h] = sum
		dh := float64(sum * n.Activation.Deriv(s.Z1[h], s.H[h]))
		g.DHidden[h] = dh
		g.B1[h] += dh
		grow := g.W1[h*Inputs : h*Inputs+Inputs]
		for _, i := range s.active {
			grow[i] += float64(dh * s.X[i])
		}
	}
	g.Count++
	return s.Loss(label)
}

// Apply takes one gradient-descent step: w ← w − lr·(g/count + l2·w) for
// weights and b ← b − lr·g/count for biases (L2 does not pull biases to
// zero). It does nothing when g holds no samples.
func (n *Network) Apply(g *Gradients, lr, l2 float64) {
	if g.Count == 0 {
		return
	}
	if !g.fits(n) {
		panic("nn: Gradients do not fit the network")
	}
	inv := 1 / float64(g.Count)
	step(n.W1, g.W1, lr, inv, l2)
	step(n.B1, g.B1, lr, inv, 0)
	step(n.W2, g.W2, lr, inv, l2)
	step(n.B2, g.B2, lr, inv, 0)
}

func step(dst, grad []float64, lr, inv, l2 float64) {
	grad = grad[:len(dst)]
	if l2 == 0 {
		for i, gv := range grad {
			dst[i] -= float64(lr * float64(gv*inv))
		}
		return
	}
	for i, gv := range grad {
		dst[i] -= float64(lr * (float64(gv*inv) + float64(l2*dst[i])))
	}
}
