package experiment

import (
	"math"

	"digittrainer/nn"
)

// Row is one hidden size's result: what "trainer train" with that -hidden
// reports on its final line, plus what the network costs.
type Row struct {
	Hidden int // hidden neurons
	Params int // weights and biases: 81·H + H + H·C + C

	// Accuracy (0..1) and mean cross-entropy after the last epoch, on the
	// training examples and on the held-out ones. The validation pair is
	// NaN when there is no validation set, and all four are NaN when the
	// run diverged.
	TrainAcc, TrainLoss float64
	ValAcc, ValLoss     float64

	Seconds   float64 // time spent training, without the evaluation
	EpochTime float64 // Seconds per epoch trained

	// Diverged is the epoch after which the weights were NaN or infinite,
	// where "trainer train" stops with an error; the run stopped there
	// too. 0 when training went well.
	Diverged int
}

// measure fills r's metrics from net, evaluated on the setup's examples.
func (r *Row) measure(net *nn.Network, train, val nn.Examples) {
	nan := math.NaN()
	r.TrainAcc, r.TrainLoss, r.ValAcc, r.ValLoss = nan, nan, nan, nan
	if r.Diverged > 0 {
		return
	}
	m := net.Evaluate(train)
	r.TrainAcc, r.TrainLoss = m.Accuracy, m.Loss
	if val.Len() > 0 {
		m = net.Evaluate(val)
		r.ValAcc, r.ValLoss = m.Accuracy, m.Loss
	}
}
