package experiment

import (
	"reflect"
	"strings"
	"testing"

	"digittrainer/data"
)

// TestFindings: a dataset with an empty drawing, a sparse one, a conflict
// and three copies lists each drawing's checks by index, every drawing of
// the conflict and every copy but the first.
func TestFindings(t *testing.T) {
	var a, b, sparse data.Sample
	a.Set(1, 1, true)
	a.Set(2, 2, true)
	a.Set(3, 3, true)
	b = a
	b.Set(4, 4, true)
	sparse.Set(0, 0, true)
	d := &data.Dataset{Classes: data.DefaultClasses(2), Samples: []data.Sample{
		a,                            // 0: first of three copies
		{},                           // 1: empty
		b,                            // 2: conflict with 5
		a,                            // 3: copy
		sparse,                       // 4: sparse
		{Pixels: b.Pixels, Label: 1}, // 5: conflict with 2
		a,                            // 6: copy
		{Label: 1},                   // 7: empty, and a conflict with 1
	}}
	got := Findings(d.Quality())
	want := []Finding{
		{1, CheckConflict}, {1, CheckEmpty}, {2, CheckConflict}, {3, CheckDuplicate},
		{4, CheckSparse}, {5, CheckConflict}, {6, CheckDuplicate}, {7, CheckConflict}, {7, CheckEmpty},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Findings:\n got %v\nwant %v", got, want)
	}
	if c := Checks(got, 7); c != "conflict; empty" {
		t.Errorf("Checks(7) = %q", c)
	}
	if c := Checks(got, 0); c != "" {
		t.Errorf("Checks(0) = %q, want nothing", c)
	}
}

// TestSuspectsCSV: a row per suspect in the list's order, ranked from 1,
// drawings numbered from 1, classes by name, the score in full and the
// dataset check's words.
func TestSuspectsCSV(t *testing.T) {
	list := []Suspect{{Index: 4, Label: 1, Predicted: 0, Score: 0.9375}, {Index: 0, Label: 0, Predicted: 0, Score: 0.125}}
	got := string(SuspectsCSV(list, []string{"zero", "one"}, []Finding{{0, CheckEmpty}, {0, CheckConflict}, {3, CheckSparse}}))
	want := strings.Join([]string{
		"rank,drawing,label,predicted,score,check",
		"1,5,one,zero,0.9375,",
		"2,1,zero,zero,0.125,empty; conflict",
		"",
	}, "\n")
	if got != want {
		t.Errorf("SuspectsCSV:\n%s\nwant\n%s", got, want)
	}
}
