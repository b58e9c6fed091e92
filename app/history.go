package app

import "digittrainer/checkpoint"

// maxHistory bounds the points per curve: a plot a few hundred pixels wide
// cannot show more, and a long run must not grow memory without end.
const maxHistory = 512

// History holds the per-epoch curves: checkpoint's History (the curves a
// file carries, an epoch recorded when Epoch % Every == 0), which Add
// fills. When it fills up, it keeps every other point and records half as
// often, so a long run still shows its whole shape.
type History struct {
	checkpoint.History
}

// Point is one epoch's measurements.
type Point struct {
	Epoch                                int
	TrainLoss, TrainAcc, ValLoss, ValAcc float64
}

// Add records p if its epoch is due.
func (h *History) Add(p Point) {
	if h.Every == 0 {
		h.Every = 1
	}
	if p.Epoch%h.Every != 0 {
		return
	}
	if len(h.Epochs) >= maxHistory {
		h.Every *= 2
		keep := 0
		for i, e := range h.Epochs {
			if e%h.Every == 0 {
				h.Epochs[keep] = e
				h.TrainLoss[keep], h.TrainAcc[keep] = h.TrainLoss[i], h.TrainAcc[i]
				h.ValLoss[keep], h.ValAcc[keep] = h.ValLoss[i], h.ValAcc[i]
				keep++
			}
		}
		h.Epochs, h.TrainLoss, h.TrainAcc = h.Epochs[:keep], h.TrainLoss[:keep], h.TrainAcc[:keep]
		h.ValLoss, h.ValAcc = h.ValLoss[:keep], h.ValAcc[:keep]
		if p.Epoch%h.Every != 0 {
			return
		}
	}
	h.Epochs = append(h.Epochs, p.Epoch)
	h.TrainLoss = append(h.TrainLoss, p.TrainLoss)
	h.TrainAcc = append(h.TrainAcc, p.TrainAcc)
	h.ValLoss = append(h.ValLoss, p.ValLoss)
	h.ValAcc = append(h.ValAcc, p.ValAcc)
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
