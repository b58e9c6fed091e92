package nn

import "fmt"

// Activation selects the hidden layer's non-linearity.
type Activation uint8

const (
	Sigmoid Activation = iota // σ(z) = 1/(1+e^−z), the original app's choice
	Tanh                      // tanh(z) = 2σ(2z) − 1, zero-centred
	ReLU                      // max(0, z)
)

var activationNames = [...]string{Sigmoid: "sigmoid", Tanh: "tanh", ReLU: "relu"}

func (a Activation) valid() bool { return int(a) < len(activationNames) }

// String returns the name used in checkpoints and on the command line.
func (a Activation) String() string {
	if !a.valid() {
		return fmt.Sprintf("Activation(%d)", a)
	}
	return activationNames[a]
}

// ParseActivation is the inverse of String.
func ParseActivation(s string) (Activation, error) {
	for i, name := range activationNames {
		if s == name {
			return Activation(i), nil
		}
	}
	return 0, fmt.Errorf("nn: unknown activation %q (want sigmoid, tanh or relu)", s)
}

// Apply returns f(z).
func (a Activation) Apply(z float64) float64 {
	switch a {
	case Tanh:
		return tanh(z)
	case ReLU:
		return max(z, 0)
	default:
		return sigmoid(z)
	}
}

// Deriv returns f'(z) given z and h = f(z); sigmoid and tanh are cheaper from h.
func (a Activation) Deriv(z, h float64) float64 {
	switch a {
	case Tanh:
		return 1 - float64(h*h)
	case ReLU:
		return reluDeriv(z)
	default:
		return float64(h * (1 - h))
	}
}

func sigmoid(z float64) float64 { return 1 / (1 + Exp(-z)) }

// tanh is written through exp (tanh z = 1 − 2/(e^2z+1)) rather than
// math.Tanh so that it is the same on every platform; for large |z| e^2z
// overflows to +Inf or underflows to 0 and the result is exactly ±1.
func tanh(z float64) float64 { return 1 - 2/(Exp(z+z)+1) }

func reluDeriv(z float64) float64 {
	if z > 0 {
		return 1
	}
	return 0
}

// applyAll writes f(z[i]) into dst[i]: Apply with the switch hoisted out of
// the loop over hidden neurons and the exps computed two at a time (see
// expPair). The results are those of Apply bit for bit.
func (a Activation) applyAll(dst, z []float64) {
	dst = dst[:len(z)]
	switch a {
	case Tanh:
		i := 0
		for ; i+2 <= len(z); i += 2 {
			ea, eb := expPair(z[i]+z[i], z[i+1]+z[i+1])
			dst[i], dst[i+1] = 1-2/(ea+1), 1-2/(eb+1)
		}
		for ; i < len(z); i++ {
			dst[i] = tanh(z[i])
		}
	case ReLU:
		for i, v := range z {
			dst[i] = max(v, 0)
		}
	default:
		i := 0
		for ; i+2 <= len(z); i += 2 {
			ea, eb := expPair(-z[i], -z[i+1])
			dst[i], dst[i+1] = 1/(1+ea), 1/(1+eb)
		}
		for ; i < len(z); i++ {
			dst[i] = sigmoid(z[i])
		}
	}
}

// errorAll writes the hidden error back[i]·f'(z[i]) into dst[i], with f'
// computed as Deriv does, for every hidden neuron.
func (a Activation) errorAll(dst, back, z, h []float64) {
	back, z, h = back[:len(dst)], z[:len(dst)], h[:len(dst)]
	switch a {
	case Tanh:
		for i, b := range back {
			dst[i] = float64(b * (1 - float64(h[i]*h[i])))
		}
	case ReLU:
		for i, b := range back {
			dst[i] = float64(b * reluDeriv(z[i]))
		}
	default:
		for i, b := range back {
			dst[i] = float64(b * float64(h[i]*(1-h[i])))
		}
	}
}
