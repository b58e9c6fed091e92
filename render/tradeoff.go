package render

import (
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
)

// Tradeoff is the checkpoint trade-off chart's data: for each snapshot
// interval K (epochs, rising), the share of training time spent taking
// snapshots and the share lost to failures, and the intervals to mark.
type Tradeoff struct {
	K, Snap, Lost []float64
	Best          float64 // the sweet spot (Young's K*); 0: none
	Every         float64 // the interval in use
}

// tradeoffKMin and tradeoffKMax span the chart's logarithmic K axis.
const (
	tradeoffKMin = 0.1
	tradeoffKMax = 1000
)

// DrawTradeoff draws the total overhead against the interval (bold), its
// two parts (snapshots dashed in the training colour, lost work in the
// validation colour), a line at the sweet spot and a dot at the interval in
// use, with a legend on top. The y axis runs from 0 to a round share
// above twice the least total, so the valley fills the chart.
func DrawTradeoff(dst *ebiten.Image, r Rect, t *Tradeoff, scale float64) {
	th := Current
	size := SmallSize * scale
	lh := LineHeight(size)
	if len(t.K) == 0 {
		drawPlotEmpty(dst, r, i18n.T("Train a few epochs: the chart needs this machine's time per epoch."), scale)
		return
	}
	total := make([]float64, len(t.K))
	least := math.Inf(1)
	for i := range t.K {
		total[i] = t.Snap[i] + t.Lost[i]
		least = math.Min(least, total[i])
	}
	now := 0.0 // the total at the interval in use, so its dot is on the chart
	if t.Every > 0 {
		i := nearestK(t.K, t.Every)
		now = total[i]
	}
	top := niceShare(math.Max(math.Max(2.2*least, 1.15*now), 0.001))
	legend := []Series{{Name: i18n.T("total"), Color: th.Text}, {Name: i18n.T("taking snapshots"), Color: th.Train}, {Name: i18n.T("work lost to crashes"), Color: th.Val}}
	rows := 1.0
	if PlotLegendWidth(legend, scale) > r.W { // one entry a line
		rows = float64(len(legend))
	}
	head, body := r.SplitTop(rows*lh + 4*scale)
	DrawPlotLegend(dst, head, legend, scale)
	axisW, _ := MeasureText(shareText(top), size)
	_, body = body.SplitLeft(axisW + 6*scale)
	frame, xAxis := body.SplitTop(body.H - lh)
	frame = frame.InsetXY(0, lh/2)
	x := func(k float64) float64 {
		f := math.Log10(k/tradeoffKMin) / math.Log10(tradeoffKMax/tradeoffKMin)
		return frame.X + frame.W*clamp(f, 0, 1)
	}
	drawTradeoffAxes(dst, frame, xAxis, top, x, scale)
	drawSweetSpot(dst, frame, t.Best, x, scale)
	lw := math.Max(1.5, 2.5*scale)
	b := &scratch
	b.aa = true
	lines := []struct {
		v      []float64
		c      Series
		dashed bool
		w      float64
	}{{t.Snap, legend[1], true, lw * 0.8}, {t.Lost, legend[2], false, lw * 0.8}, {total, legend[0], false, lw}}
	for _, ln := range lines {
		c := toRGBA(ln.c.Color)
		for i := 1; i < len(t.K); i++ {
			if ln.v[i-1] > top || ln.v[i] > top {
				continue // off the chart: no line along its top edge
			}
			x0, y0 := x(t.K[i-1]), plotY(frame, ln.v[i-1], 0, top)
			x1, y1 := x(t.K[i]), plotY(frame, ln.v[i], 0, top)
			if ln.dashed {
				dashedLine(dst, b, x0, y0, x1, y1, ln.w, c, scale)
			} else {
				b.line(dst, x0, y0, x1, y1, ln.w, c)
			}
		}
	}
	b.flush(dst)
	if i := nearestK(t.K, t.Every); t.Every > 0 && total[i] <= top {
		dx, dy := x(t.K[i]), plotY(frame, total[i], 0, top)
		fillCircle(dst, dx, dy, lw*2, th.Accent)
		label := i18n.Sprintf("yours: every %s", i18n.Float(t.Every, -1))
		w, _ := MeasureText(label, size)
		lx := math.Min(dx+6*scale, frame.X+frame.W-w)
		Text(dst, label, lx, math.Min(dy+4*scale, frame.Y+frame.H-lh-2*scale), size, th.Accent, AlignLeft)
	}
}

// nearestK is the index of the interval in ks closest to k on a log scale.
func nearestK(ks []float64, k float64) int {
	best := 0
	for i := range ks {
		if math.Abs(math.Log(ks[i]/k)) < math.Abs(math.Log(ks[best]/k)) {
			best = i
		}
	}
	return best
}

// kDigits is how many decimals an interval needs to read well: "2.4", "37".
func kDigits(k float64) int {
	if k < 10 {
		return 1
	}
	return 0
}

// niceShare rounds a share up to 1, 2 or 5 times a power of ten.
func niceShare(v float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// shareText writes a share of time as a percentage: "2%", "0.5%" ("0,5%"
// in German).
func shareText(v float64) string {
	return localDecimal(strconv.FormatFloat(100*v, 'g', 3, 64)) + "%"
}

// drawTradeoffAxes draws the share gridlines with their labels left of
// frame and the intervals under it, x placing an interval.
func drawTradeoffAxes(dst *ebiten.Image, frame, xAxis Rect, top float64, x func(float64) float64, scale float64) {
	th := Current
	size := SmallSize * scale
	lh := LineHeight(size)
	for k := range 3 {
		v := top * float64(k) / 2
		y := math.Round(plotY(frame, v, 0, top))
		fillRect(dst, Rect{frame.X, y, frame.W, math.Max(1, scale)}, th.PanelBorder)
		Text(dst, shareText(v), frame.X-6*scale, y-lh/2, size, th.Muted, AlignRight)
	}
	for _, k := range []float64{0.1, 1, 10, 100, 1000} {
		text := i18n.Float(k, -1)
		if k == 1 {
			text = i18n.T("1 epoch")
		}
		align := AlignCenter
		switch k {
		case tradeoffKMin:
			align = AlignLeft
		case tradeoffKMax:
			align = AlignRight
		}
		Text(dst, text, x(k), xAxis.Y, size, th.Muted, align)
	}
}

// drawSweetSpot marks interval best with a line and its label, on the side
// with room.
func drawSweetSpot(dst *ebiten.Image, frame Rect, best float64, x func(float64) float64, scale float64) {
	th := Current
	size := SmallSize * scale
	if best < tradeoffKMin || best > tradeoffKMax {
		return
	}
	bx := x(best)
	fillRect(dst, Rect{bx - 0.5*scale, frame.Y, math.Max(1, scale), frame.H}, th.Accent)
	label := i18n.Sprintf("sweet spot ≈ %s", i18n.Float(best, kDigits(best)))
	align := AlignLeft
	if bx > frame.X+frame.W*0.6 {
		align = AlignRight
	}
	lx := bx + 4*scale
	if align == AlignRight {
		lx = bx - 4*scale
	}
	Text(dst, label, lx, frame.Y, size, th.Accent, align)
}
