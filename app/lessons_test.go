package app

import (
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
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
