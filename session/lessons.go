package session

import (
	"math"
	"slices"

	"digittrainer/data"
	"digittrainer/i18n"
	"digittrainer/nn"
)

// Ready-made lessons: each sets up an experiment in one click (the starter
// drawings, prepared; the settings it needs), opens with a goal, and when
// the training it starts has stopped says what happened, in the numbers
// measured. Each is also a link (lesson.Teacher.Open names it).

// LessonInfo is a lesson in the Lessons menu. Its Title and Goal are
// catalog keys, in English: whoever shows them translates them (i18n.T),
// so they follow the language in use.
type LessonInfo struct {
	ID, Title string
	Goal      string      // what to expect and what to press
	Start     LessonStart // what its Start button does
}

// LessonStart is how a lesson's training starts.
type LessonStart int

const (
	StartTrain  LessonStart = iota // Train, until it stops by itself
	StartTrainN                    // Train N epochs
	StartCrash                     // Train with a simulated crash on its way
)

// Lessons are the ready-made lessons, in the menu's order.
var Lessons = []LessonInfo{
	{"first", i18n.Mark("First training"), i18n.Mark("The network starts knowing nothing: it reads about half the drawings right, by chance. What do you expect after training? Press Start and watch the curves."), StartTrain},
	{"overfit", i18n.Mark("Overfitting with five drawings"), i18n.Mark("Only five training drawings (three 0s, two 1s), and the usual 60 validation drawings. Will a network that learns those five read the 60? Press Start: 100 epochs."), StartTrainN},
	{"rate", i18n.Mark("A learning rate too high"), i18n.Mark("The learning rate η is 30: every step is 300 times bigger than usual. What happens to the loss? Press Start."), StartTrainN},
	{"neurons", i18n.Mark("Too few neurons"), i18n.Mark("All ten digits, but only 2 hidden neurons. Can two numbers tell ten digits apart? Press Start: 20 epochs."), StartTrainN},
	{"labels", i18n.Mark("Bad labels"), i18n.Mark("30% of the training drawings have the wrong label (marked ! in the dataset). Press Start: 50 epochs. What does the network learn?"), StartTrainN},
	{"imbalance", i18n.Mark("Imbalanced classes"), i18n.Mark("Only 12 training drawings of 0, against 120 of 1. Which digit will the network get wrong? Press Start: 20 epochs."), StartTrainN},
	{"crash", i18n.Mark("A crash and the last checkpoint"), i18n.Mark("Training will crash at a random moment. A snapshot is kept every 5 epochs. How much work is lost? Press Start."), StartCrash},
}

// lessonInfo finds a lesson by id.
func lessonInfo(id string) (LessonInfo, bool) {
	i := slices.IndexFunc(Lessons, func(l LessonInfo) bool { return l.ID == id })
	if i < 0 {
		return LessonInfo{}, false
	}
	return Lessons[i], true
}

// lessonState is the lesson under way: its id, the accuracy it started
// from, and what happened (a divergence, a crash).
type lessonState struct {
	id       string
	startAcc float64
	diverged int // the epoch rolled back to, +1; 0: none
	crashes  int // the crash count when it started
}

// SetUpLesson prepares lesson id (an edit Undo takes back) and says its
// goal; it reports the lesson, or false for an unknown id.
func (s *Session) SetUpLesson(id string) (LessonInfo, bool) {
	info, ok := lessonInfo(id)
	if !ok {
		s.Fail("There is no lesson %q in this version of the app.", id)
		return info, false
	}
	mode, hidden, lr, epochs := Binary, nn.DefaultConfig.Hidden, nn.DefaultHyper.LR, DefaultEpochsN
	switch id {
	case "overfit":
		epochs = 100
	case "rate":
		lr = 30
	case "neurons":
		mode, hidden, epochs = Digits, 2, 20
	case "labels":
		epochs = 50
	case "imbalance":
		epochs = 20
	}
	d, err := starter(mode)
	if err != nil {
		s.Fail("%v", Plain(err))
		return info, false
	}
	switch id {
	case "overfit":
		d = keepTraining(d, map[int]int{0: 3, 1: 2})
	case "imbalance":
		d = keepTraining(d, map[int]int{0: 12, 1: math.MaxInt})
	}
	cfg := nn.Config{Hidden: hidden, Classes: int(mode), Activation: nn.Sigmoid}
	h := nn.DefaultHyper
	h.LR = lr
	old := s.trainer.Hyper
	s.trainer.Hyper = h
	if err := s.fresh(i18n.Sprintf("starting the lesson \u201c%s\u201d", i18n.T(info.Title)), cfg, DefaultSeed); err != nil {
		s.trainer.Hyper = old
		s.Fail("%v", Plain(err))
		return info, false
	}
	s.data, s.selected = d, -1
	s.keepLabel()
	s.epochsN = epochs
	s.pace, s.patience = choice(paces, defaultPace), choice(patiences, defaultPatience)
	s.link.title, s.link.teacher.Open = info.Title, id // its link opens the lesson… (the title in English: a link is read in any language)
	s.link.payload = ""
	if id == "labels" {
		s.FlipLabels(0.3)
		s.undo = s.undo[:len(s.undo)-1] // one step: Undo takes the whole lesson back
	}
	s.lesson = lessonState{id: id, startAcc: s.Measure().Train.Accuracy, crashes: s.snaps.crash.count}
	s.link.openData = s.data.Version() // …while its drawings are the lesson's
	s.Say("Lesson: %s. %s", i18n.T(info.Title), i18n.T(info.Goal))
	return info, true
}

