package render

import (
	"fmt"
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"
)

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
	t := Current
	best := 0
	for i, p := range probs {
		if p > probs[best] || math.IsNaN(probs[best]) {
			best = i
		}
	}
	rowH := r.H / float64(n)
	size := math.Min(18*scale, rowH*0.55)
	nameW, pctW := 0.0, 0.0
	for i := range n {
		w, _ := MeasureBold(barName(names, i), size)
		nameW = math.Max(nameW, w)
	}
	pctW, _ = MeasureBold("100%", size)
	gap := 10 * scale
	for i, p := range probs {
		if math.IsNaN(p) {
			p = 0
		}
		p = clamp(p, 0, 1)
		row := Rect{r.X, r.Y + rowH*float64(i), r.W, rowH}
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
		TextIn(dst, pctR, fmt.Sprintf("%.0f%%", 100*p), size, txt, AlignRight, bold)
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
