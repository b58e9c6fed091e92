package app

import (
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// TestRedrawOnlyWhenThePictureChanges drives ticks with a fake clock and
// checks when the version (what Draw paints) moves.
func TestRedrawOnlyWhenThePictureChanges(t *testing.T) {
	g := newTestGame(t, memStore{})
	clk := &fakeClock{T: time.Unix(2e9, 0), Step: 50 * time.Microsecond}
	g.now = clk.Now
	g.sched.Now = clk.Now
	idle := &Input{HoverX: -1, HoverY: -1}
	step := func(in *Input, d time.Duration) int {
		clk.T = clk.T.Add(d)
		before := g.redraw.version
		g.tick(in)
		return g.redraw.version - before
	}
	step(idle, time.Millisecond) // settle the first frame's changes
	step(idle, time.Millisecond)
	if n := step(idle, 16*time.Millisecond); n != 0 {
		t.Errorf("an idle tick asked for a repaint")
	}
	if n := step(keys(ebiten.Key1), 16*time.Millisecond); n != 1 {
		t.Errorf("a key press did not ask for a repaint")
	}
	step(idle, 16*time.Millisecond)
	if n := step(&Input{HoverX: 10, HoverY: 10, HasHover: true}, 16*time.Millisecond); n != 1 {
		t.Errorf("moving the mouse did not ask for a repaint")
	}
	if n := step(&Input{HoverX: 10, HoverY: 10, HasHover: true}, 16*time.Millisecond); n != 0 {
		t.Errorf("a mouse at rest asked for a repaint")
	}
	// A message that arrives without input is shown at once.
	g.s.Say("hello")
	if n := step(&Input{HoverX: 10, HoverY: 10, HasHover: true}, 16*time.Millisecond); n != 1 {
		t.Errorf("a new message did not ask for a repaint")
	}
	// Training repaints at most every Scheduler.Follow.
	in := &Input{HoverX: 10, HoverY: 10, HasHover: true}
	g.s.Play()
	step(in, 16*time.Millisecond) // Running changed
	paints, start := 0, clk.T
	for range 30 { // 30 ticks of 20 ms, plus the clock readings of training
		paints += step(in, 20*time.Millisecond)
	}
	elapsed := clk.T.Sub(start)
	if want := int(elapsed / g.sched.Follow); paints < want-1 || paints > want+1 {
		t.Errorf("%d repaints in %v of training, want about %d", paints, elapsed, want)
	}
	// Nothing is left stale longer than maxStale.
	g.s.Pause()
	step(in, 16*time.Millisecond)
	if n := step(in, maxStale); n != 1 {
		t.Errorf("no repaint after %v without changes", maxStale)
	}
}
