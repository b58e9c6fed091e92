package session

import (
	"math"

	"digittrainer/nn"
)

// Thresholds of the divergence guard. A sound epoch's mean cross-entropy
// starts near ln(classes) ≤ ln 10 ≈ 2.3 and falls; explodeMin is above any
// honest first epoch, and explodeFactor is the jump over the running mean
// that no learning rate that still learns produces.
const (
	explodeMin    = 5
	explodeFactor = 10
	// lossMemory weighs the running mean of epoch losses (an exponential
	// moving average over about ten epochs).
	lossMemory = 0.1
)

// Guard keeps the last good copy of the network and the trainer's counters,
// so that a diverging run can be rolled back. The copy is refreshed after
// every good epoch with CopyFrom, which allocates nothing.
type Guard struct {
	good  *nn.Network
	epoch int
	seen  int
	lr    float64 // in use
	rate  float64 // set (Hyper.LR): a rollback undoes a new rate too, so the screen shows what is in effect
	mean  float64 // running mean of good epoch losses; 0 before the first
}

// Save records t's network and counters as good.
func (g *Guard) Save(t *nn.Trainer) {
	if g.good == nil || g.good.Config != t.Net.Config {
		g.good = t.Net.Clone()
	} else {
		g.good.CopyFrom(t.Net)
	}
	g.epoch, g.seen, g.lr, g.rate = t.Epoch, t.Seen, t.LR, t.Hyper.LR
}

// Good records an epoch's loss in the running mean and saves t.
func (g *Guard) Good(t *nn.Trainer, loss float64) {
	if g.mean == 0 {
		g.mean = loss
	} else {
		g.mean += lossMemory * (loss - g.mean)
	}
	g.Save(t)
}

// Exploded reports whether an epoch loss means training diverged: not a
// number, infinite, or far above both explodeMin and the running mean.
func (g *Guard) Exploded(loss float64) bool {
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		return true
	}
	if loss <= explodeMin {
		return false
	}
	return g.mean == 0 || loss > explodeFactor*g.mean
}

// Restore rolls t back to the last good state and restarts its epoch.
func (g *Guard) Restore(t *nn.Trainer) {
	if g.good == nil {
		return
	}
	t.Net.CopyFrom(g.good)
	t.Epoch, t.Seen, t.LR, t.Hyper.LR = g.epoch, g.seen, g.lr, g.rate
	t.Restart()
}

// Epoch is the epoch of the last good state.
func (g *Guard) Epoch() int { return g.epoch }
