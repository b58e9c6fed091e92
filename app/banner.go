package app

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/session"
)

// How long a message stays on screen, in ticks at 60 TPS: long enough to
// read two lines aloud; errors stay longer.
const (
	infoTicks  = 6 * 60
	errorTicks = 15 * 60
)

// banner shows the session's last message for a while after it arrives:
// over the bottom of the network panel (the readout's legend and hint),
// or, while the readout shows what is inspected (a neuron, an edge, the
// maps), as one line in the panel's title row, so it never covers the
// inspector's map and text.
type banner struct {
	seq   int // the message seen
	since int // frame it arrived
	shown bool
}

func (b *banner) update(m session.Message, frame int) {
	if m.Seq != b.seq {
		b.seq, b.since, b.shown = m.Seq, frame, m.Text != ""
	}
	limit := infoTicks
	if m.Err {
		limit = errorTicks
	}
	if frame-b.since > limit {
		b.shown = false
	}
}

// hide dismisses the banner (Escape).
func (b *banner) hide() bool {
	was := b.shown
	b.shown = false
	return was
}

// rect is the box the banner covers, at the bottom of the readout and as
// tall as its wrapped text, or the title row while inspecting; ok is false
// while it is hidden. The readout keeps its text above it (readout.go).
func (b *banner) rect(l *screen.Layout, m session.Message, inspecting bool) (r render.Rect, ok bool) {
	if !b.shown {
		return render.Rect{}, false
	}
	if inspecting && l.Visible(screen.PanelNetwork) {
		r = render.PanelHeaderSpace(l.Panels[screen.PanelNetwork], screen.PanelNetwork.Label(), l.S)
		return render.Rect{X: r.X, Y: r.Y - l.U(4), W: r.W, H: r.H + l.U(8)}, r.W > l.U(120)
	}
	r = l.Readout
	r.W -= l.U(screen.HelpIconRoom) // the readout's "?" stays in reach
	switch {
	case !l.MessageArea.Empty(): // a phone on its side: clear of the grid
		r = l.MessageArea
	case l.Tabbed && !(l.Sideways && l.Visible(screen.PanelNetwork)): // a phone: over the bottom of whichever tab
		r = l.TabArea
	}
	size := l.U(render.BodySize)
	lines := render.WrapText(m.Text, size, r.W-l.U(74))
	h := render.LineHeight(size)*float64(len(lines)) + l.U(20)
	return render.Rect{X: r.X, Y: r.Y + r.H - h, W: r.W, H: h}, true
}

// top is where the banner begins over the readout, or +Inf while it is
// hidden or in the title row.
func (b *banner) top(l *screen.Layout, m session.Message, inspecting bool) float64 {
	if r, ok := b.rect(l, m, inspecting); ok && !inspecting {
		return r.Y
	}
	return math.Inf(1)
}

func (b *banner) draw(dst *ebiten.Image, l *screen.Layout, m session.Message, inspecting bool) {
	if r, ok := b.rect(l, m, inspecting); ok {
		render.DrawMessage(dst, r, m.Text, m.Err, l.S)
	}
}
