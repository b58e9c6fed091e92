package data

import (
	"math"
	"slices"

	"digittrainer/nn"
)

// Every drawing has a side, training or validation, decided once: when it
// is added, or when a dataset that does not store sides is loaded. It then
// stays through adds, deletes, relabels, saves and loads, so adding one
// drawing never moves others between the sets (a validation accuracy that
// jumps without training, drawings the network trained on measured as new
// ones) and the overfitting lesson holds.

// ValFraction is the share of each class held out for validation unless
// asked otherwise: enough on the starter set for a curve that means
// something, small enough that training keeps most drawings.
const ValFraction = 0.2

// sideSeed fixes which drawings AssignSides holds out, apart from any
// weight seed, so that "New seed" changes the weights but not what is
// measured, and the app and `trainer train -val 0.2` agree.
const sideSeed = 7

// AssignSides decides every drawing's side: in each class, a seeded
// shuffle picks round(frac × n) drawings for validation, leaving the class
// at least one training drawing. frac ≤ 0 (or NaN) holds none out. Exact
// copies of a drawing (same pixels and label) all take the side of the
// first, so a copy is never trained on and measured as new.
func (d *Dataset) AssignSides(frac float64) {
	if math.IsNaN(frac) || frac < 0 {
		frac = 0
	}
	frac = min(frac, 1)
	rng := nn.NewRand(sideSeed)
	byClass := make([][]int, len(d.Classes))
	first := map[Sample]int{} // a drawing (with Val false) → its first index
	for i := range d.Samples {
		s := &d.Samples[i]
		s.Val = false
		if _, dup := first[*s]; dup || s.Label < 0 || s.Label >= len(byClass) {
			continue
		}
		first[*s] = i
		byClass[s.Label] = append(byClass[s.Label], i)
	}
	for _, idx := range byClass {
		n := len(idx)
		k := min(int(math.Round(frac*float64(n))), n-1)
		if k <= 0 {
			continue
		}
		rng.Shuffle(n, func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		for _, i := range idx[:k] {
			d.Samples[i].Val = true
		}
	}
	for i := range d.Samples {
		s := d.Samples[i]
		s.Val = false
		if j, ok := first[s]; ok && j != i {
			d.Samples[i].Val = d.Samples[j].Val
		}
	}
	d.Sided = true
	d.touch()
}

// NextSide is the side a new drawing s gets: that of an exact copy already
// in d, else validation when its class holds fewer than round(frac × n) of
// its n drawings (counting s) out and keeps a training drawing without it.
// Drawing after drawing, each class stays at its share.
func (d *Dataset) NextSide(s Sample, frac float64) bool {
	n, val := 1, 0
	for _, t := range d.Samples {
		if t.Pixels == s.Pixels && t.Label == s.Label {
			return t.Val
		}
		if t.Label == s.Label {
			n++
			if t.Val {
				val++
			}
		}
	}
	return val < int(math.Round(frac*float64(n))) && n-val > 1
}

// Sides returns the training and validation drawings, each in d's order.
func (d *Dataset) Sides() (train, val *Dataset) {
	train = &Dataset{Classes: slices.Clone(d.Classes), Sided: true}
	val = &Dataset{Classes: slices.Clone(d.Classes), Sided: true}
	for _, s := range d.Samples {
		if s.Val {
			val.Samples = append(val.Samples, s)
		} else {
			train.Samples = append(train.Samples, s)
		}
	}
	return train, val
}

// ValCounts returns the number of validation drawings of each class.
func (d *Dataset) ValCounts() []int {
	c := make([]int, len(d.Classes))
	for _, s := range d.Samples {
		if s.Val && s.Label >= 0 && s.Label < len(c) {
			c[s.Label]++
		}
	}
	return c
}
