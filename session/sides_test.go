package session

import (
	"testing"

	"digittrainer/data"
)

// heldOut lists the validation drawings, for comparing sides across edits.
func heldOut(s *Session) map[data.Sample]bool {
	out := map[data.Sample]bool{}
	for _, smp := range s.Data().Samples {
		if smp.Val {
			out[smp] = true
		}
	}
	return out
}

func sameHeldOut(a, b map[data.Sample]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// TestValidationStaysPut: adding, deleting and relabelling drawings,
// saving and loading, and restoring the autosave never move a drawing to
// the other set (issue: one added drawing reshuffled the validation set
// and its accuracy jumped without training).
func TestValidationStaysPut(t *testing.T) {
	s := newTestSession(t)
	before := heldOut(s)
	if len(before) != 60 {
		t.Fatalf("%d drawings held out of the starter set, want 60", len(before))
	}
	s.Paint(2, 2, true)
	s.Paint(2, 3, true)
	s.AddDrawing()
	if got := heldOut(s); !sameHeldOut(got, before) {
		t.Fatalf("adding a drawing changed the validation set (%d → %d drawings)", len(before), len(got))
	}
	for i, smp := range s.Data().Samples {
		if !smp.Val && smp.Label == 0 {
			s.Select(i)
			s.DeleteSelected()
			break
		}
	}
	if !sameHeldOut(heldOut(s), before) {
		t.Fatal("deleting a training drawing changed the validation set")
	}
	for i, smp := range s.Data().Samples {
		if smp.Val && smp.Label == 1 {
			s.Select(i)
			s.SetLabel(0)
			s.RelabelSelected()
			if !s.Data().Samples[i].Val {
				t.Fatal("relabelling moved a validation drawing to training")
			}
			s.SetLabel(1)
			s.RelabelSelected()
			break
		}
	}
	if !sameHeldOut(heldOut(s), before) {
		t.Fatal("relabelling back and forth changed the validation set")
	}
	ckpt, _, _ := files(t, s)
	s2 := newTestSession(t)
	s2.ClearDataset()
	if err := s2.LoadFile("x.safetensors", ckpt); err != nil || !sameHeldOut(heldOut(s2), before) {
		t.Fatalf("a saved and loaded checkpoint changed the validation set: %v", err)
	}
	store := memStore{}
	a := &Autosave{Store: store}
	a.Flush(s)
	s3, _ := restored(t, store)
	if !sameHeldOut(heldOut(s3), before) {
		t.Fatal("the autosave changed the validation set")
	}
}

// TestLoadedDatasetsGetSides: a CSV has no sides; loading one decides them
// by the rule, so it has a validation set.
func TestLoadedDatasetsGetSides(t *testing.T) {
	s := newTestSession(t)
	_, csv, _ := files(t, s)
	s2 := newTestSession(t)
	if err := s2.LoadFile("x.csv", csv); err != nil {
		t.Fatal(err)
	}
	if s2.ValSize() != 60 || !s2.Data().Sided {
		t.Errorf("a loaded CSV of the starter set holds out %d drawings, want 60", s2.ValSize())
	}
}

// TestNewDrawingsKeepTheShare: a class's own drawings, added one by one,
// are held out a fifth of the time.
func TestNewDrawingsKeepTheShare(t *testing.T) {
	s := newTestSession(t)
	s.ClearDataset()
	for i := range 20 {
		s.ClearGrid()
		s.Paint(i%9, i/9, true)
		s.Paint((i+4)%9, 8, true)
		s.AddDrawing()
	}
	if s.ValSize() != 4 {
		t.Errorf("%d of 20 new drawings held out, want 4", s.ValSize())
	}
}
