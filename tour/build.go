package tour

import (
	"strconv"
	"strings"

	"digittrainer/nn"
)

// build makes the View of the current state.
func (t *Tour) build() View {
	if !t.active {
		return View{Total: Steps}
	}
	switch t.phase {
	case phaseWaiting:
		return t.waitingView()
	case phaseTracing:
		// lasts until the app's SetTrace, normally within the same tick
		return View{Active: true, Total: Steps, Title: t.texts.title(stepKeys[0], nil),
			Highlight: Highlight{Focus: InputLayer}}
	case phaseShowing:
		return t.stepView()
	}
	return View{Total: Steps}
}

func (t *Tour) waitingView() View {
	key := map[Wait]string{
		WaitDrawing: "wait-draw", WaitDrawingOrSample: "wait-draw-sample",
		WaitLabel: "wait-label", WaitTrouble: "wait-trouble",
	}[t.wait]
	vars := map[string]string{"labels": t.labelChoices(), "problem": t.problem, "fallback": ""}
	if f := t.in.Fallback; f != nil {
		vars["fallback"] = t.className(f.Label)
	}
	v := View{
		Active: true, Total: Steps, Waiting: true, Reason: t.wait,
		Title: t.texts.title(key, vars), Body: t.texts.body(key, vars),
		Highlight: Highlight{Focus: InputLayer},
	}
	empty := ink(t.in.Grid) == 0
	switch t.wait {
	case WaitDrawing:
		v.CanNext, v.NextText = !empty, "Next"
	case WaitDrawingOrSample:
		v.CanNext, v.NextText = true, "Next"
		if empty {
			v.NextText = "Use a sample"
		}
	case WaitLabel:
		v.Highlight = Highlight{}
	case WaitTrouble:
		v.CanNext, v.NextText = true, "Try again"
		v.Highlight = Highlight{}
	}
	return v
}

// className names class c for the texts.
func (t *Tour) className(c int) string {
	if c >= 0 && c < len(t.in.ClassNames) && t.in.ClassNames[c] != "" {
		return t.in.ClassNames[c]
	}
	return strconv.Itoa(c)
}

// labelChoices says which labels there are: "0 or 1", "0 to 9".
func (t *Tour) labelChoices() string {
	n := len(t.in.ClassNames)
	switch {
	case n == 0:
		return "a label"
	case n == 2:
		return t.className(0) + " or " + t.className(1)
	default:
		return t.className(0) + " to " + t.className(n-1)
	}
}

// actName is how the texts name the hidden activation.
func actName(a nn.Activation) string {
	switch a {
	case nn.Tanh:
		return "tanh"
	case nn.ReLU:
		return "ReLU"
	}
	return "sigmoid"
}

func (t *Tour) stepView() View {
	tr := t.trace
	vars := map[string]string{
		"label":          t.className(tr.Label),
		"predicted":      t.className(tr.Forward.Predicted()),
		"predictedAfter": t.className(tr.Updated.Predicted()),
		"neuron":         HiddenName(t.neuron),
		"hidden":         strconv.Itoa(tr.Before.Hidden),
		"ink":            strconv.Itoa(ink(tr.Forward.X)),
		"act":            actName(tr.Before.Activation),
		"classes":        strconv.Itoa(tr.Before.Classes),
	}
	key := stepKeys[t.step-1]
	v := View{
		Active: true, Number: t.step, Total: Steps,
		Title: t.texts.title(key, vars), Body: t.texts.body(key, vars),
		Net: tr.Before, State: tr.Forward,
		CanBack: t.step > 1, CanNext: true, NextText: "Next",
	}
	if t.step >= UpdateStep {
		v.Net, v.Updated = tr.After, true
	}
	if t.step == Steps {
		v.State, v.NextText = tr.Updated, "Finish"
	}
	s := stepper{tr: tr, h: t.neuron}
	var snippets []string
	switch t.step {
	case 1:
		s.input(&v)
	case 2:
		s.neuron(&v)
		snippets = append(snippets, "act-"+strings.ToLower(vars["act"]))
	case 3:
		s.hidden(&v)
	case 4:
		s.output(&v)
		if tr.Forward.Predicted() == tr.Label {
			snippets = append(snippets, "guess-right")
		} else {
			snippets = append(snippets, "guess-wrong")
		}
	case 5:
		s.loss(&v)
	case 6:
		s.outError(&v)
		if tr.Before.Classes == 2 {
			snippets = append(snippets, "mirror")
		}
	case 7:
		s.outUpdate(&v)
	case 8:
		s.backprop(&v)
		snippets = append(snippets, "deriv-"+strings.ToLower(vars["act"]))
	case 9:
		s.hiddenUpdate(&v)
	case 10:
		s.after(&v)
		if tr.LossAfter < tr.Loss {
			snippets = append(snippets, "after-down")
		} else {
			snippets = append(snippets, "after-up")
		}
	}
	for _, k := range snippets {
		v.Body = append(v.Body, t.texts.body(k, vars)...)
	}
	return v
}
