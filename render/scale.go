package render

import (
	"image/color"
	"math"
)

// Visual encoding of numbers, kept as data like TensorFlow Playground's
// colour and width scales, so tests can pin them down.

const (
	// minEdgeAlpha keeps the weakest weights faintly visible: an edge that
	// vanished entirely would read as "no connection", which is wrong.
	minEdgeAlpha = 0.12
	// minEdgeWidth and maxEdgeWidth are in device pixels at scale 1.
	minEdgeWidth = 0.6
	maxEdgeWidth = 3.5
)

// magnitude returns |w|/maxAbs clamped to 0..1; NaN and a non-positive
// maxAbs give 0 so bad numbers draw as the faintest edge, never garbage.
func magnitude(w, maxAbs float64) float64 {
	if !(maxAbs > 0) || math.IsNaN(w) {
		return 0
	}
	m := math.Abs(w) / maxAbs
	if m > 1 || math.IsInf(m, 0) {
		return 1
	}
	return m
}

// WeightColor maps a weight to the diverging scale of the current theme:
// Positive for w > 0, Negative for w < 0, with alpha growing with |w|/maxAbs
// from minEdgeAlpha to opaque. The result is premultiplied, like every
// color.RGBA.
func WeightColor(w, maxAbs float64) color.RGBA {
	c := Current.Positive
	if w < 0 {
		c = Current.Negative
	}
	return withAlpha(c, edgeAlpha(magnitude(w, maxAbs)))
}

// edgeAlpha is the opacity of an edge of relative magnitude m in 0..1. A
// power above 1 (m^1.5) keeps the many middling weights of a busy network
// light, so that the strong ones (what the net has learnt) stand out.
func edgeAlpha(m float64) float64 {
	return minEdgeAlpha + (1-minEdgeAlpha)*m*math.Sqrt(m)
}

// WeightWidth returns the stroke width in device pixels for a weight:
// minEdgeWidth..maxEdgeWidth times scale, linear in |w|/maxAbs.
func WeightWidth(w, maxAbs, scale float64) float64 {
	return (minEdgeWidth + (maxEdgeWidth-minEdgeWidth)*magnitude(w, maxAbs)) * scale
}

// ActivationColor maps an activation in 0..1 to a fill from the empty
// Cell colour to Ink, the same scale the grid uses for pixels, so a drawn
// pixel and an active neuron look alike. Values outside 0..1 are clamped;
// NaN draws as 0.
func ActivationColor(a float64) color.RGBA {
	if math.IsNaN(a) {
		a = 0
	}
	return lerpRGBA(Current.Cell, Current.Ink, clamp(a, 0, 1))
}

// DivergingColor maps v in -maxAbs..maxAbs to an opaque colour from Negative
// through Panel (zero) to Positive; heat maps use it because their cells
// sit side by side and need opaque fills.
func DivergingColor(v, maxAbs float64) color.RGBA {
	m := magnitude(v, maxAbs)
	end := Current.Positive
	if v < 0 {
		end = Current.Negative
	}
	return lerpRGBA(Current.Panel, end, m)
}

// MaxAbs returns the largest finite |v| in vs, or 0.
func MaxAbs(vs []float64) float64 {
	m := 0.0
	for _, v := range vs {
		if a := math.Abs(v); a > m && !math.IsInf(a, 0) {
			m = a
		}
	}
	return m
}

func lerpRGBA(a, b color.RGBA, t float64) color.RGBA {
	l := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), l(a.A, b.A)}
}

// withAlpha returns the premultiplied c with its opacity multiplied by f (0..1).
func withAlpha(c color.RGBA, f float64) color.RGBA {
	f = clamp(f, 0, 1)
	m := func(x uint8) uint8 { return uint8(math.Round(float64(x) * f)) }
	return color.RGBA{m(c.R), m(c.G), m(c.B), m(c.A)}
}
