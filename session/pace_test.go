package session

import (
	"math"
	"strings"
	"testing"
	"time"
)

// ticks runs the scheduler for d of wall time at 60 ticks a second, and
// returns what it trained.
func ticks(s *Session, sc *Scheduler, clk *fakeClock, d time.Duration) int {
	n := 0
	for end := clk.T.Add(d); clk.T.Before(end); {
		clk.T = clk.T.Add(time.Second / 60)
		n += sc.Run(s, 60)
	}
	return n
}

func pacedSession(t *testing.T, pace float64) (*Session, *Scheduler, *fakeClock) {
	t.Helper()
	s := newTestSession(t)
	if !s.SetPace(pace) {
		t.Fatalf("%v is not a pace", pace)
	}
	sc := NewScheduler()
	clk := &fakeClock{T: time.Unix(1e9, 0), Step: time.Microsecond} // every reading costs a µs
	sc.Now = clk.Now
	return s, sc, clk
}

func TestPaceLimitsTraining(t *testing.T) {
	for _, pace := range []float64{10, 100, 1000} {
		s, sc, clk := pacedSession(t, pace)
		s.SetPatience(0)
		s.Play()
		n := ticks(s, sc, clk, 10*time.Second)
		if want := int(10 * pace); n < want*95/100 || n > want*105/100 {
			t.Errorf("pace %v/s: %d samples in 10 s, want about %d", pace, n, want)
		}
	}
	// At full speed only the time budget bounds a tick: with every clock
	// reading costing a µs, a tick of a few ms trains thousands.
	s, sc, clk := pacedSession(t, math.Inf(1))
	s.SetPatience(0)
	s.Play()
	if n := ticks(s, sc, clk, 50*time.Millisecond); n < 1000 {
		t.Errorf("full speed trained %d samples in three ticks", n)
	}
}

// TestSlowMotion: at 1 drawing a second the grid shows the drawing about
// to be learned, then it is learned half a second later, and when training
// stops the user's drawing comes back.
func TestSlowMotion(t *testing.T) {
	s, sc, clk := pacedSession(t, 1)
	s.Paint(0, 0, true) // the user's drawing
	mine := *s.Grid()
	s.Play()
	if !s.Watching() {
		t.Fatal("1 drawing a second is not slow motion")
	}
	ticks(s, sc, clk, 100*time.Millisecond)
	shown, seen := *s.Grid(), s.Trainer().Seen
	if shown == mine || s.Selected() < 0 || s.Data().Samples[s.Selected()] != shown || seen != 0 {
		t.Fatalf("first half: the grid shows %v (selected %d), %d trained", shown.Ink(), s.Selected(), seen)
	}
	if long := first(s.WatchText()); !strings.HasPrefix(long, "Drawing ") || strings.Contains(long, "→") {
		t.Errorf("before the update: %q", long)
	}
	ticks(s, sc, clk, 500*time.Millisecond)
	if s.Trainer().Seen != 1 || *s.Grid() != shown {
		t.Fatalf("second half: %d trained, grid changed %v", s.Trainer().Seen, *s.Grid() != shown)
	}
	tr, _ := s.Examples()
	if i := s.split.trainIdx[s.Trainer().Step.Index]; i != s.Selected() {
		t.Errorf("learned drawing %d, the grid shows %d", i, s.Selected())
	}
	if forms := s.WatchText(); len(forms) != 3 || !strings.Contains(forms[0], "→") || !strings.Contains(forms[1], "→") || !strings.Contains(forms[2], "→") {
		t.Errorf("after the update: %q", forms)
	}
	_ = tr
	ticks(s, sc, clk, 3*time.Second)
	if got := s.Trainer().Seen; got < 3 || got > 5 {
		t.Errorf("%d drawings learned in 3.6 s at 1 a second", got)
	}
	s.Pause()
	if long := first(s.WatchText()); *s.Grid() != mine || s.Selected() != -1 || long != "" {
		t.Error("pausing did not give the user's drawing back")
	}
	// Drawing during slow motion stops it and keeps the drawing.
	s.Play()
	ticks(s, sc, clk, 100*time.Millisecond)
	s.Paint(8, 8, true)
	if s.Running() || !s.Grid().At(8, 8) || !s.Grid().At(0, 0) {
		t.Errorf("drawing in slow motion: running %v, grid %v", s.Running(), s.Grid().Pixels)
	}
}

// TestTrainStopsByItself: Train on the starter set stops when the
// validation loss has not improved for the patience, and says so.
func TestTrainStopsByItself(t *testing.T) {
	s, sc, clk := pacedSession(t, math.Inf(1))
	s.Play()
	for i := 0; i < 100000 && s.Running(); i++ {
		clk.T = clk.T.Add(time.Second / 60)
		sc.Run(s, 60)
	}
	m := s.Message().Text
	if s.Running() || !strings.HasPrefix(m, "Stopped: the validation loss has not improved for 10 epochs") {
		t.Fatalf("running %v after %d epochs, message %q", s.Running(), s.Trainer().Epoch, m)
	}
	if e := s.Trainer().Epoch; e < 11 || e > 60 {
		t.Errorf("stopped after %d epochs", e)
	}
	if s.History().Len() != s.Trainer().Epoch {
		t.Errorf("%d points for %d epochs", s.History().Len(), s.Trainer().Epoch)
	}
	// "never" trains on (three ticks: see TestPaceLimitsTraining).
	s.Adjust(SetPatience, 10)
	s.Play()
	epoch := s.Trainer().Epoch
	ticks(s, sc, clk, 50*time.Millisecond)
	if !s.Running() || s.Patience() != 0 || s.Trainer().Epoch < epoch+20 {
		t.Errorf("with patience %d training stopped (epoch %d → %d)", s.Patience(), epoch, s.Trainer().Epoch)
	}
}

func TestStepSampleSaysWhich(t *testing.T) {
	s := newTestSession(t)
	s.StepSample()
	m := s.Message().Text
	i := s.split.trainIdx[s.Trainer().Step.Index]
	if !strings.HasPrefix(m, "Learned from drawing ") || s.Selected() != i || !strings.Contains(m, "before the update") {
		t.Errorf("message %q, selected %d, trained %d", m, s.Selected(), i)
	}
	// A drawing of the user's stays on the grid.
	s.ClearGrid()
	s.Paint(4, 4, true)
	s.StepSample()
	if s.Selected() != -1 || !s.Grid().At(4, 4) {
		t.Error("a step replaced the user's drawing")
	}
}

// first is a list's first string, "" for none.
func first(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}
