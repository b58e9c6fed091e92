package render

import (
	"image/color"
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"
)

// Series is one curve of a plot, one value per epoch. NaN values leave a gap.
type Series struct {
	Name   string
	Color  color.Color
	Values []float64
}

// DrawPlot draws a line chart of series over epochs in r with the title on
// top, a legend, y gridlines at yMin, the middle and yMax, and the epoch
// count on the x axis. The second series (validation, by convention) is
// dashed so curves are told apart without colour. Values outside
// yMin..yMax are clamped to the frame.
func DrawPlot(dst *ebiten.Image, r Rect, title string, series []Series, yMin, yMax float64, scale float64) {
	if scale <= 0 {
		scale = 1
	}
	if !(yMax > yMin) {
		yMax = yMin + 1
	}
	t := Current
	size := SmallSize * scale
	lh := LineHeight(size)
	top, body := r.SplitTop(LineHeight(BodySize*scale) + 4*scale)
	if title != "" {
		TextIn(dst, top, title, BodySize*scale, t.Text, AlignLeft, true)
	}
	drawPlotLegend(dst, top, series, scale)

	axisW, _ := MeasureText(fmtTick(yMax), size)
	axisW = math.Max(axisW, func() float64 { w, _ := MeasureText(fmtTick(yMin), size); return w }()) + 6*scale
	_, body = body.SplitLeft(axisW)
	frame, xAxis := body.SplitTop(body.H - lh)
	frame = frame.InsetXY(0, lh/2)

	n := 0
	for _, s := range series {
		n = max(n, len(s.Values))
	}
	b := &scratch
	b.aa = false
	for k := range 3 {
		v := yMin + (yMax-yMin)*float64(k)/2
		y := math.Round(plotY(frame, v, yMin, yMax))
		b.rect(dst, Rect{frame.X, y, frame.W, math.Max(1, scale)}, t.PanelBorder)
	}
	b.flush(dst)
	for k := range 3 {
		v := yMin + (yMax-yMin)*float64(k)/2
		Text(dst, fmtTick(v), frame.X-6*scale, plotY(frame, v, yMin, yMax)-lh/2, size, t.Muted, AlignRight)
	}
	if n == 0 {
		TextIn(dst, frame, "No epochs yet — train to see curves", size, t.Muted, AlignCenter, false)
		return
	}
	Text(dst, "epoch 1", frame.X, xAxis.Y, size, t.Muted, AlignLeft)
	if n > 1 {
		Text(dst, strconv.Itoa(n), frame.X+frame.W, xAxis.Y, size, t.Muted, AlignRight)
	}

	b.aa = true
	lw := math.Max(1.5, 2.5*scale)
	for si, s := range series {
		c := toRGBA(s.Color)
		for i := 1; i < len(s.Values); i++ {
			a, e := s.Values[i-1], s.Values[i]
			if math.IsNaN(a) || math.IsNaN(e) {
				continue
			}
			x0, y0 := plotX(frame, i-1, n), plotY(frame, a, yMin, yMax)
			x1, y1 := plotX(frame, i, n), plotY(frame, e, yMin, yMax)
			if si%2 == 1 {
				dashedLine(dst, b, x0, y0, x1, y1, lw, c, scale)
			} else {
				b.line(dst, x0, y0, x1, y1, lw, c)
			}
		}
		if len(s.Values) > 0 { // a dot on the latest value
			i := len(s.Values) - 1
			if v := s.Values[i]; !math.IsNaN(v) {
				b.circlePts(plotX(frame, i, n), plotY(frame, v, yMin, yMax), lw*1.6)
				b.fillPoly(dst, c)
			}
		}
	}
	b.flush(dst)
}

// plotX places value i of n across the frame (a single value sits in the middle).
func plotX(f Rect, i, n int) float64 {
	if n <= 1 {
		return f.X + f.W/2
	}
	return f.X + f.W*float64(i)/float64(n-1)
}

// plotY maps v to the frame, clamped, with yMax at the top.
func plotY(f Rect, v, yMin, yMax float64) float64 {
	t := clamp((v-yMin)/(yMax-yMin), 0, 1)
	return f.Y + f.H*(1-t)
}

func fmtTick(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e6 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 2, 64)
}

// dashedLine strokes a dashed segment into b. The dash phase restarts per
// segment, which is invisible for the short segments of a plot.
func dashedLine(dst *ebiten.Image, b *batch, x0, y0, x1, y1, w float64, c color.RGBA, scale float64) {
	l := math.Hypot(x1-x0, y1-y0)
	if l == 0 {
		return
	}
	ux, uy := (x1-x0)/l, (y1-y0)/l
	dashSpans(l, scale, func(a, e float64) {
		b.line(dst, x0+ux*a, y0+uy*a, x0+ux*e, y0+uy*e, w, c)
	})
}

// drawPlotLegend writes the series names with line samples at the right of r.
func drawPlotLegend(dst *ebiten.Image, r Rect, series []Series, scale float64) {
	size := SmallSize * scale
	sample := 22 * scale
	x := r.X + r.W
	for i := len(series) - 1; i >= 0; i-- {
		s := series[i]
		w, _ := MeasureText(s.Name, size)
		x -= w
		TextIn(dst, Rect{x, r.Y, w, r.H}, s.Name, size, Current.Text, AlignLeft, false)
		x -= sample + 6*scale
		cy := r.Y + r.H/2
		b := &scratch
		b.aa = true
		if i%2 == 1 {
			dashedLine(dst, b, x, cy, x+sample, cy, 2.5*scale, toRGBA(s.Color), scale*0.6)
		} else {
			b.line(dst, x, cy, x+sample, cy, 2.5*scale, toRGBA(s.Color))
		}
		b.flush(dst)
		x -= 14 * scale
	}
}
