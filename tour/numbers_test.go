package tour

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// topBy returns idx ordered by |key| descending (the oracle's own order).
func topBy(idx []int, key func(int) float64) []int {
	out := slices.Clone(idx)
	slices.SortStableFunc(out, func(a, b int) int { return cmp.Compare(math.Abs(key(b)), math.Abs(key(a))) })
	return out
}

// termsWant is what sumTerms should display for a weighted sum over idx.
func termsWant(idx []int, w, x func(int) float64) []float64 {
	order := topBy(idx, func(i int) float64 { return w(i) * x(i) })
	var want []float64
	for _, i := range order[:min(topTerms, len(order))] {
		want = append(want, w(i), x(i))
	}
	if rest := len(order) - topTerms; rest > 0 {
		want = append(want, float64(rest))
	}
	return want
}

// checkStep compares every number of the view of step n (with hidden
// neuron sel selected) against the oracle.
func checkStep(t *testing.T, o *oracle, v View, n, sel int) {
	t.Helper()
	where := fmt.Sprintf("step %d (neuron %d)", n, sel)
	f := v.Formula
	at := func(i int) string {
		if i >= len(f) {
			t.Fatalf("%s: only %d formula lines: %q", where, len(f), f)
		}
		return f[i]
	}
	var active []int
	for i, x := range o.x {
		if x != 0 {
			active = append(active, i)
		}
	}
	y := o.label
	switch n {
	case 1:
		agree(t, where, at(0))
		for r := 0; r < 9; r++ {
			agree(t, where, at(1+r), o.x[r*9:r*9+9]...)
		}
	case 2:
		row := o.w1[sel*nn.Inputs:]
		agree(t, where, at(0))
		want := termsWant(active, func(i int) float64 { return row[i] }, func(i int) float64 { return o.x[i] })
		if len(active) == 0 {
			agree(t, where, at(1), o.b1[sel])
			agree(t, where, at(2), o.z1[sel])
			break
		}
		agree(t, where, at(1), append(want, o.b1[sel])...)
		agree(t, where, at(2), o.z1[sel])
		if o.act == nn.ReLU {
			agree(t, where, at(3), 0, o.z1[sel], o.h[sel])
		} else {
			agree(t, where, at(3), o.z1[sel], o.h[sel])
		}
	case 3:
		listed := 0
		item := regexp.MustCompile(`h([₀-₉]+) = `)
		for _, line := range f {
			if strings.HasPrefix(line, "…") {
				agree(t, where, line, float64(o.H-listed))
				continue
			}
			var want []float64
			for _, m := range item.FindAllStringSubmatch(line, -1) {
				want = append(want, o.h[subs(m[1])[0]-1])
				listed++
			}
			agree(t, where, line, want...)
		}
		if o.H <= listedHidden && listed != o.H {
			t.Errorf("%s: lists %d of %d hidden neurons", where, listed, o.H)
		}
		if o.H > listedHidden {
			// the listed ones must be the most active
			in := map[int]bool{}
			for _, line := range f {
				for _, m := range item.FindAllStringSubmatch(line, -1) {
					in[subs(m[1])[0]-1] = true
				}
			}
			least, most := math.Inf(1), 0.0
			for h, a := range o.h {
				if in[h] {
					least = math.Min(least, math.Abs(a))
				} else {
					most = math.Max(most, math.Abs(a))
				}
			}
			if most > least+floatSlack {
				t.Errorf("%s: an unlisted neuron (|h| = %g) is more active than a listed one (%g)", where, most, least)
			}
		}
	case 4:
		for c := 0; c < o.C; c++ {
			agree(t, where, at(c), o.z2[c])
			want := []float64{o.z2[c]}
			if o.C <= 3 {
				want = append(want, o.z2...)
			}
			agree(t, where, at(o.C+c), append(want, o.p[c])...)
		}
	case 5:
		agree(t, where, at(0), o.p[y], o.loss)
	case 6:
		var onehot []float64
		for c := 0; c < o.C; c++ {
			onehot = append(onehot, oneHot(c, y))
		}
		agree(t, where, at(0), onehot...)
		for c := 0; c < o.C; c++ {
			agree(t, where, at(1+c), o.p[c], oneHot(c, y), o.dout[c])
		}
	case 7:
		checkRule(t, o, where, at(0))
		s := subs(at(1))
		c, h := s[0], s[1]-1
		k := c*o.H + h
		agree(t, where, at(1), o.dout[c], o.h[h], o.gw2[k])
		checkUpdate(t, o, where, at(2), o.w2[k], o.gw2[k], o.aw2[k], true)
		checkUpdate(t, o, where, at(3), o.b2[c], o.dout[c], o.ab2[c], false)
		all := make([]int, o.H*o.C)
		for i := range all {
			all[i] = i
		}
		checkTable(t, o, where, v.Table, all, o.w2, o.aw2, func(s []int) int { return s[1]*o.H + s[0] - 1 },
			func(k int) float64 { return o.gw2[k] }, nil)
	case 8:
		outs := make([]int, o.C)
		for c := range outs {
			outs[c] = c
		}
		want := termsWant(outs, func(c int) float64 { return o.w2[c*o.H+sel] }, func(c int) float64 { return o.dout[c] })
		agree(t, where, at(0), append(want, o.back[sel])...)
		switch o.act {
		case nn.ReLU:
			agree(t, where, at(1), o.deriv[sel], o.z1[sel], 0)
		default:
			agree(t, where, at(1), 1, o.deriv[sel])
		}
		agree(t, where, at(2), o.back[sel], o.deriv[sel], o.dh[sel])
	case 9:
		checkRule(t, o, where, at(0))
		var idx []int
		for h := 0; h < o.H; h++ {
			for _, i := range active {
				idx = append(idx, h*nn.Inputs+i)
			}
		}
		if len(f) > 1 {
			s := subs(at(1))
			h, i := s[0]-1, s[1]-1
			k := h*nn.Inputs + i
			if o.dh[sel] != 0 && h != sel {
				t.Errorf("%s: the example is neuron %d, not the selected one", where, h)
			}
			agree(t, where, at(1), o.dh[h], o.x[i], o.gw1[k])
			checkUpdate(t, o, where, at(2), o.w1[k], o.gw1[k], o.aw1[k], true)
			checkUpdate(t, o, where, at(3), o.b1[h], o.dh[h], o.ab1[h], false)
		}
		if len(active) == 0 {
			if v.Table != nil || len(f) != 1 {
				t.Errorf("%s: a blank input shows changes: %q %+v", where, f, v.Table)
			}
			break
		}
		checkTable(t, o, where, v.Table, idx, o.w1, o.aw1, func(s []int) int { return (s[1]-1)*nn.Inputs + s[0] - 1 },
			func(k int) float64 { return o.gw1[k] }, func(k int) int { return k / nn.Inputs })
	case 10:
		agree(t, where, at(0), o.p[y], o.loss)
		agree(t, where, at(1), o.p2[y], o.loss2)
		agree(t, where, at(2), o.loss2-o.loss)
	}
	if n != 7 && n != 9 && v.Table != nil {
		t.Errorf("%s: unexpected table", where)
	}
}

