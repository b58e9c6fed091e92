package session

import (
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"digittrainer/i18n"
)

// Simulated crashes and the checkpoint trade-off. A crash strikes at a
// seeded random moment of the run; the session then does what a training
// job does after a failure: it restores the latest snapshot and carries on,
// and says what the crash cost against what the snapshots cost.

// crash is the state of the simulation.
type crash struct {
	at    int // the sample count (Trainer.Seen) at which the armed crash strikes; 0: none
	count int // crashes so far: seeds the next moment
	// told is the count the messages have told of: a run that goes on
	// after a crash and soon stops says the crash again, so that a fast
	// run's stop does not hide it.
	told int
	last CrashReport
	mtbf int // the failure rate the trade-off assumes: an epoch count between failures
}

// CrashReport is what the last simulated crash cost.
type CrashReport struct {
	Epoch       int           // the epoch under way when it struck (completed epochs)
	Restored    int           // the epoch of the snapshot restored
	LostSamples int           // drawings trained on since that snapshot
	LostTime    time.Duration // training time since that snapshot
}

// mtbfChoices are the failure rates the trade-off offers: a crash every so
// many epochs, on average.
var mtbfChoices = []int{20, 50, 100, 200, 500, 1000, 10000}

// defaultMTBF is a crash every 1,000 epochs: with a snapshot of ~10 µs and
// an epoch of ~2 ms in a page, the sweet spot is then a few epochs, near
// the default interval, so the chart shows a valley with the interval in use on it.
const defaultMTBF = 1000

// LastCrash is the report of the last simulated crash and how many there
// were.
func (s *Session) LastCrash() (CrashReport, int) { return s.snaps.crash.last, s.snaps.crash.count }

// CrashArmed reports whether a simulated crash is on its way.
func (s *Session) CrashArmed() bool { return s.snaps.crash.at > 0 }

// SimulateCrash arms a crash at a random moment within the next two
// snapshot intervals and starts training if it is not running. Training
// does not stop by itself before the crash strikes.
func (s *Session) SimulateCrash() {
	if !s.CanTrain() {
		return
	}
	c := &s.snaps.crash
	if c.at > 0 {
		s.Say("A crash is on its way already: keep training.")
		return
	}
	n := s.TrainSize()
	span := 2 * max(s.snaps.every, 1) * n
	rng := rand.New(rand.NewPCG(s.seed^uint64(s.trainer.Seen)*0x9e3779b97f4a7c15, uint64(c.count)+1)) // seeded, but not the same moment every time
	c.at = s.trainer.Seen + 1 + rng.IntN(span)
	if !s.run.active {
		s.Play()
	}
	s.Say("A crash will strike at a random moment in the next %s. A snapshot is taken %s.", epochsText(2*max(s.snaps.every, 1)), everyText(s.snaps.every))
}

// crashLimit bounds a slice of training so that it stops at the crash.
func (s *Session) crashLimit(max int) int {
	if at := s.snaps.crash.at; at > 0 {
		return min(max, at-s.trainer.Seen)
	}
	return max
}

// strikeIfDue makes the armed crash happen once training reached it.
func (s *Session) strikeIfDue() bool {
	c := &s.snaps.crash
	if c.at == 0 || s.trainer.Seen < c.at {
		return false
	}
	c.at = 0
	c.count++
	i := len(s.snaps.list) - 1 // never empty: install takes one
	sn := s.snaps.list[i]
	t := s.trainer
	n := s.TrainSize()
	into := int(math.Round(t.Progress() * float64(n)))
	c.last = CrashReport{Epoch: t.Epoch, Restored: sn.Epoch, LostSamples: t.Seen - sn.pos.Seen, LostTime: s.trainTime - sn.trained}
	run := s.run
	s.leaveBranch()
	s.restoreSnapshot(i)
	s.run = run // a job restarts from its checkpoint and goes on
	taken, copied, _ := s.SnapCost()
	spent := s.SnapSpent()
	lost := float64(c.last.LostSamples) / float64(max(n, 1))
	s.Fail("Crash in epoch %d (%d of %d drawings in)! Back to the snapshot of epoch %d: %.1f epochs of work lost (%d drawings, %s). "+
		"The %d snapshots taken so far (%d kept) cost %s and %s.",
		c.last.Epoch+1, into, n, sn.Epoch, lost, c.last.LostSamples, s.lostTimeText(c.last), taken, len(s.snaps.list), DurationText(spent), BytesText(copied))
	return true
}

