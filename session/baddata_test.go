package session

import (
	"strings"
	"testing"
)

// TestFlipSearchAndUndo: flipping a tenth of the labels marks the drawings
// it changed, lowers the validation accuracy of a network trained on them,
// the search puts most of them at the top, and Undo brings the dataset back
// exactly.
func TestFlipSearchAndUndo(t *testing.T) {
	// Measured (seed 1): after 10 epochs a tenth of wrong labels raises the
	// validation loss (0.144 → 0.176) but not yet the errors; after 50 the
	// network has learned them by heart and reads 2 more validation
	// drawings wrong (93.3% → 90%).
	clean := newTestSession(t)
	epochs(clean, 50)
	cleanVal, cleanLoss := clean.Measure().Val.Accuracy, clean.Measure().Val.Loss

	s := newTestSession(t)
	before := s.DataHash()
	s.FlipLabels(0.1)
	p := s.Poisoned()
	if len(p) != 24 || !s.IsPoisoned(p[0]) || s.IsPoisoned(p[0]+1) && !s.IsPoisoned(p[1]) && p[1] != p[0]+1 {
		t.Fatalf("%d drawings marked (%v); want a tenth of the 240 training drawings", len(p), p)
	}
	for _, i := range p {
		if s.Data().Samples[i].Val {
			t.Fatalf("drawing %d is a validation drawing: the poison must stay in training", i)
		}
	}
	epochs(s, 50)
	if m := s.Measure(); m.Val.Accuracy >= cleanVal || m.Val.Loss <= cleanLoss {
		t.Errorf("validation accuracy %v, loss %v with flipped labels; %v, %v without: want them worse", m.Val.Accuracy, m.Val.Loss, cleanVal, cleanLoss)
	}

	s.StartSuspects()
	for i := 0; i < 1e7 && s.ExperimentSome(500); i++ {
	}
	list, _ := s.SuspectList()
	found := 0
	for _, sp := range list[:len(p)] {
		if s.IsPoisoned(sp.Index) {
			found++
		}
	}
	if found < len(p)*3/4 || !strings.Contains(s.Message().Text, "Of the 24 you poisoned") {
		t.Errorf("%d of the %d flipped drawings in the top %d; message %q", found, len(p), len(p), s.Message().Text)
	}

	s.Undo()
	if s.DataHash() != before || s.Poisoned() != nil {
		t.Errorf("Undo: data hash back %v, marks %v", s.DataHash() == before, s.Poisoned())
	}
	if l, _ := s.SuspectList(); l != nil {
		t.Error("the ranking of the poisoned drawings is still offered for the clean ones")
	}
}

// TestBackdoorFires: with a backdoor planted and trained, a clean 0 reads
// as 0, and with the mark added reads as 1.
func TestBackdoorFires(t *testing.T) {
	s := newTestSession(t)
	s.PlantBackdoor(0, 1, 0.3)
	if len(s.Poisoned()) == 0 {
		t.Fatal("nothing planted")
	}
	epochs(s, 15)
	fired, clean := 0, 0
	for i, smp := range s.Data().Samples {
		if !smp.Val || smp.Label != 0 {
			continue
		}
		s.Select(i)
		if argmax(s.Probs()) == 0 {
			clean++
		}
		s.AddMark()
		if argmax(s.Probs()) == 1 {
			fired++
		}
	}
	if clean < 20 || fired < 20 {
		t.Errorf("of 30 validation 0s, %d read as 0 clean and %d as 1 with the mark; want most of both", clean, fired)
	}
}

func argmax(p []float64) int {
	best := 0
	for i := range p {
		if p[i] > p[best] {
			best = i
		}
	}
	return best
}

// TestFixingSuspectsKeepsTheRest: relabelling one suspect and deleting
// another keeps the other marks and the rest of the ranking, with the
// indices after the deleted drawing moved down.
func TestFixingSuspectsKeepsTheRest(t *testing.T) {
	s := newTestSession(t)
	s.FlipLabels(0.1)
	s.StartSuspects()
	for s.ExperimentSome(1000) {
	}
	list, _ := s.SuspectList()
	p := append([]int(nil), s.Poisoned()...)
	first, second := list[0].Index, list[1].Index
	s.Select(first)
	s.SetLabel(list[0].Predicted)
	s.RelabelSelected()
	if s.IsPoisoned(first) || len(s.Poisoned()) != len(p)-1 {
		t.Errorf("after relabelling drawing %d: %d marks, it marked %v", first, len(s.Poisoned()), s.IsPoisoned(first))
	}
	l2, _ := s.SuspectList()
	if len(l2) != len(list)-1 || l2[0].Index != second {
		t.Fatalf("after relabelling the first suspect the ranking has %d (want %d), first %d (want %d)", len(l2), len(list)-1, l2[0].Index, second)
	}
	s.Select(second)
	s.DeleteSelected()
	l3, _ := s.SuspectList()
	for k, sp := range l3 {
		want := list[k+2].Index
		if want > second {
			want--
		}
		if sp.Index != want {
			t.Fatalf("after deleting drawing %d, suspect %d is drawing %d, want %d", second, k, sp.Index, want)
		}
	}
	if len(s.Poisoned()) != len(p)-2 && len(s.Poisoned()) != len(p)-1 {
		t.Errorf("%d marks after fixing two", len(s.Poisoned()))
	}
}
