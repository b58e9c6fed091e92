package render

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
)

// Series is one curve of a plot, one value per epoch. NaN values leave a gap.
type Series struct {
	Name   string
	Color  color.Color
	Values []float64
}

// DrawPlot draws a line chart of series over epochs in r with the title on
// top, a legend, y gridlines at yMin, the middle and yMax, and the epochs
// on the x axis: epochs[i] is the epoch of every series' value i (nil: 1,
// 2, …), so a long run whose later epochs were thinned is drawn to scale,
// on a logarithmic axis once it is long (see epochAxis). The second series
// (validation, by convention) is dashed so curves are told apart without
// colour. Values outside yMin..yMax are clamped to the frame.
//
// The legend lists the series that have a Name: beside the title when both
// fit on one line, else on a row of its own under it. Callers that show
// several plots of the same series can leave the names empty and draw one
// shared legend with DrawPlotLegend. With no values yet the frame shows
// empty, wrapped to fit ("" for a "train to see curves" note).
func DrawPlot(dst *ebiten.Image, r Rect, title string, series []Series, epochs []int, yMin, yMax float64, empty string, scale float64) {
	p := Plot{Title: title, Series: series, Epochs: epochs, YMin: yMin, YMax: yMax, Empty: empty}
	p.Draw(dst, r, scale)
}

// Plot is a chart DrawPlot draws, with what time travel adds: the curves
// of a branch left behind by a rewind, drawn faint over their own epochs,
// and marks under the axis at the epochs of the snapshots.
type Plot struct {
	Title       string
	Series      []Series
	Epochs      []int
	Ghost       []Series // faint; value i at GhostEpochs[i]
	GhostEpochs []int
	Marks       []int // snapshot epochs
	YMin, YMax  float64
	Empty       string
}

// plotGeom is where a plot's parts go in its rectangle.
type plotGeom struct {
	body, frame, xAxis Rect
	size, lh           float64
}

func (p *Plot) geom(r Rect, scale float64) plotGeom {
	g := plotGeom{size: SmallSize * scale}
	g.lh = LineHeight(g.size)
	body := plotHeaderRect(r, p.Title, p.Series, scale)
	axisW := 0.0
	for k := range 3 {
		w, _ := MeasureText(fmtTick(p.YMin+(p.YMax-p.YMin)*float64(k)/2), g.size)
		axisW = math.Max(axisW, w)
	}
	_, body = body.SplitLeft(axisW + 6*scale)
	body.W -= math.Max(1.5, 2.5*scale) * 2 // room for the dot on the latest value
	g.frame, g.xAxis = body.SplitTop(body.H - g.lh)
	g.frame = g.frame.InsetXY(0, g.lh/2)
	g.body = body
	return g
}

// Draw draws the plot in r.
func (p *Plot) Draw(dst *ebiten.Image, r Rect, scale float64) {
	if scale <= 0 {
		scale = 1
	}
	if !(p.YMax > p.YMin) {
		p.YMax = p.YMin + 1
	}
	t := Current
	plotHeader(dst, r, p.Title, p.Series, scale)
	g := p.geom(r, scale)
	frame, yMin, yMax := g.frame, p.YMin, p.YMax
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
		Text(dst, fmtTick(v), frame.X-6*scale, plotY(frame, v, yMin, yMax)-g.lh/2, g.size, t.Muted, AlignRight)
	}
	ax, ok := p.axis()
	if !ok {
		drawPlotEmpty(dst, frame, p.Empty, scale)
		return
	}
	ax.draw(dst, frame, g.xAxis.Y, g.size, scale)
	lw := math.Max(1.5, 2.5*scale)
	if len(p.Ghost) > 0 {
		drawSeries(dst, frame, p.Ghost, p.GhostEpochs, ax, yMin, yMax, lw*0.8, scale, true)
	}
	drawSeries(dst, frame, p.Series, p.Epochs, ax, yMin, yMax, lw, scale, false)
	p.drawMarks(dst, frame, ax, scale)
}

// axis is the epoch axis over the series and the ghost; false if there is
// nothing to plot.
func (p *Plot) axis() (epochAxis, bool) {
	n, gn := maxLen(p.Series), maxLen(p.Ghost)
	if n == 0 {
		return epochAxis{}, false
	}
	first, last := epochAt(p.Epochs, 0), epochAt(p.Epochs, n-1)
	if gn > 0 {
		last = max(last, epochAt(p.GhostEpochs, gn-1))
	}
	return newEpochAxis(first, last), true
}

func maxLen(series []Series) int {
	n := 0
	for _, s := range series {
		n = max(n, len(s.Values))
	}
	return n
}

// plotHeader draws a plot's title and legend at the top of r.
func plotHeader(dst *ebiten.Image, r Rect, title string, series []Series, scale float64) {
	top, _ := r.SplitTop(LineHeight(BodySize*scale) + 4*scale)
	if title != "" {
		TextIn(dst, top, ellipsizeBold(title, BodySize*scale, top.W), BodySize*scale, Current.Text, AlignLeft, true)
	}
	if PlotLegendWidth(series, scale) <= 0 {
		return
	}
	if below, rows := legendBelow(r, title, series, scale); rows > 0 {
		top = below
	}
	DrawPlotLegend(dst, top, series, scale)
}

