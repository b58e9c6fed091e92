package tour

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"digittrainer/nn"
)

var twoNames = []string{"0", "1"}

func newNet(t *testing.T) *nn.Network {
	t.Helper()
	net, err := nn.NewSeeded(nn.DefaultConfig, 1)
	if err != nil {
		t.Fatal(err)
	}
	return net
}

// traced starts a tour on the "one" drawing and hands it a trace from net.
func traced(t *testing.T, net *nn.Network) (*Tour, *nn.Trace) {
	t.Helper()
	tu := New(mustTexts(t))
	tu.Start(Input{Grid: grid("one"), Label: 1, ClassNames: twoNames})
	x, y, ok := tu.Request()
	if !ok {
		t.Fatal("no request")
	}
	tr := net.TraceStep(x, y, 0.1, 0)
	if err := tu.SetTrace(tr); err != nil {
		t.Fatal(err)
	}
	return tu, tr
}

func TestStartWaitsForADrawing(t *testing.T) {
	tu := New(mustTexts(t))
	empty := make([]float64, nn.Inputs)
	tu.Start(Input{Grid: empty, Label: 0, ClassNames: twoNames})
	if tu.Waiting() != WaitDrawing || !tu.Active() || tu.Step() != 0 {
		t.Fatalf("waiting %v active %v step %d", tu.Waiting(), tu.Active(), tu.Step())
	}
	v := tu.View()
	if !v.Waiting || v.Reason != WaitDrawing || v.CanNext || v.Number != 0 || !strings.Contains(strings.Join(v.Body, " "), "0 or 1") {
		t.Errorf("view %+v", v)
	}
	if tu.Next() {
		t.Error("Next on an empty grid with no sample changed something")
	}
	if _, _, ok := tu.Request(); ok {
		t.Error("a trace was requested for an empty grid")
	}
	// The first pixels of a drawing do not start the tour: only Next does.
	x := grid("one")
	tu.Observe(Input{Grid: x, Label: 1, ClassNames: twoNames})
	if _, _, ok := tu.Request(); ok || tu.Waiting() != WaitDrawing {
		t.Fatal("a drawing in progress started the iteration")
	}
	if !tu.View().CanNext || !tu.Next() {
		t.Fatal("Next with a drawing did nothing")
	}
	gx, gl, ok := tu.Request()
	if !ok || gl != 1 || !slices.Equal(gx, x) {
		t.Fatalf("request %v %d %v", ok, gl, gx)
	}
}

func TestFallbackSample(t *testing.T) {
	tu := New(mustTexts(t))
	fb := &Example{X: grid("zero"), Label: 0}
	tu.Start(Input{Label: NoLabel, Fallback: fb, ClassNames: []string{"zero", "one"}})
	v := tu.View()
	if tu.Waiting() != WaitDrawingOrSample || v.NextText != "Use a sample" || !strings.Contains(strings.Join(v.Body, " "), "a zero") {
		t.Fatalf("waiting %v, view %+v", tu.Waiting(), v)
	}
	fb.X[0] = 1 // the tour keeps its own copy
	if !tu.Next() {
		t.Fatal("Next did not take the sample")
	}
	x, y, ok := tu.Request()
	if !ok || y != 0 || !slices.Equal(x, grid("zero")) {
		t.Fatalf("request %v %d", ok, y)
	}
}

func TestWaitsForALabel(t *testing.T) {
	tu := New(mustTexts(t))
	x := grid("one")
	tu.Start(Input{Grid: x, Label: NoLabel, ClassNames: twoNames})
	if tu.Waiting() != WaitLabel || tu.View().CanNext {
		t.Fatalf("waiting %v", tu.Waiting())
	}
	// a label outside the classes is no label
	tu.Observe(Input{Grid: x, Label: 2, ClassNames: twoNames})
	if tu.Waiting() != WaitLabel {
		t.Fatalf("label 2 of 2 classes accepted: %v", tu.Waiting())
	}
	// clearing the grid goes back to waiting for a drawing
	tu.Observe(Input{Label: NoLabel, ClassNames: twoNames})
	if tu.Waiting() != WaitDrawing {
		t.Fatalf("cleared grid: waiting %v", tu.Waiting())
	}
	tu.Observe(Input{Grid: x, Label: NoLabel, ClassNames: twoNames})
	tu.Next()
	if tu.Waiting() != WaitLabel {
		t.Fatalf("drawing without label: waiting %v", tu.Waiting())
	}
	// picking a label continues at once
	tu.Observe(Input{Grid: x, Label: 0, ClassNames: twoNames})
	if _, y, ok := tu.Request(); !ok || y != 0 {
		t.Fatalf("request %v label %d", ok, y)
	}
}