// lostTimeText is how long the lost work took: at a pace a class watches,
// the drawings over the pace ("2.4 s at 100 drawings a second"); at full
// speed, the training time itself.
func (s *Session) lostTimeText(r CrashReport) string {
	if p := s.Pace(); !math.IsInf(p, 1) {
		return i18n.Sprintf("%s at %s drawings a second", DurationText(time.Duration(float64(r.LostSamples)/p*float64(time.Second))), i18n.Float(p, -1))
	}
	return i18n.Sprintf("%s of training", DurationText(r.LostTime))
}

// crashNote repeats, in the message of a run's end, a crash that struck
// during the run; "" when there was none since the last message said so.
func (s *Session) crashNote() string {
	c := &s.snaps.crash
	if c.told == c.count {
		return ""
	}
	c.told = c.count
	return " " + i18n.Sprintf("A crash struck in epoch %d on the way: training went back to the snapshot of epoch %d and %d drawings of work were lost.",
		c.last.Epoch+1, c.last.Restored, c.last.LostSamples)
}

// DurationText writes a duration as a person reads it, in the language in
// use: "9 µs", "0.4 ms", "2.1 s" ("2,1 s" in German).
func DurationText(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return i18n.Sprintf("%.0f µs", float64(d)/float64(time.Microsecond))
	case d < time.Second:
		return i18n.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	}
	return i18n.Sprintf("%.1f s", d.Seconds())
}

// BytesText writes a size in the language in use: "16 kB", "1.2 MB"
// ("1,2 Mo" in French).
func BytesText(n int) string {
	switch {
	case n < 1000:
		return i18n.Sprintf("%d bytes", n)
	case n < 1000*1000:
		return i18n.Sprintf("%.0f kB", float64(n)/1000)
	}
	return i18n.Sprintf("%.1f MB", float64(n)/1e6)
}

// SetMTBF moves the failure rate the trade-off assumes one choice (d = +1:
// rarer failures).
func (s *Session) SetMTBF(d int) {
	c := &s.snaps.crash
	i := slices.Index(mtbfChoices, c.mtbf)
	if i < 0 {
		i = slices.Index(mtbfChoices, defaultMTBF)
	}
	c.mtbf = mtbfChoices[min(max(i+d, 0), len(mtbfChoices)-1)]
}

// MTBF is the failure rate the trade-off assumes, in epochs between failures.
func (s *Session) MTBF() int {
	if s.snaps.crash.mtbf == 0 {
		return defaultMTBF
	}
	return s.snaps.crash.mtbf
}

// Tradeoff is the checkpoint trade-off on this machine: for each snapshot
// interval K (in epochs), the share of training time spent taking snapshots,
// c/(K·e), and the share lost on average to failures, K/(2·M) (a failure
// loses half an interval's work on average), with c the measured time of a
// snapshot, e that of an epoch and M the epochs between failures. Their sum
// is least at K* = √(2·c·M/e): Young's approximation (J. W. Young, "A first
// order approximation to the optimum checkpoint interval", Communications
// of the ACM 17(9), 1974), τ = √(2·c·MTBF) in time units.
type Tradeoff struct {
	SnapTime  time.Duration // one snapshot, measured here
	SnapBytes int
	EpochTime time.Duration // one epoch, measured here; 0 before any training
	MTBF      int           // epochs between failures, as chosen
	Every     int           // the interval in use
	Best      float64       // K*, in epochs; 0 when EpochTime is unknown
	Points    []TradeoffPoint
}

// TradeoffPoint is the overhead at one interval, as shares of training time.
type TradeoffPoint struct {
	Every             float64
	Snap, Lost, Total float64
}

// Overhead is the total share at interval k.
func (t *Tradeoff) Overhead(k float64) (snap, lost float64) {
	if t.EpochTime <= 0 || k <= 0 {
		return 0, 0
	}
	return t.SnapTime.Seconds() / (k * t.EpochTime.Seconds()), k / (2 * float64(t.MTBF))
}

// tradeoffKs are the intervals the chart plots: 0.1 to 1,000 epochs, evenly
// on a log scale.
const tradeoffKs = 65

