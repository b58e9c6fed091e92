package app

import (
	"fmt"
	"strings"

	"digittrainer/data"
	"digittrainer/nn"
)

// Defaults of a fresh session. DefaultSeed is 1 so that the first start and
// `trainer train` on the starter set give the same weights.
const (
	DefaultSeed    = 1
	DefaultEpochsN = 10
	// valFraction of each class goes to the validation set: enough on the
	// starter set for a curve that means something, small enough that
	// training still has most drawings.
	valFraction = 0.2
	// splitSeed fixes the train/validation split independently of the weight
	// seed, so that "New seed" changes the weights but not what is measured.
	splitSeed = 7
)

// Settings are the training choices the controls edit.
type Settings struct {
	Hyper      nn.Hyper
	Hidden     int
	Activation nn.Activation
	Seed       uint64
	EpochsN    int // how many epochs "Train N epochs" runs
}

func defaultSettings() Settings {
	return Settings{Hyper: nn.DefaultHyper, Hidden: nn.DefaultConfig.Hidden,
		Activation: nn.DefaultConfig.Activation, Seed: DefaultSeed, EpochsN: DefaultEpochsN}
}

// Session is the work a user does: the drawing on the grid, the dataset, the
// network and its trainer, the settings and the measurements. It holds no
// Ebiten state, so it is tested without a display; the Game's parts read it
// to draw and call its methods to act.
type Session struct {
	Data     *data.Dataset
	Net      *nn.Network
	Trainer  *nn.Trainer
	Settings Settings

	Grid       data.Sample // the drawing; Grid.Label is the selected label
	CurX, CurY int         // keyboard cursor on the grid
	Selected   int         // index of the sample loaded onto the grid, or −1

	Probs []float64 // the prediction for the drawing, updated every tick
	State *nn.State // the forward pass of the drawing, for the network view

	History   History
	Confusion [][]int // on the validation set (the training set when it is empty)
	HasEval   bool    // whether TrainLoss… below hold a measurement
	TrainLoss float64
	TrainAcc  float64
	ValAcc    float64
	HasVal    bool

	Running bool // training continuously (Play, or Train N epochs)
	Goal    int  // the epoch at which Train N epochs stops; 0 when running freely
	goalN   int

	Message    string
	MessageErr bool
	MessageSeq int // bumped by every message, so the banner knows a new one arrived

	// Version counts changes worth autosaving (dataset, weights, settings).
	Version int

	train, val nn.Examples
	guard      Guard
	input      []float64
}

// NewSession returns a session with the starter set for the given number of
// classes (2 or 10) and fresh weights from DefaultSeed.
func NewSession(classes int) (*Session, error) {
	d, err := data.Starter(classes)
	if err != nil {
		return nil, err
	}
	s := &Session{Settings: defaultSettings(), Selected: -1, input: make([]float64, nn.Inputs)}
	s.Data = d
	if err := s.resetNet(); err != nil {
		return nil, err
	}
	return s, nil
}

// Classes returns the number of classes of the dataset and the network.
func (s *Session) Classes() int { return len(s.Data.Classes) }

func (s *Session) config() nn.Config {
	return nn.Config{Hidden: s.Settings.Hidden, Classes: s.Classes(), Activation: s.Settings.Activation}
}

// resetNet builds fresh weights from the seed and a fresh trainer, forgets
// the measurements and re-splits the dataset.
func (s *Session) resetNet() error {
	net, err := nn.NewSeeded(s.config(), s.Settings.Seed)
	if err != nil {
		return err
	}
	s.setNet(net, s.Settings.Hyper.LR, 0, 0)
	return nil
}

// setNet installs net with a trainer resumed at epoch and seen.
func (s *Session) setNet(net *nn.Network, lr float64, epoch, seen int) {
	s.Net = net
	s.Trainer = nn.NewTrainer(net, s.Settings.Hyper, s.Settings.Seed)
	s.Trainer.LR, s.Trainer.Epoch, s.Trainer.Seen = lr, epoch, seen
	s.State = nn.NewState(net.Config)
	s.Probs = make([]float64, net.Classes)
	s.History = History{}
	s.HasEval, s.HasVal, s.Confusion = false, false, nil
	s.Running, s.Goal = false, 0
	s.guard = Guard{}
	s.resplit()
	s.guard.Save(s.Trainer)
	s.Predict()
	s.Version++
}

// resplit rebuilds the training and validation examples after the dataset
// changed, and restarts the epoch under way.
func (s *Session) resplit() {
	tr, va := s.Data.Split(valFraction, splitSeed)
	s.train, s.val = tr.Examples(), va.Examples()
	s.Trainer.Restart()
	s.evaluate()
}

// TrainSize and ValSize are the sizes of the two splits.
func (s *Session) TrainSize() int { return s.train.Len() }
func (s *Session) ValSize() int   { return s.val.Len() }

// Predict runs the drawing through the network.
func (s *Session) Predict() {
	s.Grid.Inputs(s.input)
	s.Net.Forward(s.State, s.input)
	copy(s.Probs, s.State.P)
}

// evaluate measures the network on both splits and the confusion matrix.
func (s *Session) evaluate() {
	if s.train.Len() == 0 {
		s.HasEval, s.HasVal, s.Confusion = false, false, nil
		return
	}
	tr := s.Net.Evaluate(s.train)
	s.TrainLoss, s.TrainAcc, s.HasEval = tr.Loss, tr.Accuracy, true
	s.Confusion = tr.Confusion
	s.HasVal = s.val.Len() > 0
	if s.HasVal {
		va := s.Net.Evaluate(s.val)
		s.ValAcc = va.Accuracy
		s.Confusion = va.Confusion
	}
}

// Say shows an informative message; Fail shows an error.
func (s *Session) Say(format string, a ...any) { s.message(false, format, a...) }
func (s *Session) Fail(format string, a ...any) {
	s.message(true, format, a...)
}

// pkgPrefixes name the package an error came from; they help on stderr and
// in logs, but a student reading the screen only needs what went wrong.
var pkgPrefixes = []string{"checkpoint: ", "data: ", "platform: ", "nn: ", "app: "}

// plain returns err's text without its leading package prefixes.
func plain(err error) string {
	msg := err.Error()
	for again := true; again; {
		again = false
		for _, p := range pkgPrefixes {
			if rest, ok := strings.CutPrefix(msg, p); ok {
				msg, again = rest, true
			}
		}
	}
	return msg
}

func (s *Session) message(isErr bool, format string, a ...any) {
	s.Message, s.MessageErr = fmt.Sprintf(format, a...), isErr
	s.MessageSeq++
}

// Progress is how far "Train N epochs" has got, from 0 to 1 (0 when it is not running).
func (s *Session) Progress() float64 {
	if s.Goal == 0 || s.goalN == 0 {
		return 0
	}
	done := float64(s.goalN-(s.Goal-s.Trainer.Epoch)) + s.Trainer.Progress()
	return min(max(done/float64(s.goalN), 0), 1)
}
