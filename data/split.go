package data

import (
	"math"
	"slices"

	"digittrainer/nn"
)

// Split divides d into a training and a validation set, taking about
// valFrac of each class (rounded) for validation so that both keep d's
// class balance. Which samples go where depends only on seed (through
// nn.NewRand), and both sets keep d's order. A class keeps at least one
// training sample; valFrac ≤ 0 (or NaN) gives an empty validation set and
// valFrac ≥ 1 leaves one training sample a class.
func (d *Dataset) Split(valFrac float64, seed uint64) (train, val *Dataset) {
	if math.IsNaN(valFrac) || valFrac < 0 {
		valFrac = 0
	}
	valFrac = min(valFrac, 1)
	rng := nn.NewRand(seed)
	isVal := make([]bool, len(d.Samples))
	byClass := make([][]int, len(d.Classes))
	for i, s := range d.Samples {
		if s.Label >= 0 && s.Label < len(byClass) {
			byClass[s.Label] = append(byClass[s.Label], i)
		}
	}
	for _, idx := range byClass {
		n := len(idx)
		k := min(int(math.Round(valFrac*float64(n))), n-1)
		if k <= 0 {
			continue
		}
		rng.Shuffle(n, func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		for _, i := range idx[:k] {
			isVal[i] = true
		}
	}
	train = &Dataset{Classes: slices.Clone(d.Classes)}
	val = &Dataset{Classes: slices.Clone(d.Classes)}
	for i, s := range d.Samples {
		if isVal[i] {
			val.Samples = append(val.Samples, s)
		} else {
			train.Samples = append(train.Samples, s)
		}
	}
	return train, val
}

// Augment returns a new dataset holding every sample of d followed by its
// copies shifted one pixel up, down, left and right — the variation in
// position a class's drawings have — skipping any shift that would push
// ink off the grid and every shift of an empty drawing.
func (d *Dataset) Augment() *Dataset {
	out := &Dataset{Classes: slices.Clone(d.Classes), Samples: make([]Sample, 0, 5*len(d.Samples))}
	out.Samples = append(out.Samples, d.Samples...)
	shifts := [4][2]int{{0, -1}, {0, 1}, {-1, 0}, {1, 0}}
	for i := range d.Samples {
		s := &d.Samples[i]
		if s.Ink() == 0 {
			continue
		}
		for _, sh := range shifts {
			if t, ok := s.Shift(sh[0], sh[1]); ok {
				out.Samples = append(out.Samples, t)
			}
		}
	}
	return out
}

// Shift returns s moved dx pixels right and dy pixels down, and false if
// that would move a set pixel off the grid.
func (s *Sample) Shift(dx, dy int) (Sample, bool) {
	t := Sample{Label: s.Label}
	for y := range Side {
		for x := range Side {
			if !s.At(x, y) {
				continue
			}
			nx, ny := x+dx, y+dy
			if nx < 0 || nx >= Side || ny < 0 || ny >= Side {
				return Sample{}, false
			}
			t.Set(nx, ny, true)
		}
	}
	return t, true
}
