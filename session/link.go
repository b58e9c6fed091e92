package session

import (
	"math"
	"slices"

	"digittrainer/i18n"
	"digittrainer/lesson"
	"digittrainer/nn"
)

// Lesson links: a whole starting point in a link's fragment (package
// lesson). The session makes its link, opens one (as an edit Undo takes
// back), and keeps the teacher's options of the link it opened: the
// settings students may not change, what to hide and what to open.

// linkState caches the session's link (encoding deflates every drawing)
// and holds the teacher options of the link opened.
type linkState struct {
	key     linkKey // what the cached link was made from
	payload string
	teacher lesson.Teacher
	title   string
	// openData is the dataset version a lesson set up (lessons.go): the link
	// opens that lesson only while the drawings are still its own, so a
	// link made after editing them carries the edits, not the lesson.
	openData uint64
}

// linkKey is everything a link is made from, by value: the cache keeps the
// link while it is the same (the status asks every frame).
type linkKey struct {
	data     uint64
	settings Settings
	view     lesson.View
	snap     int
}

// LinkPayload is the session as a lesson link's fragment (without "#"):
// its drawings with their sides, its settings and seed, the teacher
// options of the link it was opened from, and view.
func (s *Session) LinkPayload(view lesson.View) (string, error) {
	st := s.Settings()
	key := linkKey{s.data.Version(), st, view, s.snaps.every}
	if s.link.payload != "" && s.link.key == key {
		return s.link.payload, nil
	}
	pace := st.Pace
	if math.IsInf(pace, 1) {
		pace = 0
	}
	teacher := s.link.teacher
	if _, isLesson := lessonInfo(teacher.Open); isLesson && s.link.openData != s.data.Version() {
		teacher.Open = ""
	}
	l := &lesson.Lesson{Data: s.data, View: view, Teacher: teacher, Title: s.link.title,
		Settings: lesson.Settings{Hidden: st.Hidden, Activation: st.Activation.String(), LR: st.Hyper.LR, Decay: st.Hyper.Decay,
			MinLR: st.Hyper.MinLR, L2: st.Hyper.L2, Batch: st.Hyper.Batch, Seed: st.Seed, EpochsN: st.EpochsN, Pace: pace,
			Patience: st.Patience, SnapEvery: s.snaps.every}}
	p, err := lesson.Encode(l)
	if err != nil {
		return "", err
	}
	s.link.key, s.link.payload = key, p
	return p, nil
}

// ReadLink decodes a link (the fragment, "#…" or a whole URL); a hostile
// link is refused with the decoder's message and nothing changes.
func (s *Session) ReadLink(text string) (*lesson.Lesson, error) {
	l, err := lesson.Decode(text)
	if err != nil {
		s.Fail("This lesson link cannot be opened: %v. Nothing was changed.", Plain(err))
		return nil, err
	}
	return l, nil
}

// LinkIsHere reports whether the session already holds the link's
// drawings and settings (a reload of the page it opened): opening it again
// would change nothing, so nothing needs asking.
func (s *Session) LinkIsHere(l *lesson.Lesson) bool {
	if s.data.Len() != l.Data.Len() || s.net.Hidden != l.Settings.Hidden || s.seed != l.Settings.Seed {
		return false
	}
	for i := range s.data.Samples {
		if s.data.Samples[i] != l.Data.Samples[i] {
			return false
		}
	}
	return true
}

// OpenLink makes the link's lesson the session: its drawings, settings
// and a fresh network from its seed, and the teacher's options. Undo
// brings back what was there.
func (s *Session) OpenLink(l *lesson.Lesson) error {
	act, err := nn.ParseActivation(l.Settings.Activation)
	if err != nil {
		s.Fail("This lesson link cannot be opened: %v. Nothing was changed.", Plain(err))
		return err
	}
	st := l.Settings
	cfg := nn.Config{Hidden: st.Hidden, Classes: len(l.Data.Classes), Activation: act}
	old := s.trainer.Hyper
	s.trainer.Hyper = nn.Hyper{LR: st.LR, Decay: st.Decay, MinLR: st.MinLR, L2: st.L2, Batch: st.Batch}
	if err := s.fresh(i18n.Mark("opening the lesson link"), cfg, st.Seed); err != nil {
		s.trainer.Hyper = old
		s.Fail("This lesson link cannot be opened: %v. Nothing was changed.", Plain(err))
		return err
	}
	s.data, s.selected = sided(l.Data.Clone()), -1
	s.keepLabel()
	s.SetEpochsN(st.EpochsN)
	if st.Pace == 0 {
		s.SetPace(math.Inf(1))
	} else {
		s.SetPace(st.Pace)
	}
	s.SetPatience(st.Patience)
	s.setSnapEvery(st.SnapEvery)
	s.link.teacher, s.link.title = l.Teacher, l.Title
	s.link.payload = ""
	if l.Title != "" {
		s.Say("Opened the lesson \u201c%s\u201d: %d drawings, %d hidden neurons, seed %d. Undo (Ctrl+Z) brings back what was here.",
			l.Title, l.Data.Len(), st.Hidden, st.Seed)
	} else {
		s.Say("Opened the lesson link: %d drawings, %d hidden neurons, seed %d. Undo (Ctrl+Z) brings back what was here.",
			l.Data.Len(), st.Hidden, st.Seed)
	}
	return nil
}

// AdoptTeacher takes the teacher's options of a link whose lesson the
// session already holds (the page reloaded with its link).
func (s *Session) AdoptTeacher(l *lesson.Lesson) { s.link.teacher, s.link.title = l.Teacher, l.Title }

// Teacher is the teacher's options of the link the session was opened
// from (none otherwise).
func (s *Session) Teacher() lesson.Teacher { return s.link.teacher }

// LessonTitle is the title of the lesson link opened, or "".
func (s *Session) LessonTitle() string { return s.link.title }

// fixed reports whether the teacher's link fixes setting k, saying so.
func (s *Session) fixed(k Setting) bool {
	if !slices.Contains(s.link.teacher.Fixed, k.Key()) {
		return false
	}
	s.Fail("%s stays at %s in this lesson: your teacher's link fixes it.", k.Name(), s.Value(k))
	return true
}
