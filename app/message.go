package app

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/render"
)

// How long a message stays on screen, in ticks at 60 TPS: long enough to
// read two lines aloud; errors stay longer.
const (
	infoTicks  = 6 * 60
	errorTicks = 15 * 60
)

// banner shows the session's last message over the bottom of the network
// panel (the inspector strip) for a while after it arrives.
type banner struct {
	seq   int // the message seen
	since int // frame it arrived
	shown bool
}

func (b *banner) update(s *Session, frame int) {
	if s.MessageSeq != b.seq {
		b.seq, b.since, b.shown = s.MessageSeq, frame, s.Message != ""
	}
	limit := infoTicks
	if s.MessageErr {
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

// rect is the box the banner covers, at the bottom of the inspector strip
// and as tall as its wrapped text; ok is false while it is hidden. The
// strip keeps its text above it (inspector.go).
func (b *banner) rect(l *Layout, s *Session) (r render.Rect, ok bool) {
	if !b.shown {
		return render.Rect{}, false
	}
	r = l.Inspect
	size := l.u(render.BodySize)
	lines := render.WrapText(s.Message, size, r.W-l.u(74))
	h := render.LineHeight(size)*float64(len(lines)) + l.u(20)
	return render.Rect{X: r.X, Y: r.Y + r.H - h, W: r.W, H: h}, true
}

func (b *banner) draw(dst *ebiten.Image, g *Game) {
	if r, ok := b.rect(g.lay, g.s); ok {
		render.DrawMessage(dst, r, g.s.Message, g.s.MessageErr, g.lay.S)
	}
}
