package app

import (
	"os"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/session"
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

// TestSlowMotionRepaintsWhatChanges: in slow motion the repaints cover the
// watched regions only, unless there is input or the whole screen was last
// painted maxStale ago; and what they leave out does not change.
func TestSlowMotionRepaintsWhatChanges(t *testing.T) {
	g := newTestGame(t, memStore{})
	clk := &fakeClock{T: time.Unix(2e9, 0), Step: 50 * time.Microsecond}
	g.now, g.sched.Now = clk.Now, clk.Now
	screenImg := ebiten.NewImage(1280, 800)
	in := &Input{HoverX: -1, HoverY: -1}
	for g.s.Pace() > 1 {
		g.do(settingCmd(session.SetPace, -1))
	}
	g.s.Play()
	partial, full := 0, 0
	tick := func(in *Input) {
		clk.T = clk.T.Add(50 * time.Millisecond)
		g.tick(in)
		if g.redraw.needsPaint(screenImg) {
			if g.redraw.regions(screenImg, g.lay.Watched()) != nil {
				partial++
			} else {
				full++
			}
		}
		g.Draw(screenImg)
	}
	for range 10 { // settle: the first paints are whole
		tick(in)
	}
	partial, full = 0, 0
	seen := g.s.Trainer().Seen
	for range 30 { // 1.5 s
		tick(in)
	}
	if !g.s.Watching() || g.s.Trainer().Seen == seen {
		t.Fatalf("not in slow motion (watching %v, %d learned)", g.s.Watching(), g.s.Trainer().Seen-seen)
	}
	if partial < 2 || full > 1 {
		t.Errorf("in 1.5 s of slow motion: %d partial and %d whole repaints", partial, full)
	}
	// The screen so painted is the screen painted whole.
	whole := ebiten.NewImage(1280, 800)
	g.paint(whole)
	a, b := make([]byte, 4*1280*800), make([]byte, 4*1280*800)
	screenImg.ReadPixels(a)
	whole.ReadPixels(b)
	if dir := os.Getenv("REDRAW_DIFF"); dir != "" {
		writeShot(t, dir+"/partial.png", screenImg)
		writeShot(t, dir+"/whole.png", whole)
	}
	// Two whole paints of one scene differ in a few hundred pixels at the
	// edges of glyphs (the GPU's rasterisation); a part left stale would be
	// thousands.
	if diff := differingPixels(a, b); diff > 2500 {
		t.Errorf("%d pixels of the partly repainted screen differ from a whole repaint", diff)
	}
	partial, full = 0, 0
	tick(keys(ebiten.KeyH)) // input: the whole screen
	if full != 1 || partial != 0 {
		t.Errorf("a key press repainted partially (%d partial, %d whole)", partial, full)
	}
	full = 0
	for range 60 { // 3 s: at least one whole repaint (maxStale)
		tick(in)
	}
	if full == 0 {
		t.Errorf("no whole repaint in 3 s of slow motion")
	}
}

func differingPixels(a, b []byte) int {
	n := 0
	for i := 0; i < len(a); i += 4 {
		if a[i] != b[i] || a[i+1] != b[i+1] || a[i+2] != b[i+2] {
			n++
		}
	}
	return n
}
