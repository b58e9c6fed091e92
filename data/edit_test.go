package data

import (
	"errors"
	"strings"
	"testing"
)

func sample(label int, ink ...int) Sample {
	s := Sample{Label: label}
	for _, i := range ink {
		s.Pixels[i] = 1
	}
	return s
}

func TestEditsChangeTheVersion(t *testing.T) {
	d := New(2)
	seen := map[uint64]bool{}
	step := func(what string, f func() error) {
		t.Helper()
		before := d.Version()
		if err := f(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		v := d.Version()
		if v == before || seen[v] {
			t.Errorf("%s: version %d (was %d)", what, v, before)
		}
		seen[v] = true
	}
	step("add", func() error { return d.Add(sample(0, 3)) })
	step("add", func() error { return d.Add(sample(1, 4, 5)) })
	step("relabel", func() error { return d.Relabel(0, 1) })
	step("remove", func() error { d.Remove(0); return nil })
	if d.Len() != 1 || d.Samples[0].Pixels[4] != 1 {
		t.Errorf("after the edits: %+v", d.Samples)
	}
	v := d.Version()
	d.Counts()
	d.Examples()
	if d.Version() != v {
		t.Error("reading the dataset changed its version")
	}
	if err := d.Relabel(0, 2); err == nil || d.Version() != v || d.Samples[0].Label != 1 {
		t.Errorf("relabel to a class that does not exist: %v", err)
	}
	if c := d.Clone(); c.Version() == d.Version() {
		t.Error("a clone shares the version of its original")
	}
}

func TestWithClasses(t *testing.T) {
	d := &Dataset{Classes: []string{"zero", "one"}, Samples: []Sample{sample(0, 1), sample(1, 2)}}
	up, err := d.WithClasses(10)
	if err != nil {
		t.Fatal(err)
	}
	if len(up.Classes) != 10 || up.Classes[1] != "one" || up.Classes[7] != "7" || up.Len() != 2 {
		t.Errorf("up to 10: %v, %d samples", up.Classes, up.Len())
	}
	up.Samples[0].Label = 9 // a copy: d keeps its own
	if d.Samples[0].Label != 0 {
		t.Error("WithClasses shares the samples")
	}
	down, err := up.WithClasses(3)
	var ce *ClassError
	if !errors.As(err, &ce) || ce.Index != 0 || ce.Label != 9 || down != nil {
		t.Fatalf("down to 3 with a 9: %v", err)
	}
	if !strings.Contains(err.Error(), "drawing 1 is labelled 9") {
		t.Errorf("message %q", err)
	}
	for _, n := range []int{0, 1, 11, -3} {
		if _, err := d.WithClasses(n); err == nil {
			t.Errorf("%d classes accepted", n)
		}
	}
}
