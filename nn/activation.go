package nn

import (
	"fmt"
	"math"
)

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
		return 1 - 2/(Exp(z+z)+1)
	case ReLU:
		return max(z, 0)
	default:
		return 1 / (1 + Exp(-z))
	}
}

// Deriv returns f'(z) given z and h = f(z); sigmoid and tanh are cheaper from h.
func (a Activation) Deriv(z, h float64) float64 {
	switch a {
	case Tanh:
		return 1 - float64(h*h)
	case ReLU:
		if z > 0 {
			return 1
		}
		return 0
	default:
		return float64(h * (1 - h))
	}
}

// Exp returns e^x. It is a pure-Go port of the FreeBSD/fdlibm algorithm that
// the math package uses where it has no assembly; math.Exp itself is
// assembly on amd64 and arm64 and may differ there in the last bit, which
// would break bit-identical training across platforms. Products feeding an
// addition are wrapped in float64() so arm64 cannot fuse them.
func Exp(x float64) float64 {
	const (
		ln2Hi     = 6.93147180369123816490e-01
		ln2Lo     = 1.90821492927058770002e-10
		log2e     = 1.44269504088896338700e+00
		overflow  = 7.09782712893383973096e+02
		underflow = -7.45133219101941108420e+02
		nearZero  = 1.0 / (1 << 28)
	)
	switch {
	case x != x || x > overflow:
		if x != x {
			return x
		}
		return math.Inf(1)
	case x < underflow:
		return 0
	case -nearZero < x && x < nearZero:
		return 1 + x
	}
	var k int
	if x < 0 {
		k = int(float64(log2e*x) - 0.5)
	} else {
		k = int(float64(log2e*x) + 0.5)
	}
	hi := x - float64(float64(k)*ln2Hi)
	lo := float64(k) * ln2Lo
	return expmulti(hi, lo, k)
}

// expmulti returns e^r·2^k where r = hi − lo and |r| ≤ ln2/2.
func expmulti(hi, lo float64, k int) float64 {
	const (
		p1 = 1.66666666666666657415e-01
		p2 = -2.77777777770155933842e-03
		p3 = 6.61375632143793436117e-05
		p4 = -1.65339022054652515390e-06
		p5 = 4.13813679705723846039e-08
	)
	r := hi - lo
	t := r * r
	q := p4 + float64(t*p5)
	q = p3 + float64(t*q)
	q = p2 + float64(t*q)
	q = p1 + float64(t*q)
	c := r - float64(t*q)
	y := 1 - ((lo - float64(r*c)/(2-c)) - hi)
	return math.Ldexp(y, k)
}
