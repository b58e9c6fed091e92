package session

import (
	"math"
	"slices"
	"time"
)

// Why bounded slices on the main thread and not a Web Worker: what costs
// frames while training is drawing it, not training. Measured in headless
// Chromium with software rendering (SwiftShader, 2 cores): training in
// slices with the drawn network frozen kept 99% of the idle frame rate;
// redrawing the ~2,000 edges five times a second cut it to about 55%, and
// the frames were lost in the browser's GPU process. A worker would move
// the cheap part elsewhere, and cost a second wasm instance (~0.3 s to
// start, tens of MB) and a copy of the weights for every picture.
//
// Why a share of the time since the last tick and not a fixed slice per
// tick: Ebiten keeps 60 updates per second, so when frames are slow (a weak
// laptop, or SwiftShader at ~20 FPS) it runs several Updates back to back
// before one Draw. A fixed 5 ms per Update would then add 15 ms to that one
// frame; a share of the elapsed time gives the first Update the frame's
// training time and the catch-up Updates none.
//
// Why up to 25 ms when frames are slow: a software renderer spends a slow
// frame in the browser's GPU process while the page's main thread waits,
// so training there costs the frame rate little. At 60 FPS the share, not
// the cap, bounds a tick, to at most 6 ms.
//
// Pacing: the goal is that training costs at most 10% of the frame rate
// the machine manages when idle (which may be 144 on a gaming screen or 20
// in a software-rendered browser), while training as fast as that allows
// and showing the network as often as that allows. Two knobs serve it:
// Follow, how often the drawn network takes the new weights (the costly
// repaint), and Share, the training time. Once a second (ebiten.ActualFPS
// is a one-second average, so reacting every tick would overshoot) adapt
// compares the frame rate with the idle one: when late it first shows the
// network less often, down to every maxFollow, and only then trains less
// (training yields first when the game itself keeps the main thread busy:
// then the processor, not the drawing, is what makes frames late);
// when on time it first trains more, up to maxShare, then shows more often,
// up to every minFollow. Where redraws are cheap (a GPU) that is five
// pictures a second; in headless Chromium's SwiftShader it settled at one
// every 1.5–2 s.
const (
	defaultShare = 0.4                     // training time per unit of time not training, at start
	minShare     = 0.15                    // the floor: training never starves
	maxShare     = 0.85                    // 46% of the time: ~120k samples/s at ~3.8 µs each in a page
	minFollow    = 200 * time.Millisecond  // five pictures a second read as live
	maxFollow    = 2 * time.Second         // the slowest the drawn network follows training
	maxBudget    = 25 * time.Millisecond   // no tick trains longer, however long the gap
	maxGap       = 100 * time.Millisecond  // a longer gap (a hidden tab) counts as this
	adaptEvery   = time.Second             // one new ebiten.ActualFPS reading
	settle       = 1500 * time.Millisecond // readings ignored after training starts or stops
	slowRatio    = 0.93                    // below this share of the idle FPS, back off (the goal is 0.9)
	fastRatio    = 0.96                    // above it, do more
	maxChunk     = 512                     // samples between two clock readings
	sweepChunk   = 128                     // a sweep's samples between two clock readings: bigger networks than the user's
	emaWeight    = 0.2                     // weight of the newest measurement in moving averages
	idleReadings = 5                       // readings the idle frame rate is the median of
	lateReadings = 2                       // late readings in a row before training yields
	quietPaints  = 3                       // at most this many paints in an idle reading's second
	cpuBusy      = 0.75                    // above this share of the time in the game, the processor is the bottleneck
	rateWindow   = 500 * time.Millisecond
)

// Scheduler trains a running session in slices that fit a time budget per
// tick, measuring the time per sample as a moving average to size each
// slice and the rate in samples per second for the speed line.
type Scheduler struct {
	Share   float64       // the current share of elapsed time spent training
	Follow  time.Duration // how often the drawn network follows training
	IdleFPS float64       // the frame rate while not training: the median of recent quiet readings
	Paints  int           // the game's paints so far (see adapt)
	Busy    time.Duration // the game's time in Update and Draw so far (see adapt)
	Now     func() time.Time
	PerStep time.Duration // moving average of the time per sample
	Rate    float64       // samples per second over the last window

	last      time.Time // the previous Run
	running   bool      // whether the previous Run found the session running
	adaptedAt time.Time // the last reading adapt used, or when it may start
	idle      []float64 // the last idleReadings readings while not training
	late      int       // late readings in a row while training
	paintsAt  int       // Paints at the last reading
	bestFPS   float64   // the best reading while training
	busyAt    time.Duration
	busySince time.Time // Busy and the time at the last reading
	winStart  time.Time
	winCount  int
	allow     float64   // samples the pace allows and training has not taken yet
	due       time.Time // slow motion's next half-step
}

