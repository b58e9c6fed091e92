package session

import "digittrainer/checkpoint"

// maxHistory bounds the points per curve: a plot a few hundred pixels wide
// cannot show more, and a long run must not grow memory without end.
const maxHistory = 512

// keepFirst epochs are always recorded, however long the run: they are
// where most of the learning happens (the plot's axis turns logarithmic on
// long runs to show them).
const keepFirst = 32

// History holds the per-epoch curves: checkpoint's History (the curves a
// file carries), which Add fills: every one of the first keepFirst epochs,
// then those with Epoch % Every == 0. When it fills up, it keeps every other
// point after the first ones and records half as often, so a long run
// still shows its whole shape.
type History struct {
	checkpoint.History
}

// Point is one epoch's measurements: the network after the epoch, run
// over each set. ValLoss and ValAcc are NaN without a validation set.
type Point struct {
	Epoch                                int
	TrainLoss, TrainAcc, ValLoss, ValAcc float64
}

// every is the recording interval, 1 until the curves first fill up.
func (h *History) every() int { return max(h.Every, 1) }

// Due reports whether Add would record epoch, so that an epoch that would
// not be recorded is not measured either.
func (h *History) Due(epoch int) bool {
	every := h.every()
	if len(h.Epochs) >= maxHistory {
		every *= 2
	}
	return kept(epoch, every)
}

// kept reports whether a curve recording every every epochs keeps epoch.
func kept(epoch, every int) bool { return epoch <= keepFirst || epoch%every == 0 }

// Add records p if its epoch is due.
func (h *History) Add(p Point) {
	h.Every = h.every()
	if !kept(p.Epoch, h.Every) {
		return
	}
	if len(h.Epochs) >= maxHistory {
		h.thin()
		if !kept(p.Epoch, h.Every) {
			return
		}
	}
	h.Epochs = append(h.Epochs, p.Epoch)
	h.TrainLoss = append(h.TrainLoss, p.TrainLoss)
	h.TrainAcc = append(h.TrainAcc, p.TrainAcc)
	h.ValLoss = append(h.ValLoss, p.ValLoss)
	h.ValAcc = append(h.ValAcc, p.ValAcc)
}

// thin doubles Every and keeps the points it still records.
func (h *History) thin() {
	h.Every *= 2
	keep := 0
	for i, e := range h.Epochs {
		if kept(e, h.Every) {
			h.Epochs[keep] = e
			h.TrainLoss[keep], h.TrainAcc[keep] = h.TrainLoss[i], h.TrainAcc[i]
			h.ValLoss[keep], h.ValAcc[keep] = h.ValLoss[i], h.ValAcc[i]
			keep++
		}
	}
	h.Epochs, h.TrainLoss, h.TrainAcc = h.Epochs[:keep], h.TrainLoss[:keep], h.TrainAcc[:keep]
	h.ValLoss, h.ValAcc = h.ValLoss[:keep], h.ValAcc[:keep]
}

// file returns the curves for a checkpoint, or nil if there are none.
func (h *History) file() *checkpoint.History {
	if h.Len() == 0 {
		return nil
	}
	return &h.History
}

// historyFrom returns the curves a checkpoint carried (checked by its
// decoder), or none.
func historyFrom(c *checkpoint.History) History {
	if c == nil {
		return History{}
	}
	return History{*c}
}
