package data

import (
	"slices"
	"strconv"
	"strings"

	"digittrainer/i18n"
)

// SparseInk is the most pixels a drawing may have and still be reported as
// nearly empty: two pixels cannot show a stroke.
const SparseInk = 2

// ImbalanceRatio is how many times bigger than the smallest class the
// largest may be before Quality warns: beyond 1.5× a small net starts to
// favour the big class when unsure.
const ImbalanceRatio = 1.5

// Report is what Quality found. Index slices hold 0-based sample indices;
// Messages number samples from 1, as a teacher counts, and are said in the
// language in use when Quality ran (call it again after the language
// changes rather than keeping them).
type Report struct {
	Duplicates [][]int // groups of identical drawings with the same label
	Conflicts  [][]int // groups of identical drawings with different labels
	Empty      []int   // drawings with no ink
	Sparse     []int   // drawings with 1..SparseInk pixels
	Counts     []int   // samples in each class
	Imbalanced bool    // largest class > ImbalanceRatio × smallest (or a class is empty)
	Messages   []string
}

// OK reports whether Quality found nothing to fix.
func (r *Report) OK() bool { return len(r.Messages) == 0 }

// Quality checks d for the mistakes that stop a network learning, each
// with a message saying what to do about it.
func (d *Dataset) Quality() Report {
	r := Report{Counts: d.Counts()}
	groups := map[[Pixels]uint8][]int{}
	var order [][Pixels]uint8 // first-seen order, so messages are stable
	for i := range d.Samples {
		s := &d.Samples[i]
		switch ink := s.Ink(); {
		case ink == 0:
			r.Empty = append(r.Empty, i)
			r.Messages = append(r.Messages, i18n.Sprintf("Sample %d is empty — delete it or draw on it.", i+1))
		case ink <= SparseInk:
			r.Sparse = append(r.Sparse, i)
			r.Messages = append(r.Messages, i18n.Plural(ink, "Sample %d has only %d pixel — too little to learn from; redraw it.",
				"Sample %d has only %d pixels — too little to learn from; redraw it.", i+1, ink))
		}
		if _, ok := groups[s.Pixels]; !ok {
			order = append(order, s.Pixels)
		}
		groups[s.Pixels] = append(groups[s.Pixels], i)
	}
	for _, px := range order {
		g := groups[px]
		if len(g) < 2 {
			continue
		}
		var labelOrder []int // the group's distinct labels, first-seen order
		for _, i := range g {
			if l := d.Samples[i].Label; !slices.Contains(labelOrder, l) {
				labelOrder = append(labelOrder, l)
			}
		}
		if len(labelOrder) > 1 {
			r.Conflicts = append(r.Conflicts, g)
			names := make([]string, len(labelOrder))
			for k, l := range labelOrder {
				names[k] = d.className(l)
			}
			r.Messages = append(r.Messages, i18n.Sprintf("Samples %s are the same drawing labelled %s — the network cannot learn both; fix or delete the wrong ones.",
				list(g), joinAnd(names)))
			continue
		}
		r.Duplicates = append(r.Duplicates, g)
		r.Messages = append(r.Messages, i18n.Sprintf("Samples %s are the same drawing of %s — copies make the network favour it; delete the extra ones.",
			list(g), d.className(d.Samples[g[0]].Label)))
	}
	r.Imbalanced, r.Messages = d.balance(r.Counts, r.Messages)
	return r
}

// Scarce returns the classes that have fewer than 1/ImbalanceRatio of the
// largest class's drawings (an empty class among them): the ones to draw
// more of, or a small net learns to guess against them.
func Scarce(counts []int) []int {
	most := 0
	for _, n := range counts {
		most = max(most, n)
	}
	var few []int
	for c, n := range counts {
		if float64(most) > ImbalanceRatio*float64(n) {
			few = append(few, c)
		}
	}
	return few
}

// balance adds a message when the classes are too uneven to train fairly.
func (d *Dataset) balance(counts []int, msgs []string) (bool, []string) {
	if len(d.Samples) == 0 || len(counts) == 0 {
		return false, msgs
	}
	lo, hi := 0, 0
	for c, n := range counts {
		if n < counts[lo] {
			lo = c
		}
		if n > counts[hi] {
			hi = c
		}
	}
	if counts[lo] == 0 {
		return true, append(msgs, i18n.Sprintf("Class %s has no samples yet — draw some before training.", d.className(lo)))
	}
	if float64(counts[hi]) <= ImbalanceRatio*float64(counts[lo]) {
		return false, msgs
	}
	return true, append(msgs, i18n.Sprintf("Class %s has %d samples but class %s only %d — draw more %ss so the network does not learn to guess %s.",
		d.className(hi), counts[hi], d.className(lo), counts[lo], d.className(lo), d.className(hi)))
}

// className returns the name of class l, or its number if it has none.
func (d *Dataset) className(l int) string {
	if l >= 0 && l < len(d.Classes) && d.Classes[l] != "" {
		return d.Classes[l]
	}
	return strconv.Itoa(l)
}

// list writes 0-based indices as 1-based sample numbers: "4 and 17",
// "1, 2 and 3", at most six before "and N more".
func list(idx []int) string {
	const most = 6
	var s []string
	for k, i := range idx {
		if k == most {
			s = append(s, i18n.Sprintf("%d more", len(idx)-most))
			break
		}
		s = append(s, strconv.Itoa(i+1))
	}
	return joinAnd(s)
}

func joinAnd(s []string) string {
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return i18n.Sprintf("%s and %s", strings.Join(s[:len(s)-1], ", "), s[len(s)-1])
}
