package lesson

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// check is what every lesson must be, made or read: Encode refuses a
// lesson that Decode would refuse, so a link made is a link that opens.
func check(l *Lesson) error {
	if l == nil || l.Data == nil {
		return errorf(i18n.T("the lesson has no drawings"))
	}
	d := l.Data
	if c := len(d.Classes); c < nn.MinClasses || c > nn.MaxClasses {
		return errorf(i18n.Sprintf("the lesson has %d classes; a lesson has %d to %d", c, nn.MinClasses, nn.MaxClasses))
	}
	for i, c := range d.Classes {
		if err := checkText(c, i18n.Sprintf("class %d's name", i), 1, maxNameLen); err != nil {
			return err
		}
	}
	if n := len(d.Samples); n > MaxDrawings {
		return errorf(i18n.Sprintf("the lesson has %s drawings; at most %s fit in a link", i18n.Int(n), i18n.Int(MaxDrawings)))
	}
	for i, s := range d.Samples {
		if s.Label < 0 || s.Label >= len(d.Classes) {
			return errorf(i18n.Sprintf("drawing %d is labelled %d, but the lesson has only %d classes (0..%d)", i+1, s.Label, len(d.Classes), len(d.Classes)-1))
		}
		for _, p := range s.Pixels {
			if p > 1 {
				return errorf(i18n.Sprintf("drawing %d has a pixel value %d; a pixel is 0 or 1", i+1, p))
			}
		}
	}
	if err := l.Settings.check(); err != nil {
		return err
	}
	if err := checkName(l.View.Tab, i18n.T("the tab"), true); err != nil {
		return err
	}
	t := l.Teacher
	if len(t.Hide) > maxHide {
		return errorf(i18n.Sprintf("the lesson hides %d panels and controls; at most %d", len(t.Hide), maxHide))
	}
	for _, h := range t.Hide {
		if err := checkName(h, i18n.T("a hidden panel's name"), false); err != nil {
			return err
		}
	}
	for _, k := range t.Fixed {
		if !slices.Contains(SettingKeys, k) {
			return errorf(i18n.Sprintf("%q is not a setting a lesson can fix (%s)", k, strings.Join(SettingKeys, ", ")))
		}
	}
	if err := checkName(t.Open, i18n.T("the lesson to open"), true); err != nil {
		return err
	}
	if l.Title != "" {
		return checkText(l.Title, i18n.T("the title"), 1, maxTitleLen)
	}
	return nil
}

// check checks each setting against the range the app accepts.
func (s *Settings) check() error {
	finite := func(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
	switch {
	case s.Hidden < nn.MinHidden || s.Hidden > nn.MaxHidden:
		return errorf(i18n.Sprintf("the hidden size %d is outside %d..%d", s.Hidden, nn.MinHidden, nn.MaxHidden))
	case !finite(s.LR) || s.LR <= 0:
		return errorf(i18n.Sprintf("the learning rate %v is not a number above 0", s.LR))
	case !finite(s.Decay) || s.Decay <= 0 || s.Decay > 1:
		return errorf(i18n.Sprintf("the learning-rate decay %v is not above 0 and at most 1", s.Decay))
	case !finite(s.MinLR) || s.MinLR < 0:
		return errorf(i18n.Sprintf("the lowest learning rate %v is not 0 or more", s.MinLR))
	case !finite(s.L2) || s.L2 < 0:
		return errorf(i18n.Sprintf("the L2 weight decay %v is not 0 or more", s.L2))
	case s.Batch < 1 || s.Batch > maxBatch:
		return errorf(i18n.Sprintf("the batch size %d is outside 1..%s", s.Batch, i18n.Int(maxBatch)))
	case s.EpochsN < 1 || s.EpochsN > maxEpochs:
		return errorf(i18n.Sprintf("the epochs a click trains, %d, are outside 1..%s", s.EpochsN, i18n.Int(maxEpochs)))
	case !finite(s.Pace) || s.Pace < 0:
		return errorf(i18n.Sprintf("the pace %v is not 0 (full speed) or a number of drawings a second", s.Pace))
	case s.Patience < 0 || s.Patience > maxEpochs:
		return errorf(i18n.Sprintf("the epochs without progress that stop training, %d, are outside 0..%s", s.Patience, i18n.Int(maxEpochs)))
	case s.SnapEvery < 0 || s.SnapEvery > maxEpochs:
		return errorf(i18n.Sprintf("the epochs between snapshots, %d, are outside 0..%s", s.SnapEvery, i18n.Int(maxEpochs)))
	}
	if _, err := nn.ParseActivation(s.Activation); err != nil {
		return errorf(i18n.Sprintf("the activation %q is not sigmoid, tanh or relu", s.Activation))
	}
	return nil
}

// checkText checks text shown to students: between lo and hi bytes of
// UTF-8 on one line.
func checkText(s, what string, lo, hi int) error {
	switch {
	case len(s) < lo:
		return errorf(i18n.Sprintf("%s is empty", what))
	case len(s) > hi:
		return errorf(i18n.Sprintf("%s is %d bytes long; at most %d", what, len(s), hi))
	case !utf8.ValidString(s):
		return errorf(i18n.Sprintf("%s is not valid text (UTF-8)", what))
	case strings.ContainsFunc(s, unicode.IsControl):
		return errorf(i18n.Sprintf("%s has a control character; it must be one line of text", what))
	}
	return nil
}

// checkName checks a name the app looks up (a panel, a tab, a lesson id):
// letters, digits, '-', '_' and '.', up to maxNameLen bytes; "" only if
// empty is allowed. Only the spelling is checked: the app ignores a name it
// does not know.
func checkName(s, what string, empty bool) error {
	if s == "" && empty {
		return nil
	}
	if s == "" {
		return errorf(i18n.Sprintf("%s is empty", what))
	}
	if len(s) > maxNameLen {
		return errorf(i18n.Sprintf("%s is %d bytes long; at most %d", what, len(s), maxNameLen))
	}
	for _, r := range s {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_.", r)) {
			return errorf(i18n.Sprintf("%s %q has a character other than letters, digits, '-', '_' and '.'", what, s))
		}
	}
	return nil
}
