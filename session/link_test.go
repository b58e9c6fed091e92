package session

import (
	"strings"
	"testing"

	"digittrainer/lesson"
)

// TestLinkRoundTrip: a session's link opened in a fresh session gives the
// same drawings, sides and settings; a hostile link changes nothing.
func TestLinkRoundTrip(t *testing.T) {
	s := newTestSession(t)
	s.Adjust(SetHidden, -1) // 16
	s.Adjust(SetLR, 1)      // 0.3
	s.FlipLabels(0.1)       // drawings of its own
	p, err := s.LinkPayload(lesson.View{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p) > 8000 {
		t.Errorf("the link is %d characters; a few KB is the goal", len(p))
	}
	other := newTestSession(t)
	before := other.DataHash()
	for _, bad := range []string{p[:len(p)/2], "v9." + p[3:], "nonsense", p + "AAAA"} {
		if _, err := other.ReadLink("https://x/digit-trainer.html#" + bad); err == nil {
			t.Errorf("a damaged link (%.20q…) was read", bad)
		}
		if other.DataHash() != before || !other.Message().Err {
			t.Errorf("a damaged link changed the session or said nothing: %q", other.Message().Text)
		}
	}
	l, err := other.ReadLink("https://x/digit-trainer.html#" + p)
	if err != nil {
		t.Fatal(err)
	}
	if other.LinkIsHere(l) {
		t.Error("a different lesson counts as already here")
	}
	if err := other.OpenLink(l); err != nil {
		t.Fatal(err)
	}
	if other.DataHash() != s.DataHash() || other.ValHash() != s.ValHash() || other.Settings() != s.Settings() {
		t.Errorf("opened link: data %v, sides %v, settings %+v; want %+v", other.DataHash() == s.DataHash(), other.ValHash() == s.ValHash(), other.Settings(), s.Settings())
	}
	if !other.LinkIsHere(l) {
		t.Error("the lesson just opened does not count as here")
	}
	other.Undo()
	if other.DataHash() != before {
		t.Error("Undo did not bring back the drawings before the link")
	}
}

// TestTeacherFixesASetting: a link that fixes the hidden size refuses a
// change and says why.
func TestTeacherFixesASetting(t *testing.T) {
	s := newTestSession(t)
	s.link.teacher = lesson.Teacher{Fixed: []string{"Hidden"}}
	p, err := s.LinkPayload(lesson.View{})
	if err != nil {
		t.Fatal(err)
	}
	other := newTestSession(t)
	l, err := other.ReadLink(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.OpenLink(l); err != nil {
		t.Fatal(err)
	}
	other.Adjust(SetHidden, 1)
	if other.Net().Hidden != 24 || !strings.Contains(other.Message().Text, "your teacher's link fixes it") {
		t.Errorf("hidden %d, message %q", other.Net().Hidden, other.Message().Text)
	}
	other.Adjust(SetLR, 1)
	if other.Trainer().Hyper.LR == 0.1 {
		t.Error("a setting the link does not fix was refused")
	}
}
