package render

import (
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
)

// SweepChart is a hidden-size sweep as the chart shows it: one column per
// size tried (Sizes, ascending), the rows finished so far (value i of each
// series belongs to Sizes[i]; NaN: none, or no validation set), the sizes
// to mark (the talk's 24 and 40) and the user's own.
type SweepChart struct {
	Sizes              []int
	TrainAcc, ValAcc   []float64
	TrainLoss, ValLoss []float64
	Marked             []int
	Own                int
	Current            int // the size being trained, 0 when none
}

// DrawSweep draws accuracy and loss against the hidden size side by side,
// the training set solid and the validation set dashed, as the curves are;
// the marked sizes get a line, the user's its label in the accent colour,
// and the size being trained a dot on the axis.
func DrawSweep(dst *ebiten.Image, r Rect, c *SweepChart, scale float64) {
	th := Current
	lh := LineHeight(SmallSize * scale)
	legend := []Series{{Name: i18n.T("train"), Color: th.Train}, {Name: i18n.T("validation"), Color: th.Val}}
	head, body := r.SplitTop(lh + 4*scale)
	DrawPlotLegend(dst, head, legend, scale)
	cols := body.Columns(2, 14*scale)
	top := 1.0
	for _, v := range append(append([]float64(nil), c.TrainLoss...), c.ValLoss...) {
		if !math.IsNaN(v) {
			top = math.Max(top, v)
		}
	}
	top = math.Min(math.Ceil(top*2)/2, 10)
	drawSweepPanel(dst, cols[0], i18n.T("Accuracy"), c, c.TrainAcc, c.ValAcc, 1, scale)
	drawSweepPanel(dst, cols[1], i18n.T("Loss"), c, c.TrainLoss, c.ValLoss, top, scale)
}

func drawSweepPanel(dst *ebiten.Image, r Rect, title string, c *SweepChart, train, val []float64, top, scale float64) {
	th := Current
	size := SmallSize * scale
	lh := LineHeight(size)
	titleRow, body := r.SplitTop(LineHeight(BodySize*scale) + 2*scale)
	TextIn(dst, titleRow, title, BodySize*scale, th.Text, AlignLeft, true)
	axisW, _ := MeasureText(fmtTick(top/2), size)
	_, body = body.SplitLeft(axisW + 6*scale)
	frame, xAxis := body.SplitTop(body.H - 2*lh)
	frame = frame.InsetXY(8*scale, lh/2)
	for k := range 3 {
		v := top * float64(k) / 2
		y := math.Round(plotY(frame, v, 0, top))
		fillRect(dst, Rect{frame.X - 8*scale, y, frame.W + 16*scale, math.Max(1, scale)}, th.PanelBorder)
		Text(dst, fmtTick(v), frame.X-14*scale, y-lh/2, size, th.Muted, AlignRight)
	}
	n := len(c.Sizes)
	if n == 0 {
		return
	}
	x := func(i int) float64 {
		if n == 1 {
			return frame.X + frame.W/2
		}
		return frame.X + frame.W*float64(i)/float64(n-1)
	}
	for i, h := range c.Sizes {
		clr := th.Muted
		for _, m := range c.Marked {
			if m == h {
				fillRect(dst, Rect{x(i) - 0.5*scale, frame.Y, math.Max(1, scale), frame.H}, th.PanelBorder)
			}
		}
		if h == c.Own {
			clr = th.Accent
		}
		Text(dst, strconv.Itoa(h), x(i), xAxis.Y, size, clr, AlignCenter)
		if h == c.Current { // under its label, not on the axis where it would read as a 0
			fillCircle(dst, x(i), xAxis.Y+lh+2*scale, 3*scale, th.Accent)
		}
	}
	Text(dst, i18n.T("hidden neurons"), frame.X+frame.W/2, xAxis.Y+lh, size, th.Muted, AlignCenter)
	lw := math.Max(1.5, 2.5*scale)
	b := &scratch
	b.aa = true
	for si, vals := range [][]float64{train, val} {
		clr := toRGBA(th.Train)
		if si == 1 {
			clr = toRGBA(th.Val)
		}
		for i := range vals {
			if math.IsNaN(vals[i]) {
				continue
			}
			px, py := x(i), plotY(frame, vals[i], 0, top)
			if i > 0 && !math.IsNaN(vals[i-1]) {
				qx, qy := x(i-1), plotY(frame, vals[i-1], 0, top)
				if si == 1 {
					dashedLine(dst, b, qx, qy, px, py, lw, clr, scale)
				} else {
					b.line(dst, qx, qy, px, py, lw, clr)
				}
			}
			b.circlePts(px, py, lw*1.3)
			b.fillPoly(dst, clr)
		}
	}
	b.flush(dst)
}
