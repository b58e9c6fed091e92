package app

import (
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/session"
)

// The Lessons menu: ready-made experiments (session.Lessons), each set up
// in one click, opened with its goal, and closed with a "What happened?"
// card once the training it started has stopped.

// The card's texts are catalog keys (i18n.Mark): the modal translates
// them where it shows them (modal.questionSpec), and so are the lessons'
// titles and goals (session.Lessons).

// askLessons lists the lessons, a key each.
func (g *Game) askLessons() {
	var choices []choice
	for i, l := range session.Lessons {
		choices = append(choices, choice{label: i18n.T(l.Title) + " (" + strconv.Itoa(i+1) + ")", key: ebiten.KeyDigit1 + ebiten.Key(i),
			cmd: Command{Act: ActLesson, Arg: i}})
	}
	g.modal.ask(i18n.Mark("Lessons"), i18n.Mark("Each lesson sets up an experiment on the starter drawings (Undo brings your work back), "+
		"says what to try, and when the training stops, what happened. Each is also a link: Export… → Lesson link."), Command{}, choices...)
	g.modal.question.cancelLabel = i18n.Mark("Close (Esc)")
}

// startLesson sets lesson id up and shows its goal with a Start button.
func (g *Game) startLesson(id string) {
	info, ok := g.s.SetUpLesson(id)
	if !ok {
		return
	}
	g.lessonRun = false
	g.modal.ask(info.Title, info.Goal, Command{}, choice{label: i18n.Mark("Start (Enter)"), key: ebiten.KeyEnter, cmd: Command{Act: ActLessonStart}})
	g.modal.question.cancelLabel = i18n.Mark("Not now (Esc)")
}

// lessonStart starts the lesson's training.
func (g *Game) lessonStart() {
	if l, ok := g.s.CurrentLesson(); ok {
		g.s.StartLesson(l)
		g.lessonRun = g.s.Running()
	}
}

// watchLesson shows the "What happened?" card once the lesson's training
// has stopped (by itself, at its goal, by a pause or a divergence).
func (g *Game) watchLesson() {
	if !g.lessonRun || g.s.Running() || g.modal.open() {
		return
	}
	g.lessonRun = false
	if title, text := g.s.LessonAfter(); title != "" {
		g.modal.ask(title, text, Command{}, choice{label: i18n.Mark("Lessons (L)"), key: ebiten.KeyL, cmd: Command{Act: ActLessons}})
		g.modal.question.cancelLabel = i18n.Mark("Close (Esc)")
	}
}
