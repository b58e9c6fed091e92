package tour

import (
	"math"
	"strings"
	"unicode/utf8"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// 6. The output error δ = p − y.
func (s stepper) outError(v *View) {
	f, g, y := s.tr.Forward, s.tr.Grad, s.tr.Label
	C := len(f.P)
	onehot := make([]string, C)
	for c := range onehot {
		onehot[c] = Num(oneHot(c, y))
	}
	v.Formula = append(v.Formula, "y = ("+strings.Join(onehot, listSep()+" ")+")")
	for c := 0; c < C; c++ {
		v.Formula = append(v.Formula, "δ"+Sub(c)+" = p"+Sub(c)+" − y"+Sub(c)+" = "+
			Num(f.P[c])+" − "+Num(oneHot(c, y))+" = "+Num(g.DOut[c]))
	}
	hl := Highlight{Focus: OutputLayer, Dim: true}
	for c, d := range g.DOut {
		hl.Neurons = append(hl.Neurons, NeuronRef{Layer: OutputLayer, Index: c, Value: d, Kind: KindError, Selected: c == y})
	}
	v.Highlight = hl
}

// oneHot is y_c: 1 for the label, 0 otherwise. It is the definition of the
// target, not a computed result.
func oneHot(c, label int) float64 {
	if c == label {
		return 1
	}
	return 0
}

// ruleLine states the update rule with this iteration's η (and λ when L2
// is on).
func (s stepper) ruleLine(x string) string {
	sep := listSep()
	if s.tr.L2 != 0 {
		return "grad = δ·" + x + sep + "   w ← w − η·(grad + λ·w)" + sep + "   η = " + Setting(s.tr.LR) + sep + "  λ = " + Setting(s.tr.L2)
	}
	return "grad = δ·" + x + sep + "   w ← w − η·grad" + sep + "   η = " + Setting(s.tr.LR)
}

// updateLine writes "w = 0.5123 − 0.1·(−0.2083) = 0.5331" for one weight.
func (s stepper) updateLine(name string, before, grad, after float64, decays bool) string {
	b, a := Pair(before, after)
	step := term(grad)
	if decays && s.tr.L2 != 0 {
		step = "(" + Num(grad) + " + " + Setting(s.tr.L2) + "·" + term(before) + ")"
	}
	if strings.HasPrefix(b, "−") {
		b = "(" + b + ")"
	}
	return name + " = " + b + " − " + Setting(s.tr.LR) + "·" + step + " = " + a
}

// changed returns the indices of before/after that moved, largest change
// first, at most topRows. With a group function, it keeps only the largest
// change of each group: every inked pixel of a hidden neuron gets the same
// gradient, so one row per neuron says more than six rows of one neuron.
func changed(idx []int, before, after []float64, group func(int) int) []int {
	var moved []int
	for _, i := range idx {
		if before[i] != after[i] {
			moved = append(moved, i)
		}
	}
	order := sortedBy(moved, func(i int) float64 { return after[i] - before[i] })
	var out []int
	seen := map[int]bool{}
	for _, i := range order {
		if len(out) == topRows {
			break
		}
		if group != nil {
			if seen[group(i)] {
				continue
			}
			seen[group(i)] = true
		}
		out = append(out, i)
	}
	return out
}

func tableRow(label string, before, grad, after float64) Row {
	b, a := Pair(before, after)
	return Row{Label: label, Cells: []string{b, Num(grad), a}}
}

// updateColumns head the before → after tables, in English (columns gives
// them in the language in use).
var updateColumns = []string{i18n.Mark("weight"), i18n.Mark("before"), i18n.Mark("gradient"), i18n.Mark("after")}

// columns are updateColumns in the language in use.
func columns() []string {
	out := make([]string, len(updateColumns))
	for i, c := range updateColumns {
		out[i] = i18n.T(c)
	}
	return out
}

// 7. Output-layer gradients δ·h and the update, before → after.
func (s stepper) outUpdate(v *View) {
	tr, f, g := s.tr, s.tr.Forward, s.tr.Grad
	H, C := tr.Before.Hidden, tr.Before.Classes
	all := make([]int, H*C)
	for i := range all {
		all[i] = i
	}
	top := changed(all, tr.Before.W2, tr.After.W2, nil)
	v.Formula = append(v.Formula, s.ruleLine("h"))
	if len(top) > 0 {
		k := top[0]
		c, h := k/H, k%H
		v.Formula = append(v.Formula,
			"grad = δ"+Sub(c)+"·h"+Sub(h+1)+" = "+term(g.DOut[c])+"·"+term(f.H[h])+" = "+Num(g.W2[k]),
			s.updateLine("w", tr.Before.W2[k], g.W2[k], tr.After.W2[k], true),
			s.updateLine("b"+Sub(c), tr.Before.B2[c], g.B2[c], tr.After.B2[c], false))
	}
	tab := &Table{Columns: columns()}
	out := i18n.T("out") // an output neuron, numbered by its class
	for _, k := range top {
		c, h := k/H, k%H
		tab.Rows = append(tab.Rows, tableRow("h"+Sub(h+1)+" → "+out+Sub(c), tr.Before.W2[k], g.W2[k], tr.After.W2[k]))
	}
	v.Table = tab
	hl := Highlight{Focus: HiddenLayer | Edges2 | OutputLayer, Dim: true}
	for c, d := range g.DOut {
		hl.Neurons = append(hl.Neurons, NeuronRef{Layer: OutputLayer, Index: c, Value: d, Kind: KindError})
	}
	for k := range all {
		hl.Edges = append(hl.Edges, EdgeRef{Layer: Edges2, From: k % H, To: k / H, Value: g.W2[k], Kind: KindGradient,
			Before: tr.Before.W2[k], After: tr.After.W2[k], Top: contains1(top, k)})
	}
	v.Highlight = hl
}

func contains1(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// 8. Backpropagation to the hidden layer: δ_h = (Σ w·δ)·f′(z).
func (s stepper) backprop(v *View) {
	tr, f, g, h := s.tr, s.tr.Forward, s.tr.Grad, s.h
	H, C := tr.Before.Hidden, tr.Before.Classes
	n := Sub(h + 1)
	outs := make([]int, C)
	for c := range outs {
		outs[c] = c
	}
	w := func(c int) float64 { return tr.Before.W2[c*H+h] }
	terms, _ := sumTerms(outs, w, func(c int) float64 { return g.DOut[c] })
	v.Formula = append(v.Formula,
		i18n.Sprintf("error reaching %s", "h"+n)+" = Σ w·δ = "+terms+" = "+Num(g.BackSum[h]))
	d := tr.Before.Activation.Deriv(f.Z1[h], f.H[h])
	switch tr.Before.Activation {
	case nn.Tanh:
		v.Formula = append(v.Formula, "tanh′(z"+n+") = 1 − h"+n+"² = "+Num(d))
	case nn.ReLU:
		why := " " + i18n.Sprintf("because %s = %s > 0", "z"+n, Num(f.Z1[h]))
		if f.Z1[h] <= 0 {
			why = " " + i18n.Sprintf("because %s = %s ≤ 0", "z"+n, Num(f.Z1[h]))
		}
		v.Formula = append(v.Formula, "ReLU′(z"+n+") = "+Num(d)+why)
	default:
		v.Formula = append(v.Formula, "σ′(z"+n+") = h"+n+"·(1 − h"+n+") = "+Num(d))
	}
	v.Formula = append(v.Formula, "δh"+n+" = "+term(g.BackSum[h])+"·"+term(d)+" = "+Num(g.DHidden[h]))

	hl := Highlight{Focus: HiddenLayer | Edges2 | OutputLayer, Dim: true}
	for c, dc := range g.DOut {
		hl.Neurons = append(hl.Neurons, NeuronRef{Layer: OutputLayer, Index: c, Value: dc, Kind: KindError})
	}
	for k, dk := range g.DHidden {
		hl.Neurons = append(hl.Neurons, NeuronRef{Layer: HiddenLayer, Index: k, Value: dk, Kind: KindError, Selected: k == h})
	}
	for c := 0; c < C; c++ {
		for k := 0; k < H; k++ {
			wk := tr.Before.W2[c*H+k]
			hl.Edges = append(hl.Edges, EdgeRef{Layer: Edges2, From: k, To: c, Value: wk * g.DOut[c], Kind: KindSignal,
				Before: wk, After: tr.After.W2[c*H+k], Top: k == h})
		}
	}
	v.Highlight, v.PickNeuron = hl, true
}

// 9. Hidden-layer gradients δ_h·x and the updates, before → after.
// hiddenChanges are the step's weights into the hidden layer: idx those
// from inked squares (the only ones with a gradient), top the biggest
// change of each neuron, and ex the example the formula works through
// (and the text names): the selected neuron's largest change if it has
// one, else the biggest of all, −1 when nothing changed.
func (s stepper) hiddenChanges() (idx, top []int, ex int) {
	tr, f := s.tr, s.tr.Forward
	H := tr.Before.Hidden
	for h := 0; h < H; h++ {
		for i, x := range f.X {
			if x != 0 {
				idx = append(idx, h*nn.Inputs+i)
			}
		}
	}
	top = changed(idx, tr.Before.W1, tr.After.W1, func(k int) int { return k / nn.Inputs })
	ex = -1
	if own := changed(idx[s.h*len(idx)/H:(s.h+1)*len(idx)/H], tr.Before.W1, tr.After.W1, nil); len(own) > 0 {
		ex = own[0]
	} else if len(top) > 0 {
		ex = top[0]
	}
	return idx, top, ex
}

// exampleSquare is the input square of hiddenChanges' example (0 when
// there is none), for the step's text.
func (s stepper) exampleSquare() int {
	if _, _, ex := s.hiddenChanges(); ex >= 0 {
		return ex % nn.Inputs
	}
	return 0
}

func (s stepper) hiddenUpdate(v *View) {
	tr, f, g := s.tr, s.tr.Forward, s.tr.Grad
	idx, top, ex := s.hiddenChanges()
	v.Formula = append(v.Formula, s.ruleLine("x"))
	if ex >= 0 {
		h, i := ex/nn.Inputs, ex%nn.Inputs
		v.Formula = append(v.Formula,
			"grad = δh"+Sub(h+1)+"·x"+Sub(i+1)+" = "+term(g.DHidden[h])+"·"+term(f.X[i])+" = "+Num(g.W1[ex]),
			s.updateLine("w", tr.Before.W1[ex], g.W1[ex], tr.After.W1[ex], true),
			s.updateLine("b"+Sub(h+1), tr.Before.B1[h], g.B1[h], tr.After.B1[h], false))
	}
	if len(top) > 0 { // an empty grid changes no input weight
		tab := &Table{Columns: columns()}
		for _, k := range top {
			h, i := k/nn.Inputs, k%nn.Inputs
			tab.Rows = append(tab.Rows, tableRow("x"+Sub(i+1)+" → h"+Sub(h+1), tr.Before.W1[k], g.W1[k], tr.After.W1[k]))
		}
		v.Table = tab
	}
	hl := Highlight{Focus: InputLayer | Edges1 | HiddenLayer, Dim: true}
	for h, d := range g.DHidden {
		hl.Neurons = append(hl.Neurons, NeuronRef{Layer: HiddenLayer, Index: h, Value: d, Kind: KindError, Selected: h == s.h})
	}
	for _, k := range idx {
		hl.Edges = append(hl.Edges, EdgeRef{Layer: Edges1, From: k % nn.Inputs, To: k / nn.Inputs, Value: g.W1[k],
			Kind: KindGradient, Before: tr.Before.W1[k], After: tr.After.W1[k], Top: contains1(top, k)})
	}
	v.Highlight, v.PickNeuron = hl, true
}

// 10. The same input through the updated network: did the loss go down?
func (s stepper) after(v *View) {
	tr, y := s.tr, s.tr.Label
	before, after := padded(i18n.T("before:"), i18n.T("after:"))
	sep := listSep()
	v.Formula = append(v.Formula,
		before+"p"+Sub(y)+" = "+Num(tr.Forward.P[y])+sep+"   L = "+Num(tr.Loss),
		after+"p"+Sub(y)+" = "+Num(tr.Updated.P[y])+sep+"   L = "+Num(tr.LossAfter),
		i18n.T("change in L:")+" "+signed(tr.LossAfter-tr.Loss))
	hl := Highlight{Focus: OutputLayer, Dim: true}
	for c, p := range tr.Updated.P {
		hl.Neurons = append(hl.Neurons, NeuronRef{Layer: OutputLayer, Index: c, Value: p, Kind: KindProbability, Selected: c == y})
	}
	v.Highlight = hl
}

// padded pads two labels with spaces to the same width and two more, so
// the lines they start line up in the formula's monospaced font.
func padded(a, b string) (string, string) {
	w := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b)) + 2
	pad := func(s string) string { return s + strings.Repeat(" ", w-utf8.RuneCountInString(s)) }
	return pad(a), pad(b)
}

// signed writes a change with an explicit sign: "+0.01234", "−0.02831".
func signed(d float64) string {
	if d > 0 || (d == 0 && !math.Signbit(d)) {
		return "+" + Num(d)
	}
	return Num(d)
}