// keepTraining keeps, of each class's training drawings, the first
// keep[class]; validation drawings all stay.
func keepTraining(d *data.Dataset, keep map[int]int) *data.Dataset {
	out := d.Clone()
	out.Samples = out.Samples[:0]
	seen := map[int]int{}
	for _, smp := range d.Samples {
		if !smp.Val {
			if seen[smp.Label] >= keep[smp.Label] {
				continue
			}
			seen[smp.Label]++
		}
		out.Samples = append(out.Samples, smp)
	}
	return out
}

// StartLesson starts the lesson's training.
func (s *Session) StartLesson(info LessonInfo) {
	switch info.Start {
	case StartTrainN:
		s.TrainEpochs()
	case StartCrash:
		s.SimulateCrash()
	default:
		s.Play()
	}
}

// LessonAfter says what happened in the lesson under way, in the numbers
// measured now and the language in use, and ends it; "" when no lesson is
// under way.
func (s *Session) LessonAfter() (title, text string) {
	l := s.lesson
	info, ok := lessonInfo(l.id)
	if !ok {
		return "", ""
	}
	s.lesson = lessonState{}
	m := s.Measure()
	tr, va := Percent(m.Train.Accuracy), Percent(m.Val.Accuracy)
	e := s.trainer.Epoch
	switch l.id {
	case "first":
		text = i18n.Sprintf("Training accuracy went from %s to %s in %d epochs, and the network reads %s of the validation drawings, which it never trained on: it learned to read 0s and 1s, not only these.",
			Percent(l.startAcc), tr, e, va)
	case "overfit":
		text = i18n.Sprintf("It reads its five drawings %s right, but only %s of the 60 validation drawings: it learned those five, not what a 0 or a 1 looks like. That is overfitting. More drawings are the cure: try the first lesson's 240.", tr, va)
	case "rate":
		if l.diverged > 0 {
			text = i18n.Sprintf("The loss blew up: with steps that big the weights flew past every good value. The guard rolled them back to epoch %d. Try η = 0.1 (the − button) and train again.", l.diverged-1)
		} else {
			text = i18n.Sprintf("After %d epochs with η = 30: training %s, validation %s. The curves jumped about instead of falling smoothly: the steps overshoot. Compare with η = 0.1.", e, tr, va)
		}
	case "neurons":
		text = i18n.Sprintf("With 2 hidden neurons the network reads %s of its training drawings and %s of the validation ones: two numbers cannot tell ten digits apart. Set Hidden to 24 and train again.", tr, va)
	case "labels":
		text = i18n.Sprintf("With 30%% wrong labels: training %s, validation %s. The network learned the wrong labels too, by heart; clean labels give about 93%%. Bad data in, bad model out. Experiments → Bad data finds the wrong ones.", tr, va)
	case "imbalance":
		pc := m.Val.PerClass()
		text = i18n.Sprintf("On the validation drawings: 0s read right %s, 1s %s. With few 0s to learn from, the network leans towards 1: the bias came from the data.", Percent(pc[0]), Percent(pc[1]))
	case "crash":
		r, n := s.LastCrash()
		if n > l.crashes {
			text = i18n.Sprintf("The crash struck in epoch %d; training went back to the snapshot of epoch %d and %d drawings of work were lost. Open Time travel (J) to weigh what snapshots cost against what crashes cost.", r.Epoch+1, r.Restored, r.LostSamples)
		} else {
			text = i18n.T("Training stopped before the crash struck. Press Start again: it strikes within two snapshot intervals.")
		}
	}
	return i18n.Sprintf("%s: what happened?", i18n.T(info.Title)), text
}

// CurrentLesson is the lesson under way.
func (s *Session) CurrentLesson() (LessonInfo, bool) { return lessonInfo(s.lesson.id) }

// InLesson reports whether a lesson is under way.
func (s *Session) InLesson() bool { return s.lesson.id != "" }
