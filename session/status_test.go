package session

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"digittrainer/i18n"
)

// inLanguage sets the language for the rest of the test, and English
// again after it: the language is one per process.
func inLanguage(t *testing.T, code string) {
	t.Helper()
	if !i18n.Set(code) {
		t.Fatalf("no language %q", code)
	}
	t.Cleanup(func() { i18n.Set(i18n.English) })
}

// TestStatusLang: the status names the language in use (status().lang),
// and its message is the one on screen, in that language.
func TestStatusLang(t *testing.T) {
	s := newTestSession(t)
	if got := s.Status(nil).Lang; got != "en" {
		t.Errorf("lang = %q at start, want en", got)
	}
	inLanguage(t, "de")
	s.SetLabel(7)
	st := s.Status(nil)
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m["lang"] != "de" {
		t.Errorf(`status "lang" = %v, want "de"`, m["lang"])
	}
	if !strings.HasPrefix(st.Message, "Es gibt keine Klasse 7") || st.MessageKind != "error" {
		t.Errorf("message %q (%s), want the German error", st.Message, st.MessageKind)
	}
	if st.Activation != "sigmoid" { // a value for programs stays as it is
		t.Errorf("activation = %q", st.Activation)
	}
}

// TestTextsFollowTheLanguage: the session's lines are said in the
// language in use, with its numbers, and in English again after.
func TestTextsFollowTheLanguage(t *testing.T) {
	s := newTestSession(t)
	sc := &Scheduler{Rate: 123456, PerStep: 3100 * time.Nanosecond}
	inLanguage(t, "de")
	if long, short := sc.SpeedText(59.6); long != "123.456 Beispiele/s · 3,1 µs pro Beispiel · 60 FPS" || short != "123.456 Beispiele/s · 60 FPS" {
		t.Errorf("German speed line %q, %q", long, short)
	}
	if got := SetLR.Name(); got != "Lernrate η" {
		t.Errorf("German name of the learning rate %q", got)
	}
	if got := Percent(0.9991); got != "99,9%" {
		t.Errorf("German percent %q", got)
	}
	if _, text := s.ProgressText(); text != "Noch nicht trainiert" {
		t.Errorf("German progress %q", text)
	}

	i18n.Set("fr")
	if got := s.Summary(nil); got != "Époque 0, pas encore entraîné." {
		t.Errorf("French summary %q", got)
	}
	s.trainer.Seen = 1 // learned from one drawing, no epoch done: the tour's step
	if _, text := s.ProgressText(); text != "A appris de 1 dessin" {
		t.Errorf("French progress %q", text)
	}

	i18n.Set("es")
	s.Adjust(SetActivation, 1) // the name of the change starts the message, capitalized
	if got := s.Message().Text; !strings.HasPrefix(got, "Activación oculta tanh: la red se reconstruyó") {
		t.Errorf("Spanish message %q", got)
	}

	i18n.Set(i18n.English)
	if long, _ := sc.SpeedText(59.6); long != "123,456 samples/s · 3.1 µs each · 60 FPS" {
		t.Errorf("English again: %q", long)
	}
	if got := SetLR.Name(); got != "Learning rate η" {
		t.Errorf("English again: %q", got)
	}
}
