package data

import (
	"slices"
	"strings"
	"testing"
)

// drawing parses a 9-line picture ('#' set, '.' clear) into a sample.
func drawing(label int, rows ...string) Sample {
	s := Sample{Label: label}
	for y, r := range rows {
		for x, c := range r {
			s.Set(x, y, c == '#')
		}
	}
	return s
}

var (
	bar = drawing(1,
		"....#....",
		"....#....",
		"....#....",
		"....#....",
		"....#....",
		"....#....",
		"....#....",
		"....#....",
		"....#....")
	ring = drawing(0,
		".........",
		"..#####..",
		".#.....#.",
		".#.....#.",
		".#.....#.",
		".#.....#.",
		".#.....#.",
		"..#####..",
		".........")
	dot = drawing(0, "", "", "", "", "....#....")
)

func TestQuality(t *testing.T) {
	d := New(2)
	conflict := ring
	conflict.Label = 1
	for _, s := range []Sample{ring, bar, ring, dot, {}, conflict, bar, bar} {
		d.Add(s)
	}
	r := d.Quality()
	if want := [][]int{{1, 6, 7}}; !slices.EqualFunc(r.Duplicates, want, slices.Equal) {
		t.Errorf("Duplicates %v, want %v", r.Duplicates, want)
	}
	if want := [][]int{{0, 2, 5}}; !slices.EqualFunc(r.Conflicts, want, slices.Equal) {
		t.Errorf("Conflicts %v, want %v", r.Conflicts, want)
	}
	if !slices.Equal(r.Empty, []int{4}) || !slices.Equal(r.Sparse, []int{3}) {
		t.Errorf("Empty %v Sparse %v, want [4] [3]", r.Empty, r.Sparse)
	}
	if !slices.Equal(r.Counts, []int{4, 4}) || r.Imbalanced {
		t.Errorf("Counts %v Imbalanced %v", r.Counts, r.Imbalanced)
	}
	want := []string{
		"Sample 4 has only 1 pixel — too little to learn from; redraw it.",
		"Sample 5 is empty — delete it or draw on it.",
		"Samples 1, 3 and 6 are the same drawing labelled 0 and 1 — the network cannot learn both; fix or delete the wrong ones.",
		"Samples 2, 7 and 8 are the same drawing of 1 — copies make the network favour it; delete the extra ones.",
	}
	if !slices.Equal(r.Messages, want) {
		t.Errorf("Messages:\n%s\nwant:\n%s", strings.Join(r.Messages, "\n"), strings.Join(want, "\n"))
	}
}

func TestQualityBalance(t *testing.T) {
	d := New(2)
	for range 3 {
		d.Add(ring)
	}
	if r := d.Quality(); !r.Imbalanced || !strings.Contains(r.Messages[len(r.Messages)-1], "Class 1 has no samples yet") {
		t.Errorf("no 1s: %+v", r)
	}
	d.Add(bar)
	d.Add(bar)
	if r := d.Quality(); r.Imbalanced { // 3 ≤ 1.5 × 2
		t.Errorf("3 against 2 reported imbalanced: %v", r.Messages)
	}
	d.Add(ring)
	r := d.Quality()
	if !r.Imbalanced {
		t.Fatal("4 against 2 not reported")
	}
	if got, want := r.Messages[len(r.Messages)-1], "Class 0 has 4 samples but class 1 only 2 — draw more 1s so the network does not learn to guess 0."; got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if r := New(2).Quality(); !r.OK() {
		t.Errorf("empty dataset: %v", r.Messages)
	}
}

func TestAugment(t *testing.T) {
	d := New(2)
	d.Add(bar)  // touches top and bottom: only left and right shifts
	d.Add(ring) // one blank cell each side: all four
	d.Add(Sample{})
	a := d.Augment()
	if a.Len() != 3+2+4 {
		t.Fatalf("%d samples, want 9", a.Len())
	}
	left, _ := bar.Shift(-1, 0)
	if a.Samples[3] != left || !left.At(3, 0) || left.Ink() != bar.Ink() {
		t.Errorf("first shift of the bar is not the bar moved left")
	}
	if _, ok := bar.Shift(0, 1); ok {
		t.Error("shifting the bar down kept ink on the grid")
	}
	for i, s := range a.Samples[3:] {
		if want := []int{bar.Ink(), ring.Ink()}[s.Label^1]; s.Ink() != want {
			t.Errorf("shifted sample %d has %d pixels, want %d", i, s.Ink(), want)
		}
	}
}

func TestScarce(t *testing.T) {
	for _, c := range []struct {
		counts []int
		want   []int
	}{
		{[]int{10, 10}, nil},
		{[]int{15, 10}, nil},      // 15 = 1.5 × 10: still fair
		{[]int{16, 10}, []int{1}}, // the smaller one
		{[]int{0, 3, 9}, []int{0, 1}},
		{[]int{0, 0}, nil}, // nothing drawn: nothing scarce
	} {
		if got := Scarce(c.counts); !slices.Equal(got, c.want) {
			t.Errorf("Scarce(%v) = %v, want %v", c.counts, got, c.want)
		}
	}
}
