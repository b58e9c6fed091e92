package tour

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// Layout limits of the formula lines, so a step fits on a card.
const (
	topTerms     = 4  // terms of a weighted sum written out, the largest first
	topRows      = 6  // rows of a before → after table
	perLine      = 4  // "h₁ = 0.7745" items per line in step 3
	listedHidden = 32 // hidden activations listed in step 3; beyond, the most active
)

// stepper builds the formula, table and highlight of one step from a
// Trace. Everything it writes is a number read from the Trace (or from
// nn for f′(z)); the only arithmetic is for ordering terms and colouring
// edges.
type stepper struct {
	tr *nn.Trace
	h  int // the selected hidden neuron
}

func (s stepper) active() []int {
	var idx []int
	for i, v := range s.tr.Forward.X {
		if v != 0 {
			idx = append(idx, i)
		}
	}
	return idx
}

// 1. The input: 81 pixels become 81 numbers, one row of the grid a line.
func (s stepper) input(v *View) {
	x := s.tr.Forward.X
	sep := listSep() + " "
	v.Formula = append(v.Formula, "x = (x"+Sub(1)+sep+"x"+Sub(2)+sep+"…"+sep+"x"+Sub(nn.Inputs)+")")
	const side = 9
	for r := 0; r < side; r++ {
		cells := make([]string, side)
		for c := range cells {
			cells[c] = Num(x[r*side+c])
		}
		v.Formula = append(v.Formula, strings.Join(cells, " "))
	}
	hl := Highlight{Focus: InputLayer, Dim: true}
	for i, xi := range x {
		hl.Neurons = append(hl.Neurons, NeuronRef{Layer: InputLayer, Index: i, Value: xi, Kind: KindInput, Selected: xi != 0})
	}
	v.Highlight = hl
}

// sortedBy returns idx ordered by |key| descending, ties by index, so the
// order is the same on every platform.
func sortedBy(idx []int, key func(int) float64) []int {
	out := slices.Clone(idx)
	sort.SliceStable(out, func(i, j int) bool { return cmp.Less(math.Abs(key(out[j])), math.Abs(key(out[i]))) })
	return out
}

// sumTerms writes "a·b + (−c)·d + … (k more)" for the largest products,
// the terms of a weighted sum.
func sumTerms(idx []int, w, x func(int) float64) (string, []int) {
	order := sortedBy(idx, func(i int) float64 { return w(i) * x(i) })
	shown := order[:min(topTerms, len(order))]
	parts := make([]string, len(shown))
	for k, i := range shown {
		parts[k] = term(w(i)) + "·" + term(x(i))
	}
	out := strings.Join(parts, " + ")
	if rest := len(order) - len(shown); rest > 0 {
		out += " + … (" + i18n.Sprintf("%s more", Num(float64(rest))) + ")"
	}
	return out, shown
}

// 2. One hidden neuron: its weighted sum with the largest terms, then the
// activation.
func (s stepper) neuron(v *View) {
	f, b := s.tr.Forward, s.tr.Before
	h, n := s.h, Sub(s.h+1)
	row := b.W1[h*nn.Inputs : (h+1)*nn.Inputs]
	idx := s.active()
	terms, shown := sumTerms(idx, func(i int) float64 { return row[i] }, func(i int) float64 { return f.X[i] })
	v.Formula = append(v.Formula, "z"+n+" = Σ wᵢ·xᵢ + b"+n)
	if terms == "" {
		v.Formula = append(v.Formula, "   = b"+n+" = "+Num(b.B1[h]))
	} else {
		v.Formula = append(v.Formula, "   = "+terms+" + "+term(b.B1[h]))
	}
	v.Formula = append(v.Formula, "   = "+Num(f.Z1[h]))
	v.Formula = append(v.Formula, activationLine(b.Activation, "h"+n, f.Z1[h], f.H[h]))

	hl := Highlight{Focus: InputLayer | Edges1 | HiddenLayer, Dim: true}
	for _, i := range idx {
		hl.Neurons = append(hl.Neurons, NeuronRef{Layer: InputLayer, Index: i, Value: f.X[i], Kind: KindInput})
		hl.Edges = append(hl.Edges, EdgeRef{Layer: Edges1, From: i, To: h, Value: row[i], Kind: KindWeight,
			Before: row[i], After: s.tr.After.W1[h*nn.Inputs+i], Top: slices.Contains(shown, i)})
	}
	hl.Neurons = append(hl.Neurons, NeuronRef{Layer: HiddenLayer, Index: h, Value: f.H[h], Kind: KindActivation, Selected: true})
	v.Highlight, v.PickNeuron = hl, true
}

