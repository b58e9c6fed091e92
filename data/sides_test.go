package data

import (
	"slices"
	"testing"
)

func TestAssignSides(t *testing.T) {
	d, err := Starter(10)
	if err != nil {
		t.Fatal(err)
	}
	if d.Sided {
		t.Fatal("the starter set arrives sided")
	}
	d.AssignSides(ValFraction)
	if !d.Sided {
		t.Fatal("AssignSides left the dataset unsided")
	}
	for c, n := range d.ValCounts() {
		if n != 10 { // 20% of 50 per digit
			t.Errorf("class %d: %d validation drawings, want 10", c, n)
		}
	}
	train, val := d.Sides()
	if train.Len()+val.Len() != d.Len() || val.Len() != 100 {
		t.Fatalf("%d + %d drawings, want %d with 100 held out", train.Len(), val.Len(), d.Len())
	}
	again := d.Clone()
	again.AssignSides(ValFraction)
	if !slices.Equal(again.Samples, d.Samples) {
		t.Error("the same rule gave other sides")
	}
	small := New(2)
	small.Add(ring)
	small.Add(bar)
	slash := bar
	slash.Pixels[0] = 1
	small.Add(slash)
	small.AssignSides(0.99)
	if !slices.Equal(small.ValCounts(), []int{0, 1}) {
		t.Errorf("0.99 of 1+2 drawings held out: %v, want [0 1] (a class keeps a training drawing)", small.ValCounts())
	}
	small.AssignSides(-1)
	if !slices.Equal(small.ValCounts(), []int{0, 0}) {
		t.Errorf("−1 held out %v", small.ValCounts())
	}
}

// TestCopiesShareASide: an exact copy of a drawing is never trained on
// while the other is measured, in bulk or added one by one.
func TestCopiesShareASide(t *testing.T) {
	d := New(2)
	for range 10 {
		d.Add(bar)
	}
	d.Add(ring)
	d.AssignSides(0.5)
	if v := d.ValCounts(); v[1] != 0 && v[1] != 10 {
		t.Errorf("ten copies split %d/%d", v[1], 10-v[1])
	}
	e := New(2)
	for range 6 {
		s := bar
		s.Val = e.NextSide(s, 0.5)
		e.Add(s)
	}
	if v := e.ValCounts(); v[1] != 0 {
		t.Errorf("copies added one by one: %d held out, want all on the first's side", v[1])
	}
}

// TestNextSideKeepsTheShare: drawings added one at a time keep each class
// at its share of validation drawings, and adding never moves another.
func TestNextSideKeepsTheShare(t *testing.T) {
	d, err := Starter(2)
	if err != nil {
		t.Fatal(err)
	}
	d.AssignSides(ValFraction)
	before := slices.Clone(d.Samples)
	for i := range 40 {
		s := Sample{Label: i % 2}
		s.Pixels[i%Pixels], s.Pixels[(i*7+3)%Pixels] = 1, 1 // new drawings, none a copy
		s.Val = d.NextSide(s, ValFraction)
		if err := d.Add(s); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(d.Samples[:len(before)], before) {
		t.Error("adding drawings changed the side of one already there")
	}
	for c, n := range d.Counts() {
		if v := d.ValCounts()[c]; v < n/5-1 || v > n/5+1 {
			t.Errorf("class %d: %d of %d held out, want about a fifth", c, v, n)
		}
	}
	// The first drawings of a new class: a training drawing first.
	e := New(2)
	s := ring
	if e.NextSide(s, ValFraction) {
		t.Error("the first drawing of a class was held out")
	}
}
