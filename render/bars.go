package render

import (
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
)

// minBarRow is the shortest bar row at scale 1; with less, the bars go
// into two columns so the labels stay legible (10 classes in a short panel).
const minBarRow = 20.0

// DrawBars draws one horizontal bar per class in r: the class name, a
// track, a bar whose length is the probability, and the percentage. The
// most likely class is drawn in the accent colour and bold, so the
// prediction reads at a glance from the back of a classroom.
func DrawBars(dst *ebiten.Image, r Rect, probs []float64, names []string, scale float64) {
	n := len(probs)
	if n == 0 || r.Empty() {
		return
	}
	if scale <= 0 {
		scale = 1
	}
	best := 0
	for i, p := range probs {
		if p > probs[best] || math.IsNaN(probs[best]) {
			best = i
		}
	}
	if n > 2 && r.H/float64(n) < minBarRow*scale {
		half := (n + 1) / 2
		cols := r.Columns(2, 16*scale)
		drawBarRows(dst, cols[0], probs, names, 0, half, half, best, scale)
		drawBarRows(dst, cols[1], probs, names, half, n, half, best, scale)
		return
	}
	drawBarRows(dst, r, probs, names, 0, n, n, best, scale)
}

// drawBarRows draws bars from to to-1 in r, which has room for rows of them.
func drawBarRows(dst *ebiten.Image, r Rect, probs []float64, names []string, from, to, rows, best int, scale float64) {
	t := Current
	rowH := r.H / float64(rows)
	size := math.Min(18*scale, rowH*0.6)
	nameW := 0.0
	for i := range len(probs) {
		w, _ := MeasureBold(barName(names, i), size)
		nameW = math.Max(nameW, w)
	}
	pctW, _ := MeasureBold("100%", size)
	gap := 10 * scale
	for i := from; i < to; i++ {
		p := probs[i]
		if math.IsNaN(p) {
			p = 0
		}
		p = clamp(p, 0, 1)
		row := Rect{r.X, r.Y + rowH*float64(i-from), r.W, rowH}
		nameR, rest := row.SplitLeft(nameW + gap)
		pctR, track := rest.SplitRight(pctW + gap)
		bold := i == best
		txt := t.Text
		TextIn(dst, nameR, barName(names, i), size, txt, AlignLeft, true)
		bh := math.Min(rowH*0.6, 28*scale)
		tr := Rect{track.X, track.Y + (rowH-bh)/2, track.W, bh}
		rad := math.Min(bh/2, 6*scale)
		fillRoundRect(dst, tr, rad, t.Cell)
		fill := t.Muted
		if bold {
			fill = t.Accent
		}
		if w := BarLength(p, tr.W); w >= 1 {
			fillRoundRect(dst, Rect{tr.X, tr.Y, w, tr.H}, math.Min(rad, w/2), fill)
		}
		TextIn(dst, pctR, i18n.Sprintf("%.0f%%", 100*p), size, txt, AlignRight, bold)
	}
}

// BarLength is the drawn length of a probability bar on a track of width
// w: proportional, clamped to the track; NaN is empty.
func BarLength(p, w float64) float64 {
	if math.IsNaN(p) {
		return 0
	}
	return clamp(p, 0, 1) * math.Max(w, 0)
}

func barName(names []string, i int) string {
	if i < len(names) && names[i] != "" {
		return names[i]
	}
	return strconv.Itoa(i)
}
