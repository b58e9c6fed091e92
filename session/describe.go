package session

import (
	"fmt"
	"math"
	"strings"

	"digittrainer/data"
	"digittrainer/i18n"
)

// Lines of text the screen shows about the session, worded here so that
// the words and the numbers come from one place.

// ProgressText is the training progress bar's fill and label: how far
// Train N epochs has got, or the epochs done and how far the next one is.
func (s *Session) ProgressText() (float64, string) {
	done, frac := s.trainer.Epoch, s.trainer.Progress()
	switch {
	case s.Experimenting(): // the bar shows an experiment's progress while its card is closed
		return s.experimentProgress()
	case s.run.goalN > 0:
		frac = s.Progress()
		return frac, i18n.Sprintf("Training %d epochs: %d%%", s.run.goalN, int(100*frac))
	case done == 0 && frac == 0 && s.trainer.Seen == 0:
		return 0, i18n.T("Not trained yet")
	case done == 0 && frac == 0:
		return 0, i18n.Plural(s.trainer.Seen, "Learned from %d drawing", "Learned from %d drawings") // the tour's step
	case frac == 0:
		return 0, i18n.Plural(done, "%d epoch done", "%d epochs done")
	}
	return frac, i18n.Plural(done, "%d epoch done · next %d%%", "%d epochs done · next %d%%", done, int(100*frac))
}

// ProgressShort is ProgressText's label without how far the next epoch
// is (the bar's fill shows it), for a bar too narrow for the whole label
// in a longer language.
func (s *Session) ProgressShort() string {
	if done, frac := s.trainer.Epoch, s.trainer.Progress(); !s.Experimenting() && s.run.goalN == 0 && frac > 0 {
		return i18n.Plural(done, "%d epoch done", "%d epochs done")
	}
	_, text := s.ProgressText()
	return text
}

// CountsText is the dataset's counts line in forms from the longest, "0:
// 40 · 1: 38 — 78 in all (62 train, 16 validation)", through "500 in all
// (400 train, 100 validation) · 12–50 a class", to the shortest, "400
// train · 100 validation", so a narrow panel shows a whole one rather than
// a cut one; and a warning naming the classes to draw more of
// (data.Scarce) with a short form, or "".
func (s *Session) CountsText() (forms []string, warn, warnShort string) {
	d := s.data
	counts := d.Counts()
	parts := make([]string, len(counts))
	lo, hi := math.MaxInt, 0
	for i, n := range counts {
		parts[i] = fmt.Sprintf("%s: %d", d.Classes[i], n)
		lo, hi = min(lo, n), max(hi, n)
	}
	split := i18n.Sprintf("%d in all (%d train, %d validation)", d.Len(), s.TrainSize(), s.ValSize())
	per := i18n.Sprintf("%d each", hi)
	if lo != hi {
		per = i18n.Sprintf("%d–%d a class", lo, hi)
	}
	forms = []string{strings.Join(parts, " · ") + " — " + split, split + " · " + per, split,
		i18n.Sprintf("%d train · %d validation", s.TrainSize(), s.ValSize())}
	if d.Len() > 0 {
		var few []string
		for _, c := range data.Scarce(counts) {
			few = append(few, d.Classes[c])
		}
		if len(few) > 0 {
			warn, warnShort = i18n.Sprintf("Unbalanced: add more drawings of %s", strings.Join(few, ", ")), i18n.T("Unbalanced")
		}
	}
	return forms, warn, warnShort
}

// SpeedText is the speed line, "12,300 samples/s · 3.1 µs each · 60 FPS",
// and a shorter one without the time per sample, with the numbers written
// the language's way ("12.300", "3,1"). A dash stands for what is not
// measured yet (a 0 would read as "this computer cannot train"); when
// paused the time per sample stays.
func (sc *Scheduler) SpeedText(fps float64) (long, short string) {
	frames := "— FPS"
	if fps > 0 {
		frames = fmt.Sprintf("%.0f FPS", fps)
	}
	rate, each := "—", "—"
	if sc.Rate > 0 {
		rate = i18n.Int(int(sc.Rate))
	}
	if us := float64(sc.PerStep.Nanoseconds()) / 1000; us > 0 {
		each = i18n.Float(us, 1)
	}
	return i18n.Sprintf("%s samples/s · %s µs each · %s", rate, each, frames), i18n.Sprintf("%s samples/s · %s", rate, frames)
}
