package app

import (
	"math"
	"strconv"

	"digittrainer/nn"
)

// The choices each stepper offers. Learning rates go far past what works so
// that a student can see divergence (and the guard) happen.
var (
	lrChoices     = []float64{0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100}
	decayChoices  = []float64{1, 0.999, 0.99, 0.95, 0.9}
	batchChoices  = []float64{1, 2, 4, 8, 16, 32, 64}
	hiddenChoices = []float64{4, 8, 12, 16, 24, 32, 48, 64}
	epochChoices  = []float64{1, 5, 10, 20, 50, 100, 200}
	activations   = []nn.Activation{nn.Sigmoid, nn.Tanh, nn.ReLU}
)

// Setting names a stepper.
type Setting int

const (
	SetLR Setting = iota
	SetDecay
	SetBatch
	SetHidden
	SetActivation
	SetSeed
	SetEpochs
	numSettings
)

var settingNames = [numSettings]string{"Learning rate", "LR decay", "Batch size", "Hidden", "Activation", "Seed", "Epochs (N)"}

// Name is the stepper's label.
func (k Setting) Name() string { return settingNames[k] }

// step returns the choice d places from cur (nearest choice if cur is not one).
func step(choices []float64, cur float64, d int) float64 {
	best := 0
	for i, c := range choices {
		if math.Abs(c-cur) < math.Abs(choices[best]-cur) {
			best = i
		}
	}
	return choices[min(max(best+d, 0), len(choices)-1)]
}

// Adjust moves a setting one choice up (d = +1) or down (d = −1).
func (s *Session) Adjust(k Setting, d int) {
	st := &s.Settings
	switch k {
	case SetLR:
		st.Hyper.LR = step(lrChoices, st.Hyper.LR, d)
		s.Trainer.Hyper.LR, s.Trainer.LR = st.Hyper.LR, st.Hyper.LR
	case SetDecay:
		st.Hyper.Decay = step(decayChoices, st.Hyper.Decay, -d) // "+" means more decay
		s.Trainer.Hyper.Decay = st.Hyper.Decay
	case SetBatch:
		st.Hyper.Batch = int(step(batchChoices, float64(st.Hyper.Batch), d))
		s.Trainer.Hyper.Batch = st.Hyper.Batch
	case SetEpochs:
		st.EpochsN = int(step(epochChoices, float64(st.EpochsN), d))
		s.Version++ // for the autosave (prefs)
		return
	case SetHidden:
		h := int(step(hiddenChoices, float64(st.Hidden), d))
		if h == st.Hidden {
			return
		}
		st.Hidden = h
		s.Reset(false)
		s.Say("%d hidden neurons: the network was rebuilt with fresh weights.", h)
	case SetActivation:
		i := 0
		for j, a := range activations {
			if a == st.Activation {
				i = j
			}
		}
		st.Activation = activations[((i+d)%len(activations)+len(activations))%len(activations)]
		s.Reset(false)
		s.Say("Hidden activation %s: the network was rebuilt with fresh weights.", st.Activation)
	case SetSeed:
		if d < 0 && st.Seed == 0 {
			return
		}
		st.Seed = uint64(int64(st.Seed) + int64(d))
		s.Reset(false)
	}
	s.Version++
}

// Value is the stepper's value as shown.
func (s *Session) Value(k Setting) string {
	st := s.Settings
	switch k {
	case SetLR:
		return strconv.FormatFloat(st.Hyper.LR, 'g', 3, 64)
	case SetDecay:
		if st.Hyper.Decay == 1 || st.Hyper.Decay == 0 {
			return "off"
		}
		return strconv.FormatFloat(st.Hyper.Decay, 'g', 4, 64)
	case SetBatch:
		return strconv.Itoa(st.Hyper.Batch)
	case SetHidden:
		return strconv.Itoa(st.Hidden)
	case SetActivation:
		return st.Activation.String()
	case SetSeed:
		return strconv.FormatUint(st.Seed, 10)
	case SetEpochs:
		return strconv.Itoa(st.EpochsN)
	}
	return ""
}
