package tour

import (
	"math"
	"testing"

	"digittrainer/i18n"
)

func TestNum(t *testing.T) {
	cases := []struct {
		v    float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "0"},
		{1, "1"},
		{-3, "−3"},
		{0.5, "0.5000"},
		{0.77453, "0.7745"},
		{-0.31024, "−0.3102"},
		{1.23456, "1.235"},
		{12.3456, "12.35"},
		{1234.56, "1235"},
		{0.0123456, "0.01235"},
		{0.000123456, "0.0001235"},
		{0.0000123456, "1.235×10⁻⁵"},
		{-2.5e-9, "−2.500×10⁻⁹"},
		{3.4e7, "3.400×10⁷"}, // integers too, from sciAbove on
		{3.45e7 + 0.5, "3.450×10⁷"},
		{math.NaN(), "NaN"},
		{math.Inf(-1), "−∞"},
	}
	for _, c := range cases {
		if got := Num(c.v); got != c.want {
			t.Errorf("Num(%g) = %q, want %q", c.v, got, c.want)
		}
	}
}

// TestNumRoundTrip checks Num against the test's number parser: what is
// displayed is within half a unit of its last digit of the value.
func TestNumRoundTrip(t *testing.T) {
	for _, v := range []float64{0.1, -0.123449, 9.99951, 0.99996, 123.4567, 1e-7 / 3, -7.77e-5, 2.5e6 + 0.1} {
		got := parseNums(t, Num(v))
		if len(got) != 1 || math.Abs(got[0].value-v) > got[0].half+floatSlack*math.Abs(v) {
			t.Errorf("Num(%g) = %q parses as %+v", v, Num(v), got)
		}
	}
}

func TestPair(t *testing.T) {
	cases := []struct {
		before, after float64
		b, a          string
	}{
		{0.51234, 0.53312, "0.5123", "0.5331"},
		{0.51234, 0.51238, "0.512340", "0.512380"}, // a change of 4e−5 shows
		{0, 0.05912, "0", "0.05912"},
		{-0.35012, -0.31121, "−0.3501", "−0.3112"},
		{0.5, 0.5, "0.5000", "0.5000"},
		{1, 1 + 1e-12, "1.00000000", "1.00000000"}, // capped at maxPairDecimals
	}
	for _, c := range cases {
		b, a := Pair(c.before, c.after)
		if b != c.b || a != c.a {
			t.Errorf("Pair(%g, %g) = %q, %q, want %q, %q", c.before, c.after, b, a, c.b, c.a)
		}
	}
}

func TestSettingSubAndNames(t *testing.T) {
	for v, want := range map[float64]string{0.1: "0.1", 0.0005: "0.0005", 1e-3: "0.001", 0.123456789: "0.1235", 2: "2"} {
		if got := Setting(v); got != want {
			t.Errorf("Setting(%g) = %q, want %q", v, got, want)
		}
	}
	if Sub(0) != "₀" || Sub(81) != "₈₁" || Sub(-2) != "₋₂" || superscript(-12) != "⁻¹²" {
		t.Error("sub/superscripts")
	}
	if HiddenName(6) != "7" || PixelName(0) != "1" || PixelName(80) != "81" {
		t.Error("names are 1-based")
	}
	if term(-0.5) != "(−0.5000)" || term(0.5) != "0.5000" {
		t.Error("term")
	}
	if signed(0.25) != "+0.2500" || signed(-0.25) != "−0.2500" {
		t.Error("signed")
	}
}

// TestNumbersInOtherLanguages: German and French write a decimal comma,
// Spanish and Portuguese too; no language groups the thousands of a
// formula's numbers, and the lists of a formula take a semicolon there.
func TestNumbersInOtherLanguages(t *testing.T) {
	t.Cleanup(func() { i18n.Set(i18n.English) })
	for _, lang := range []string{"es", "fr", "de", "pt"} {
		i18n.Set(lang)
		b, a := Pair(0.51234, 0.53312)
		for got, want := range map[string]string{
			Num(0.77453): "0,7745", Num(-0.31024): "−0,3102", Num(1234.56): "1235", Num(12300): "12300",
			Num(0.0000123456): "1,235×10⁻⁵", Fixed(-0.5, 3): "−0,500", Setting(0.1): "0,1", Setting(2): "2",
			b + " → " + a: "0,5123 → 0,5331", signed(0.25): "+0,2500", listSep(): ";",
		} {
			if got != want {
				t.Errorf("%s: %q, want %q", lang, got, want)
			}
		}
	}
	i18n.Set(i18n.English)
	if Num(0.77453) != "0.7745" || listSep() != "," {
		t.Errorf("back in English: %q, %q", Num(0.77453), listSep())
	}
}
