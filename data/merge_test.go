package data

import (
	"errors"
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

// TestPool: three sets pooled in order, copies across and within sets
// skipped and counted, the first set's names kept, sides kept.
func TestPool(t *testing.T) {
	a := New(2)
	a.Classes = []string{"cat", "dog"}
	a.Samples = []Sample{sample(0, 1), sample(1, 2), sample(0, 1)} // a copy within the set
	b := New(2)
	b.Classes = []string{"x", "y"}
	b.Samples = []Sample{sample(1, 2), sample(1, 3), sample(0, 4)} // the first is a's
	v := sample(0, 5)
	v.Val = true
	c := New(2)
	c.Samples = []Sample{v, sample(0, 1), v}
	pool, counts, err := Pool([]*Dataset{a, b, c}, ValFraction)
	if err != nil {
		t.Fatal(err)
	}
	want := []MergeCount{{2, 1}, {2, 1}, {1, 2}}
	if !slices.Equal(counts, want) {
		t.Errorf("counts %v, want %v", counts, want)
	}
	if pool.Len() != 5 || !slices.Equal(pool.Classes, []string{"cat", "dog"}) {
		t.Errorf("pooled %d drawings named %v, want 5 named [cat dog]", pool.Len(), pool.Classes)
	}
	if !pool.Samples[4].Val {
		t.Error("a validation drawing of a sided set became a training one")
	}
	if len(a.Samples) != 3 || len(c.Samples) != 3 {
		t.Error("pooling changed a set")
	}
}

// TestPoolClassCounts: default-named sets of 2 and 10 classes pool into
// 10; named ones of different counts are refused, naming the set.
func TestPoolClassCounts(t *testing.T) {
	two, ten := New(2), New(10)
	two.Samples = []Sample{sample(1, 1)}
	ten.Samples = []Sample{sample(7, 1), sample(1, 1)}
	pool, counts, err := Pool([]*Dataset{two, ten}, ValFraction)
	if err != nil || len(pool.Classes) != 10 || pool.Len() != 2 || counts[1] != (MergeCount{1, 1}) {
		t.Fatalf("pooled %v, %v, %v; want 10 classes, 2 drawings", pool, counts, err)
	}
	named := New(2)
	named.Classes = []string{"cat", "dog"}
	_, _, err = Pool([]*Dataset{ten, named}, ValFraction)
	var pe *PoolError
	if !errors.As(err, &pe) || pe.Index != 1 || err.Error() != "data: set 2: its 2 classes have names of their own (cat, dog), and the sets have different class counts, so they cannot be matched up" {
		t.Errorf("pooling named classes with 10: %v", err)
	}
	if _, _, err := Pool(nil, ValFraction); err == nil {
		t.Error("pooled no sets")
	}
}