// plotHeaderRect is what the title and legend leave of r for the plot.
func plotHeaderRect(r Rect, title string, series []Series, scale float64) Rect {
	_, body := r.SplitTop(LineHeight(BodySize*scale) + 4*scale)
	if _, rows := legendBelow(r, title, series, scale); rows > 0 {
		_, body = body.SplitTop(float64(rows)*LineHeight(SmallSize*scale) + 2*scale)
	}
	return body
}

// legendBelow is the legend's place when it does not fit beside the title:
// a row (or one a series) under it; rows is 0 when it fits beside.
func legendBelow(r Rect, title string, series []Series, scale float64) (Rect, int) {
	lw := PlotLegendWidth(series, scale)
	if lw <= 0 || title == "" {
		return Rect{}, 0
	}
	titleW, _ := MeasureBold(title, BodySize*scale)
	if titleW+12*scale+lw <= r.W {
		return Rect{}, 0
	}
	rows := 1
	if lw > r.W { // one series a line
		rows = 0
		for _, s := range series {
			if s.Name != "" {
				rows++
			}
		}
	}
	_, body := r.SplitTop(LineHeight(BodySize*scale) + 4*scale)
	top, _ := body.SplitTop(float64(rows)*LineHeight(SmallSize*scale) + 2*scale)
	return top, rows
}

// drawSeries draws each series as a line across frame (every second one
// dashed), value i at epoch epochs[i] (nil: i+1), with a dot on its latest
// value; faint ones (a ghost) are half transparent and without the dot.
func drawSeries(dst *ebiten.Image, frame Rect, series []Series, epochs []int, ax epochAxis, yMin, yMax, lw, scale float64, faint bool) {
	b := &scratch
	b.aa = true
	for si, s := range series {
		c := toRGBA(s.Color)
		if faint {
			c = color.RGBA{c.R / 3, c.G / 3, c.B / 3, c.A / 3} // premultiplied: a third of the colour
		}
		x := func(i int) float64 { return ax.xAt(frame, float64(epochAt(epochs, i))) }
		for i := 1; i < len(s.Values); i++ {
			a, e := s.Values[i-1], s.Values[i]
			if math.IsNaN(a) || math.IsNaN(e) {
				continue
			}
			x0, y0 := x(i-1), plotY(frame, a, yMin, yMax)
			x1, y1 := x(i), plotY(frame, e, yMin, yMax)
			if si%2 == 1 {
				dashedLine(dst, b, x0, y0, x1, y1, lw, c, scale)
			} else {
				b.line(dst, x0, y0, x1, y1, lw, c)
			}
		}
		if i := len(s.Values) - 1; i >= 0 && !faint { // a dot on the latest value
			if v := s.Values[i]; !math.IsNaN(v) {
				b.circlePts(x(i), plotY(frame, v, yMin, yMax), lw*1.6)
				b.fillPoly(dst, c)
			}
		}
	}
	b.flush(dst)
}

// plotY maps v to the frame, clamped, with yMax at the top.
func plotY(f Rect, v, yMin, yMax float64) float64 {
	t := clamp((v-yMin)/(yMax-yMin), 0, 1)
	return f.Y + f.H*(1-t)
}

// fmtTick writes an axis value: an integer as one, else two significant
// digits, with the language's decimal separator ("0,5" in German).
func fmtTick(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e6 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return localDecimal(strconv.FormatFloat(v, 'g', 2, 64))
}

// localDecimal writes the decimal point of a number strconv formatted the
// way the language in use does (i18n.Float's separator).
func localDecimal(s string) string {
	if sep := decimalSep(); sep != "." {
		return strings.Replace(s, ".", sep, 1)
	}
	return s
}

// decimalSep is the language's decimal separator, as i18n.Float writes it.
func decimalSep() string { return strings.Trim(i18n.Float(0, 1), "0") }

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

// plotEmptyNote is what an empty plot says, in the language in use.
func plotEmptyNote() string { return i18n.T("No epochs yet — train to see curves") }

// drawPlotEmpty writes plotEmptyNote in the middle of frame, wrapped to its
// width, on a panel-coloured backdrop so the gridline does not cross it.
// Lines that do not fit the frame's height are dropped, the last one shown
// ending in "…".
func drawPlotEmpty(dst *ebiten.Image, frame Rect, note string, scale float64) {
	if note == "" {
		note = plotEmptyNote()
	}
	size := SmallSize * scale
	lh := LineHeight(size)
	maxW := frame.W - 8*scale
	if maxW < size || frame.H < lh*0.8 {
		return
	}
	lines := WrapText(note, size, maxW)
	fit := max(int(frame.H/lh), 1)
	if len(lines) > fit {
		noteCut(note)
		lines = lines[:fit]
		lines[fit-1] = Ellipsize(lines[fit-1]+"…", size, maxW)
	}
	w := 0.0
	for i, ln := range lines {
		lines[i] = Ellipsize(ln, size, maxW)
		lw, _ := MeasureText(lines[i], size)
		w = math.Max(w, lw)
	}
	h := lh * float64(len(lines))
	cx, cy := frame.Center()
	fillRect(dst, Rect{cx - w/2 - 4*scale, cy - h/2, w + 8*scale, h}, Current.Panel)
	for i, ln := range lines {
		Text(dst, ln, cx, cy-h/2+lh*float64(i), size, Current.Muted, AlignCenter)
	}
}