func checkRule(t *testing.T, o *oracle, where, line string) {
	t.Helper()
	if o.l2 != 0 {
		agree(t, where, line, o.lr, o.l2)
	} else {
		agree(t, where, line, o.lr)
	}
}

// checkUpdate checks "w = before − η·grad = after" (with the L2 term for
// weights when it is on).
func checkUpdate(t *testing.T, o *oracle, where, line string, before, grad, after float64, decays bool) {
	t.Helper()
	if decays && o.l2 != 0 {
		agree(t, where, line, before, o.lr, grad, o.l2, before, after)
	} else {
		agree(t, where, line, before, o.lr, grad, after)
	}
}

// checkTable checks each row's numbers for the weight its label names, and
// that the rows are the largest changes (one per group if group is set),
// in order, by the oracle's reckoning.
func checkTable(t *testing.T, o *oracle, where string, tab *Table, idx []int, before, after []float64,
	index func([]int) int, grad func(int) float64, group func(int) int) {
	t.Helper()
	if tab == nil || len(tab.Rows) == 0 {
		t.Fatalf("%s: no table", where)
	}
	change := func(k int) float64 { return math.Abs(after[k] - before[k]) }
	best := map[int]float64{} // largest change per group
	for _, k := range idx {
		g := k
		if group != nil {
			g = group(k)
		}
		best[g] = math.Max(best[g], change(k))
	}
	ranked := slices.Sorted(func(yield func(float64) bool) {
		for _, c := range best {
			if !yield(c) {
				return
			}
		}
	})
	slices.Reverse(ranked)
	prev := math.Inf(1)
	for r, row := range tab.Rows {
		k := index(subs(row.Label))
		for j, cell := range row.Cells {
			agree(t, where+" table "+row.Label, cell, []float64{before[k], grad(k), after[k]}[j])
		}
		c := change(k)
		if c > prev+floatSlack {
			t.Errorf("%s: table row %d (%s) changes more than the row above", where, r, row.Label)
		}
		if math.Abs(c-ranked[r]) > floatSlack {
			t.Errorf("%s: table row %d (%s) changes by %g, the %d-th largest change is %g", where, r, row.Label, c, r+1, ranked[r])
		}
		prev = c
	}
}

// shapes are drawings for the tests, '#' inked.
var shapes = map[string]string{
	"one": `
....#....
...##....
..#.#....
....#....
....#....
....#....
....#....
..#####..
.........`,
	"blank": `
.........`,
	"zero": `
...###...
..#...#..
.#.....#.
.#.....#.
.#.....#.
.#.....#.
..#...#..
...###...
.........`,
}

func grid(name string) []float64 {
	x := make([]float64, nn.Inputs)
	for r, line := range strings.Split(strings.TrimSpace(shapes[name]), "\n") {
		for c, ch := range line {
			if ch == '#' {
				x[r*9+c] = 1
			}
		}
	}
	return x
}

