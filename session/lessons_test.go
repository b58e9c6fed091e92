package session

import (
	"strings"
	"testing"
)

// TestLessonsSetUpAndSayWhatHappened: every lesson sets up, trains when
// started, and afterwards says what happened in the numbers measured —
// the overfitting lesson's training accuracy above its validation one, the
// rate lesson's divergence, the crash lesson's crash; one Undo takes the
// lesson's set-up back.
func TestLessonsSetUpAndSayWhatHappened(t *testing.T) {
	for _, info := range Lessons {
		s := newTestSession(t)
		before := s.DataHash()
		got, ok := s.SetUpLesson(info.ID)
		if !ok || got.ID != info.ID || !s.InLesson() {
			t.Fatalf("%s: did not set up", info.ID)
		}
		s.StartLesson(info)
		if !s.Running() {
			t.Fatalf("%s: Start did not train: %q", info.ID, s.Message().Text)
		}
		for i := 0; i < 1e6 && s.Running(); i++ {
			s.TrainSome(97)
		}
		title, text := s.LessonAfter()
		if !strings.HasSuffix(title, "what happened?") || text == "" || s.InLesson() {
			t.Fatalf("%s: after: %q %q", info.ID, title, text)
		}
		m := s.Measure()
		switch info.ID {
		case "overfit":
			if s.TrainSize() != 5 || m.Train.Accuracy <= m.Val.Accuracy {
				t.Errorf("overfit: %d training drawings, train %v val %v", s.TrainSize(), m.Train.Accuracy, m.Val.Accuracy)
			}
		case "rate":
			if !strings.Contains(text, "blew up") && !strings.Contains(text, "jumped") {
				t.Errorf("rate: %q", text)
			}
		case "crash":
			if !strings.Contains(text, "The crash struck") {
				t.Errorf("crash: %q", text)
			}
		case "imbalance":
			if pc := m.Val.PerClass(); pc[0] >= pc[1] {
				t.Errorf("imbalance: 0s %v, 1s %v; want the thinned 0s read worse", pc[0], pc[1])
			}
		}
		t.Logf("%s: %s", info.ID, text)
		s.Undo()
		if info.ID != "neurons" && s.DataHash() != before {
			t.Errorf("%s: Undo did not take the lesson's drawings back", info.ID)
		}
	}
}
