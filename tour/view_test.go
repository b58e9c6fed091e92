package tour

import (
	"math"
	"strings"
	"testing"

	"digittrainer/i18n"
	"digittrainer/nn"
)

func TestHighlights(t *testing.T) {
	tu, _ := traced(t, newNet(t))
	want := map[int]Part{
		1: InputLayer, 2: InputLayer | Edges1 | HiddenLayer, 3: InputLayer | Edges1 | HiddenLayer,
		4: HiddenLayer | Edges2 | OutputLayer, 5: OutputLayer, 6: OutputLayer, 7: HiddenLayer | Edges2 | OutputLayer,
		8: HiddenLayer | Edges2 | OutputLayer, 9: InputLayer | Edges1 | HiddenLayer, 10: OutputLayer,
	}
	for n := 1; n <= Steps; n++ {
		v := tu.View()
		hl := v.Highlight
		if hl.Focus != want[n] || !hl.Dim {
			t.Errorf("step %d: focus %b dim %v", n, hl.Focus, hl.Dim)
		}
		top := 0
		for _, e := range hl.Edges {
			if !hl.Focus.Has(e.Layer) {
				t.Errorf("step %d: edge outside the focus: %+v", n, e)
			}
			if e.Top {
				top++
			}
		}
		for _, r := range hl.Neurons {
			if !hl.Focus.Has(r.Layer) {
				t.Errorf("step %d: neuron outside the focus: %+v", n, r)
			}
		}
		if v.Table != nil && top != len(v.Table.Rows) {
			t.Errorf("step %d: %d top edges for %d table rows", n, top, len(v.Table.Rows))
		}
		if n == 7 || n == 9 {
			for _, e := range hl.Edges {
				if e.Kind != KindGradient {
					t.Fatalf("step %d: edges coloured by %v, want gradients", n, e.Kind)
				}
			}
		}
		tu.Next()
	}
}

// TestSnippets checks that the paragraphs that depend on the iteration are
// chosen right: the activation, the mirror note for two classes, and
// whether the loss went down.
func TestSnippets(t *testing.T) {
	texts := mustTexts(t)
	for _, it := range iterations {
		net, err := nn.NewSeeded(it.cfg, it.seed)
		if err != nil {
			t.Fatal(err)
		}
		tu := New(texts)
		x, y, _ := startOn(tu, grid(it.shape), it.label)
		if err := tu.SetTrace(net.TraceStep(x, y, it.lr, it.l2)); err != nil {
			t.Fatal(err)
		}
		body := map[int]string{}
		for n := 1; n <= Steps; n++ {
			body[n] = strings.Join(tu.View().Body, "\n")
			tu.Next()
		}
		act := strings.ToLower(actName(it.cfg.Activation))
		if !strings.Contains(body[2], texts.sections["act-"+act].paras[0]) ||
			!strings.Contains(body[8], texts.sections["deriv-"+act].paras[0]) {
			t.Errorf("%v: activation paragraphs missing", it.cfg)
		}
		if strings.Contains(body[6], "mirror") != (it.cfg.Classes == 2) {
			t.Errorf("%v: mirror note for %d classes", it.cfg, it.cfg.Classes)
		}
		up := strings.Contains(body[10], "did not go down")
		if up != it.up {
			t.Errorf("%v: after-up paragraph %v, want %v", it.cfg, up, it.up)
		}
	}
}

// TestNeuronNames: the names match the formulas' (hidden neurons from 1,
// outputs by class), and a hidden error never shares its name with an
// output's.
func TestNeuronNames(t *testing.T) {
	for _, c := range []struct {
		n    NeuronRef
		want string
	}{
		{NeuronRef{Layer: InputLayer, Index: 40, Kind: KindInput}, "x₄₁"},
		{NeuronRef{Layer: HiddenLayer, Index: 0, Kind: KindActivation}, "h₁"},
		{NeuronRef{Layer: HiddenLayer, Index: 0, Kind: KindError}, "δh₁"},
		{NeuronRef{Layer: OutputLayer, Index: 1, Kind: KindError}, "δ₁"},
		{NeuronRef{Layer: OutputLayer, Index: 1, Kind: KindLogit}, "s₁"},
		{NeuronRef{Layer: OutputLayer, Index: 0, Kind: KindProbability}, "p₀"},
	} {
		if got := c.n.Name(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.n, got, c.want)
		}
	}
}

// TestViewFollowsTheLanguage: the view's labels and numbers are written
// in the language in use, and a change of language rebuilds it; a refused
// trace's error stays in English for the app's log while the message
// shows it translated.
func TestViewFollowsTheLanguage(t *testing.T) {
	t.Cleanup(func() { i18n.Set(i18n.English) })
	tu, _ := traced(t, newNet(t))
	for tu.Step() < UpdateStep {
		tu.Next()
	}
	if v := tu.View(); v.Table == nil || v.Table.Columns[0] != "weight" || v.NextText != "Next" {
		t.Fatalf("English view: %+v", v)
	}
	i18n.Set("de")
	v := tu.View()
	if v.Table.Columns[0] != i18n.T("weight") || v.Table.Columns[0] == "weight" || v.NextText != i18n.T("Next") {
		t.Errorf("German view: columns %q, next %q", v.Table.Columns, v.NextText)
	}
	if f := strings.Join(v.Formula, "\n"); !strings.Contains(f, "0,") || strings.Contains(f, "0.") {
		t.Errorf("German formula without decimal commas:\n%s", f)
	}

	tu.Start(Input{Grid: grid("one"), Label: 1, ClassNames: twoNames})
	x, y, _ := tu.Request()
	tr := newNet(t).TraceStep(x, y, 0.1, 0)
	tr.Loss = math.NaN()
	err := tu.SetTrace(tr)
	if err == nil || !strings.HasPrefix(err.Error(), "tour: the trace holds NaN") {
		t.Fatalf("SetTrace: %v", err)
	}
	want := i18n.T("tour: the trace holds NaN or infinite numbers (the learning rate may be too high)")
	if body := strings.Join(tu.View().Body, " "); !strings.Contains(body, want) || want == err.Error() {
		t.Errorf("the German message does not say %q: %q", want, body)
	}
}

// TestHiddenStepNamesItsExample: the hidden-weights step explains the
// notation with the square its formula works through, in every language,
// not a fixed square the table may not show.
func TestHiddenStepNamesItsExample(t *testing.T) {
	defer i18n.Set(i18n.English)
	for _, l := range i18n.Languages {
		i18n.Set(l.Code)
		tu, _ := traced(t, newNet(t))
		for tu.View().Number < 9 {
			tu.Next()
		}
		v := tu.View()
		var x string
		for _, f := range v.Formula {
			if rest, ok := strings.CutPrefix(f, "grad = δh"); ok {
				x = rest[strings.Index(rest, "·x")+len("·"):]
				x = x[:strings.Index(x, " ")]
			}
		}
		if x == "" {
			t.Fatalf("%s: step 9 has no worked example: %q", l.Code, v.Formula)
		}
		if body := strings.Join(v.Body, "\n"); !strings.Contains(body, "("+x+" ") {
			t.Errorf("%s: step 9 works through %s but its text says: %s", l.Code, x, body)
		}
	}
}
