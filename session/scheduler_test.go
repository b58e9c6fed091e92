package session

import (
	"math"
	"testing"
	"time"
)

func TestSchedulerTrainsWithinBudget(t *testing.T) {
	s := newTestSession(t)
	s.SetPace(math.Inf(1))
	sc := NewScheduler()
	clk := &fakeClock{T: time.Unix(1e9, 0), Step: time.Microsecond}
	sc.Now = clk.Now
	s.Play()
	clk.T = clk.T.Add(time.Second / 60)
	n := sc.Run(s, 60)
	if n == 0 {
		t.Fatal("the scheduler trained nothing")
	}
	// Every clock reading costs 1 µs and no tick may train past maxBudget,
	// so a slice is bounded by the readings that fit in it.
	if n > int(maxBudget/time.Microsecond)*maxChunk {
		t.Errorf("trained %d samples in one slice", n)
	}
	if s.Trainer().Seen != n {
		t.Errorf("seen %d, trained %d", s.Trainer().Seen, n)
	}
	// A catch-up Update straight after (Ebiten runs several when frames are
	// slow) gets no training time: the frame already had its share.
	if m := sc.Run(s, 60); m > 1 {
		t.Errorf("a back-to-back tick trained %d samples, want at most 1", m)
	}
}

// TestSchedulerPacesAgainstTheIdleFrameRate walks the pacing (see
// scheduler.go) through a software-rendered browser: idle at 20 FPS, then
// training, whose redraws cost frames, then frames on time again.
func TestSchedulerPacesAgainstTheIdleFrameRate(t *testing.T) {
	sc := NewScheduler()
	now := time.Unix(1e9, 0)
	reading := func(running bool, fps float64) { // a quiet second: one paint
		now = now.Add(adaptEvery)
		sc.Paints++
		sc.adapt(running, fps, now)
	}
	// The idle rate is the median of recent readings: the slow start-up,
	// a slow second while drawing and a lucky fast one do not move it.
	for _, fps := range []float64{8, 12, 20, 20, 20, 11, 20, 27, 20} {
		reading(false, fps)
	}
	if sc.IdleFPS != 20 {
		t.Fatalf("idle FPS %v, want 20", sc.IdleFPS)
	}
	// Seconds in which the user drew (a paint every frame) are not idle.
	for range 10 {
		now = now.Add(adaptEvery)
		sc.Paints += 8
		sc.adapt(false, 8, now)
	}
	if sc.IdleFPS != 20 {
		t.Fatalf("idle FPS %v after seconds of drawing, want still 20", sc.IdleFPS)
	}

	// The readings within settle of the start still average idle time.
	reading(true, 5)
	reading(true, 40)
	if sc.Follow != minFollow || sc.Share != defaultShare {
		t.Fatalf("a reading within the settling time changed follow %v, share %v", sc.Follow, sc.Share)
	}
	// Late (half the idle rate): show the network less often, train as much.
	reading(true, 10)
	if sc.Follow <= minFollow || sc.Share != defaultShare {
		t.Fatalf("late frames: follow %v, share %v; want follow above %v and share still %v",
			sc.Follow, sc.Share, minFollow, defaultShare)
	}
	share := sc.Share
	// A second reading within the same second is not a new one.
	f := sc.Follow
	sc.adapt(true, 10, now.Add(adaptEvery/2))
	if sc.Follow != f {
		t.Errorf("two adaptations within %v", adaptEvery)
	}
	// Still late: follow reaches its slowest, and only then training yields.
	for sc.Follow < maxFollow {
		reading(true, 10)
		if sc.Share != share {
			t.Fatalf("share changed to %v while follow (%v) could still slow", sc.Share, sc.Follow)
		}
	}
	reading(true, 10)
	if sc.Share != share {
		t.Errorf("one late reading cut the share to %v", sc.Share)
	}
	for range 50 {
		reading(true, 10)
	}
	if sc.Share != minShare || sc.Follow != maxFollow {
		t.Errorf("always late: share %v, follow %v; want %v and %v", sc.Share, sc.Follow, minShare, maxFollow)
	}

	// On time again: training takes back its time first, then the picture.
	reading(true, 20)
	if sc.Share <= minShare || sc.Follow != maxFollow {
		t.Errorf("on time: share %v, follow %v; want share growing first", sc.Share, sc.Follow)
	}
	for range 50 {
		reading(true, 20)
	}
	if sc.Share != maxShare || sc.Follow != minFollow {
		t.Errorf("always on time: share %v, follow %v; want %v and %v", sc.Share, sc.Follow, maxShare, minFollow)
	}
	// Frames between 93% and 96% of idle change nothing.
	for range 10 {
		reading(true, 18.9)
	}
	if sc.Share != maxShare || sc.Follow != minFollow {
		t.Errorf("within the band: share %v, follow %v", sc.Share, sc.Follow)
	}

	// After training stops, idle readings resume after the settling time.
	reading(false, 5)
	if d := sc.IdleFPS - 20; d < -0.5 || d > 0.5 {
		t.Errorf("a training reading after the stop moved the idle FPS to %v", sc.IdleFPS)
	}
}

// TestSchedulerWithoutIdleReadings: training started before any quiet
// second measures itself against its best reading so far.
func TestSchedulerWithoutIdleReadings(t *testing.T) {
	sc := NewScheduler()
	now := time.Unix(1e9, 0)
	reading := func(fps float64) {
		now = now.Add(adaptEvery)
		sc.Paints += 60 // the user drew until training started: no quiet second
		sc.adapt(true, fps, now)
	}
	for range 3 { // settling
		reading(50)
	}
	if sc.IdleFPS != 0 {
		t.Fatalf("idle FPS %v from training readings", sc.IdleFPS)
	}
	f := sc.Follow
	reading(50)
	if sc.Follow != f {
		t.Errorf("a reading at the best rate so far slowed the picture to %v", sc.Follow)
	}
	reading(30)
	if sc.Follow <= f {
		t.Errorf("a reading at 60%% of the best rate left the picture at %v", sc.Follow)
	}
}

// TestSchedulerSlowProcessor: when the game itself fills the main thread
// (a slow processor, a fast GPU), late frames make training yield and
// leave the picture live.
func TestSchedulerSlowProcessor(t *testing.T) {
	sc := NewScheduler()
	now := time.Unix(1e9, 0)
	reading := func(running bool, fps float64, busy time.Duration) {
		now = now.Add(adaptEvery)
		sc.Paints++
		sc.Busy += busy
		sc.adapt(running, fps, now)
	}
	for range 8 {
		reading(false, 60, 100*time.Millisecond)
	}
	for range 3 { // settling
		reading(true, 40, 900*time.Millisecond)
	}
	share := sc.Share
	reading(true, 40, 900*time.Millisecond)
	reading(true, 40, 900*time.Millisecond)
	if sc.Share >= share || sc.Follow != minFollow {
		t.Errorf("busy and late: share %v (was %v), follow %v; want training to yield and the picture to stay at %v",
			sc.Share, share, sc.Follow, minFollow)
	}
	// The same late frames with an idle processor slow the picture instead.
	share = sc.Share
	reading(true, 40, 300*time.Millisecond)
	if sc.Share != share || sc.Follow == minFollow {
		t.Errorf("late with time to spare: share %v (was %v), follow %v; want the picture to slow", sc.Share, share, sc.Follow)
	}
}