// NewScheduler returns a scheduler with the default share, the network
// shown live, and the wall clock.
func NewScheduler() *Scheduler {
	return &Scheduler{Share: defaultShare, Follow: minFollow, Now: time.Now}
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
	// An experiment trains in the same spare time, so the frame rate paces
	// it as it paces training: late frames shrink the share for both.
	sc.adapt(s.Running() || s.Experimenting(), fps, start)
	quota := sc.quota(s, start)
	total := 0
	if s.Watching() {
		total = sc.slowMotion(s, start)
		quota = 0
	}
	for s.Running() && budget > sc.PerStep && total < quota {
		est := maxChunk
		if sc.PerStep > 0 {
			est = int((budget - sc.Now().Sub(start)) / sc.PerStep)
		}
		chunk := min(max(est, 1), maxChunk, quota-total)
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
	for s.Experimenting() && sc.Now().Sub(start) < budget {
		s.ExperimentSome(sweepChunk)
	}
	sc.allow = max(sc.allow-float64(total), 0)
	sc.last = sc.Now()
	sc.count(total, s.Running())
	return total
}

// quota is how many samples the session's pace allows this tick: the pace
// times the time since the last tick, plus what earlier ticks left, up to a
// quarter second's worth (so a hidden tab does not bank a burst).
func (sc *Scheduler) quota(s *Session, now time.Time) int {
	p := s.Pace()
	switch {
	case !s.Running():
		sc.allow, sc.due = 0, time.Time{}
		return 0
	case math.IsInf(p, 1):
		return math.MaxInt
	}
	gap := maxGap / 3
	if !sc.last.IsZero() {
		gap = min(now.Sub(sc.last), maxGap)
	}
	sc.allow = min(sc.allow+p*gap.Seconds(), max(p/4, 1))
	return int(sc.allow)
}

// slowMotion alternates, every half period of the pace, between showing
// the drawing training takes next (the network's guess) and training on
// it (the update and what it changed).
func (sc *Scheduler) slowMotion(s *Session, now time.Time) int {
	half := time.Duration(float64(time.Second) / s.Pace() / 2)
	if sc.due.IsZero() || now.Sub(sc.due) > 2*half || sc.due.Sub(now) > half {
		sc.due = now // starting, after a stall (no burst of steps to catch up) or a faster pace
	}
	if now.Before(sc.due) {
		return 0
	}
	sc.due = sc.due.Add(half)
	if !s.watch.on || s.watch.trained {
		s.ShowNext()
		return 0
	}
	return s.TrainSome(1)
}

// adapt learns the idle frame rate, and while training paces the two
// knobs against it (see Pacing above). It uses one reading a second, and
// none in the first seconds after training starts or stops, whose
// readings still average the other state.
func (sc *Scheduler) adapt(running bool, fps float64, now time.Time) {
	if running != sc.running || sc.adaptedAt.IsZero() {
		sc.running, sc.late, sc.paintsAt = running, 0, sc.Paints
		sc.adaptedAt = now.Add(settle - adaptEvery)
		sc.busyAt, sc.busySince = sc.Busy, now
		return
	}
	if fps <= 0 || now.Sub(sc.adaptedAt) < adaptEvery {
		return
	}
	sc.adaptedAt = now
	paints := sc.Paints - sc.paintsAt
	sc.paintsAt = sc.Paints
	busy := 0.0 // the share of the time the game itself was running
	if el := now.Sub(sc.busySince); el > 0 {
		busy = float64(sc.Busy-sc.busyAt) / float64(el)
	}
	sc.busyAt, sc.busySince = sc.Busy, now
	if !running {
		// Idle means not training and not painting every frame: a second
		// in which the user drew repainted the screen each frame and runs
		// far below the idle rate; training measured against it would
		// look on time while it halved the frame rate. Of the quiet
		// seconds, the median of the last few: a lucky second does not
		// set a reference training can never meet.
		if paints > quietPaints {
			return
		}
		sc.idle = append(sc.idle, fps)
		if len(sc.idle) > idleReadings {
			sc.idle = sc.idle[1:]
		}
		sorted := slices.Clone(sc.idle)
		slices.Sort(sorted)
		sc.IdleFPS = sorted[len(sorted)/2]
		return
	}
	// Until a quiet second has shown the idle rate (the user started
	// training at once, or drew until then), the best rate seen while
	// training stands in: the idle rate is at least that.
	sc.bestFPS = max(sc.bestFPS, fps)
	ref := sc.bestFPS
	if sc.IdleFPS > 0 {
		ref = sc.IdleFPS
	}
	late := fps < slowRatio*ref
	if late {
		sc.late++
	} else {
		sc.late = 0
	}
	// Who is late: when the game itself keeps the main thread busy most
	// of the time (a slow processor), training yields first; otherwise
	// the time goes elsewhere (the browser's drawing, a software
	// renderer) and the picture slows first.
	cpuBound := busy > cpuBusy
	switch {
	case late && !cpuBound && sc.Follow < maxFollow:
		// The frames lost are about proportional to how often the network
		// is redrawn: aim at the middle of the band in one step.
		loss := 1 - fps/ref
		k := min(max(loss/(1-(slowRatio+fastRatio)/2), 1.25), 8)
		sc.Follow = min(time.Duration(float64(sc.Follow)*k), maxFollow)
		sc.late = 0 // a new pace: judge it afresh
	case late && sc.late >= lateReadings:
		// Twice in a row: one slow second on a busy machine should not
		// cut training that the next seconds would have to win back.
		sc.Share = max(sc.Share*0.85, minShare)
		sc.late = 0
	case fps > fastRatio*ref && sc.Share < maxShare:
		sc.Share = min(sc.Share*1.25, maxShare)
	case fps > fastRatio*ref:
		sc.Follow = max(sc.Follow*9/10, minFollow)
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
