package data

import (
	"errors"
	"slices"
	"strings"

	"digittrainer/i18n"
)

// Merge adds to d the drawings of o that d does not already hold (an exact
// copy is the same pixels and label), in o's order, and returns how many it
// added. A drawing keeps the side o gave it when o is sided, so a
// validation drawing never becomes a training one by being merged; else it
// takes its side as a drawing added by hand would (NextSide with frac).
// d needs at least o's classes (see WithClasses); a dataset with more is
// refused and d is left unchanged.
func (d *Dataset) Merge(o *Dataset, frac float64) (int, error) {
	if len(o.Classes) > len(d.Classes) {
		return 0, errors.New("data: " + i18n.Sprintf("the drawings have %d classes, more than the %d here", len(o.Classes), len(d.Classes)))
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

// MergeCount is what Pool did with one of its sets: the drawings it added
// and the exact copies it skipped (of a drawing already pooled, or of one
// earlier in the same set).
type MergeCount struct{ Added, Skipped int }

// PoolError is Pool refusing set Index (0-based), so that a caller can name
// the file the set came from.
type PoolError struct {
	Index int
	Msg   string
}

func (e *PoolError) Error() string { return "data: " + i18n.Sprintf("set %d: %s", e.Index+1, e.Msg) }

// Pool merges sets into a new dataset, in order, each by Merge (frac gives
// the drawings of an unsided set their sides), so that the app pooling a
// class's files and `trainer merge` skip the same copies. The pool keeps the
// first set's class names. Sets of different class counts pool only when
// every set has the default names ("0", "1", …), as CSV files and the
// starter sets do: the pool then has the largest count, since a 2-class
// file of 0s and 1s is part of the ten digits; named classes of different
// counts cannot be matched up, and are refused with a *PoolError. The sets
// are not changed.
func Pool(sets []*Dataset, frac float64) (*Dataset, []MergeCount, error) {
	if len(sets) == 0 {
		return nil, nil, errors.New("data: " + i18n.Mark("no datasets to pool"))
	}
	n := len(sets[0].Classes)
	mixed := false
	for _, s := range sets {
		n = max(n, len(s.Classes))
		mixed = mixed || len(s.Classes) != len(sets[0].Classes)
	}
	if mixed {
		for i, s := range sets {
			if !slices.Equal(s.Classes, DefaultClasses(len(s.Classes))) {
				return nil, nil, &PoolError{Index: i, Msg: i18n.Sprintf(
					"its %d classes have names of their own (%s), and the sets have different class counts, so they cannot be matched up",
					len(s.Classes), strings.Join(s.Classes, ", "))}
			}
		}
	}
	pool := New(n)
	copy(pool.Classes, sets[0].Classes)
	counts := make([]MergeCount, len(sets))
	for i, s := range sets {
		added, err := pool.Merge(s, frac)
		if err != nil { // cannot happen: the pool has the most classes
			return nil, nil, &PoolError{Index: i, Msg: err.Error()}
		}
		counts[i] = MergeCount{Added: added, Skipped: s.Len() - added}
	}
	return pool, counts, nil
}
