package tour

import (
	"math"
	"strconv"
	"strings"

	"digittrainer/i18n"
)

// SigDigits is how many significant digits Num shows. Four is enough to
// see a weight move after one small step and few enough to read aloud.
const SigDigits = 4

// sciBelow and sciAbove bound the magnitudes Num writes in plain decimals;
// outside them "0.00000001234" would be harder to read than 1.234×10⁻⁸.
const (
	sciBelow = 1e-4
	sciAbove = 1e6
)

// Num formats v the one way the tour shows numbers: SigDigits significant
// digits, a real minus sign (U+2212), exact integers without decimals
// (pixels are "1", not "1.000"), and ×10ⁿ for very small or large values,
// with the decimal separator of the language in use ("0,7745" in German)
// and never a thousands separator. The app may use it wherever it shows
// the same quantities, so a number reads the same in the tour and in the
// inspector.
func Num(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "−∞"
	case v == 0:
		return "0"
	}
	a := math.Abs(v)
	if v == math.Trunc(v) && a < sciAbove {
		return minus(strconv.FormatFloat(v, 'f', 0, 64))
	}
	if a < sciBelow || a >= sciAbove {
		return sci(v)
	}
	return minus(local(strconv.FormatFloat(v, 'f', decimalsFor(a), 64)))
}

// Fixed formats v with exactly d decimals (and the unicode minus); the
// before → after tables use it so both columns line up and a small change
// stays visible.
func Fixed(v float64, d int) string {
	if v == 0 {
		v = 0 // turn −0 into 0
	}
	return minus(local(strconv.FormatFloat(v, 'f', d, 64)))
}

// decimalsFor returns the decimals that give SigDigits significant digits
// for a magnitude a ≥ sciBelow.
func decimalsFor(a float64) int {
	d := SigDigits - 1 - int(math.Floor(math.Log10(a)))
	return max(d, 0)
}

// maxPairDecimals caps the decimals of a before → after pair: a change
// smaller than that is shown as "no visible change" rather than as a long
// run of digits.
const maxPairDecimals = 8

// Pair formats a value before and after an update with the same number of
// decimals, enough for SigDigits of the larger value and for two
// significant digits of the change, so "0.5123 → 0.5123" never hides a
// real change of 0.00004.
func Pair(before, after float64) (string, string) {
	big := max(math.Abs(before), math.Abs(after))
	d := 0
	if big > 0 {
		d = decimalsFor(max(big, sciBelow))
	}
	if ch := math.Abs(after - before); ch > 0 {
		d = max(d, 1-int(math.Floor(math.Log10(ch))))
	}
	d = min(d, maxPairDecimals)
	return pairSide(before, d), pairSide(after, d)
}

// pairSide is Fixed, except that an exact zero (a fresh bias) is "0".
func pairSide(v float64, d int) string {
	if v == 0 {
		return "0"
	}
	return Fixed(v, d)
}

// Setting formats a value the user typed in, such as η = 0.1, as short as
// it is exact ("0.1", not "0.1000"), and like Num otherwise.
func Setting(v float64) string {
	if s := strconv.FormatFloat(v, 'f', -1, 64); len(s) <= SigDigits+3 {
		return minus(local(s))
	}
	return Num(v)
}

// sci writes v as m×10ⁿ with SigDigits significant digits.
func sci(v float64) string {
	s := strconv.FormatFloat(v, 'e', SigDigits-1, 64)
	mant, exp, _ := strings.Cut(s, "e")
	n, _ := strconv.Atoi(exp)
	return minus(local(mant)) + "×10" + superscript(n)
}

// term formats v as a term after an operator: negatives in parentheses, so
// "0.4 + (−0.3)·1" never reads as a subtraction.
func term(v float64) string {
	s := Num(v)
	if strings.HasPrefix(s, "−") {
		return "(" + s + ")"
	}
	return s
}

func minus(s string) string { return strings.ReplaceAll(s, "-", "−") }

// local writes the decimal point of a number strconv formatted as the
// language in use does: i18n.Float's separator.
func local(s string) string {
	if sep := decimalSep(); sep != "." {
		return strings.Replace(s, ".", sep, 1)
	}
	return s
}

func decimalSep() string { return strings.Trim(i18n.Float(0, 1), "0") }

// listSep separates the numbers of a list in a formula: "," in English,
// ";" where the comma is the decimal separator, so "max(0; 1,234)" and
// "η = 0,1;  λ = 0,01" read as two numbers each.
func listSep() string {
	if decimalSep() == "," {
		return ";"
	}
	return ","
}

var (
	subDigits   = []rune("₀₁₂₃₄₅₆₇₈₉")
	superDigits = []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")
)

// Sub writes n in subscript digits, for names like z₇ and x₁₂. Subscripts
// are not digits to a number parser, so a formula's names never read as
// values.
func Sub(n int) string { return script(n, subDigits, "₋") }

func superscript(n int) string { return script(n, superDigits, "⁻") }

func script(n int, digits []rune, neg string) string {
	var b strings.Builder
	if n < 0 {
		b.WriteString(neg)
		n = -n
	}
	for _, c := range strconv.Itoa(n) {
		b.WriteRune(digits[c-'0'])
	}
	return b.String()
}

// HiddenName is how the tour names hidden neuron h (0-based index): by its
// 1-based number, as a student counts them on screen. The app should use
// the same numbering in its inspector.
func HiddenName(h int) string { return strconv.Itoa(h + 1) }

// PixelName is how the tour names input i (0-based, row-major): its
// 1-based number on the 9×9 grid, 1..81.
func PixelName(i int) string { return strconv.Itoa(i + 1) }
