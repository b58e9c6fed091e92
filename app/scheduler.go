package app

import "time"

// Why bounded slices on the main thread and not a Web Worker: the network is
// a few thousand float64s and every frame draws all of them; a worker would
// need a second wasm instance and a copy of the weights every frame, for no
// gain at this size. One sample costs a few µs in the page (the inputs are
// sparse), so a share of each frame is plenty.
//
// Why a share of the time since the last tick and not a fixed slice per
// tick: Ebiten keeps 60 updates per second, so when frames are slow (a weak
// laptop, or SwiftShader at ~20 FPS) it runs several Updates back to back
// before one Draw. A fixed 5 ms per Update would then add 15 ms to that one
// frame; a share of the elapsed time gives the first Update the frame's
// training time and the catch-up Updates none.
//
// Why up to 25 ms when frames are slow: a software renderer (SwiftShader)
// spends a slow frame in the browser's GPU process while the page's main
// thread waits, so training there costs the frame rate little; if it does
// cost frames, the share shrinks (see adapt). At 60 FPS the share, not the
// cap, bounds a tick to about 7 ms.
//
// Why the share never falls below minShare (about 13% of the time): frames
// can be late for reasons training does not cause — a repaint of the
// network costs a software renderer far more than a frame that only shows
// the last picture (see redraw) — and without a floor training would
// starve to a few thousand samples a second there.
//
// Why compare with the idle frame rate and not 60: the goal is that training
// costs at most 10% of the frame rate the machine manages when idle, which
// may be 144 on a gaming screen or 20 in a software-rendered browser.
const (
	defaultShare = 0.4                    // training time per unit of time not training
	minShare     = 0.15                   // the floor when frames are late (see below)
	maxBudget    = 25 * time.Millisecond  // no tick trains longer, however long the gap
	maxGap       = 100 * time.Millisecond // a longer gap (a hidden tab) counts as this
	targetFPS    = 60                     // the reference until the idle rate is known
	slowRatio    = 0.9                    // below this share of the idle FPS the share shrinks
	fastRatio    = 0.97                   // above it the share grows back
	maxChunk     = 512                    // samples between two clock readings
	emaWeight    = 0.2                    // weight of the newest measurement in moving averages
	rateWindow   = 500 * time.Millisecond
)

// Scheduler trains a running session in slices that fit a time budget per
// tick, measuring the time per sample as a moving average to size each
// slice and the rate in samples per second for the speed line.
type Scheduler struct {
	Share   float64 // the current share of elapsed time spent training
	IdleFPS float64 // moving average of the frame rate while not training
	Now     func() time.Time
	PerStep time.Duration // moving average of the time per sample
	Rate    float64       // samples per second over the last window

	last     time.Time // the previous Run
	winStart time.Time
	winCount int
}

// NewScheduler returns a scheduler with the default share and the wall clock.
func NewScheduler() *Scheduler {
	return &Scheduler{Share: defaultShare, Now: time.Now}
}

// budget returns how long this tick may train: the share of the time since
// the previous tick's training ended, at most maxBudget. Training thus takes
// share/(1+share) of the wall time, about 29% at the default.
func (sc *Scheduler) budget(now time.Time) time.Duration {
	gap := maxGap / 3
	if !sc.last.IsZero() {
		gap = min(now.Sub(sc.last), maxGap)
	}
	return min(time.Duration(sc.Share*float64(gap)), maxBudget)
}

// Run trains s for up to one budget if it is running, given the frame rate
// measured so far (0 if unknown), and returns how many samples it trained.
func (sc *Scheduler) Run(s *Session, fps float64) int {
	start := sc.Now()
	if sc.winStart.IsZero() {
		sc.winStart = start
	}
	budget := sc.budget(start)
	sc.adapt(s.Running, fps)
	total := 0
	for s.Running && budget > sc.PerStep {
		est := maxChunk
		if sc.PerStep > 0 {
			est = int((budget - sc.Now().Sub(start)) / sc.PerStep)
		}
		chunk := min(max(est, 1), maxChunk)
		t0 := sc.Now()
		done := s.TrainSome(chunk)
		if done == 0 {
			break
		}
		total += done
		per := sc.Now().Sub(t0) / time.Duration(done)
		if sc.PerStep == 0 {
			sc.PerStep = per
		} else {
			sc.PerStep += time.Duration(emaWeight * float64(per-sc.PerStep))
		}
		if sc.Now().Sub(start) >= budget {
			break
		}
	}
	if total > 0 {
		s.Predict()
	}
	sc.last = sc.Now()
	sc.count(total, s.Running)
	return total
}

// adapt learns the idle frame rate, and while training shrinks the share
// when frames are late against it and grows it back when they are on time.
func (sc *Scheduler) adapt(running bool, fps float64) {
	if fps <= 0 {
		return
	}
	if !running {
		if sc.IdleFPS == 0 {
			sc.IdleFPS = fps
		} else {
			sc.IdleFPS += emaWeight * (fps - sc.IdleFPS)
		}
		return
	}
	ref := float64(targetFPS)
	if sc.IdleFPS > 0 {
		ref = sc.IdleFPS
	}
	switch {
	case fps < slowRatio*ref:
		sc.Share = max(sc.Share*0.9, minShare)
	case fps > fastRatio*ref:
		sc.Share = min(sc.Share*1.1, defaultShare)
	}
}

// count updates the samples-per-second rate once per window.
func (sc *Scheduler) count(n int, running bool) {
	sc.winCount += n
	now := sc.Now()
	if el := now.Sub(sc.winStart); el >= rateWindow {
		sc.Rate = float64(sc.winCount) / el.Seconds()
		sc.winStart, sc.winCount = now, 0
	}
	if !running && n == 0 && sc.winCount == 0 {
		sc.Rate = 0
	}
}