// Tradeoff measures and computes the trade-off for the network and
// dataset as they are.
func (s *Session) Tradeoff() *Tradeoff {
	sn := s.snapCost()
	t := &Tradeoff{SnapTime: sn, SnapBytes: snapshotBytes(s.net, s.history.Len()), MTBF: s.MTBF(), Every: s.snaps.every}
	if s.perf.samples > 0 {
		t.EpochTime = time.Duration(float64(s.perf.time) / float64(s.perf.samples) * float64(s.TrainSize()))
	}
	if t.EpochTime <= 0 {
		return t
	}
	t.Best = math.Sqrt(2 * t.SnapTime.Seconds() * float64(t.MTBF) / t.EpochTime.Seconds())
	for i := range tradeoffKs {
		k := math.Pow(10, -1+4*float64(i)/float64(tradeoffKs-1))
		a, b := t.Overhead(k)
		t.Points = append(t.Points, TradeoffPoint{Every: k, Snap: a, Lost: b, Total: a + b})
	}
	return t
}

// snapReps snapshots are timed together, snapRounds times, for snapCost: one
// takes microseconds, below what a browser's clock resolves (0.1 ms), and
// the least of the rounds leaves out a garbage collection that happened to
// fall into one.
const (
	snapReps   = 64
	snapRounds = 3
)

// snapCost is the time one snapshot takes, measured once per network and
// curve size.
func (s *Session) snapCost() time.Duration {
	key := [2]int{s.net.NumParams(), s.history.Len() / 64} // the curves' copy matters by the hundred
	if s.perf.snapFor == key && s.perf.snap > 0 {
		return s.perf.snap
	}
	best := time.Duration(math.MaxInt64)
	for range snapRounds {
		t0 := clock()
		for range snapReps {
			_ = s.capture()
		}
		best = min(best, clock().Sub(t0))
	}
	s.perf.snap = max(best/snapReps, time.Nanosecond)
	s.perf.snapFor = key
	return s.perf.snap
}

// perfWindow is about how many recent samples the time per sample is
// averaged over.
const perfWindow = 20000

// perf is what the session measured of this machine: training time per
// sample (over the whole session) and the time of a snapshot.
type perf struct {
	time    time.Duration
	samples int
	snap    time.Duration
	snapFor [2]int
}

// TimeTravelText says what the snapshots are, what they cost and where the
// sweet spot of tr is, in the figures measured here.
func (s *Session) TimeTravelText(tr *Tradeoff) string {
	taken, _, kept := s.SnapCost()
	spent := s.SnapSpent()
	every := i18n.Sprintf("Every %d epochs", tr.Every)
	if tr.Every == 1 {
		every = i18n.T("Every epoch")
	}
	text := i18n.Sprintf("%s the app keeps a snapshot of the weights, the learning rate in use, the order of the drawings and the curves: "+
		"the diamonds under the curves. Tap or click one (or press B) to go back to it. Kept: %d of the %d taken (%s); taking them took %s in all.",
		every, len(s.snaps.list), taken, BytesText(kept), DurationText(spent)) + " "
	switch r, n := s.LastCrash(); {
	case s.CrashArmed():
		text += i18n.T("A crash is on its way: keep training.") + " "
	case n > 0:
		text += i18n.Sprintf("The last crash struck in epoch %d and went back to epoch %d: %d drawings of work lost.", r.Epoch+1, r.Restored, r.LostSamples) + " "
	}
	if tr.EpochTime <= 0 {
		return text + i18n.Sprintf("One snapshot takes %s on this computer. Train a few epochs to measure an epoch and draw the trade-off.", DurationText(tr.SnapTime))
	}
	best := i18n.Sprintf("every %.0f epochs", tr.Best)
	switch {
	case tr.Best < 1:
		best = i18n.T("more than once an epoch (this app takes one at most once an epoch)")
	case tr.Best < 10:
		best = i18n.Sprintf("every %.1f epochs", tr.Best)
	}
	return text + i18n.Sprintf("Here a snapshot takes %s and an epoch of training %s. If training crashed every %d epochs on average, "+
		"the least time would be lost with a snapshot %s: the bottom of the black curve.",
		DurationText(tr.SnapTime), DurationText(tr.EpochTime), tr.MTBF, best)
}
