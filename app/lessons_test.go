package app

import (
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/session"
)

// TestLessonFromMenuToWhatHappened: the Lessons menu sets a lesson up, its
// goal card's Enter starts training, and when training stops the "What
// happened?" card opens with the measured result.
func TestLessonFromMenuToWhatHappened(t *testing.T) {
	g := newTestGame(t, memStore{})
	g.do(Command{Act: ActLessons})
	g.tick(keys(ebiten.KeyDigit2)) // Overfitting with five drawings
	if st := g.Status().Help; !st.Question || st.Asking != "Overfitting with five drawings" || g.s.TrainSize() != 5 {
		t.Fatalf("after choosing the lesson: %+v, %d training drawings", st, g.s.TrainSize())
	}
	g.tick(keys(ebiten.KeyEnter))
	if !g.s.Running() {
		t.Fatal("Start did not train")
	}
	for i := 0; i < 100000 && g.s.Running(); i++ {
		g.s.TrainSome(97) // what the scheduler does at its pace, without the wait
	}
	g.tick(&Input{})
	st := g.Status().Help
	if g.modal.question == nil {
		t.Fatalf("no card: %+v", st)
	}
	if !st.Question || !strings.HasSuffix(st.Asking, "what happened?") || !strings.Contains(g.modal.question.text, "overfitting") {
		t.Errorf("after training: %+v %q", st, g.modal.question.text)
	}
}

// TestCardsAfterAClassSwitch: the experiments' cards, opened after their
// last run's classes were switched, show no stale result and do not fail
// (a class count the run did not have once crashed the biased-data card).
func TestCardsAfterAClassSwitch(t *testing.T) {
	g := newTestGame(t, memStore{})
	g.s.SetImbalanceClass(1)
	g.s.StartImbalance()
	g.s.StartSweep()
	g.s.StartImbalance()
	for g.s.ExperimentSome(1000) {
	}
	g.s.FillMode(session.Digits)
	for _, a := range []Action{ActBiasCard, ActSweepCard, ActBadData, ActTimeTravel, ActResources} {
		g.do(Command{Act: a})
		g.tick(&Input{})
		g.Draw(ebiten.NewImage(1280, 800))
		if run, _, _ := g.s.Imbalance(); run != nil {
			t.Fatalf("%v: the 2-class biased-data run is still offered in 10-class mode", a)
		}
		if run, _, _ := g.s.Sweep(); run != nil {
			t.Fatalf("%v: a sweep of another class count is still offered", a)
		}
	}
	g.s.SetMode(session.Binary) // back, with class 9 chosen to thin
	g.s.SetImbalanceClass(9)
	g.do(Command{Act: ActBiasCard})
	g.tick(&Input{})
	g.Draw(ebiten.NewImage(1280, 800))
}
