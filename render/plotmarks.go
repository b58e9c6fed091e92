package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// The snapshot marks of a plot (time travel): diamonds under the epoch
// axis, each with a strip a click or a tap lands in.

// markR is a snapshot mark's radius at scale 1, and markHit the half width
// of the strip a click on it may land in.
const (
	markR   = 4
	markHit = 12
)

// drawMarks draws a diamond on the axis line at each snapshot epoch.
func (p *Plot) drawMarks(dst *ebiten.Image, frame Rect, ax epochAxis, scale float64) {
	if len(p.Marks) == 0 {
		return
	}
	b := &scratch
	b.aa = true
	rad := markR * scale
	y := frame.Y + frame.H + rad // under the axis line, clear of a curve lying on it
	last := math.Inf(-1)
	for i, e := range p.Marks {
		x := ax.xAt(frame, float64(e))
		if x-last < 2.5*rad && i < len(p.Marks)-1 {
			continue // crowded (a long run): one diamond stands for those it touches; each still has its click strip
		}
		last = x
		b.pts = append(b.pts[:0], pt{x, y - rad}, pt{x + rad, y}, pt{x, y + rad}, pt{x - rad, y})
		b.fillPoly(dst, Current.Accent)
	}
	b.flush(dst)
}

// MarkRects are the places a click on a snapshot mark lands, one per
// p.Marks (an empty Rect for none when nothing is plotted yet): a strip
// from the frame's lower part down through the axis labels.
func (p *Plot) MarkRects(r Rect, scale float64) []Rect {
	if scale <= 0 {
		scale = 1
	}
	ax, ok := p.axis()
	out := make([]Rect, len(p.Marks))
	if !ok {
		return out
	}
	g := p.geom(r, scale)
	y := g.frame.Y + g.frame.H
	for i, e := range p.Marks {
		x := ax.xAt(g.frame, float64(e))
		out[i] = Rect{x - markHit*scale, y - 2*markHit*scale, 2 * markHit * scale, 2*markHit*scale + g.lh}
	}
	return out
}
