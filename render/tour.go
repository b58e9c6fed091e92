package render

import (
	"strings"

	"digittrainer/i18n"
	"digittrainer/tour"
)

// The guided tour as render draws it: package tour describes each step
// (tour.View) and these turn the description into a card, a highlight of
// the network picture and the values written beside its neurons.

// TourFits are the text scales tried, largest first, until the card fits
// beside the network; below the last the card is cut (buttons stay).
var TourFits = []float64{1, 0.93, 0.86, 0.8, 0.74, 0.68, 0.62}

// TourMaxW is the card's widest, in CSS pixels at zoom 1: a wider card
// makes lines too long to read.
const TourMaxW = 1150

// TourCard is what the card for v says: the step and its progress dots,
// the title, the text (marked when the tour waits for the user), the
// formula and table with this iteration's numbers, the buttons and the
// keys that do the same.
func TourCard(v tour.View) *CardSpec {
	spec := &CardSpec{Kicker: i18n.T("Guided tour"), Dots: v.Number, DotsOf: v.Total, Title: v.Title, Formula: v.Formula,
		Foot: i18n.T("Keys: → or PageDown next · ← or PageUp back · K skip · T or Esc hides (T again resumes)")}
	if v.Number > 0 {
		spec.Kicker = i18n.Sprintf("Step %d of %d", v.Number, v.Total)
	}
	for i, p := range v.Body {
		spec.Blocks = append(spec.Blocks, Block{Text: p, Marked: v.Waiting, Bold: v.Waiting && i == 0})
	}
	// The tip is left out where the step's own text already says to click
	// (in the word its texts use for it, which the catalog gives).
	if v.PickNeuron && !strings.Contains(strings.ToLower(strings.Join(v.Body, " ")), strings.ToLower(i18n.T("Click"))) {
		spec.Blocks = append(spec.Blocks, Block{Text: i18n.T("Tip: click any hidden neuron (the circles in the middle) to look at that one."), Kind: Tip})
	}
	if t := v.Table; t != nil {
		spec.Table = &Table{Columns: t.Columns}
		for _, r := range t.Rows {
			spec.Table.Rows = append(spec.Table.Rows, append([]string{r.Label}, r.Cells...))
		}
	}
	next := v.NextText
	if next == "" {
		next = i18n.T("Next")
	}
	spec.Buttons = []CardButton{
		{Label: i18n.T("← Back"), Disabled: !v.CanBack},
		{Label: next + " →", Disabled: !v.CanNext, Primary: true, MinW: 120},
		{Label: i18n.T("Skip tour (K)")},
		{Label: i18n.T("Hide (T)")},
	}
	return spec
}

// layerOf maps the tour's parts onto the picture's layers.
var layerOf = map[tour.Part]int{tour.InputLayer: 0, tour.HiddenLayer: 1, tour.OutputLayer: 2, tour.Edges1: 1, tour.Edges2: 2}

// TourHighlight translates the tour's highlight into the network picture's:
// the neurons it names are ringed (inputs only when inked or selected, so
// a step about the drawing rings the drawing), its edges drawn on top, and
// gradients and error signals colour their edges instead of the weights.
func TourHighlight(h tour.Highlight) Highlight {
	out := Highlight{Dim: h.Dim}
	for _, n := range h.Neurons {
		switch {
		case n.Layer == tour.InputLayer && !n.Selected && n.Value == 0:
			continue // an empty square
		case n.Layer == tour.HiddenLayer && n.Kind == tour.KindError && !n.Selected:
			continue // the error of every neuron is there, the step explains one
		}
		out.Neurons = append(out.Neurons, Neuron{Layer: layerOf[n.Layer], Index: n.Index})
	}
	for _, e := range h.Edges {
		re := Edge{Layer: layerOf[e.Layer], From: e.From, To: e.To}
		out.Edges = append(out.Edges, re)
		if e.Kind == tour.KindGradient || e.Kind == tour.KindSignal || e.Kind == tour.KindError {
			if out.EdgeValues == nil {
				out.EdgeValues = map[Edge]float64{}
			}
			out.EdgeValues[re] = e.Value
		}
	}
	return out
}

// TourValues are the numbers the step writes on the picture: the input
// squares' values on step 1, and "δ₃ = −0.3582"-style pills beside the
// selected hidden neuron (away from the edges the step is about) and the
// outputs (under them when there is room, else to their left).
func TourValues(v tour.View) []NeuronValue {
	var out []NeuronValue
	outs := 0
	for _, n := range v.Highlight.Neurons {
		if n.Layer == tour.OutputLayer {
			outs++
		}
	}
	for _, n := range v.Highlight.Neurons {
		rn := Neuron{Layer: layerOf[n.Layer], Index: n.Index}
		switch {
		case n.Layer == tour.InputLayer && n.Kind == tour.KindInput && v.Number == 1:
			out = append(out, NeuronValue{Neuron: rn, Text: tour.Num(n.Value), Ink: n.Value != 0})
		case n.Layer == tour.HiddenLayer && n.Selected:
			side := SideRight
			if v.Highlight.Focus.Has(tour.Edges2) {
				side = SideLeft
			}
			out = append(out, NeuronValue{Neuron: rn, Text: n.Name() + " = " + tour.Num(n.Value), Side: side})
		case n.Layer == tour.OutputLayer:
			side := SideBelow
			if outs > 3 {
				side = SideLeft
			}
			out = append(out, NeuronValue{Neuron: rn, Text: n.Name() + " = " + tour.Num(n.Value), Side: side})
		}
	}
	return out
}
