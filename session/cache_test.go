package session

import (
	"testing"

	"digittrainer/nn"
)

// TestDerivedValuesFollowEveryChange makes every kind of change to the
// weights and the dataset and checks that what the session derives and
// caches — the hashes, the measurement, the prediction — equals what a
// fresh computation gives. A change that left a cache's key alone would
// leave a stale number on screen.
func TestDerivedValuesFollowEveryChange(t *testing.T) {
	s := newTestSession(t)
	check := func(what string) {
		t.Helper()
		if h := ModelHash(s.net); s.ModelHash() != h {
			t.Errorf("%s: model hash %s, want %s", what, s.ModelHash(), h)
		}
		if h := DataHash(s.data); s.DataHash() != h {
			t.Errorf("%s: data hash %s, want %s", what, s.DataHash(), h)
		}
		tr, va := s.data.Sides()
		m := s.Measure()
		if want := s.net.Evaluate(tr.Examples()); m.Train.Loss != want.Loss || m.Train.N != want.N {
			t.Errorf("%s: training loss %v over %d, want %v over %d", what, m.Train.Loss, m.Train.N, want.Loss, want.N)
		}
		if want := s.net.Evaluate(va.Examples()); m.Val.Accuracy != want.Accuracy || m.Val.N != want.N {
			t.Errorf("%s: validation accuracy %v over %d, want %v over %d", what, m.Val.Accuracy, m.Val.N, want.Accuracy, want.N)
		}
		x := make([]float64, nn.Inputs)
		s.grid.Inputs(x)
		st := nn.NewState(s.net.Config)
		s.net.Forward(st, x)
		for c, p := range s.Probs() {
			if p != st.P[c] {
				t.Errorf("%s: prediction %v, want %v", what, s.Probs(), st.P)
				break
			}
		}
	}
	b, err := s.EncodeCheckpoint()
	if err != nil {
		t.Fatal(err)
	}
	check("start")
	for _, c := range []struct {
		what string
		do   func()
	}{
		{"draw", func() { s.Paint(4, 2, true) }},
		{"add", func() { s.AddDrawing() }},
		{"select", func() { s.Select(0) }},
		{"relabel", func() { s.SetLabel(1 - s.Label()); s.RelabelSelected() }},
		{"delete", func() { s.DeleteSelected() }},
		{"step a sample", s.StepSample},
		{"step an epoch", s.StepEpoch},
		{"learning rate", func() { s.Adjust(SetLR, 1) }},
		{"hidden", func() { s.Adjust(SetHidden, -1) }},
		{"new seed", func() { s.Reset(true) }},
		{"tour step", func() { tr, _ := s.Examples(); s.Apply(s.Preview(tr.Input(1), tr.Y[1])) }},
		{"rollback", func() { s.guard.Restore(s.trainer) }},
		{"load", func() { s.LoadFile("x.safetensors", b) }},
		{"10 classes", func() { s.SetMode(Digits) }},
		{"clear", s.ClearDataset},
	} {
		c.do()
		check(c.what)
	}
}
