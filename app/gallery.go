package app

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/session"
)

// gallery is the dataset's thumbnails by class, with counts and a balance
// warning; tap one to load it onto the grid, then relabel or delete it with
// the buttons in the panel's title row. A tap on a confusion-matrix cell
// (curves.go) narrows it to the drawings that cell counts, so the ones
// the network gets wrong can be looked at, relabelled or deleted; Show all
// (or Escape, or the cell again) widens it back.
type gallery struct {
	cell     [2]int // the matrix cell shown (true, predicted), when filtered
	filtered bool
	suspects bool        // filtered to the most suspicious drawings (baddata.go) rather than a cell
	fromTop  bool        // the next arrange shows the list's start (the most suspicious), not its end
	members  []int       // the cell's drawings, rebuilt by arrange
	cellVal  bool        // they are validation drawings (else training ones)
	showAllR render.Rect // the Show all button while filtered

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
	case c.filtered && c.showAllR.Contains(p.X, p.Y):
		return append(cmds, Command{Act: ActShowAll})
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

// toggleCell shows the drawings of matrix cell (truth, pred), or all of
// them again if that cell was shown.
func (c *gallery) toggleCell(truth, pred int) {
	if c.filtered && c.cell == [2]int{truth, pred} {
		c.showAll()
		return
	}
	c.cell, c.filtered, c.suspects, c.back = [2]int{truth, pred}, true, false, 0
}

// showSuspects shows the most suspicious drawings, most first.
func (c *gallery) showSuspects() { c.filtered, c.suspects, c.back, c.fromTop = true, true, 0, true }

// showAll ends the narrowing to a cell, reporting whether there was one.
func (c *gallery) showAll() bool {
	was := c.filtered
	c.filtered, c.suspects, c.back = false, false, 0
	return was
}

// cellShown is the matrix cell the gallery shows, or −1s.
func (c *gallery) cellShown() [2]int {
	if c.filtered && !c.suspects {
		return c.cell
	}
	return [2]int{-1, -1}
}

// scroll moves the strip n thumbnails back (older); negative n moves forward.
func (c *gallery) scroll(n int) {
	c.back = min(max(c.back+n, 0), c.maxBack)
}

// arrange places the thumbnails for this tick (Update work: Draw reads
// it), as screen.PlanThumbs arranges them. Each group shows a window of
// its class: the newest drawings, or older ones after scrolling, and always
// the selected one.
func (c *gallery) arrange(l *screen.Layout, s *session.Session, m *session.Measurement) {
	if !l.Visible(screen.PanelData) {
		c.thumbs, c.rows, c.older, c.newer, c.showAllR = c.thumbs[:0], c.rows[:0], render.Rect{}, render.Rect{}, render.Rect{}
		return
	}
	d := s.Data()
	c.byClass = resize(c.byClass, s.Classes())
	c.all = resize(c.all, 1)
	for i, smp := range d.Samples {
		if smp.Label >= 0 && smp.Label < len(c.byClass) {
			c.byClass[smp.Label] = append(c.byClass[smp.Label], i)
		}
		c.all[0] = append(c.all[0], i)
	}
	if c.filtered && !c.suspects && max(c.cell[0], c.cell[1]) >= s.Classes() {
		c.filtered = false // the classes changed under it
	}
	list, _ := s.SuspectList()
	if c.suspects && list == nil {
		c.filtered, c.suspects = false, false // the drawings changed since the search
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
	switch {
	case c.suspects:
		c.members = c.members[:0]
		for _, sp := range list[:min(len(list), suspectsShown(s))] {
			c.members = append(c.members, sp.Index)
		}
		p = l.PlanThumbs([]int{len(c.members)}, len(c.members))
		c.groups, c.flat = [][]int{c.members}, true
	case c.filtered:
		c.members = m.CellDrawings(c.cell[0], c.cell[1])
		c.cellVal = m.HasVal()
		p = l.PlanThumbs([]int{len(c.members)}, len(c.members))
		c.groups, c.flat = [][]int{c.members}, false
	}
	capacity := p.Capacity()
	c.page, c.maxBack = max(capacity, 1), 0
	for _, idx := range c.groups {
		c.maxBack = max(c.maxBack, len(idx)-capacity)
	}
	c.fitSelection(s.Selected(), capacity)
	if c.fromTop {
		c.back, c.fromTop = c.maxBack, false
	}
	c.scroll(0)
	c.countsFor, c.older, c.newer, c.showAllR = l.Counts, render.Rect{}, render.Rect{}, render.Rect{}
	if c.maxBack > 0 {
		c.older, c.newer, c.countsFor = l.Pager()
	}
	if c.filtered {
		c.showAllR, c.countsFor = l.ShowAll(c.countsFor)
	}
	c.thumbs, c.rows = c.thumbs[:0], c.rows[:0]
	for g, idx := range c.groups {
		switch {
		case c.suspects:
		case c.filtered:
			c.rows = append(c.rows, rowLabel{class: c.cell[0], r: p.Label(g)})
		case !c.flat:
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
	if !l.Visible(screen.PanelData) {
		return
	}
	th, d := render.Current, s.Data()
	size := l.U(render.SmallSize)
	forms, warn, warnShort := s.CountsText()
	if c.filtered {
		forms, warn, warnShort = c.cellText(s), "", ""
		if c.suspects {
			n := len(c.members)
			forms = []string{i18n.Plural(n, "The %d most suspicious drawing, most first (label → read as): click one to relabel or delete it",
				"The %d most suspicious drawings, most first (label → read as): click one to relabel or delete it"),
				i18n.Sprintf("%d most suspicious, most first", n)}
		}
		render.DrawButton(dst, c.showAllR, i18n.T("Show all"), render.ButtonState{}, l.S)
	}
	line := c.countsFor
	text, warn := fitLine(forms, []string{warn, warnShort, ""}, line.W, size, l.U(12))
	render.TextIn(dst, line, warn, size, th.Error, render.AlignRight, false)
	render.TextIn(dst, line, render.Ellipsize(text, size, line.W), size, th.Text, render.AlignLeft, false)
	if c.maxBack > 0 {
		render.DrawButton(dst, c.older, "‹", render.ButtonState{Disabled: c.back >= c.maxBack}, l.S)
		render.DrawButton(dst, c.newer, "›", render.ButtonState{Disabled: c.back <= 0}, l.S)
	}
	if c.filtered && len(c.members) == 0 {
		render.TextIn(dst, l.Gallery, i18n.T("No drawings in this cell now."), l.U(render.BodySize), th.Muted, render.AlignLeft, false)
		return
	}
	if d.Len() == 0 {
		lines := render.WrapText(i18n.T("No drawings yet. Draw a digit, pick its label and press Add (Enter) — or load a dataset (O)."), l.U(render.BodySize), l.Gallery.W)
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
		tag := ""
		if c.flat && smp.Label >= 0 && smp.Label < len(d.Classes) {
			tag = d.Classes[smp.Label]
		}
		if c.suspects {
			tag += "→" + d.Classes[c.readAs(s, t.index)]
		}
		if s.IsPoisoned(t.index) {
			tag += "!"
		}
		render.DrawTag(dst, t.r, tag, l.S)
	}
}

// fitLine picks for a line room wide the longest of forms that fits with
// the longest of warns (longest first; "" for none) beside it, gap apart,
// favouring the warning; when nothing fits, the shortest form alone.
func fitLine(forms, warns []string, room, size, gap float64) (text, warn string) {
	for _, w := range warns {
		ww := 0.0
		if w != "" {
			ww, _ = render.MeasureText(w, size)
			ww += gap
		}
		for _, f := range forms {
			if fw, _ := render.MeasureText(f, size); fw+ww <= room {
				return f, w
			}
		}
	}
	return forms[len(forms)-1], ""
}

// readAs is what the search's networks read drawing i as.
func (c *gallery) readAs(s *session.Session, i int) int {
	list, _ := s.SuspectList()
	for _, sp := range list {
		if sp.Index == i {
			return sp.Predicted
		}
	}
	return s.Data().Samples[i].Label
}

// cellText is the counts line while the gallery shows a matrix cell, in a
// long and a short form: what the drawings are, and how to act on them.
func (c *gallery) cellText(s *session.Session) []string {
	names := s.Data().Classes
	t, p, n := names[c.cell[0]], names[c.cell[1]], len(c.members)
	var what string
	switch {
	case c.cell[0] == c.cell[1] && c.cellVal:
		what = i18n.Plural(n, "%d validation drawing of %s recognised", "%d validation drawings of %s recognised", n, t)
	case c.cell[0] == c.cell[1]:
		what = i18n.Plural(n, "%d training drawing of %s recognised", "%d training drawings of %s recognised", n, t)
	case c.cellVal:
		what = i18n.Plural(n, "%d validation drawing of %s taken for %s", "%d validation drawings of %s taken for %s", n, t, p)
	default:
		what = i18n.Plural(n, "%d training drawing of %s taken for %s", "%d training drawings of %s taken for %s", n, t, p)
	}
	return []string{i18n.Sprintf("%s: click one to relabel or delete it", what), what}
}
