package app

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/session"
)

// gallery is the dataset's thumbnails by class, with counts and a balance
// warning; tap one to load it onto the grid, then relabel or delete it with
// the buttons in the panel's title row.
type gallery struct {
	thumbs []thumb
	rows   []rowLabel

	back      int     // thumbnails each class is scrolled back from its newest
	maxBack   int     // how far back the fullest class can go
	page      int     // thumbnails a ‹ or › press moves
	wheel     float64 // scroll not yet turned into whole thumbnails
	lastSel   int     // the selection back was last fitted to (−1 none)
	byClass   [][]int // sample indices per class, rebuilt by arrange
	all       [][]int // one group of every sample, for the flat gallery
	groups    [][]int // byClass, or all when the classes would be too cramped
	flat      bool    // groups is all: each thumbnail is tagged with its class
	sizes     []int   // of byClass
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

// update scrolls and turns a tap on a thumbnail into a command.
func (c *gallery) update(in *Input, l *screen.Layout, cmds []Command) []Command {
	if x, y, ok := in.Hover(); ok && l.Gallery.Contains(x, y) && (in.WheelY != 0 || in.WheelX != 0) {
		// Wheel up or left shows older drawings; a notch moves a third of a page.
		c.wheel += (in.WheelY - in.WheelX) * math.Max(float64(c.page)/3, 1)
		n := int(c.wheel)
		c.wheel -= float64(n)
		c.scroll(n)
	}
	p, ok := in.Tapped()
	if !ok {
		return cmds
	}
	switch {
	case c.maxBack > 0 && c.older.Contains(p.X, p.Y):
		c.scroll(c.page)
	case c.maxBack > 0 && c.newer.Contains(p.X, p.Y):
		c.scroll(-c.page)
	case l.Gallery.Contains(p.X, p.Y):
		for _, t := range c.thumbs {
			if t.r.Contains(p.X, p.Y) {
				c.lastSel = t.index // it is on screen: do not scroll to it
				return append(cmds, Command{Act: ActSelect, Arg: t.index})
			}
		}
	}
	return cmds
}

// scroll moves the strip n thumbnails back (older); negative n moves forward.
func (c *gallery) scroll(n int) {
	c.back = min(max(c.back+n, 0), c.maxBack)
}

// arrange places the thumbnails for this tick (Update work: Draw reads
// it), as screen.PlanThumbs arranges them. Each group shows a window of
// its class: the newest drawings, or older ones after scrolling, and always
// the selected one.
func (c *gallery) arrange(l *screen.Layout, s *session.Session) {
	d := s.Data()
	c.byClass = resize(c.byClass, s.Classes())
	c.all = resize(c.all, 1)
	for i, smp := range d.Samples {
		if smp.Label >= 0 && smp.Label < len(c.byClass) {
			c.byClass[smp.Label] = append(c.byClass[smp.Label], i)
		}
		c.all[0] = append(c.all[0], i)
	}
	c.sizes = c.sizes[:0]
	for _, idx := range c.byClass {
		c.sizes = append(c.sizes, len(idx))
	}
	p := l.PlanThumbs(c.sizes, d.Len())
	c.groups, c.flat = c.byClass, p.Flat
	if p.Flat {
		c.groups = c.all
	}
	capacity := p.Capacity()
	c.page, c.maxBack = max(capacity, 1), 0
	for _, idx := range c.groups {
		c.maxBack = max(c.maxBack, len(idx)-capacity)
	}
	c.fitSelection(s.Selected(), capacity)
	c.scroll(0)
	c.countsFor, c.older, c.newer = l.Counts, render.Rect{}, render.Rect{}
	if c.maxBack > 0 {
		c.older, c.newer, c.countsFor = l.Pager()
	}
	c.thumbs, c.rows = c.thumbs[:0], c.rows[:0]
	for g, idx := range c.groups {
		if !c.flat {
			c.rows = append(c.rows, rowLabel{class: g, r: p.Label(g)})
		}
		first := min(max(len(idx)-capacity-c.back, 0), max(len(idx)-capacity, 0))
		for k := first; k < len(idx) && k-first < capacity; k++ {
			c.thumbs = append(c.thumbs, thumb{index: idx[k], r: p.Thumb(g, k-first)})
		}
	}
}

// resize returns n empty groups, reusing gs's memory.
func resize(gs [][]int, n int) [][]int {
	for len(gs) < n {
		gs = append(gs, nil)
	}
	gs = gs[:n]
	for i := range gs {
		gs[i] = gs[i][:0]
	}
	return gs
}

// fitSelection scrolls so that a newly selected drawing (chosen with [ ] or
// loaded back) is in its class's window.
func (c *gallery) fitSelection(sel, capacity int) {
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

func (c *gallery) draw(dst *ebiten.Image, l *screen.Layout, s *session.Session) {
	th, d := render.Current, s.Data()
	size := l.U(render.SmallSize)
	text, short, warn := s.CountsText()
	line := c.countsFor
	room := line.W
	if warn != "" {
		w, _ := render.MeasureText(warn, size)
		w = min(w, room*0.5)
		render.TextIn(dst, line, render.Ellipsize(warn, size, w), size, th.Error, render.AlignRight, false)
		room -= w + l.U(12)
	}
	if w, _ := render.MeasureText(text, size); w > room {
		text = short
	}
	render.TextIn(dst, line, render.Ellipsize(text, size, room), size, th.Text, render.AlignLeft, false)
	if c.maxBack > 0 {
		render.DrawButton(dst, c.older, "‹", render.ButtonState{Disabled: c.back >= c.maxBack}, l.S)
		render.DrawButton(dst, c.newer, "›", render.ButtonState{Disabled: c.back <= 0}, l.S)
	}
	if d.Len() == 0 {
		lines := render.WrapText("No drawings yet. Draw a digit, pick its label and press Add (Enter) — or load a dataset (O).", l.U(render.BodySize), l.Gallery.W)
		for i, ln := range lines {
			render.Text(dst, ln, l.Gallery.X, l.Gallery.Y+render.LineHeight(l.U(render.BodySize))*float64(i), l.U(render.BodySize), th.Muted, render.AlignLeft)
		}
		return
	}
	for _, r := range c.rows {
		render.TextIn(dst, r.r, d.Classes[r.class], l.U(render.BodySize), th.Muted, render.AlignLeft, true)
	}
	for _, t := range c.thumbs {
		smp := &d.Samples[t.index]
		render.DrawThumb(dst, t.r, &smp.Pixels, t.index == s.Selected(), smp.Val)
		if c.flat && smp.Label >= 0 && smp.Label < len(d.Classes) {
			render.DrawTag(dst, t.r, d.Classes[smp.Label], l.S)
		}
	}
}
