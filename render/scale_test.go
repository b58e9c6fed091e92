package render

import (
	"math"
	"testing"
)

func TestWeightColorSignAndAlpha(t *testing.T) {
	pos, neg := WeightColor(0.5, 1), WeightColor(-0.5, 1)
	unpremul := func(c uint8, a uint8) float64 { return float64(c) / float64(a) * 255 }
	// Hue comes from the theme colour, premultiplied by the alpha.
	if math.Abs(unpremul(pos.B, pos.A)-float64(Current.Positive.B)) > 2 {
		t.Errorf("positive colour %v is not the Positive hue %v", pos, Current.Positive)
	}
	if math.Abs(unpremul(neg.R, neg.A)-float64(Current.Negative.R)) > 2 {
		t.Errorf("negative colour %v is not the Negative hue %v", neg, Current.Negative)
	}
	if pos.A != neg.A {
		t.Errorf("alpha depends on sign: %d vs %d", pos.A, neg.A)
	}
	prev := uint8(0)
	for _, w := range []float64{0, 0.1, 0.3, 0.6, 1, 5} {
		a := WeightColor(w, 1).A
		if a < prev {
			t.Errorf("alpha not monotone in |w| at %v", w)
		}
		prev = a
	}
	if a := WeightColor(1, 1).A; a != 255 {
		t.Errorf("strongest weight alpha = %d, want opaque", a)
	}
	if a := WeightColor(0, 1).A; a == 0 {
		t.Error("zero weight must stay faintly visible")
	}
	for _, c := range []struct{ w, m float64 }{{math.NaN(), 1}, {1, 0}, {1, math.NaN()}, {math.Inf(1), 1}} {
		got := WeightColor(c.w, c.m)
		if got.R > got.A || got.G > got.A || got.B > got.A {
			t.Errorf("WeightColor(%v, %v) = %v is not a valid premultiplied colour", c.w, c.m, got)
		}
	}
}

func TestWeightWidth(t *testing.T) {
	if got := WeightWidth(0, 1, 1); got != minEdgeWidth {
		t.Errorf("zero width = %v, want %v", got, minEdgeWidth)
	}
	if got := WeightWidth(-2, 1, 2); got != maxEdgeWidth*2 {
		t.Errorf("clamped width at scale 2 = %v, want %v", got, maxEdgeWidth*2)
	}
	if a, b := WeightWidth(0.2, 1, 1), WeightWidth(-0.4, 1, 1); !(a < b) {
		t.Errorf("width not increasing with |w|: %v >= %v", a, b)
	}
	if got := WeightWidth(math.NaN(), 1, 1); got != minEdgeWidth {
		t.Errorf("NaN width = %v", got)
	}
}

func TestActivationColor(t *testing.T) {
	if got := ActivationColor(0); got != Current.Cell {
		t.Errorf("0 → %v, want Cell %v", got, Current.Cell)
	}
	if got := ActivationColor(1); got != Current.Ink {
		t.Errorf("1 → %v, want Ink %v", got, Current.Ink)
	}
	if ActivationColor(-3) != ActivationColor(0) || ActivationColor(9) != ActivationColor(1) {
		t.Error("out-of-range activations are not clamped")
	}
	if ActivationColor(math.NaN()) != ActivationColor(0) {
		t.Error("NaN activation should draw as 0")
	}
}

func TestDivergingAndMaxAbs(t *testing.T) {
	if DivergingColor(0, 1) != Current.Panel || DivergingColor(1, 1) != Current.Positive || DivergingColor(-1, 1) != Current.Negative {
		t.Error("diverging scale endpoints wrong")
	}
	if got := MaxAbs([]float64{1, -3, math.Inf(-1), math.NaN(), 2}); got != 3 {
		t.Errorf("MaxAbs = %v, want 3", got)
	}
}

// TestTextContrast checks WCAG AA (4.5:1) for body text on the surfaces it
// is drawn on, in both themes.
func TestTextContrast(t *testing.T) {
	const aa = 4.5 // WCAG 2.1 §1.4.3, normal text
	for name, th := range map[string]Theme{"light": Light, "dark": Dark} {
		for _, c := range []struct {
			what   string
			fg, bg [3]uint8
		}{
			{"text/panel", rgb3(th.Text), rgb3(th.Panel)},
			{"muted/panel", rgb3(th.Muted), rgb3(th.Panel)},
			{"muted/background", rgb3(th.Muted), rgb3(th.Background)},
			{"text/control", rgb3(th.Text), rgb3(th.ControlHot)},
			{"onaccent/accent", rgb3(th.OnAccent), rgb3(th.Accent)},
			{"error/panel", rgb3(th.Error), rgb3(th.Panel)},
		} {
			if r := contrast(c.fg, c.bg); r < aa {
				t.Errorf("%s %s contrast %.2f < %.1f", name, c.what, r, aa)
			}
		}
	}
}
