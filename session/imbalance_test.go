package session

import (
	"strings"
	"testing"
)

// TestImbalanceShowsTheBias: thinning the 0s to a tenth of their drawings
// lowers their validation accuracy against the balanced run, says so, and
// the dataset check would have warned; the user's network is untouched.
func TestImbalanceShowsTheBias(t *testing.T) {
	s := newTestSession(t)
	mine := s.ModelHash()
	s.SetImbalanceClass(0)
	for range 10 {
		s.SetImbalanceShare(-1) // down to the last choice, 10%
	}
	if c, share := s.ImbalanceChoice(); c != 0 || share != 0.1 {
		t.Fatalf("choice %d %v", c, share)
	}
	if w := s.ImbalanceWarning(); !strings.Contains(w, "class 0 only") {
		t.Errorf("the dataset check's warning for 10%% of the 0s: %q", w)
	}
	s.StartImbalance()
	for i := 0; i < 1e6 && s.ExperimentSome(101); i++ {
	}
	run, class, share := s.Imbalance()
	res := run.Results()
	if s.Experimenting() || len(res) != 2 || class != 0 || share != 0.1 || s.ModelHash() != mine {
		t.Fatalf("running %v, %d results, class %d share %v, network changed %v", s.Experimenting(), len(res), class, share, s.ModelHash() != mine)
	}
	if a, b := res[0].Metrics.PerClass()[0], res[1].Metrics.PerClass()[0]; b >= a {
		t.Errorf("the 0s: balanced %v, thinned %v; want the thinned run to read fewer", a, b)
	}
	if !strings.HasPrefix(s.Message().Text, "Done. On the validation drawings, the 0s:") {
		t.Errorf("message %q", s.Message().Text)
	}
}
