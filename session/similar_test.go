package session

import "testing"

// TestSimilarGroupsByMeaning: with a trained network, the drawings nearest
// by hidden vector share the grid drawing's label at least as often as the
// nearest by pixels, over every validation drawing put on the grid; the
// lists hold similarN drawings, nearest first, never the drawing itself.
func TestSimilarGroupsByMeaning(t *testing.T) {
	for _, mode := range []Mode{Binary, Digits} {
		s, err := New(mode)
		if err != nil {
			t.Fatal(err)
		}
		epochs(s, 20)
		similarByMeaning(t, s)
	}
}

func similarByMeaning(t *testing.T, s *Session) {
	same := func(list []Match, label int) int {
		n := 0
		for _, m := range list {
			if s.Data().Samples[m.Index].Label == label {
				n++
			}
		}
		return n
	}
	var byInk, byVec, total int
	for i, smp := range s.Data().Samples {
		if !smp.Val {
			continue
		}
		s.Select(i)
		ink, vec := s.Similar()
		if len(ink) != similarN || len(vec) != similarN {
			t.Fatalf("lists of %d and %d", len(ink), len(vec))
		}
		for k, m := range append(ink, vec...) {
			if m.Index == i {
				t.Fatalf("drawing %d is in its own list", i)
			}
			if k%similarN > 0 && m.Distance < append(ink, vec...)[k-1].Distance {
				t.Fatalf("list not nearest first: %v", append(ink, vec...))
			}
		}
		byInk += same(ink, smp.Label)
		byVec += same(vec, smp.Label)
		total += similarN
	}
	t.Logf("%d classes, same label: by pixels %d/%d, by hidden vector %d/%d", s.Classes(), byInk, total, byVec, total)
	// On 2 classes both lists mostly agree with the label; on 10, pixels
	// mix up digits that share strokes and the vector does so far less
	// (measured: 66% against 80% after 20 epochs).
	if byVec < byInk || (s.Classes() == 10 && byVec < byInk+total/10) {
		t.Errorf("same label: by pixels %d/%d, by hidden vector %d/%d; want the vector to group by meaning", byInk, total, byVec, total)
	}
}
