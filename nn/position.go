package nn

import (
	"errors"
	"math/rand/v2"
)

// Position is where a Trainer is: everything besides the weights that the
// next updates depend on. A trainer given the same weights and Seek'ed to
// a Position trains on bit-identically to the one it was taken from, so a
// checkpoint or a snapshot resumes a run instead of starting a similar one.
//
// The shuffle is recorded as the generator's state before the current
// epoch's order was drawn, not as the order itself: 20 bytes whatever the
// dataset's size, and drawing it again gives the same order.
type Position struct {
	LR    float64    // the decayed learning rate in use
	Epoch int        // completed epochs
	Seen  int        // samples trained on in total
	Last  EpochStats // the last completed epoch

	// Shuffle is the shuffle generator's state (PCG's MarshalBinary form)
	// from which the current epoch's order is drawn.
	Shuffle []byte
	// Done samples of the current epoch are trained on; their loss sums to
	// SumLoss and Correct of them were read right. All 0 at an epoch's start.
	Done    int
	SumLoss float64
	Correct int
}

// ErrPosition is Seek's error for a Position it cannot resume from.
var ErrPosition = errors.New("nn: not a trainer position (damaged shuffle state or negative counts)")

// Position records where t is. A Seek to it resumes exactly, except inside
// a mini-batch (Batch > 1, Done not a multiple of it): the gradients summed
// so far are not part of a Position, so that batch restarts its sum.
func (t *Trainer) Position() Position {
	p := Position{LR: t.LR, Epoch: t.Epoch, Seen: t.Seen, Last: t.Last}
	switch {
	case t.pending != nil: // sought, not trained on since
		p.Shuffle, p.Done, p.SumLoss, p.Correct = t.pending.Shuffle, t.pending.Done, t.pending.SumLoss, t.pending.Correct
	case len(t.order) == 0: // no order drawn yet: the next one comes from the generator as it is
		p.Shuffle, _ = t.pcg.MarshalBinary()
	default:
		p.Shuffle = t.drawn
		p.Done, p.SumLoss, p.Correct = t.pos, t.sumLoss, t.correct
	}
	p.Shuffle = append([]byte(nil), p.Shuffle...)
	return p
}

// Seek puts t at p; the network's weights are the caller's to restore. The
// epoch's order is drawn again at the next Train, and p.Done of it skipped,
// when the training set has as many samples as the order p was taken from
// had (more than p.Done); otherwise a fresh epoch starts from p's
// generator state. A damaged p changes nothing and returns ErrPosition.
func (t *Trainer) Seek(p Position) error {
	if !p.Valid() {
		return ErrPosition
	}
	if err := t.pcg.UnmarshalBinary(p.Shuffle); err != nil {
		return ErrPosition
	}
	t.Restart()
	t.LR, t.Epoch, t.Seen, t.Last = p.LR, p.Epoch, p.Seen, p.Last
	if p.Done > 0 {
		p.Shuffle = append([]byte(nil), p.Shuffle...)
		t.pending = &p
	}
	return nil
}

// Valid reports whether p could have come from a Trainer: counts not
// negative, no more correct than done, a loss sum ≥ 0 and a generator
// state PCG accepts.
func (p Position) Valid() bool {
	if p.Epoch < 0 || p.Seen < 0 || p.Done < 0 || p.Correct < 0 || p.Correct > p.Done ||
		!(p.SumLoss >= 0) || !(p.LR >= 0) {
		return false
	}
	var probe rand.PCG
	return probe.UnmarshalBinary(p.Shuffle) == nil
}

// FreshShuffle is the shuffle state of a new trainer with seed: where a
// run starts, for a checkpoint that does not record its own.
func FreshShuffle(seed uint64) []byte {
	b, _ := newPCG(seed).MarshalBinary() // cannot fail
	return b
}
