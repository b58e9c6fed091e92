package nn

import "testing"

// TestVersionFollowsEveryWrite checks that each way this package writes
// the parameters gives the network a new Version, and that reading them
// does not: caches in the app trust it instead of hashing the weights.
func TestVersionFollowsEveryWrite(t *testing.T) {
	cfg := Config{Hidden: 6, Classes: 2, Activation: Sigmoid}
	n := mustNet(t, cfg, 1)
	ex := synthDigits(20, 3)
	seen := map[uint64]string{}
	check := func(what string, changed bool, f func()) {
		t.Helper()
		before := n.Version()
		f()
		after := n.Version()
		switch {
		case changed && after == before:
			t.Errorf("%s kept version %d", what, before)
		case !changed && after != before:
			t.Errorf("%s changed the version (%d → %d) without writing a weight", what, before, after)
		}
		if changed {
			if prev, ok := seen[after]; ok {
				t.Errorf("%s gave version %d, already given by %s", what, after, prev)
			}
			seen[after] = what
		}
	}
	s := NewState(cfg)
	check("Forward", false, func() { n.Forward(s, ex.Input(0)) })
	check("Evaluate", false, func() { n.Evaluate(ex) })
	check("Init", true, func() { n.Init(NewRand(2)) })
	check("CopyFrom", true, func() { n.CopyFrom(mustNet(t, cfg, 3)) })
	g := NewGradients(cfg)
	n.Backward(g, s, ex.Y[0])
	check("Apply", true, func() { n.Apply(g, 0.1, 0) })
	check("TraceStep", true, func() { n.TraceStep(ex.Input(1), ex.Y[1], 0.1, 0) })
	tr := NewTrainer(n, DefaultHyper, 1)
	check("Train (fused)", true, func() { tr.Train(ex, 5) })
	tr.noFuse = true
	check("Train (general)", true, func() { tr.Train(ex, 5) })
	check("Train of nothing", false, func() { tr.Train(ex, 0) })

	c := n.Clone()
	if c.Version() == n.Version() {
		t.Errorf("a clone shares its original's version %d", n.Version())
	}
	var lit Network
	if lit.Version() == 0 || lit.Version() == n.Version() {
		t.Errorf("a zero Network's version is %d", lit.Version())
	}
}
