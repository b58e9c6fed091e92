package render

import (
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
)

// logAfter is how long a run (last epoch over first) is drawn on a linear
// axis: past it the first epochs, where most of the learning happens, would
// be squeezed into a sliver, so the axis turns logarithmic.
const logAfter = 64

// epochAxis places epochs across a plot's frame.
type epochAxis struct {
	first, last float64
	log         bool
}

func newEpochAxis(first, last int) epochAxis {
	a := epochAxis{first: float64(first), last: float64(last)}
	a.log = a.first >= 1 && a.last > logAfter*a.first
	return a
}

// epochAt is value i's epoch when epochs lists them (nil: value i is
// epoch i+1).
func epochAt(epochs []int, i int) int {
	if epochs == nil || i >= len(epochs) {
		return i + 1
	}
	return epochs[i]
}

// frac is where epoch e lies from first (0) to last (1), clamped: a mark
// at epoch 0 (the start) sits at the axis's left end.
func (a epochAxis) frac(e float64) float64 {
	var f float64
	switch {
	case a.last <= a.first:
		return 0.5
	case a.log:
		f = math.Log(math.Max(e, a.first)/a.first) / math.Log(a.last/a.first)
	default:
		f = (e - a.first) / (a.last - a.first)
	}
	return clamp(f, 0, 1)
}

// xAt is epoch e's x in f.
func (a epochAxis) xAt(f Rect, e float64) float64 { return f.X + f.W*a.frac(e) }

// draw labels the axis under f at y: the first and last epochs, and on a
// logarithmic axis the powers of ten between them where they have room.
func (a epochAxis) draw(dst *ebiten.Image, f Rect, y, size, scale float64) {
	t := Current
	firstText, lastText := i18n.Sprintf("epoch %d", int(a.first)), strconv.Itoa(int(a.last))
	Text(dst, firstText, f.X, y, size, t.Muted, AlignLeft)
	if a.last <= a.first {
		return
	}
	Text(dst, lastText, f.X+f.W, y, size, t.Muted, AlignRight)
	if !a.log {
		return
	}
	fw, _ := MeasureText(firstText, size)
	lw, _ := MeasureText(lastText, size)
	left, right := f.X+fw+6*scale, f.X+f.W-lw-6*scale
	for p := 10.0; p < a.last; p *= 10 {
		if p <= a.first {
			continue
		}
		x := f.X + f.W*a.frac(p)
		text := strconv.Itoa(int(p))
		if w, _ := MeasureText(text, size); x-w/2 > left && x+w/2 < right {
			Text(dst, text, x, y, size, t.Muted, AlignCenter)
			left = x + w/2 + 6*scale
		}
		fillRect(dst, Rect{x - 0.5*scale, f.Y + f.H - 4*scale, math.Max(1, scale), 4 * scale}, t.PanelBorder)
	}
}
