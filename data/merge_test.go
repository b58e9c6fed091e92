package data

import (
	"slices"
	"testing"
)

// TestMerge: merging adds only what is new, keeps what is there, keeps a
// sided file's sides and gives an unsided file's drawings theirs.
func TestMerge(t *testing.T) {
	d, err := Starter(2)
	if err != nil {
		t.Fatal(err)
	}
	d.AssignSides(ValFraction)
	before := slices.Clone(d.Samples)
	v := d.Version()

	// The same drawings again, plus two new ones, one a copy of the other.
	o := d.Clone()
	n1, n2 := sample(0, 1, 2, 3), sample(1, 4, 13, 22)
	n2.Val = true
	o.Samples = append(o.Samples, n1, n2, n1)
	added, err := d.Merge(o, ValFraction)
	if err != nil || added != 2 {
		t.Fatalf("merged %d (%v), want the 2 new drawings", added, err)
	}
	if !slices.Equal(d.Samples[:len(before)], before) {
		t.Error("merging changed a drawing already there")
	}
	if got := d.Samples[len(before):]; got[0] != n1 || got[1] != n2 {
		t.Errorf("merged %v, want the file's drawings with the file's sides", got)
	}
	if d.Version() == v {
		t.Error("merging kept the version")
	}

	// Nothing new: nothing changes, not even the version.
	v = d.Version()
	if added, _ := d.Merge(o, ValFraction); added != 0 || d.Version() != v {
		t.Errorf("merging the same file again added %d", added)
	}

	// An unsided file: its drawings take their sides as if drawn here.
	u := New(2)
	u.Sided = false
	for i := range 20 {
		s := sample(i%2, i, i+40)
		s.Val = true // to be ignored: the file has no sides
		u.Samples = append(u.Samples, s)
	}
	e := New(2)
	if added, _ := e.Merge(u, ValFraction); added != 20 {
		t.Fatalf("merged %d of 20 new drawings", added)
	}
	if vc := e.ValCounts(); !slices.Equal(vc, []int{2, 2}) {
		t.Errorf("validation drawings %v, want a fifth of each class [2 2]", vc)
	}
}

func TestMergeRefusesMoreClasses(t *testing.T) {
	d, o := New(2), New(10)
	o.Samples = append(o.Samples, sample(7, 1))
	if added, err := d.Merge(o, ValFraction); err == nil || added != 0 || d.Len() != 0 {
		t.Errorf("merged a 10-class file into 2 classes: %d, %v", added, err)
	}
}