func TestSetTraceRefusesBadTraces(t *testing.T) {
	net := newNet(t)
	x := grid("one")
	tu := New(mustTexts(t))
	if err := tu.SetTrace(net.Clone().TraceStep(x, 1, 0.1, 0)); err == nil {
		t.Fatal("SetTrace without a request accepted")
	}
	if tu.Active() || tu.Trace() != nil {
		t.Fatal("a refused SetTrace changed the tour")
	}
	bad := map[string]func(tr *nn.Trace){
		"wrong label": func(tr *nn.Trace) { tr.Label = 0 },
		"wrong input": func(tr *nn.Trace) { tr.Forward.X[0] = 1 },
		"NaN":         func(tr *nn.Trace) { tr.Grad.DHidden[3] = math.NaN() },
		"Inf loss":    func(tr *nn.Trace) { tr.LossAfter = math.Inf(1) },
		"short":       func(tr *nn.Trace) { tr.Grad.BackSum = tr.Grad.BackSum[:3] },
		"incomplete":  func(tr *nn.Trace) { tr.Updated = nil },
		"bad net":     func(tr *nn.Trace) { tr.After.W2[0] = math.NaN() },
	}
	for name, spoil := range bad {
		tu.Start(Input{Grid: x, Label: 1})
		rx, ry, _ := tu.Request()
		tr := net.Clone().TraceStep(rx, ry, 0.1, 0)
		spoil(tr)
		if err := tu.SetTrace(tr); err == nil || !strings.HasPrefix(err.Error(), "tour: ") {
			t.Errorf("%s: err = %v", name, err)
			continue
		}
		if tu.Waiting() != WaitTrouble || tu.Trace() != nil {
			t.Errorf("%s: waiting %v", name, tu.Waiting())
		}
		if _, _, ok := tu.Request(); ok {
			t.Errorf("%s: the tour asks again by itself; it must wait for Next", name)
		}
		v := tu.View()
		if !v.CanNext || !strings.Contains(strings.Join(v.Body, " "), "tour: ") {
			t.Errorf("%s: view does not explain: %+v", name, v)
		}
		tu.Next()
		if _, _, ok := tu.Request(); !ok {
			t.Errorf("%s: Next does not retry", name)
		}
	}
}

func TestNextBackAndFinish(t *testing.T) {
	tu, tr := traced(t, newNet(t))
	if tu.Step() != 1 || tu.Back() {
		t.Fatalf("step %d, Back at step 1 moved", tu.Step())
	}
	if err := tu.SetTrace(tr); err == nil {
		t.Error("a second SetTrace was accepted")
	}
	for n := 1; n <= Steps; n++ {
		v := tu.View()
		if v.Number != n || v.Total != Steps || !v.Active || v.Waiting || v.Title == "" || len(v.Body) == 0 || len(v.Formula) == 0 {
			t.Fatalf("step %d: view %+v", n, v)
		}
		if v.CanBack != (n > 1) || !v.CanNext || (v.NextText == "Finish") != (n == Steps) {
			t.Errorf("step %d: back %v next %v %q", n, v.CanBack, v.CanNext, v.NextText)
		}
		wantNet, wantState := tr.Before, tr.Forward
		if n >= 7 {
			wantNet = tr.After
		}
		if n == Steps {
			wantState = tr.Updated
		}
		if v.Net != wantNet || v.State != wantState {
			t.Errorf("step %d shows the wrong network or state", n)
		}
		if v.PickNeuron != (n == 2 || n == 3 || n == 8 || n == 9) {
			t.Errorf("step %d: PickNeuron %v", n, v.PickNeuron)
		}
		if n < Steps && !tu.Next() {
			t.Fatalf("Next at step %d", n)
		}
	}
	if !tu.Back() || tu.Step() != Steps-1 || !tu.Next() {
		t.Fatal("Back/Next around the last step")
	}
	if !tu.Next() || tu.Active() || tu.Resumable() || tu.Step() != 0 || tu.View().Active {
		t.Fatal("Next at the last step did not finish the tour")
	}
	if tu.Next() || tu.Back() || tu.Skip() {
		t.Error("a finished tour still moves")
	}
}

