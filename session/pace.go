package session

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"digittrainer/data"
	"digittrainer/i18n"
)

// How fast training goes and when it stops by itself. A class has to be
// able to watch the network learn: at full speed the starter set is
// learned in a fraction of a second and nobody sees it, so training runs at
// a pace (drawings a second) and stops when the validation loss has not
// improved for a while.

// paces are the choices of the Pace stepper, in drawings a second; the
// last, +Inf, is as fast as the machine allows.
var paces = []float64{1, 3, 10, 30, 100, 300, 1000, math.Inf(1)}

// defaultPace is 100 drawings a second: the starter set's 240 training
// drawings take 2.4 s an epoch, so the network reads both digits after
// about 7 s and the curves grow a point every few seconds.
const defaultPace = 100

// SlowMotion is the fastest pace at which the grid shows each drawing being
// learned: first the network's guess, then, half a period later, the
// update and its result. Each costs a repaint of the network picture, and a
// software renderer (SwiftShader in headless Chromium, weak integrated
// GPUs) keeps about nine tenths of its idle frame rate at one drawing a
// second, each paint costing it several frames' worth of work
// (BENCHMARKS.md, slow motion).
const SlowMotion = 1

// patiences are the choices of the "Stop if stuck" stepper: the epochs
// without a better validation loss after which training stops; 0 never
// stops.
var patiences = []int{5, 10, 20, 50, 0}

// defaultPatience is 10 epochs: on the starter set training stops after
// about 16 (the loss stops improving after about 6).
const defaultPatience = 10

// minGain is how much lower a loss must be to count as an improvement: a
// thousandth, so that a loss creeping down in the last digits does not keep
// training going for ever.
const minGain = 0.001

// choice returns the index of v in choices (the first one if v is not there).
func choice[T comparable](choices []T, v T) int { return max(slices.Index(choices, v), 0) }

// Pace is the pace in drawings a second; +Inf for full speed.
func (s *Session) Pace() float64 { return paces[s.pace] }

// Patience is how many epochs without improvement stop training; 0 never.
func (s *Session) Patience() int { return patiences[s.patience] }

// Watching reports whether the grid shows the drawings being learned (slow
// motion while training).
func (s *Session) Watching() bool { return s.run.active && s.Pace() <= SlowMotion }

// paceText writes the pace for the stepper: "100/s", "1k/s", "max".
func paceText(p float64) string {
	switch {
	case math.IsInf(p, 1):
		return i18n.T("max")
	case p >= 1000:
		return strconv.FormatFloat(p/1000, 'g', 3, 64) + "k/s"
	}
	return strconv.FormatFloat(p, 'g', 3, 64) + "/s"
}

// patienceText writes the patience for the stepper: a number of epochs
// (the stepper is too narrow to say so), or "never".
func patienceText(p int) string {
	if p == 0 {
		return i18n.T("never")
	}
	return strconv.Itoa(p)
}

// stuck is the early stop's bookkeeping: the best loss of this run and
// when it was reached.
type stuck struct {
	best  float64
	epoch int
}

// improved records an epoch's loss and reports whether training should go
// on: an improvement by more than minGain, or fewer than patience epochs
// since the last one.
func (k *stuck) improved(epoch int, loss float64, patience int) bool {
	if k.epoch == 0 || loss < k.best*(1-minGain) {
		k.best, k.epoch = loss, epoch
	}
	return patience == 0 || epoch-k.epoch < patience
}

// watch is slow motion's hold on the grid: the drawing being learned is on
// it, and the user's own drawing waits to come back when training stops.
type watch struct {
	on       bool
	saved    data.Sample
	savedSel int
	loss     float64 // the shown drawing's loss before its update
	trained  bool    // the update was made: the grid shows its result
}

// ShowNext puts the drawing training takes next on the grid, so the
// network's guess at it shows before the update (slow motion's first half).
func (s *Session) ShowNext() {
	train, _ := s.Examples()
	if !s.Watching() || train.Len() == 0 {
		return
	}
	if !s.watch.on {
		s.watch = watch{on: true, saved: s.grid, savedSel: s.selected}
	}
	i := s.split.trainIdx[s.trainer.Upcoming(train)]
	s.grid, s.selected = s.data.Samples[i], i
	s.watch.trained = false
	s.watch.loss = s.Forward().Loss(s.grid.Label)
}

// WatchText says what slow motion shows: the drawing, its label and its
// loss before the update and, once it is made, after; longest first, then
// shorter forms for a narrow panel (the last only the drawing's number and
// its losses). It is empty when not watching.
func (s *Session) WatchText() []string {
	if !s.watch.on || s.selected < 0 {
		return nil
	}
	name := s.data.Classes[s.grid.Label]
	losses := lossText(s.watch.loss)
	if s.watch.trained {
		losses += "→" + lossText(s.Forward().Loss(s.grid.Label))
	}
	long := i18n.Sprintf("Drawing %d, a %s: loss %s", s.selected+1, name, strings.Replace(losses, "→", " → ", 1))
	return []string{long, fmt.Sprintf("#%d (%s) %s", s.selected+1, name, losses), fmt.Sprintf("#%d %s", s.selected+1, losses)}
}

// unwatch gives the grid back to the user: their drawing returns.
func (s *Session) unwatch() {
	if s.watch.on {
		s.grid, s.selected = s.watch.saved, s.watch.savedSel
		s.watch = watch{}
	}
}

// lossText writes a loss with three decimals, as the screen shows losses,
// in the language's way ("0,693").
func lossText(v float64) string { return i18n.Float(v, 3) }
