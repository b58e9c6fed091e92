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
	H, C := n.Hidden, n.Classes
	outputError(g.DOut, s.P, label)
	hs := s.H[:H]
	for c, d := range g.DOut[:C] {
		g.B2[c] += d
		grow := g.W2[c*H : c*H+H]
		grow = grow[:len(hs)]
		for h, a := range hs {
			grow[h] += float64(d * a)
		}
	}
	n.backSum(g.BackSum, g.DOut)
	n.Activation.errorAll(g.DHidden, g.BackSum, s.Z1, s.H)
	act := s.active[:s.nactive]
	x := (*[Inputs]float64)(s.X)
	for h, dh := range g.DHidden[:H] {
		g.B1[h] += dh
		grow := (*[Inputs]float64)(g.W1[h*Inputs:])
		if s.binary {
			for _, i := range act {
				grow[i] += dh
			}
		} else {
			for _, i := range act {
				grow[i] += float64(dh * x[i])
			}
		}
	}
	g.Count++
	return s.Loss(label)
}

// outputError writes p − onehot(label) into dst.
func outputError(dst, p []float64, label int) {
	p = p[:len(dst)]
	for c := range dst {
		d := p[c]
		if c == label {
			d -= 1
		}
		dst[c] = d
	}
}

// backSum writes Σ_c W2[c,h]·dout[c] into dst[h]: the error reaching each
// hidden neuron through the current (not yet updated) output weights. Each
// sum starts from 0 and adds classes in ascending order.
func (n *Network) backSum(dst, dout []float64) {
	H := n.Hidden
	dst = dst[:H]
	clear(dst)
	for c, d := range dout[:n.Classes] {
		row := n.W2[c*H : c*H+H]
		row = row[:len(dst)]
		for h, w := range row {
			dst[h] += float64(w * d)
		}
	}
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
	n.Touch()
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
