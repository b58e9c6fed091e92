package app

import (
	"fmt"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/render"
)

// Thumbnail sizes in CSS pixels. A 9×9 drawing needs about 3 device
// pixels a cell to be read from the back of a room, so thumbnails stay at
// least minThumb; when a class has more drawings than fit, the strip
// scrolls (wheel, the ‹ › buttons, or [ ] to step the selection) instead of
// shrinking them.
const (
	maxThumb   = 44
	minThumb   = 24
	thumbGap   = 4
	classLabel = 22 // width of the class name at the start of each row
	pagerW     = 30 // a ‹ or › button
	// minPerClass: with room for fewer thumbnails a class (10 classes in
	// a small window) the strip is one flat row of tagged thumbnails.
	minPerClass = 3
	// imbalance: a class with fewer than this share of the largest one
	// gets a warning (the network would learn to favour the big class).
	imbalance = 0.6
)

// collection is the dataset strip: thumbnails by class with counts and a
// balance warning; tap one to load it onto the grid, then relabel or
// delete it with the buttons in the panel's title row.
type collection struct {
	thumbs []thumb
	rows   []rowLabel

	back      int     // thumbnails each class is scrolled back from its newest
	maxBack   int     // how far back the fullest class can go
	page      int     // thumbnails a ‹ or › press moves
	wheel     float64 // scroll not yet turned into whole thumbnails
	lastSel   int     // the selection back was last fitted to (−1 none)
	byClass   [][]int // sample indices per class, rebuilt by arrange
	all       [][]int // one group of every sample, for the flat strip
	groups    [][]int // byClass, or all when the classes would be too cramped
	flat      bool    // groups is all: each thumbnail is tagged with its class
	older     render.Rect
	newer     render.Rect
	countsFor render.Rect // what is left of the counts line for its text
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
	if x, y, ok := in.Hover(); ok && g.lay.Strip.Contains(x, y) && (in.WheelY != 0 || in.WheelX != 0) {
		// Wheel up or left shows older drawings; a notch moves a third of a page.
		c.wheel += (in.WheelY - in.WheelX) * math.Max(float64(c.page)/3, 1)
		n := int(c.wheel)
		c.wheel -= float64(n)
		c.scroll(n)
	}
	p, ok := in.Tapped()
	if !ok {
		return
	}
	switch {
	case c.maxBack > 0 && c.older.Contains(p.X, p.Y):
		c.scroll(c.page)
	case c.maxBack > 0 && c.newer.Contains(p.X, p.Y):
		c.scroll(-c.page)
	case g.lay.Strip.Contains(p.X, p.Y):
		for _, t := range c.thumbs {
			if t.r.Contains(p.X, p.Y) {
				g.s.Select(t.index)
				c.lastSel = t.index // it is on screen: do not scroll to it
				return
			}
		}
	}
}

// scroll moves the strip n thumbnails back (older); negative n moves forward.
func (c *collection) scroll(n int) {
	c.back = min(max(c.back+n, 0), c.maxBack)
}

// plan is a thumbnail size and how the class groups are arranged at it.
type plan struct {
	t                  float64 // thumbnail side
	perRow, rows, cols int     // groups per band, rows of thumbnails per group, thumbnails per row
	groupW             float64
}

func (p plan) capacity() int { return p.cols * p.rows }

// arrange places the thumbnails for this tick (Update work: Draw reads
// it). Each class gets a group of rows with its name; groups sit side by
// side when there are more classes than rows. Each group shows a window
// of its class: the newest drawings, or older ones after scrolling, and
// always the selected one.
func (c *collection) arrange(g *Game) {
	l, s := g.lay, g.s
	area := l.Strip
	classes := s.Classes()
	for len(c.byClass) < classes {
		c.byClass = append(c.byClass, nil)
	}
	c.byClass = c.byClass[:classes]
	for i := range c.byClass {
		c.byClass[i] = c.byClass[i][:0]
	}
	for i, smp := range s.Data.Samples {
		if smp.Label >= 0 && smp.Label < classes {
			c.byClass[smp.Label] = append(c.byClass[smp.Label], i)
		}
	}
	// Grouped by class when each class gets a few thumbnails; else one
	// flat strip in the order they were added, each tagged with its class.
	c.groups, c.flat = c.byClass, false
	p := c.choose(l, area, len(c.groups), l.u(classLabel))
	if p.capacity() < minPerClass && classes > 2 {
		if len(c.all) == 0 {
			c.all = append(c.all, nil)
		}
		c.all[0] = c.all[0][:0]
		for i := range s.Data.Samples {
			c.all[0] = append(c.all[0], i)
		}
		c.groups, c.flat = c.all, true
		p = c.choose(l, area, 1, 0)
	}
	capacity := p.capacity()
	c.page = max(capacity, 1)
	c.maxBack = 0
	for _, idx := range c.groups {
		c.maxBack = max(c.maxBack, len(idx)-capacity)
	}
	c.fitSelection(s.Selected, capacity)
	c.scroll(0)

	c.countsFor, c.older, c.newer = l.Counts, render.Rect{}, render.Rect{}
	if c.maxBack > 0 {
		var pager render.Rect
		pager, c.countsFor = l.Counts.SplitRight(l.u(2*pagerW + rowGap))
		_, c.countsFor = c.countsFor.SplitRight(l.u(rowGap))
		cols := pager.Columns(2, l.u(rowGap))
		c.older, c.newer = cols[0], cols[1]
	}

	gapPx, labelW := l.u(thumbGap), l.u(classLabel)
	if c.flat {
		labelW = 0
	}
	c.thumbs, c.rows = c.thumbs[:0], c.rows[:0]
	for cl, idx := range c.groups {
		gx := area.X + float64(cl%p.perRow)*p.groupW
		gy := area.Y + float64(cl/p.perRow)*float64(p.rows)*(p.t+gapPx)
		if !c.flat {
			c.rows = append(c.rows, rowLabel{class: cl, r: render.Rect{X: gx, Y: gy, W: labelW, H: p.t}})
		}
		first := min(max(len(idx)-capacity-c.back, 0), max(len(idx)-capacity, 0))
		for k := first; k < len(idx) && k-first < capacity; k++ {
			x := gx + labelW + float64((k-first)%p.cols)*(p.t+gapPx)
			y := gy + float64((k-first)/p.cols)*(p.t+gapPx)
			c.thumbs = append(c.thumbs, thumb{index: idx[k], r: render.Rect{X: x, Y: y, W: p.t, H: p.t}})
		}
	}
}

