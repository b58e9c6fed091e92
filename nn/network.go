package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Inputs is the number of input neurons: one per pixel of the 9×9 grid.
const Inputs = 81

// Limits on the configurable sizes. Outside them New and Config.Validate
// return an error rather than building a net the UI could not draw.
const (
	MinHidden  = 1
	MaxHidden  = 256
	MinClasses = 2
	MaxClasses = 10
)

// Config is the shape of a network.
type Config struct {
	Hidden     int        // hidden neurons, MinHidden..MaxHidden
	Classes    int        // output neurons, MinClasses..MaxClasses
	Activation Activation // hidden-layer activation
}

// DefaultConfig is the original Binary Digit Trainer's network: 81-24-2, sigmoid.
var DefaultConfig = Config{Hidden: 24, Classes: 2, Activation: Sigmoid}

// Validate reports whether c describes a network this package can build.
func (c Config) Validate() error {
	if c.Hidden < MinHidden || c.Hidden > MaxHidden {
		return fmt.Errorf("nn: hidden size %d is outside %d..%d", c.Hidden, MinHidden, MaxHidden)
	}
	if c.Classes < MinClasses || c.Classes > MaxClasses {
		return fmt.Errorf("nn: class count %d is outside %d..%d", c.Classes, MinClasses, MaxClasses)
	}
	if !c.Activation.valid() {
		return fmt.Errorf("nn: unknown activation %d", c.Activation)
	}
	return nil
}

// Network holds the parameters. Weight matrices are row-major with one row
// per receiving neuron, the layout of PyTorch's nn.Linear.weight, so that
// checkpoints map onto them directly.
type Network struct {
	Config
	W1 []float64 // Hidden×Inputs: W1[h*Inputs+i] is the weight from input i to hidden neuron h
	B1 []float64 // Hidden
	W2 []float64 // Classes×Hidden: W2[c*Hidden+h] is the weight from hidden h to output c
	B2 []float64 // Classes

	stamp Stamp // see Version
}

// New returns a network of shape cfg initialised from rng (see Init).
func New(cfg Config, rng *rand.Rand) (*Network, error) {
	n, err := Zero(cfg)
	if err != nil {
		return nil, err
	}
	n.Init(rng)
	return n, nil
}

// Zero returns a network of shape cfg with every parameter zero, ready to
// be filled by a decoder.
func Zero(cfg Config) (*Network, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Network{
		Config: cfg,
		W1:     make([]float64, cfg.Hidden*Inputs),
		B1:     make([]float64, cfg.Hidden),
		W2:     make([]float64, cfg.Classes*cfg.Hidden),
		B2:     make([]float64, cfg.Classes),
	}, nil
}

// NewSeeded is New with the package's standard generator for a seed, so that
// the app, the CLI and the tests all start from the same weights for the
// same seed.
func NewSeeded(cfg Config, seed uint64) (*Network, error) {
	return New(cfg, NewRand(seed))
}

// NewRand returns the generator the engine uses for a seed. PCG is pure Go,
// so the stream is the same on every platform.
func NewRand(seed uint64) *rand.Rand { return rand.New(newPCG(seed)) }

// newPCG is NewRand's source, which a Trainer keeps to record its state.
func newPCG(seed uint64) *rand.PCG { return rand.NewPCG(seed, 0x9e3779b97f4a7c15) }

// Init draws every weight from Glorot/Xavier's uniform distribution
// U(−a, a), a = √(6/(fan_in+fan_out)), which keeps the variance of
// activations roughly equal across layers so that sigmoid units start in
// their sensitive range. Biases start at zero.
func (n *Network) Init(rng *rand.Rand) {
	glorot(n.W1, Inputs, n.Hidden, rng)
	glorot(n.W2, n.Hidden, n.Classes, rng)
	clear(n.B1)
	clear(n.B2)
	n.Touch()
}

func glorot(dst []float64, fanIn, fanOut int, rng *rand.Rand) {
	a := math.Sqrt(6 / float64(fanIn+fanOut))
	for i := range dst {
		dst[i] = float64(float64(rng.Float64()*2)*a) - a
	}
}

// Clone returns a deep copy of n.
func (n *Network) Clone() *Network {
	c := &Network{Config: n.Config}
	c.W1 = append([]float64(nil), n.W1...)
	c.B1 = append([]float64(nil), n.B1...)
	c.W2 = append([]float64(nil), n.W2...)
	c.B2 = append([]float64(nil), n.B2...)
	return c
}

// CopyFrom overwrites n's parameters with src's without allocating.
// It panics if the shapes differ.
func (n *Network) CopyFrom(src *Network) {
	if n.Config != src.Config {
		panic("nn: CopyFrom between networks of different shape")
	}
	copy(n.W1, src.W1)
	copy(n.B1, src.B1)
	copy(n.W2, src.W2)
	copy(n.B2, src.B2)
	n.Touch()
}

// Params returns the parameter slices in checkpoint order.
func (n *Network) Params() [4][]float64 {
	return [4][]float64{n.W1, n.B1, n.W2, n.B2}
}

// NumParams is the number of weights and biases: 81·H + H + H·C + C.
func (n *Network) NumParams() int { return len(n.W1) + len(n.B1) + len(n.W2) + len(n.B2) }

// Finite reports whether every parameter is a finite number. A NaN or Inf
// weight means training diverged; the app rolls back and no file is written.
func (n *Network) Finite() bool {
	for _, p := range n.Params() {
		for _, v := range p {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return false
			}
		}
	}
	return true
}

// Check verifies that the slices have the lengths the Config implies and
// that every value is finite; decoders call it before handing a network on.
func (n *Network) Check() error {
	if err := n.Config.Validate(); err != nil {
		return err
	}
	if len(n.W1) != n.Hidden*Inputs || len(n.B1) != n.Hidden || len(n.W2) != n.Classes*n.Hidden || len(n.B2) != n.Classes {
		return fmt.Errorf("nn: parameter lengths do not match shape %d-%d-%d", Inputs, n.Hidden, n.Classes)
	}
	if !n.Finite() {
		return fmt.Errorf("nn: network has NaN or infinite parameters")
	}
	return nil
}
