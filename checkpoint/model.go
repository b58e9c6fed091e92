package checkpoint

import (
	"fmt"
	"math"
	"time"
	"unicode/utf8"

	"digittrainer/data"
	"digittrainer/i18n"
	"digittrainer/nn"
)

// MaxFileSize is the largest file any decoder accepts: far more than a
// 256-neuron net with a few thousand drawings needs, small enough that a
// hostile file cannot exhaust a school laptop's memory. It is data's limit,
// so that Load never refuses a dataset the data readers would take.
const MaxFileSize = data.MaxFileSize

// maxClassName bounds a class name in bytes; names are labels under the
// output neurons.
const maxClassName = 64

// Model is everything a checkpoint holds: the network, the names of its
// classes, the training settings and progress, and optionally the dataset
// it was trained on so that training resumes exactly.
type Model struct {
	Net     *nn.Network
	Classes []string // one name per output neuron; nil means "0", "1", …
	Hyper   nn.Hyper // settings at the start of training (Hyper.LR is η₀)
	LR      float64  // the current, decayed learning rate
	Seed    uint64   // seed of the initial weights and of the shuffles
	// StartUnknown: the initial weights were not nn.NewSeeded(Seed) (a
	// network from the original app or another program), so what training
	// changed in them cannot be shown.
	StartUnknown bool
	Epoch        int     // completed epochs
	Seen         int     // samples trained on in total
	Loss         float64 // mean training loss of the last epoch; 0 if unknown
	// Shuffle is the trainer's shuffle state (nn.Position: the generator
	// before this epoch's order was drawn, and how far into the epoch it
	// is), so that training resumes exactly; nil when unknown (an older or
	// foreign file): then a resumed run shuffles from Seed afresh.
	Shuffle *Shuffle
	Created time.Time
	Data    *data.Dataset // optional
	History *History      // optional: the learning curves so far
	// Snapshots are optional: training at earlier epochs of this run, oldest
	// first, none later than Epoch and Seen, so that a reloaded file can
	// still rewind.
	Snapshots []Snapshot
}

// classNames returns m's class names, defaulting to "0".."C−1".
func (m *Model) classNames() []string {
	if m.Classes == nil && m.Net != nil {
		return data.DefaultClasses(m.Net.Classes)
	}
	return m.Classes
}

// check verifies everything an encoder writes, so that no encoder produces
// a file its own decoder would refuse.
func (m *Model) check() error {
	if m == nil || m.Net == nil {
		return formatErr(i18n.T("there is no network to save"))
	}
	if err := m.Net.Check(); err != nil {
		return &FormatError{Msg: i18n.Sprintf("the network cannot be saved: %v", err), Err: err}
	}
	if err := checkClasses(m.classNames(), m.Net.Classes); err != nil {
		return err
	}
	if err := checkHyper(m.Hyper, m.LR); err != nil {
		return err
	}
	if err := checkProgress(m.Epoch, m.Seen, m.Loss); err != nil {
		return err
	}
	if m.Shuffle != nil && !m.Position().Valid() {
		return formatErr(i18n.T("the trainer's shuffle state is damaged"))
	}
	if m.History != nil {
		if err := m.History.check(m.Epoch); err != nil {
			return err
		}
	}
	if err := checkSnapshots(m); err != nil {
		return err
	}
	if m.Data != nil {
		return checkData(m.Data, m.Net.Classes, false)
	}
	return nil
}

func checkClasses(names []string, classes int) error {
	if len(names) != classes {
		return formatErr(i18n.Sprintf("the file names %d classes but the network has %d outputs", len(names), classes))
	}
	for i, s := range names {
		if s == "" || len(s) > maxClassName || !utf8.ValidString(s) {
			return formatErr(i18n.Sprintf("class %d has an empty, overlong or garbled name", i))
		}
	}
	return nil
}

func checkHyper(h nn.Hyper, lr float64) error {
	switch {
	case !finite(h.LR) || !finite(lr) || h.LR < 0 || lr < 0:
		return formatErr(i18n.T("the learning rate must be a number ≥ 0"))
	case !finite(h.Decay) || h.Decay < 0 || h.Decay > 1:
		return formatErr(i18n.T("the learning-rate decay must be between 0 and 1"))
	case !finite(h.MinLR) || h.MinLR < 0:
		return formatErr(i18n.T("the minimum learning rate must be a number ≥ 0"))
	case !finite(h.L2) || h.L2 < 0:
		return formatErr(i18n.T("the L2 weight decay must be a number ≥ 0"))
	case h.Batch < 0 || h.Batch > maxBatch:
		return formatErr(i18n.Sprintf("the batch size %d is outside 1..%d", h.Batch, maxBatch))
	}
	return nil
}

// maxBatch bounds the batch size a file may ask for.
const maxBatch = 1 << 20

// checkProgress checks the training progress. The encoder and both decoders
// call it, so that no file is written or read under a different rule.
func checkProgress(epoch, seen int, loss float64) error {
	switch {
	case epoch < 0 || seen < 0:
		return formatErr(i18n.T("the epoch and sample counts cannot be negative"))
	case !finite(loss) || loss < 0:
		return formatErr(i18n.Sprintf("the recorded loss %v is not a non-negative number", loss))
	}
	return nil
}

// checkData checks d's labels and pixels for the encoder and the decoder
// alike. saved names a sample in messages "saved drawing", as when reading
// one back from a file, rather than "drawing", as when saving.
func checkData(d *data.Dataset, classes int, saved bool) error {
	if len(d.Classes) != 0 && len(d.Classes) != classes {
		return formatErr(i18n.Sprintf("the saved dataset has %d classes but the network has %d outputs", len(d.Classes), classes))
	}
	for i := range d.Samples {
		s := &d.Samples[i]
		if s.Label < 0 || s.Label >= classes {
			if saved {
				return formatErr(i18n.Sprintf("saved drawing %d has label %d, but there are only %d classes", i+1, s.Label, classes))
			}
			return formatErr(i18n.Sprintf("drawing %d has label %d, but there are only %d classes", i+1, s.Label, classes))
		}
		for _, p := range s.Pixels {
			if p > 1 {
				if saved {
					return formatErr(i18n.Sprintf("saved drawing %d has a pixel value %d; pixels must be 0 or 1", i+1, p))
				}
				return formatErr(i18n.Sprintf("drawing %d has a pixel value %d; pixels must be 0 or 1", i+1, p))
			}
		}
	}
	return nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// Kind is what Load found in a file.
type Kind int

const (
	Safetensors   Kind = iota // Digit Trainer's native checkpoint
	BDTCheckpoint             // the original Binary Digit Trainer's checkpoint JSON
	DatasetJSON               // the original app's dataset JSON
	DatasetCSV                // label,p0,…,p80 lines
)

var kindNames = [...]string{
	Safetensors:   i18n.Mark("safetensors checkpoint"),
	BDTCheckpoint: i18n.Mark("original-app checkpoint"),
	DatasetJSON:   i18n.Mark("dataset JSON"),
	DatasetCSV:    i18n.Mark("dataset CSV"),
}

// String names the kind for messages ("loaded a dataset CSV"), in the
// language in use.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return i18n.T(kindNames[k])
}

// Loaded is the result of Load. Model is nil for a dataset; Data is the
// dataset (for a checkpoint, the one saved in it, or nil).
type Loaded struct {
	Kind  Kind
	Model *Model
	Data  *data.Dataset
}
