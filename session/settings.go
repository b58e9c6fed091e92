package session

import (
	"math"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"digittrainer/i18n"
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
	SetPace
	SetPatience
	NumSettings
)

// settingNames are the steppers' labels, in English: Name translates them.
var settingNames = [NumSettings]string{i18n.Mark("Learning rate η"), i18n.Mark("LR decay"), i18n.Mark("Batch size"),
	i18n.Mark("Hidden"), i18n.Mark("Activation"), i18n.Mark("Seed"), i18n.Mark("Epochs (N)"), i18n.Mark("Pace"),
	i18n.Mark("Stop if stuck")}

var settingKeys = [NumSettings]string{"LR", "Decay", "Batch", "Hidden", "Activation", "Seed", "Epochs", "Pace", "Patience"}

// settingShort are shorter labels for narrow steppers, where the long one
// would be cut ("Learning ra…"); "" where the long one is short already.
var settingShort = [NumSettings]string{SetLR: i18n.Mark("Rate η"), SetPatience: i18n.Mark("If stuck"), SetEpochs: i18n.Mark("Epochs")}

// Name is the stepper's label, in the language in use.
func (k Setting) Name() string { return i18n.T(settingNames[k]) }

// ShortName is the label for a narrow stepper.
func (k Setting) ShortName() string {
	if settingShort[k] != "" {
		return i18n.T(settingShort[k])
	}
	return k.Name()
}

// Key names the setting for programs (the status JSON's control names),
// apart from the words on screen.
func (k Setting) Key() string { return settingKeys[k] }

// Settings are the training choices, gathered from where each is kept.
type Settings struct {
	Hyper      nn.Hyper // the trainer's; Hyper.LR is the rate set, not the decayed one in use
	Hidden     int
	Activation nn.Activation
	Seed       uint64
	EpochsN    int     // how many epochs "Train N epochs" runs
	Pace       float64 // drawings a second; +Inf: full speed
	Patience   int     // epochs without improvement that stop Train; 0: never
}

// Settings returns the current choices.
func (s *Session) Settings() Settings {
	return Settings{Hyper: s.trainer.Hyper, Hidden: s.net.Hidden, Activation: s.net.Activation, Seed: s.seed,
		EpochsN: s.epochsN, Pace: s.Pace(), Patience: s.Patience()}
}

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

// Adjust moves a setting one choice up (d = +1) or down (d = −1). A new
// learning rate is also the rate in use from now on; a new shape or seed
// rebuilds the network with fresh weights.
func (s *Session) Adjust(k Setting, d int) {
	if s.fixed(k) {
		return
	}
	h := &s.trainer.Hyper
	switch k {
	case SetLR:
		h.LR = step(lrChoices, h.LR, d)
		s.trainer.LR = h.LR
		s.Say("Learning rate η %s, in use from the next step.", s.Value(SetLR)) // replaces a rollback's warning
	case SetDecay:
		h.Decay = step(decayChoices, h.Decay, -d) // the choices run down: "+" is a larger factor
	case SetBatch:
		h.Batch = int(step(batchChoices, float64(h.Batch), d))
	case SetEpochs:
		s.epochsN = int(step(epochChoices, float64(s.epochsN), d))
	case SetPace:
		s.pace = min(max(s.pace+d, 0), len(paces)-1)
		if !s.Watching() {
			s.unwatch()
		}
	case SetPatience:
		s.patience = min(max(s.patience+d, 0), len(patiences)-1)
	case SetHidden:
		cfg := s.net.Config
		if cfg.Hidden = int(step(hiddenChoices, float64(cfg.Hidden), d)); cfg.Hidden != s.net.Hidden {
			s.reshape(cfg, i18n.Sprintf("%d hidden neurons", cfg.Hidden))
		}
	case SetActivation:
		cfg := s.net.Config
		i := slices.Index(activations, cfg.Activation)
		cfg.Activation = activations[((i+d)%len(activations)+len(activations))%len(activations)]
		s.reshape(cfg, i18n.Sprintf("hidden activation %s", cfg.Activation.String()))
	case SetSeed:
		if d < 0 && s.seed == 0 {
			return
		}
		seed := uint64(int64(s.seed) + int64(d))
		if err := s.fresh(i18n.Sprintf("seed %d", seed), s.net.Config, seed); err != nil {
			s.Fail("%v", Plain(err))
			return
		}
		s.Say("Fresh weights from seed %d. Ctrl+Z brings back the network before.", seed)
	}
}

// reshape rebuilds the network as cfg (what names the change, in the
// language in use) and says so.
func (s *Session) reshape(cfg nn.Config, what string) {
	if err := s.fresh(what, cfg, s.seed); err != nil {
		s.Fail("%v", Plain(err))
		return
	}
	s.Say("%s: the network was rebuilt with fresh weights. Ctrl+Z brings back the one before.", capitalize(what))
}

// capitalize upper-cases the first letter of a message that starts with a
// name ("32 hidden neurons", "hidden activation tanh"; "activación oculta
// tanh" in Spanish).
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Value is the stepper's value as shown, in the language in use.
func (s *Session) Value(k Setting) string {
	st := s.Settings()
	switch k {
	case SetLR:
		return rateText(st.Hyper.LR)
	case SetDecay:
		if st.Hyper.Decay == 1 || st.Hyper.Decay == 0 {
			return i18n.T("off")
		}
		return i18n.Sprintf("%.4g", st.Hyper.Decay)
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
	case SetPace:
		return paceText(st.Pace)
	case SetPatience:
		return patienceText(st.Patience)
	}
	return ""
}

// Note is what a stepper shows under its value: for the learning rate, the
// rate in use now when decay has moved it from the rate set ("now 0.0951");
// else "".
func (s *Session) Note(k Setting) string {
	if t := s.trainer; k == SetLR && t.LR != t.Hyper.LR {
		return i18n.Sprintf("now %s", rateText(t.LR))
	}
	return ""
}

// SetEpochsN sets N of "Train N epochs" if it is one of the choices (the
// autosave's preferences), reporting whether it was.
func (s *Session) SetEpochsN(n int) bool {
	if !slices.Contains(epochChoices, float64(n)) {
		return false
	}
	s.epochsN = n
	return true
}

// SetPace sets the pace in drawings a second if it is one of the choices
// (+Inf for full speed), reporting whether it was.
func (s *Session) SetPace(p float64) bool {
	i := slices.Index(paces, p)
	if i >= 0 {
		s.pace = i
	}
	return i >= 0
}

// SetPatience sets the epochs without improvement that stop training (0:
// never) if it is one of the choices, reporting whether it was.
func (s *Session) SetPatience(n int) bool {
	i := slices.Index(patiences, n)
	if i >= 0 {
		s.patience = i
	}
	return i >= 0
}
