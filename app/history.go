package app

import "digittrainer/checkpoint"

// maxHistory bounds the points per curve: a plot a few hundred pixels wide
// cannot show more, and a long run must not grow memory without end.
const maxHistory = 512

// History holds the per-epoch curves. When it fills up, it keeps every
// other point and records half as often, so a long run still shows its
// whole shape.
type History struct {
	Every     int // an epoch is recorded when Epoch % Every == 0
	Epochs    []int
	TrainLoss []float64
	TrainAcc  []float64
	ValLoss   []float64
	ValAcc    []float64
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

// Len is the number of recorded points.
func (h *History) Len() int { return len(h.Epochs) }

// file returns the curves for a checkpoint (copies, so that the file does
// not change as training goes on), or nil if there are none.
func (h *History) file() *checkpoint.History {
	if h.Len() == 0 {
		return nil
	}
	return &checkpoint.History{Every: h.Every, Epochs: append([]int(nil), h.Epochs...),
		TrainLoss: append([]float64(nil), h.TrainLoss...), TrainAcc: append([]float64(nil), h.TrainAcc...),
		ValLoss: append([]float64(nil), h.ValLoss...), ValAcc: append([]float64(nil), h.ValAcc...)}
}

// historyFrom returns the curves a checkpoint carried (checked by its
// decoder), or none.
func historyFrom(c *checkpoint.History) History {
	if c == nil || c.Len() == 0 {
		return History{}
	}
	return History{Every: c.Every, Epochs: c.Epochs, TrainLoss: c.TrainLoss, TrainAcc: c.TrainAcc,
		ValLoss: c.ValLoss, ValAcc: c.ValAcc}
}
