package session

import (
	"strconv"
	"strings"
	"testing"
)

// TestUndoEveryEdit: each edit of the drawings is taken back by Undo to the
// same dataset hash, made again by Redo, and leaves training alone.
func TestUndoEveryEdit(t *testing.T) {
	s := newTestSession(t)
	s.StepEpoch()
	model := s.ModelHash()
	edits := []struct {
		name string
		do   func()
	}{
		{"add", func() { s.Paint(0, 0, true); s.Paint(8, 8, true); s.AddDrawing() }},
		{"delete", func() { s.SelectNext(1); s.DeleteSelected() }},
		{"relabel", func() { s.SelectNext(1); s.SetLabel(1 - s.Data().Samples[s.Selected()].Label); s.RelabelSelected() }},
		{"clear", func() { s.ClearDataset() }},
	}
	for _, e := range edits {
		before := s.DataHash()
		e.do()
		after := s.DataHash()
		if after == before {
			t.Fatalf("%s changed nothing", e.name)
		}
		s.Undo()
		if s.DataHash() != before || s.Message().Err || !strings.Contains(s.Message().Text, "Undone") {
			t.Errorf("undo %s: hash back %v, message %q", e.name, s.DataHash() == before, s.Message().Text)
		}
		if !s.CanRedo() {
			t.Errorf("after undoing %s there is nothing to redo", e.name)
		}
		s.Redo()
		if s.DataHash() != after {
			t.Errorf("redo %s did not make it again", e.name)
		}
		s.Undo()
		if s.ModelHash() != model {
			t.Errorf("undoing %s changed the network", e.name)
		}
	}
	// Everything undone: the stack is empty and says so.
	for s.CanUndo() {
		s.Undo()
	}
	s.Undo()
	if !s.Message().Err {
		t.Error("undo with nothing to undo gave no message")
	}
}

// TestUndoKeepsTraining: undoing a delete made after training brings the
// drawing back without taking the training away.
func TestUndoKeepsTraining(t *testing.T) {
	s := newTestSession(t)
	s.SelectNext(1)
	s.DeleteSelected()
	s.StepEpoch()
	trained, epoch := s.ModelHash(), s.Trainer().Epoch
	s.Undo()
	if s.ModelHash() != trained || s.Trainer().Epoch != epoch {
		t.Error("undoing a delete undid the training after it")
	}
}

// TestANewEditForgetsRedo: redo is only for the edits just undone.
func TestANewEditForgetsRedo(t *testing.T) {
	s := newTestSession(t)
	s.SelectNext(1)
	s.DeleteSelected()
	s.Undo()
	s.SelectNext(1)
	s.DeleteSelected()
	if s.CanRedo() {
		t.Error("a new edit kept the redo")
	}
}

// TestUndoDepth: the oldest edits are forgotten past undoDepth.
func TestUndoDepth(t *testing.T) {
	s := newTestSession(t)
	for range undoDepth + 5 {
		s.SelectNext(1)
		s.DeleteSelected()
	}
	n := 0
	for s.CanUndo() {
		s.Undo()
		n++
	}
	if n != undoDepth {
		t.Errorf("%d edits undone, want %d", n, undoDepth)
	}
}

// TestUndoLoadAndMode: a load and a class switch replace the network too;
// undo brings both the drawings and the network back.
func TestUndoLoadAndMode(t *testing.T) {
	s := newTestSession(t)
	s.StepEpoch()
	model, drawings, epoch := s.ModelHash(), s.DataHash(), s.Trainer().Epoch
	other := newTestSession(t)
	other.ClearDataset()
	other.Paint(3, 3, true)
	other.AddDrawing()
	ckpt, _, _ := files(t, other)
	in, err := s.Read("other.safetensors", ckpt)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Asks(in) {
		t.Error("a file with drawings over drawings of one's own did not ask")
	}
	if err := s.Replace(in); err != nil || s.Data().Len() != 1 {
		t.Fatalf("replace: %v, %d drawings", err, s.Data().Len())
	}
	s.Undo()
	if s.ModelHash() != model || s.DataHash() != drawings || s.Trainer().Epoch != epoch || s.History().Len() != 1 {
		t.Error("undoing a load did not bring back the network, drawings, epoch and curves")
	}
	s.SetMode(Digits)
	s.Undo()
	if s.Classes() != 2 || s.ModelHash() != model || s.DataHash() != drawings {
		t.Error("undoing the switch to 10 classes did not bring back the 2-class session")
	}
}