// choose picks the thumbnail size: the largest at which every drawing
// fits; when none does (the strip scrolls), the one that shows the most
// thumbnail area, capacity × side², so neither a few big thumbnails nor
// many unreadable ones win.
func (c *collection) choose(l *Layout, area render.Rect, classes int, labelW float64) plan {
	gapPx := l.u(thumbGap)
	fit := func(t float64) (plan, bool) {
		bands := max(int((area.H+gapPx)/(t+gapPx)), 1)
		perRow := (classes + bands - 1) / bands
		groupRows := (classes + perRow - 1) / perRow
		p := plan{t: t, perRow: perRow, rows: max(bands/groupRows, 1), groupW: area.W / float64(perRow)}
		p.cols = max(int((p.groupW-labelW)/(t+gapPx)), 1)
		ok := true
		for _, idx := range c.groups {
			ok = ok && len(idx) <= p.capacity()
		}
		return p, ok
	}
	lo := math.Floor(max(min(l.u(minThumb), area.H), 1))
	best, bestScore := plan{}, -1.0
	for t := math.Floor(max(min(l.u(maxThumb), area.H), lo)); t >= lo; t-- {
		p, ok := fit(t)
		if ok {
			return p
		}
		if score := float64(p.capacity()) * t * t; score > bestScore {
			best, bestScore = p, score
		}
	}
	return best
}

// fitSelection scrolls so that a newly selected drawing (chosen with [ ] or
// loaded back) is in its class's window.
func (c *collection) fitSelection(sel, capacity int) {
	if sel == c.lastSel {
		return
	}
	c.lastSel = sel
	if sel < 0 {
		return
	}
	for _, idx := range c.groups {
		for k, i := range idx {
			if i != sel {
				continue
			}
			n := len(idx)
			first := min(max(n-capacity-c.back, 0), max(n-capacity, 0))
			switch {
			case k < first:
				c.back = n - capacity - k
			case k >= first+capacity:
				c.back = n - k - 1
			}
			return
		}
	}
}

// countsLine is "0: 40 · 1: 38 — 78 in all (62 train, 16 validation)"
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

// shortCounts is countsLine for a narrow strip: "500 in all (400 train,
// 100 validation) · 50 each" or "· 12–50 a class".
func shortCounts(s *Session) string {
	counts := s.Data.Counts()
	lo, hi := math.MaxInt, 0
	for _, n := range counts {
		lo, hi = min(lo, n), max(hi, n)
	}
	per := fmt.Sprintf("%d each", hi)
	if lo != hi {
		per = fmt.Sprintf("%d–%d a class", lo, hi)
	}
	return fmt.Sprintf("%d in all (%d train, %d validation) · %s", s.Data.Len(), s.TrainSize(), s.ValSize(), per)
}

func (c *collection) draw(dst *ebiten.Image, g *Game) {
	l, s := g.lay, g.s
	th := render.Current
	size := l.u(fontSmall)
	text, warn := countsLine(s)
	line := c.countsFor
	room := line.W
	if warn != "" {
		w, _ := render.MeasureText(warn, size)
		w = min(w, room*0.5)
		render.TextIn(dst, line, render.Ellipsize(warn, size, w), size, th.Error, render.AlignRight, false)
		room -= w + l.u(12)
	}
	if w, _ := render.MeasureText(text, size); w > room {
		text = shortCounts(s)
	}
	render.TextIn(dst, line, render.Ellipsize(text, size, room), size, th.Text, render.AlignLeft, false)
	if c.maxBack > 0 {
		render.DrawButton(dst, c.older, "‹", render.ButtonState{Disabled: c.back >= c.maxBack}, l.S)
		render.DrawButton(dst, c.newer, "›", render.ButtonState{Disabled: c.back <= 0}, l.S)
	}
	if s.Data.Len() == 0 {
		lines := render.WrapText("No drawings yet. Draw a digit, pick its label and press Add (Enter) — or load a dataset (O).", l.u(fontBody), l.Strip.W)
		for i, ln := range lines {
			render.Text(dst, ln, l.Strip.X, l.Strip.Y+render.LineHeight(l.u(fontBody))*float64(i), l.u(fontBody), th.Muted, render.AlignLeft)
		}
		return
	}
	for _, r := range c.rows {
		render.TextIn(dst, r.r, s.Data.Classes[r.class], l.u(fontBody), th.Muted, render.AlignLeft, true)
	}
	for _, t := range c.thumbs {
		smp := &s.Data.Samples[t.index]
		render.DrawThumb(dst, t.r, &smp.Pixels, t.index == s.Selected)
		if c.flat && smp.Label >= 0 && smp.Label < len(s.Data.Classes) {
			render.DrawTag(dst, t.r, s.Data.Classes[smp.Label], l.S)
		}
	}
}
