package data

import "slices"

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
