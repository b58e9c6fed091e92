package session

import (
	"time"

	"digittrainer/data"
	"digittrainer/nn"
)

// Defaults of a fresh session. DefaultSeed is 1 so that the first start and
// `trainer train` on the starter set give the same weights.
const (
	DefaultSeed    = 1
	DefaultEpochsN = 10
)

// Mode is a class count the app offers: the original app's 0 and 1, or
// every digit.
type Mode int

const (
	Binary Mode = 2
	Digits Mode = 10
)

// Other is the mode "Use 10 classes" (or "Use 2 classes") switches to.
func (m Mode) Other() Mode {
	if m == Digits {
		return Binary
	}
	return Digits
}

// Session is the work a user does. Its fields are unexported: the UI reads
// it through the accessors and changes it through the methods, so that each
// change is checked, said and seen by the caches.
type Session struct {
	data     *data.Dataset
	net      *nn.Network
	trainer  *nn.Trainer
	seed     uint64 // of the initial weights and the shuffles
	epochsN  int    // how many epochs "Train N epochs" runs
	pace     int    // index into paces
	patience int    // index into patiences

	grid     data.Sample // the drawing; grid.Label is the label new drawings get
	cursor   Cell        // the keyboard cursor on the grid
	eraser   bool        // strokes erase rather than ink (drawing.go)
	selected int         // the sample loaded onto the grid, or −1

	history History
	guard   Guard
	run     run
	stuck   stuck
	watch   watch
	msg     Message

	undo, redo []snapshot // edits to take back and to make again (undo.go)
	start      start      // the network as training found it (learned.go)

	snaps     snapshots      // time travel (snapshots.go)
	trainTime time.Duration  // spent training this network, back with a rewind (crash.go)
	perf      perf           // of this machine, for the trade-off
	sweep     sweepState     // how many neurons? (sweep.go)
	imb       imbalanceState // biased data (imbalance.go)
	sim       similar        // similar drawings (similar.go)
	poison    poison         // bad data (baddata.go)
	sus       suspectsState
	link      linkState   // lesson links (link.go)
	lesson    lessonState // the ready-made lesson under way (lessons.go)
	stopped   string      // what stopOthers stopped, for the starting experiment's message

	split   split
	pred    prediction
	measure measurement
	hashes  hashes
}

// Cell is a square of the grid, (0, 0) at the top left.
type Cell struct{ X, Y int }

// run is what training is doing: nothing, running until paused, or
// running until epoch goal ("Train N epochs", N = goalN).
type run struct {
	active      bool
	goal, goalN int
}

// split is the dataset's training and validation drawings as examples,
// for the dataset version they were taken from, and where each training
// example is in the dataset.
type split struct {
	version          uint64
	train, val       nn.Examples
	trainIdx, valIdx []int // the dataset index of each example
}

// New returns a session with the starter set for mode and fresh weights
// from DefaultSeed.
func New(mode Mode) (*Session, error) {
	d, err := starter(mode)
	if err != nil {
		return nil, err
	}
	s := &Session{data: d, seed: DefaultSeed, epochsN: DefaultEpochsN, selected: -1,
		pace: choice(paces, defaultPace), patience: choice(patiences, defaultPatience)}
	cfg := nn.DefaultConfig
	cfg.Classes = int(mode)
	if err := s.rebuild(cfg, nn.DefaultHyper); err != nil {
		return nil, err
	}
	return s, nil
}

// Data is the dataset. Read it; change it only through the Session.
func (s *Session) Data() *data.Dataset { return s.data }

// Net is the network. Read it; change it only through the Session.
func (s *Session) Net() *nn.Network { return s.net }

// Trainer is the network's trainer: its Hyper holds the settings (Hyper.LR
// is the rate set), its LR the decayed rate in use, Epoch and Seen the
// progress. Read it; change it only through the Session.
func (s *Session) Trainer() *nn.Trainer { return s.trainer }

// History is the learning curves.
func (s *Session) History() *History { return &s.history }

// Classes returns the number of classes of the dataset and the network.
func (s *Session) Classes() int { return len(s.data.Classes) }

// Mode is the class count as a Mode.
func (s *Session) Mode() Mode { return Mode(s.Classes()) }

