package data

import "fmt"

// Merge adds to d the drawings of o that d does not already hold (an exact
// copy is the same pixels and label), in o's order, and returns how many it
// added. A drawing keeps the side o gave it when o is sided, so a
// validation drawing never becomes a training one by being merged; else it
// takes its side as a drawing added by hand would (NextSide with frac).
// d needs at least o's classes (see WithClasses); a dataset with more is
// refused and d is left unchanged.
func (d *Dataset) Merge(o *Dataset, frac float64) (int, error) {
	if len(o.Classes) > len(d.Classes) {
		return 0, fmt.Errorf("data: the drawings have %d classes, more than the %d here", len(o.Classes), len(d.Classes))
	}
	type key struct {
		pixels [Pixels]uint8
		label  int
	}
	have := make(map[key]bool, d.Len()+o.Len())
	for _, s := range d.Samples {
		have[key{s.Pixels, s.Label}] = true
	}
	added := 0
	for _, s := range o.Samples {
		k := key{s.Pixels, s.Label}
		if have[k] || s.Label < 0 || s.Label >= len(d.Classes) {
			continue
		}
		have[k] = true
		if !o.Sided {
			s.Val = d.NextSide(s, frac)
		}
		d.Samples = append(d.Samples, s)
		added++
	}
	if added > 0 {
		d.touch()
	}
	return added, nil
}
