package app

import (
	"fmt"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/render"
)

// Thumbnail sizes in CSS pixels: as large as fits, never smaller than
// minThumb (below that a 9×9 drawing is unreadable; the strip scrolls).
const (
	maxThumb   = 40
	minThumb   = 16
	thumbGap   = 3
	classLabel = 20 // width of the class name at the start of each row
	// imbalance: a class with fewer than this share of the largest one
	// gets a warning (the network would learn to favour the big class).
	imbalance = 0.6
)

// collection is the dataset strip: thumbnails by class with counts and a
// balance warning; tap one to load it onto the grid.
type collection struct {
	thumbs []thumb
	rows   []rowLabel
	more   int // samples not shown (the strip is full)
}

type thumb struct {
	index int
	r     render.Rect
}

type rowLabel struct {
	class int
	r     render.Rect
}

func (c *collection) update(g *Game, in *Input) {
	p, ok := in.Tapped()
	if !ok || !g.lay.Strip.Contains(p.X, p.Y) {
		return
	}
	for _, t := range c.thumbs {
		if t.r.Contains(p.X, p.Y) {
			g.s.Select(t.index)
			return
		}
	}
}

// arrange places the thumbnails for this tick (Update work: Draw reads
// it). Each class gets a group of rows with its name; groups sit side by
// side when there are more classes than rows. A group too small for its
// class shows the newest drawings (the ones a student just added), or the
// window around the selected one.
func (c *collection) arrange(g *Game) {
	l, s := g.lay, g.s
	area := l.Strip
	area.H -= render.LineHeight(l.u(fontSmall)) // room for the "more" note
	classes := s.Classes()
	byClass := make([][]int, classes)
	for i, smp := range s.Data.Samples {
		byClass[smp.Label] = append(byClass[smp.Label], i)
	}
	gapPx, labelW := l.u(thumbGap), l.u(classLabel)
	type plan struct {
		t                  float64
		perRow, rows, cols int
		groupW             float64
	}
	fit := func(t float64) (plan, bool) {
		bands := max(int((area.H+gapPx)/(t+gapPx)), 1)
		perRow := (classes + bands - 1) / bands
		groupRows := (classes + perRow - 1) / perRow
		p := plan{t: t, perRow: perRow, rows: max(bands/groupRows, 1), groupW: area.W / float64(perRow)}
		p.cols = max(int((p.groupW-labelW-gapPx+gapPx)/(t+gapPx)), 1)
		ok := true
		for _, idx := range byClass {
			ok = ok && len(idx) <= p.cols*p.rows
		}
		return p, ok
	}
	var p plan
	for t := l.u(maxThumb); ; t -= l.u(1) {
		var ok bool
		if p, ok = fit(t); ok || t <= l.u(minThumb) {
			break
		}
	}
	c.thumbs, c.rows, c.more = c.thumbs[:0], c.rows[:0], 0
	capacity := p.cols * p.rows
	for cl, idx := range byClass {
		gx := area.X + float64(cl%p.perRow)*p.groupW
		gy := area.Y + float64(cl/p.perRow)*float64(p.rows)*(p.t+gapPx)
		c.rows = append(c.rows, rowLabel{class: cl, r: render.Rect{X: gx, Y: gy, W: labelW, H: p.t}})
		first := max(len(idx)-capacity, 0) // the newest fit
		for k, i := range idx {
			if i == s.Selected && k < first {
				first = k - k%p.cols
			}
		}
		c.more += len(idx) - min(len(idx)-first, capacity)
		for k := first; k < len(idx) && k-first < capacity; k++ {
			x := gx + labelW + float64((k-first)%p.cols)*(p.t+gapPx)
			y := gy + float64((k-first)/p.cols)*(p.t+gapPx)
			c.thumbs = append(c.thumbs, thumb{index: idx[k], r: render.Rect{X: x, Y: y, W: p.t, H: p.t}})
		}
	}
}

// countsLine is "0: 40 · 1: 38 — 78 drawings (62 train, 16 validation)"
// and a balance warning if one is due.
func countsLine(s *Session) (text, warn string) {
	counts := s.Data.Counts()
	parts := make([]string, len(counts))
	most := 0
	for i, n := range counts {
		parts[i] = fmt.Sprintf("%s: %d", s.Data.Classes[i], n)
		most = max(most, n)
	}
	text = fmt.Sprintf("%s — %d in all (%d train, %d validation)", strings.Join(parts, " · "), s.Data.Len(), s.TrainSize(), s.ValSize())
	var few []string
	for i, n := range counts {
		if most > 0 && float64(n) < imbalance*float64(most) {
			few = append(few, s.Data.Classes[i])
		}
	}
	if len(few) > 0 {
		warn = "Unbalanced: add more drawings of " + strings.Join(few, ", ")
	}
	return text, warn
}

func (c *collection) draw(dst *ebiten.Image, g *Game) {
	l, s := g.lay, g.s
	th := render.Current
	size := l.u(fontSmall)
	text, warn := countsLine(s)
	room := l.Counts.W
	if warn != "" {
		w, _ := render.MeasureText(warn, size)
		w = min(w, room*0.5)
		render.TextIn(dst, l.Counts, render.Ellipsize(warn, size, w), size, th.Error, render.AlignRight, false)
		room -= w + l.u(12)
	}
	render.TextIn(dst, l.Counts, render.Ellipsize(text, size, room), size, th.Text, render.AlignLeft, false)
	if s.Data.Len() == 0 {
		lines := render.WrapText("No drawings yet. Draw a digit, pick its label and press Add (Enter) — or load a dataset (O).", l.u(fontBody), l.Strip.W)
		for i, ln := range lines {
			render.Text(dst, ln, l.Strip.X, l.Strip.Y+render.LineHeight(l.u(fontBody))*float64(i), l.u(fontBody), th.Muted, render.AlignLeft)
		}
		return
	}
	for _, r := range c.rows {
		render.TextIn(dst, r.r, s.Data.Classes[r.class], size, th.Muted, render.AlignLeft, true)
	}
	for _, t := range c.thumbs {
		render.DrawThumb(dst, t.r, &s.Data.Samples[t.index].Pixels, t.index == s.Selected)
	}
	if c.more > 0 {
		msg := fmt.Sprintf("showing the newest; %d more ([ ] browses)", c.more)
		render.Text(dst, msg, l.Strip.X+l.Strip.W, l.Strip.Y+l.Strip.H-render.LineHeight(size), size, th.Muted, render.AlignRight)
	}
}