func TestLeaveResumeSkip(t *testing.T) {
	tu, tr := traced(t, newNet(t))
	for range 4 {
		tu.Next()
	}
	want := tu.View()
	if !tu.Leave() || tu.Active() || !tu.Resumable() || tu.View().Active {
		t.Fatal("Leave")
	}
	if tu.Next() || tu.Back() || tu.Step() != 5 {
		t.Fatal("a left tour moved")
	}
	if _, _, ok := tu.Request(); ok {
		t.Fatal("a left tour asks for a trace")
	}
	tu.Toggle(Input{}) // T resumes
	if !tu.Active() || tu.Step() != 5 || tu.Trace() != tr || tu.View().Title != want.Title {
		t.Fatal("Resume did not come back to step 5 of the same iteration")
	}
	tu.Toggle(Input{}) // T leaves
	if tu.Active() {
		t.Fatal("Toggle did not leave")
	}
	if !tu.Skip() || tu.Resumable() || tu.Trace() != nil || tu.Resume() {
		t.Fatal("Skip")
	}
	tu.Toggle(Input{Grid: grid("zero"), Label: 0}) // T starts anew
	if !tu.Active() || tu.Step() != 0 {
		t.Fatal("Toggle did not start")
	}
	if _, y, ok := tu.Request(); !ok || y != 0 {
		t.Fatal("the new tour does not ask for its trace")
	}
	// Leave while waiting for the trace, then Resume: still waiting for it.
	tu.Leave()
	tu.Resume()
	if _, _, ok := tu.Request(); !ok {
		t.Fatal("resumed tour lost its request")
	}
}

func TestSelectNeuron(t *testing.T) {
	tu := New(mustTexts(t))
	if err := tu.SelectNeuron(0); err == nil {
		t.Error("SelectNeuron before a trace accepted")
	}
	tu, tr := traced(t, newNet(t))
	best := 0
	for h, z := range tr.Forward.Z1 {
		if math.Abs(z) > math.Abs(tr.Forward.Z1[best]) {
			best = h
		}
	}
	if tu.Neuron() != best {
		t.Errorf("default neuron %d, want the largest |z|, %d", tu.Neuron(), best)
	}
	for _, bad := range []int{-1, tr.Before.Hidden} {
		if err := tu.SelectNeuron(bad); err == nil || tu.Neuron() != best {
			t.Errorf("SelectNeuron(%d) accepted", bad)
		}
	}
	tu.Next()
	if err := tu.SelectNeuron(6); err != nil {
		t.Fatal(err)
	}
	v := tu.View()
	if !strings.Contains(v.Title, "7") || !strings.HasPrefix(v.Formula[0], "z₇") {
		t.Errorf("step 2 after selecting neuron 6 (shown as 7): %q %q", v.Title, v.Formula[0])
	}
	sel := 0
	for _, n := range v.Highlight.Neurons {
		if n.Selected {
			sel++
			if n.Layer != HiddenLayer || n.Index != 6 {
				t.Errorf("selected %+v", n)
			}
		}
	}
	for _, e := range v.Highlight.Edges {
		if e.Layer != Edges1 || e.To != 6 || tr.Forward.X[e.From] == 0 {
			t.Errorf("step 2 edge %+v", e)
		}
	}
	if sel != 1 {
		t.Errorf("%d selected neurons", sel)
	}
}

// TestUpdatesExactlyOnce plays the app: it runs TraceStep whenever the
// tour asks, and presses Next, Back, Leave/Resume and neuron picks in a
// random order. The network must change exactly once, to the trace's
// After, and the tour must never touch it.
func TestUpdatesExactlyOnce(t *testing.T) {
	net := newNet(t)
	start := net.Clone()
	tu := New(mustTexts(t))
	tu.Start(Input{Grid: grid("one"), Label: 1, ClassNames: twoNames})
	rng := rand.New(rand.NewPCG(1, 2))
	var traces []*nn.Trace
	for range 500 {
		if x, y, ok := tu.Request(); ok {
			tr := net.TraceStep(x, y, 0.1, 0)
			traces = append(traces, tr)
			if err := tu.SetTrace(tr); err != nil {
				t.Fatal(err)
			}
		}
		switch rng.IntN(6) {
		case 0, 1:
			if tu.Step() < Steps { // do not finish: keep pressing
				tu.Next()
			}
		case 2, 3:
			tu.Back()
		case 4:
			tu.Leave()
			tu.Resume()
		case 5:
			if tu.Trace() != nil {
				tu.SelectNeuron(rng.IntN(net.Hidden))
			}
		}
		tu.View()
	}
	if len(traces) != 1 {
		t.Fatalf("%d updates, want 1", len(traces))
	}
	if !equalNets(net, traces[0].After) || !equalNets(traces[0].Before, start) || equalNets(net, start) {
		t.Fatal("the network is not exactly the trace's After")
	}
}

func equalNets(a, b *nn.Network) bool {
	return slices.Equal(a.W1, b.W1) && slices.Equal(a.B1, b.B1) && slices.Equal(a.W2, b.W2) && slices.Equal(a.B2, b.B2)
}
