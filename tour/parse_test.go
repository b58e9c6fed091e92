package tour

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// floatSlack is added to the half-unit-in-the-last-digit tolerance. The
// engine (pure-Go exp, fixed summation order) and the oracle (math.Exp)
// differ by a few ulps, about 1e−15 relative; 1e−9 covers that with room
// and is still far below the smallest half unit the tour displays
// (5e−5 relative at four significant digits).
const floatSlack = 1e-9

// A number as displayed: its value and how precisely it was written.
type shown struct {
	text  string
	value float64
	half  float64 // half a unit in the last displayed digit
	exact bool    // written as an integer: Num writes those only for exact values
}

// numRE matches a number with a decimal point or, as German and French
// write them, a decimal comma: Num never groups thousands, and a formula
// never puts a digit right after a list's comma ("(0, 1)", "(0; 1)"), so a
// comma between digits is always a decimal one.
var numRE = regexp.MustCompile(`[−-]?[0-9]+(?:[.,][0-9]+)?(?:×10(⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))?`)

const superDigitsStr = "⁰¹²³⁴⁵⁶⁷⁸⁹"

// parseNums finds every number written in s, in any of the app's
// languages. Subscripts and superscripts on names (z₇, h₇²) are not ASCII
// digits, so they are not numbers.
func parseNums(t *testing.T, s string) []shown {
	t.Helper()
	var out []shown
	for _, m := range numRE.FindAllStringSubmatch(s, -1) {
		text := m[0]
		mant, _, _ := strings.Cut(strings.NewReplacer("−", "-", ",", ".").Replace(text), "×")
		v, err := strconv.ParseFloat(mant, 64)
		if err != nil {
			t.Fatalf("cannot parse %q in %q", text, s)
		}
		decimals := 0
		if _, frac, ok := strings.Cut(mant, "."); ok {
			decimals = len(frac)
		}
		exp := 0
		if m[1] != "" {
			neg := strings.HasPrefix(m[1], "⁻")
			for _, r := range strings.TrimPrefix(m[1], "⁻") {
				exp = exp*10 + slices.Index([]rune(superDigitsStr), r)
			}
			if neg {
				exp = -exp
			}
			v *= math.Pow(10, float64(exp))
		}
		out = append(out, shown{text: text, value: v, half: 0.5 * math.Pow(10, float64(exp-decimals)),
			exact: !strings.ContainsAny(text, ".,×")})
	}
	return out
}

// subs returns the subscript numbers written in s, in order: the indices
// in names like δ₁·h₅ or x₂₃ → h₂.
func subs(s string) []int {
	var out []int
	n, in := 0, false
	for _, r := range s + " " {
		if r >= '₀' && r <= '₉' {
			n, in = n*10+int(r-'₀'), true
			continue
		}
		if in {
			out = append(out, n)
		}
		n, in = 0, false
	}
	return out
}

// agree checks that the numbers displayed in line are want, each to the
// digits it shows.
func agree(t *testing.T, where, line string, want ...float64) {
	t.Helper()
	got := parseNums(t, line)
	if len(got) != len(want) {
		t.Errorf("%s: %q shows %d numbers, want %d (%v)", where, line, len(got), len(want), want)
		return
	}
	for i, g := range got {
		w := want[i]
		tol := g.half + floatSlack*math.Max(1, math.Abs(w))
		if g.exact {
			tol = floatSlack * math.Max(1, math.Abs(w))
		}
		if math.Abs(g.value-w) > tol {
			t.Errorf("%s: %q: number %d is %s, the oracle says %.10g", where, line, i+1, g.text, w)
		}
	}
}
