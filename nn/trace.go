package nn

// Trace is one complete training iteration on one sample, every value kept,
// for the guided tour. The tour shows these numbers and never recomputes
// them, so what a student reads is what the engine did.
type Trace struct {
	Label int     // the true class
	LR    float64 // η used for the update
	L2    float64

	Before *Network // parameters before the update
	After  *Network // parameters after the update

	Forward   *State  // x, z1, h, z2 and p before the update
	Loss      float64 // −log p_label before the update
	Grad      *Gradients
	Updated   *State  // the same input through the updated network
	LossAfter float64 // −log p_label after the update
}

// TraceStep performs one SGD step (batch 1) on x with the given label,
// updating n exactly as Trainer would, and returns the record of it.
// It allocates: it is for the tour, not the training loop.
func (n *Network) TraceStep(x []float64, label int, lr, l2 float64) *Trace {
	t := &Trace{Label: label, LR: lr, L2: l2, Before: n.Clone()}
	t.Forward = NewState(n.Config)
	t.Grad = NewGradients(n.Config)
	n.Forward(t.Forward, x)
	t.Loss = n.Backward(t.Grad, t.Forward, label)
	n.Apply(t.Grad, lr, l2)
	t.After = n.Clone()
	t.Updated = NewState(n.Config)
	n.Forward(t.Updated, x)
	t.LossAfter = t.Updated.Loss(label)
	return t
}