// Seed is the seed of the initial weights and of the shuffles.
func (s *Session) Seed() uint64 { return s.seed }

// EpochsN is how many epochs "Train N epochs" runs.
func (s *Session) EpochsN() int { return s.epochsN }

// Running reports whether training runs (Train, or Train N epochs).
func (s *Session) Running() bool { return s.run.active }

// Goal is the epoch at which Train N epochs stops, and N; 0, 0 when it is
// not running.
func (s *Session) Goal() (epoch, n int) { return s.run.goal, s.run.goalN }

// rebuild gives the session a fresh network of shape cfg from its seed,
// trained with h.
func (s *Session) rebuild(cfg nn.Config, h nn.Hyper) error {
	net, err := nn.NewSeeded(cfg, s.seed)
	if err != nil {
		return err
	}
	s.install(net, h, nil)
	s.start.known = true
	return nil
}

// fresh rebuilds the network as cfg from seed, with fresh weights,
// remembering the one it replaces so that Undo brings a trained network
// back (what names the change; "" remembers nothing). A refusal changes
// nothing. Every change that throws the weights away goes through here:
// a reset, a new seed, shape or class count, a dataset of other classes.
func (s *Session) fresh(what string, cfg nn.Config, seed uint64) error {
	remembered := s.remember(what, true)
	old := s.seed
	s.seed = seed
	if err := s.rebuild(cfg, s.trainer.Hyper); err != nil {
		s.seed = old
		if remembered {
			s.undo = s.undo[:len(s.undo)-1]
		}
		return err
	}
	return nil
}

// withClasses is the network's shape with n outputs.
func (s *Session) withClasses(n int) nn.Config {
	cfg := s.net.Config
	cfg.Classes = n
	return cfg
}

// install makes net the session's network, with a trainer from the
// session's seed resumed at pos (nil: a fresh one). The curves start afresh,
// training stops and the snapshots are those of the new network: one of it
// as it is now.
func (s *Session) install(net *nn.Network, h nn.Hyper, pos *nn.Position) {
	s.net = net
	s.trainer = nn.NewTrainer(net, h, s.seed)
	if pos != nil && s.trainer.Seek(*pos) != nil {
		// Checked by the decoder, or taken from a trainer: cannot happen,
		// but keep the counters at least.
		s.trainer.LR, s.trainer.Epoch, s.trainer.Seen = pos.LR, pos.Epoch, pos.Seen
	}
	s.history = History{}
	s.halt()
	s.guard = Guard{}
	s.split.version = 0 // a new trainer: the split is made (and checked) again
	s.guard.Save(s.trainer)
	s.trainTime = 0
	s.resetSnapshots()
}

// Examples returns the training and validation examples of the dataset (by
// each drawing's side), taking them again (and restarting the epoch under
// way) after it changed.
func (s *Session) Examples() (train, val nn.Examples) {
	if v, old := s.data.Version(), s.split.version; v != old {
		tr, va := s.data.Sides()
		s.split = split{version: v, train: tr.Examples(), val: va.Examples()}
		for i, smp := range s.data.Samples {
			if smp.Val {
				s.split.valIdx = append(s.split.valIdx, i)
			} else {
				s.split.trainIdx = append(s.split.trainIdx, i)
			}
		}
		if old != 0 { // the drawings changed under the trainer (a new one resumes where it was put)
			s.trainer.Restart()
		}
	}
	return s.split.train, s.split.val
}

// TrainSize and ValSize are the sizes of the two splits.
func (s *Session) TrainSize() int { tr, _ := s.Examples(); return tr.Len() }
func (s *Session) ValSize() int   { _, va := s.Examples(); return va.Len() }

// starter is the starter set for mode with its sides.
func starter(mode Mode) (*data.Dataset, error) {
	d, err := data.Starter(int(mode))
	if err != nil {
		return nil, err
	}
	d.AssignSides(data.ValFraction)
	return d, nil
}

// sided returns d with its sides decided: as they are, or by the rule for
// drawings that come without (a CSV, the original app's files).
func sided(d *data.Dataset) *data.Dataset {
	if !d.Sided {
		d.AssignSides(data.ValFraction)
	}
	return d
}
