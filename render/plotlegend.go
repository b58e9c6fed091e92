package render

import (
	"github.com/hajimehoshi/ebiten/v2"
)

// legendSample is the length of a legend's line sample at scale 1.
const legendSample = 22.0

// PlotLegendWidth is the width DrawPlotLegend needs for the named series.
func PlotLegendWidth(series []Series, scale float64) float64 {
	size := SmallSize * scale
	w := 0.0
	for _, s := range series {
		if s.Name == "" {
			continue
		}
		nw, _ := MeasureText(s.Name, size)
		if w > 0 {
			w += 14 * scale
		}
		w += legendSample*scale + 6*scale + nw
	}
	return w
}

// DrawPlotLegend writes the names of the named series with line samples
// (dashed for the second series, as in DrawPlot), right-aligned in r: on
// one line when they fit r's width, else one series a line.
func DrawPlotLegend(dst *ebiten.Image, r Rect, series []Series, scale float64) {
	if scale <= 0 {
		scale = 1
	}
	size := SmallSize * scale
	lh := LineHeight(size)
	oneLine := PlotLegendWidth(series, scale) <= r.W
	x, y := r.X+r.W, r.Y
	if oneLine {
		y = r.Y + (r.H-lh)/2
	}
	for i := len(series) - 1; i >= 0; i-- {
		s := series[i]
		if s.Name == "" {
			continue
		}
		if !oneLine {
			x = r.X + r.W
			y = r.Y + lh*float64(namedBefore(series, i))
		}
		x = drawLegendEntry(dst, x, y, lh, s, i%2 == 1, scale)
	}
}

// namedBefore counts the named series before index i.
func namedBefore(series []Series, i int) int {
	n := 0
	for _, s := range series[:i] {
		if s.Name != "" {
			n++
		}
	}
	return n
}

// drawLegendEntry draws one legend entry ending at x on the line at y and
// returns where the entry before it should end.
func drawLegendEntry(dst *ebiten.Image, x, y, lh float64, s Series, dashed bool, scale float64) float64 {
	size := SmallSize * scale
	sample := legendSample * scale
	w, _ := MeasureText(s.Name, size)
	x -= w
	TextIn(dst, Rect{x, y, w, lh}, s.Name, size, Current.Text, AlignLeft, false)
	x -= sample + 6*scale
	lineSample(dst, x, y+lh/2, sample, 2.5*scale, toRGBA(s.Color), dashed, scale*0.6)
	return x - 14*scale
}