// activationLine writes "h₇ = σ(1.234) = 0.7745" for the activation in use.
func activationLine(a nn.Activation, name string, z, h float64) string {
	switch a {
	case nn.Tanh:
		return name + " = tanh(" + Num(z) + ") = " + Num(h)
	case nn.ReLU:
		return name + " = max(0" + listSep() + " " + Num(z) + ") = " + Num(h)
	}
	return name + " = σ(" + Num(z) + ") = " + Num(h)
}

// 3. All hidden activations, perLine to a line.
func (s stepper) hidden(v *View) {
	f := s.tr.Forward
	H := len(f.H)
	idx := make([]int, H)
	for i := range idx {
		idx[i] = i
	}
	if H > listedHidden {
		idx = sortedBy(idx, func(i int) float64 { return f.H[i] })[:listedHidden]
		slices.Sort(idx)
	}
	for k := 0; k < len(idx); k += perLine {
		var items []string
		for _, h := range idx[k:min(k+perLine, len(idx))] {
			items = append(items, "h"+Sub(h+1)+" = "+Num(f.H[h]))
		}
		v.Formula = append(v.Formula, strings.Join(items, "   "))
	}
	if rest := H - len(idx); rest > 0 {
		v.Formula = append(v.Formula, i18n.Sprintf("… and %s more, all smaller", Num(float64(rest))))
	}
	hl := Highlight{Focus: InputLayer | Edges1 | HiddenLayer, Dim: true}
	for h, a := range f.H {
		hl.Neurons = append(hl.Neurons, NeuronRef{Layer: HiddenLayer, Index: h, Value: a, Kind: KindActivation, Selected: h == s.h})
	}
	v.Highlight, v.PickNeuron = hl, true
}

// 4. The output scores (logits), then softmax.
func (s stepper) output(v *View) {
	f, b := s.tr.Forward, s.tr.Before
	C := len(f.Z2)
	for c := 0; c < C; c++ {
		v.Formula = append(v.Formula, "s"+Sub(c)+" = Σ w·h + b"+Sub(c)+" = "+Num(f.Z2[c]))
	}
	for c := 0; c < C; c++ {
		var den string
		if C <= 3 {
			parts := make([]string, C)
			for k := range parts {
				parts[k] = "e^(" + Num(f.Z2[k]) + ")"
			}
			den = "(" + strings.Join(parts, " + ") + ")"
		} else {
			den = "Σₖ e^(sₖ)"
		}
		v.Formula = append(v.Formula, "p"+Sub(c)+" = e^("+Num(f.Z2[c])+") / "+den+" = "+Num(f.P[c]))
	}
	pred := f.Predicted()
	hl := Highlight{Focus: HiddenLayer | Edges2 | OutputLayer, Dim: true}
	for c, p := range f.P {
		hl.Neurons = append(hl.Neurons, NeuronRef{Layer: OutputLayer, Index: c, Value: p, Kind: KindProbability, Selected: c == pred})
	}
	H := b.Hidden
	for c := 0; c < C; c++ {
		for h := 0; h < H; h++ {
			w := b.W2[c*H+h]
			hl.Edges = append(hl.Edges, EdgeRef{Layer: Edges2, From: h, To: c, Value: w, Kind: KindWeight,
				Before: w, After: s.tr.After.W2[c*H+h]})
		}
	}
	v.Highlight = hl
}

// 5. The cross-entropy loss against the label.
func (s stepper) loss(v *View) {
	y := s.tr.Label
	p := s.tr.Forward.P[y]
	v.Formula = append(v.Formula, "L = −ln(p"+Sub(y)+") = −ln("+Num(p)+") = "+Num(s.tr.Loss))
	v.Highlight = Highlight{Focus: OutputLayer, Dim: true, Neurons: []NeuronRef{
		{Layer: OutputLayer, Index: y, Value: p, Kind: KindProbability, Selected: true}}}
}
