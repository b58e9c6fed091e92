package tour

import (
	"strconv"
	"strings"

	"digittrainer/i18n"
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
	vars := map[string]string{"labels": t.labelChoices(), "problem": problemText(t.problem), "fallback": ""}
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
		v.CanNext, v.NextText = !empty, i18n.T("Next")
	case WaitDrawingOrSample:
		v.CanNext, v.NextText = true, i18n.T("Next")
		if empty {
			v.NextText = i18n.T("Use a sample")
		}
	case WaitLabel:
		v.Highlight = Highlight{}
	case WaitTrouble:
		v.CanNext, v.NextText = true, i18n.T("Try again")
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
		return i18n.T("a label")
	case n == 2:
		return i18n.Sprintf("%s or %s", t.className(0), t.className(1))
	default:
		return i18n.Sprintf("%s to %s", t.className(0), t.className(n-1))
	}
}

// actLabel is how the texts name the hidden activation, in the language
// in use.
func actLabel(a nn.Activation) string {
	if n := actName(a); n != "sigmoid" {
		return n // tanh and ReLU are written so everywhere
	}
	return i18n.T("sigmoid")
}

// actName is the hidden activation's name in English, as the texts' keys
// ("act-sigmoid") have it.
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
		"act":            actLabel(tr.Before.Activation),
		"classes":        strconv.Itoa(tr.Before.Classes),
	}
	if t.step == 9 { // the square the formula's example takes, which the text explains
		sq := stepper{tr: tr, h: t.neuron}.exampleSquare()
		vars["x"], vars["square"] = "x"+Sub(sq+1), PixelName(sq)
	}
	key := stepKeys[t.step-1]
	v := View{
		Active: true, Number: t.step, Total: Steps,
		Title: t.texts.title(key, vars), Body: t.texts.body(key, vars),
		Net: tr.Before, State: tr.Forward,
		CanBack: t.step > 1, CanNext: true, NextText: i18n.T("Next"),
	}
	if t.step >= UpdateStep {
		v.Net, v.Updated = tr.After, true
	}
	if t.step == Steps {
		v.State, v.NextText = tr.Updated, i18n.T("Finish")
	}
	s := stepper{tr: tr, h: t.neuron}
	var snippets []string
	switch t.step {
	case 1:
		s.input(&v)
	case 2:
		s.neuron(&v)
		snippets = append(snippets, "act-"+strings.ToLower(actName(tr.Before.Activation)))
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
		snippets = append(snippets, "deriv-"+strings.ToLower(actName(tr.Before.Activation)))
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
