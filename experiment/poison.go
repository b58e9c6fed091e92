package experiment

import (
	"math"
	"math/rand/v2"
	"slices"

	"digittrainer/data"
	"digittrainer/i18n"
	"digittrainer/nn"
)

// Flip returns a copy of d with the labels of a seeded pick of
// round(share × n) of its n training drawings changed, each to another
// class (with more than two classes, a seeded one of the others), and the
// 0-based indices it changed, ascending, so the app can undo exactly those.
// Validation drawings are never flipped: they keep measuring against the
// true labels, so validation accuracy shows what the wrong ones taught. An
// unsided dataset (see data.Dataset.Sided) counts every drawing as a
// training one. d is not modified. It returns a *SetupError when share is
// not in 0..1 or d has fewer than two classes.
func Flip(d *data.Dataset, share float64, seed uint64) (*data.Dataset, []int, error) {
	switch {
	case !(share >= 0 && share <= 1):
		return nil, nil, setupErr("Share", i18n.Mark("Share must be 0..1, not %g"), share)
	case len(d.Classes) < 2:
		return nil, nil, setupErr("Classes", i18n.Mark("Classes are %d; flipping a label needs at least 2"), len(d.Classes))
	}
	out := d.Clone()
	rng := nn.NewRand(seed)
	idx := training(d, -1)
	changed := pick(idx, int(math.Round(share*float64(len(idx)))), rng)
	for _, i := range changed {
		others := len(d.Classes) - 1
		l := (d.Samples[i].Label + 1 + rng.IntN(others)) % len(d.Classes)
		out.Samples[i].Label = l
	}
	return out, changed, nil
}

// BackdoorSetup is a backdoor to plant: Share of class From's training
// drawings get Mark stamped on and are relabelled To, so a network trained
// on them learns "the mark means To" and reads any drawing with the mark
// as To, a drawing of From most readily.
type BackdoorSetup struct {
	From, To int     // classes, different, each 0..classes−1
	Share    float64 // of From's training drawings marked, in (0, 1]; at least one is
	Mark     Mark    // the pixels stamped on; the zero Mark means DefaultMark
	Seed     uint64  // which of From's drawings are marked
}

// Backdoor returns a copy of d with s's backdoor planted, and the 0-based
// indices of the drawings it marked and relabelled, ascending. As with
// Flip, only training drawings are touched and d is not modified. It
// returns a *SetupError when From or To is not a class, they are equal,
// From has no training drawings or Share is not in (0, 1].
func Backdoor(d *data.Dataset, s BackdoorSetup) (*data.Dataset, []int, error) {
	c := len(d.Classes)
	switch {
	case s.From < 0 || s.From >= c:
		return nil, nil, setupErr("From", i18n.Mark("From must be 0..%d, not %d"), c-1, s.From)
	case s.To < 0 || s.To >= c:
		return nil, nil, setupErr("To", i18n.Mark("To must be 0..%d, not %d"), c-1, s.To)
	case s.From == s.To:
		return nil, nil, setupErr("To", i18n.Mark("To must differ from From (both are %d): the mark must change the label"), s.To)
	case !(s.Share > 0 && s.Share <= 1):
		return nil, nil, setupErr("Share", i18n.Mark("Share must be more than 0 and at most 1, not %g"), s.Share)
	}
	from := training(d, s.From)
	if len(from) == 0 {
		return nil, nil, setupErr("From", i18n.Mark("From class %d has no training drawings to mark"), s.From)
	}
	if s.Mark == (Mark{}) {
		s.Mark = DefaultMark
	}
	out := d.Clone()
	changed := pick(from, max(1, int(math.Round(s.Share*float64(len(from))))), nn.NewRand(s.Seed))
	for _, i := range changed {
		out.Samples[i].Pixels = s.Mark.Apply(out.Samples[i].Pixels)
		out.Samples[i].Label = s.To
	}
	return out, changed, nil
}

// training returns the indices of d's training drawings of class (any
// class when class < 0), in order.
func training(d *data.Dataset, class int) []int {
	var idx []int
	for i, s := range d.Samples {
		if (!d.Sided || !s.Val) && (class < 0 || s.Label == class) {
			idx = append(idx, i)
		}
	}
	return idx
}

// pick returns k of idx picked by rng, ascending.
func pick(idx []int, k int, rng *rand.Rand) []int {
	out := make([]int, 0, k)
	for _, j := range rng.Perm(len(idx))[:k] {
		out = append(out, idx[j])
	}
	slices.Sort(out)
	return out
}

// Mark is the backdoor's trigger: the pixels, row-major as in a
// data.Sample, that it sets.
type Mark [data.Pixels]bool

// DefaultMark is a 2×2 square in the bottom-right corner: small enough to
// pass for a stray touch, and a pattern real drawings rarely complete (2
// of the starter set's 300 drawings of 0 and 1 have it, 1 of its 500
// digits), so the network learns it from the poisoned drawings.
var DefaultMark = Square(data.Side-2, data.Side-2, 2)

// Square returns a mark of size×size pixels whose top-left pixel is
// (x, y), clipped to the grid.
func Square(x, y, size int) Mark {
	var m Mark
	for yy := max(y, 0); yy < min(y+size, data.Side); yy++ {
		for xx := max(x, 0); xx < min(x+size, data.Side); xx++ {
			m[yy*data.Side+xx] = true
		}
	}
	return m
}

// Apply returns px with the mark's pixels set: a drawing with the trigger
// added, which is how the app shows a backdoor firing on a clean drawing.
func (m Mark) Apply(px [data.Pixels]uint8) [data.Pixels]uint8 {
	for i, on := range m {
		if on {
			px[i] = 1
		}
	}
	return px
}
