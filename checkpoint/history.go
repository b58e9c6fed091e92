package checkpoint

import (
	"encoding/json"
	"math"

	"digittrainer/i18n"
)

// History is the learning curves of a model, as the app plots them: one
// point per recorded epoch. It travels in the safetensors metadata under
// "history" so that a reloaded or autosaved session still shows how it
// learned, not "no epochs yet" beside a trained network.
//
// The value is a JSON object with the fields below; a missing validation
// value (no validation drawings at that epoch) is null:
//
//	{"every":1,"epochs":[1,2],"train_loss":[0.6,0.4],"train_acc":[0.7,0.9],
//	 "val_loss":[0.65,null],"val_acc":[0.66,null]}
type History struct {
	Every     int       // epochs between two points after the first ones (the app thins long runs)
	Epochs    []int     // strictly increasing, each ≥ 1 and ≤ Model.Epoch
	TrainLoss []float64 // ≥ 0
	TrainAcc  []float64 // in [0, 1]
	ValLoss   []float64 // ≥ 0, or NaN: no validation set then
	ValAcc    []float64 // in [0, 1], or NaN
}

// MaxHistory bounds the points a file may carry; the app keeps at most 512.
const MaxHistory = 4096

// historyJSON is History's wire form: JSON has no NaN, so validation
// values are pointers and NaN is null.
type historyJSON struct {
	Every     int        `json:"every"`
	Epochs    []int      `json:"epochs"`
	TrainLoss []float64  `json:"train_loss"`
	TrainAcc  []float64  `json:"train_acc"`
	ValLoss   []*float64 `json:"val_loss"`
	ValAcc    []*float64 `json:"val_acc"`
}

// Len is the number of points.
func (h *History) Len() int { return len(h.Epochs) }

// check verifies h for a model trained epochs epochs.
func (h *History) check(epochs int) error {
	n := len(h.Epochs)
	switch {
	case h.Every < 1:
		return formatErr(i18n.Sprintf("the learning curves record every %d epochs; want 1 or more", h.Every))
	case n > MaxHistory:
		return formatErr(i18n.Sprintf("the learning curves have %d points; at most %d are allowed", n, MaxHistory))
	case len(h.TrainLoss) != n || len(h.TrainAcc) != n || len(h.ValLoss) != n || len(h.ValAcc) != n:
		return formatErr(i18n.T("the learning curves have different lengths"))
	}
	for i, e := range h.Epochs {
		if e < 1 || e > epochs || (i > 0 && e <= h.Epochs[i-1]) {
			return formatErr(i18n.Sprintf("the learning curves' epoch %d is out of order or beyond the %d epochs trained", e, epochs))
		}
		if !loss(h.TrainLoss[i], false) || !accuracy(h.TrainAcc[i], false) ||
			!loss(h.ValLoss[i], true) || !accuracy(h.ValAcc[i], true) {
			return formatErr(i18n.Sprintf("the learning curves at epoch %d hold a value that is not a loss or an accuracy", e))
		}
	}
	return nil
}

func loss(v float64, orNaN bool) bool     { return (orNaN && math.IsNaN(v)) || (finite(v) && v >= 0) }
func accuracy(v float64, orNaN bool) bool { return (orNaN && math.IsNaN(v)) || (v >= 0 && v <= 1) }

// encodeHistory is the "history" metadata value.
func encodeHistory(h *History) string {
	w := historyJSON{Every: h.Every, Epochs: h.Epochs, TrainLoss: h.TrainLoss, TrainAcc: h.TrainAcc,
		ValLoss: nullNaN(h.ValLoss), ValAcc: nullNaN(h.ValAcc)}
	b, _ := json.Marshal(&w) // checked values: finite or null
	return string(b)
}

// decodeHistory parses a "history" metadata value and checks it against
// the model's epoch count.
func decodeHistory(s string, epochs int) (*History, error) {
	var w historyJSON
	if err := json.Unmarshal([]byte(s), &w); err != nil {
		return nil, formatErr(i18n.T("the learning curves in the metadata are damaged"))
	}
	h := &History{Every: w.Every, Epochs: w.Epochs, TrainLoss: w.TrainLoss, TrainAcc: w.TrainAcc,
		ValLoss: nanNull(w.ValLoss), ValAcc: nanNull(w.ValAcc)}
	if err := h.check(epochs); err != nil {
		return nil, err
	}
	return h, nil
}

func nullNaN(v []float64) []*float64 {
	out := make([]*float64, len(v))
	for i := range v {
		if !math.IsNaN(v[i]) {
			out[i] = &v[i]
		}
	}
	return out
}

func nanNull(v []*float64) []float64 {
	out := make([]float64, len(v))
	for i, p := range v {
		out[i] = math.NaN()
		if p != nil {
			out[i] = *p
		}
	}
	return out
}