// iteration is one configuration the number test runs.
type iteration struct {
	cfg    nn.Config
	seed   uint64
	shape  string
	label  int
	lr, l2 float64
	up     bool // the step overshoots: the loss goes up
}

var iterations = []iteration{
	{nn.Config{Hidden: 24, Classes: 2, Activation: nn.Sigmoid}, 1, "one", 1, 0.1, 0, false},     // the default app
	{nn.Config{Hidden: 8, Classes: 3, Activation: nn.Tanh}, 2, "zero", 0, 0.5, 0.01, false},     // L2 on, 3 classes
	{nn.Config{Hidden: 40, Classes: 10, Activation: nn.ReLU}, 3, "one", 7, 0.05, 0, false},      // >32 hidden, >3 classes
	{nn.Config{Hidden: 24, Classes: 2, Activation: nn.Tanh}, 3, "one", 0, 5, 0, true},           // a learning rate that overshoots
	{nn.Config{Hidden: 4, Classes: 2, Activation: nn.ReLU}, 5, "zero", 1, 0.3, 0.001, false},    // few neurons, some quiet
	{nn.Config{Hidden: 6, Classes: 2, Activation: nn.Sigmoid}, 6, "blank", 0, 0.1, 0.01, false}, // an empty sample
}

// TestNumbersAgreeWithOracle walks every step of the tour for several
// networks, with every hidden neuron selected in turn, and checks every
// number shown in the formula lines and tables against the oracle.
func TestNumbersAgreeWithOracle(t *testing.T) { checkIterations(t, nil) }

// TestNumbersAgreeWithOracleInEveryLanguage runs the same checks in the
// other languages, where the numbers have a decimal comma ("0,5123") and
// the lists of a formula a semicolon, and checks that no number of a
// formula line or table is written with a decimal point, or followed by
// a comma and another number (0,5, 0,3 reads as one number or three).
func TestNumbersAgreeWithOracleInEveryLanguage(t *testing.T) {
	t.Cleanup(func() { i18n.Set(i18n.English) })
	point := regexp.MustCompile(`[0-9]\.[0-9]|[0-9], +[−(]?[0-9]`)
	for _, l := range i18n.Languages[1:] {
		t.Run(l.Code, func(t *testing.T) {
			i18n.Set(l.Code)
			comma := Num(0.5) == "0,5000"
			checkIterations(t, func(t *testing.T, v View) {
				lines := slices.Clone(v.Formula)
				if v.Table != nil {
					for _, r := range v.Table.Rows {
						lines = append(lines, r.Cells...)
					}
				}
				for _, line := range lines {
					if comma && point.MatchString(line) {
						t.Errorf("step %d: %q has a decimal point, or a comma between numbers", v.Number, line)
					}
				}
			})
		})
	}
}

// checkIterations checks every number of every step of every iteration
// against the oracle, and each view with also when it is not nil.
func checkIterations(t *testing.T, also func(*testing.T, View)) {
	texts := mustTexts(t)
	for _, it := range iterations {
		t.Run(fmt.Sprintf("%s-%d-%d", it.cfg.Activation, it.cfg.Hidden, it.cfg.Classes), func(t *testing.T) {
			net, err := nn.NewSeeded(it.cfg, it.seed)
			if err != nil {
				t.Fatal(err)
			}
			// give the biases values, so that the bias terms are real numbers
			for i := range net.B1 {
				net.B1[i] = 0.05 * float64(i%5-2)
			}
			net.B2[0] = 0.1
			x := grid(it.shape)
			o := newOracle(net, x, it.label, it.lr, it.l2)
			tu := New(texts)
			rx, rl, ok := startOn(tu, x, it.label)
			if !ok {
				t.Fatal("the tour asked for no trace")
			}
			if err := tu.SetTrace(net.TraceStep(rx, rl, it.lr, it.l2)); err != nil {
				t.Fatal(err)
			}
			for n := 1; n <= Steps; n++ {
				for sel := 0; sel < it.cfg.Hidden; sel++ {
					if err := tu.SelectNeuron(sel); err != nil {
						t.Fatal(err)
					}
					v := tu.View()
					if v.Number != n {
						t.Fatalf("view number %d, want %d", v.Number, n)
					}
					checkStep(t, o, v, n, sel)
					checkFilled(t, v)
					if also != nil {
						also(t, v)
					}
				}
				tu.Next()
			}
			if it.up == (o.loss2 < o.loss) {
				t.Errorf("loss %g → %g: the overshooting case should go up and the others down", o.loss, o.loss2)
			}
		})
	}
}

// checkFilled fails on a placeholder left in the text.
func checkFilled(t *testing.T, v View) {
	t.Helper()
	for _, s := range append(append([]string{v.Title}, v.Body...), v.Formula...) {
		if strings.ContainsAny(s, "{}") {
			t.Errorf("step %d: unfilled text %q", v.Number, s)
		}
	}
}