// TestAddFrom: adding a file's drawings keeps the session's and its
// network, skips copies and says how many were new.
func TestAddFrom(t *testing.T) {
	s := newTestSession(t)
	s.StepEpoch()
	model, n := s.ModelHash(), s.Data().Len()
	other := newTestSession(t) // the same starter set, plus two drawings
	other.Paint(1, 1, true)
	other.AddDrawing()
	other.Paint(2, 7, true)
	other.AddDrawing()
	ckpt, csv, _ := files(t, other)
	for _, f := range []struct {
		name string
		b    []byte
	}{{"other.safetensors", ckpt}, {"other.csv", csv}} {
		in, err := s.Read(f.name, f.b)
		if err != nil {
			t.Fatal(err)
		}
		before := s.DataHash()
		if err := s.AddFrom(in); err != nil {
			t.Fatal(err)
		}
		if s.Data().Len() != n+2 || s.ModelHash() != model {
			t.Errorf("%s: %d drawings (want %d), network changed %v", f.name, s.Data().Len(), n+2, s.ModelHash() != model)
		}
		want := "Added 2 of the " + strconv.Itoa(other.Data().Len()) + " drawings in " + f.name + " (" + strconv.Itoa(n) + " were already here)"
		if !strings.Contains(s.Message().Text, want) {
			t.Errorf("message %q, want %q", s.Message().Text, want)
		}
		s.Undo()
		if s.DataHash() != before {
			t.Errorf("%s: undo did not take the added drawings away", f.name)
		}
	}
	// A 10-class file: the network is rebuilt for 10 classes, and undo
	// brings the 2-class one back.
	ten, _ := New(Digits)
	ckpt, err := ten.EncodeCheckpoint()
	if err != nil {
		t.Fatal(err)
	}
	in, _ := s.Read("ten.safetensors", ckpt)
	if err := s.AddFrom(in); err != nil || s.Classes() != 10 || s.Net().Classes != 10 {
		t.Fatalf("adding 10-class drawings: %v, %d classes", err, s.Classes())
	}
	s.Undo()
	if s.Classes() != 2 || s.ModelHash() != model {
		t.Error("undo did not bring back the 2-class network")
	}
}

// TestUndoFreshStarts: a reset, a new seed or a new hidden size throws a
// trained network away; Undo brings it back with its seed and its curves.
func TestUndoFreshStarts(t *testing.T) {
	for _, fresh := range []struct {
		name string
		do   func(s *Session)
	}{
		{"reset", func(s *Session) { s.Reset(false) }},
		{"new seed", func(s *Session) { s.Reset(true) }},
		{"seed stepper", func(s *Session) { s.Adjust(SetSeed, 1) }},
		{"hidden", func(s *Session) { s.Adjust(SetHidden, 1) }},
		{"activation", func(s *Session) { s.Adjust(SetActivation, 1) }},
	} {
		s := newTestSession(t)
		s.StepEpoch()
		s.StepEpoch()
		model, seed, cfg := s.ModelHash(), s.Seed(), s.Net().Config
		fresh.do(s)
		if s.ModelHash() == model || !strings.Contains(s.Message().Text, "Ctrl+Z") {
			t.Errorf("%s: the network stayed, or the message %q does not say how to undo", fresh.name, s.Message().Text)
		}
		s.Undo()
		if s.ModelHash() != model || s.Seed() != seed || s.Net().Config != cfg || s.Trainer().Epoch != 2 || s.History().Len() != 2 {
			t.Errorf("%s: undo did not bring back the trained network (seed %d, epoch %d)", fresh.name, s.Seed(), s.Trainer().Epoch)
		}
		if m := make([]float64, 81); !s.Learned(0, m) {
			t.Errorf("%s: after undo the start is unknown", fresh.name)
		}
	}
}
