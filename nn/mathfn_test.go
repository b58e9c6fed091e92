package nn

import (
	"math"
	"math/big"
	"runtime"
	"testing"
)

// Accuracy of Exp and Log. Both are the fdlibm algorithms, documented to
// be less than 1 ulp from the exact result, so they must be at most one
// float away from the correctly rounded value (maxULP), which the tests
// compute with math/big.
//
// Against the math package the bound is wider on amd64 and arm64, where
// math.Exp is assembly with its own rounding: measured on amd64, its error
// reaches 1.15 ulp (x = −682.3533445: exact 4.546820144192351342e−297,
// math.Exp 4.5468201441923506e−297, ours 4.546820144192352e−297, 0.86 ulp),
// so the two may land two floats apart (maxULPvsMath; 228 of 2·10⁶ points).
// The amd64 assembly also overflows to +Inf from x ≈ 709.43 although e^x is
// finite up to 709.78, and math.Log's assembly is wrong for subnormal x, so
// those ranges are checked against math/big only. Where math uses its
// pure-Go code (js/wasm), ours must equal it bit for bit.
const (
	maxULP        = 1
	maxULPvsMath  = 2
	mathExpFinite = 709.4 // below this amd64's math.Exp does not overflow early
)

// ulps returns the distance between a and b in units in the last place,
// for finite values of the same sign.
func ulps(a, b float64) uint64 {
	ia, ib := math.Float64bits(a), math.Float64bits(b)
	if ia > ib {
		return ia - ib
	}
	return ib - ia
}

// mathIsPureGo reports whether math.Exp and math.Log run the same fdlibm
// code as ours on this platform, so that the results must be identical.
func mathIsPureGo() bool { return runtime.GOARCH == "wasm" }

// ln2Big is ln 2 to 100 digits.
var ln2Big, _ = new(big.Float).SetPrec(bigPrec).SetString(
	"0.6931471805599453094172321214581765680755001343602552541206800094933936219696947156058633269964186875")

const bigPrec = 256 // bits: far beyond the 53 of float64, so rounding the result once is exact enough

// expBig returns e^x correctly rounded to float64: x = k·ln2 + r, e^r by
// its Taylor series, then scaled by 2^k.
func expBig(x float64) float64 {
	k := math.Round(x / math.Ln2)
	r := new(big.Float).SetPrec(bigPrec).SetFloat64(x)
	r.Sub(r, new(big.Float).SetPrec(bigPrec).Mul(ln2Big, big.NewFloat(k)))
	sum := new(big.Float).SetPrec(bigPrec).SetInt64(1)
	term := new(big.Float).SetPrec(bigPrec).SetInt64(1)
	tiny := new(big.Float).SetMantExp(big.NewFloat(1), -bigPrec)
	abs := new(big.Float)
	for n := int64(1); abs.Abs(term).Cmp(tiny) > 0; n++ {
		term.Mul(term, r)
		term.Quo(term, new(big.Float).SetInt64(n))
		sum.Add(sum, term)
	}
	sum.SetMantExp(sum, int(k))
	f, _ := sum.Float64()
	return f
}

func TestExpExact(t *testing.T) {
	check := func(x float64) {
		if got, want := Exp(x), expBig(x); ulps(got, want) > maxULP {
			t.Fatalf("Exp(%v) = %v, exact %v: %d floats apart", x, got, want, ulps(got, want))
		}
	}
	const lo, hi, steps = -745.0, 709.78, 4_000
	for i := 0; i <= steps; i++ {
		check(lo + (hi-lo)*float64(i)/steps)
	}
	rng := NewRand(3)
	for i := 0; i < 4_000; i++ {
		check((rng.Float64()*2 - 1) * 40) // where sigmoid and softmax arguments live
	}
	check(-682.3533445)
	check(709.4366993)
}

func TestExpVsMath(t *testing.T) {
	bound := uint64(maxULPvsMath)
	if mathIsPureGo() {
		bound = 0
	}
	check := func(x float64) {
		got, want := Exp(x), math.Exp(x)
		if d := ulps(got, want); d > bound {
			t.Fatalf("Exp(%v) = %v, math.Exp = %v: %d ulp apart", x, got, want, d)
		}
	}
	const lo, hi, steps = -745.0, mathExpFinite, 400_000
	for i := 0; i <= steps; i++ {
		check(lo + (hi-lo)*float64(i)/steps)
	}
	for i := -200_000; i <= 200_000; i++ {
		check(float64(i) * 1e-4)
	}
}

func TestExpSpecialCases(t *testing.T) {
	cases := []struct{ x, want float64 }{
		{0, 1},
		{math.Copysign(0, -1), 1},
		{1, math.E},
		{math.Inf(1), math.Inf(1)},
		{math.Inf(-1), 0},
		{710, math.Inf(1)},             // overflow
		{math.MaxFloat64, math.Inf(1)}, // overflow
		{-746, 0},                      // underflow
		{-math.MaxFloat64, 0},          // underflow
		{1e-300, 1},                    // near zero: 1 + x rounds to 1
		{-744.44007192138126, 5e-324},  // the smallest subnormal
		{709.78, 1.7928227943945155e308},
	}
	for _, c := range cases {
		if got := Exp(c.x); got != c.want {
			t.Errorf("Exp(%v) = %v, want %v", c.x, got, c.want)
		}
	}
	if got := Exp(math.NaN()); !math.IsNaN(got) {
		t.Errorf("Exp(NaN) = %v", got)
	}
	// Subnormal results (x < −708.4) are rounded once, by math.Ldexp.
	for x := -745.0; x < -708; x += 0.37 {
		if got, want := Exp(x), expBig(x); ulps(got, want) > maxULP {
			t.Errorf("Exp(%v) = %v, exact %v", x, got, want)
		}
	}
}

func TestLog(t *testing.T) {
	bound := uint64(maxULP)
	if mathIsPureGo() {
		bound = 0
	}
	rng := NewRand(2)
	for i := 0; i < 200_000; i++ {
		x := math.Exp((rng.Float64()*2 - 1) * 708) // log-uniform over the normal numbers
		if got, want := Log(x), math.Log(x); ulps(got, want) > bound {
			t.Fatalf("Log(%v) = %v, math.Log = %v", x, got, want)
		}
	}
	for i := 1; i <= 100_000; i++ {
		x := float64(i) * 1e-4 // around 1, where log is near 0
		if got, want := Log(x), math.Log(x); ulps(got, want) > bound {
			t.Fatalf("Log(%v) = %v, math.Log = %v", x, got, want)
		}
	}
	// Subnormal inputs, values from Python's math.log (glibc, correctly rounded here).
	if got := Log(7.642190758373e-312); got != -716.3728647035902 {
		t.Errorf("Log(7.642190758373e-312) = %v, want -716.3728647035902", got)
	}
	if got := Log(5e-324); got != -744.4400719213812 {
		t.Errorf("Log(5e-324) = %v, want -744.4400719213812", got)
	}
	if Log(1) != 0 || Log(math.Inf(1)) != math.Inf(1) || Log(0) != math.Inf(-1) ||
		!math.IsNaN(Log(-1)) || !math.IsNaN(Log(math.NaN())) || !math.IsNaN(Log(math.Inf(-1))) {
		t.Error("Log special cases")
	}
}

func TestActivations(t *testing.T) {
	const tol = 1e-15 // values ≤ 1 computed two ways: a few ulps
	for _, z := range []float64{-800, -30, -2, -0.5, 0, 0.25, 3, 40, 800} {
		if got, want := Sigmoid.Apply(z), 1/(1+math.Exp(-z)); math.Abs(got-want) > tol {
			t.Errorf("sigmoid(%v) = %v, want %v", z, got, want)
		}
		if got, want := Tanh.Apply(z), math.Tanh(z); math.Abs(got-want) > tol {
			t.Errorf("tanh(%v) = %v, want %v", z, got, want)
		}
		if got := ReLU.Apply(z); got != max(z, 0) {
			t.Errorf("relu(%v) = %v", z, got)
		}
	}
	if Tanh.Apply(1000) != 1 || Tanh.Apply(-1000) != -1 || Sigmoid.Apply(-1000) != 0 || Sigmoid.Apply(1000) != 1 {
		t.Error("saturated activations are not exactly 0, ±1")
	}
	for _, a := range []Activation{Sigmoid, Tanh, ReLU} {
		got, err := ParseActivation(a.String())
		if err != nil || got != a {
			t.Errorf("ParseActivation(%q) = %v, %v", a.String(), got, err)
		}
	}
	if _, err := ParseActivation("softplus"); err == nil {
		t.Error("ParseActivation accepted softplus")
	}
	if s := Activation(9).String(); s != "Activation(9)" {
		t.Errorf("String of an unknown activation: %q", s)
	}
}

// TestExpPair: the two-at-a-time exp of the hot path is Exp bit for bit,
// on its fast path and at the edges where it hands over to Exp.
func TestExpPair(t *testing.T) {
	xs := []float64{0, math.Copysign(0, -1), 1e-300, -1e-9, 3.7e-9, 3.8e-9, 1, -1, 707.9, -707.9,
		708, -708, 708.5, -708.5, 709.78, 710, -745.2, -750, math.Inf(1), math.Inf(-1), math.NaN()}
	rng := NewRand(4)
	for i := 0; i < 20_000; i++ {
		xs = append(xs, (rng.Float64()*2-1)*50, (rng.Float64()*2-1)*750)
	}
	same := func(a, b float64) bool {
		return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
	}
	for i := range xs {
		a, b := xs[i], xs[(i*7+3)%len(xs)]
		ea, eb := expPair(a, b)
		if !same(ea, Exp(a)) || !same(eb, Exp(b)) {
			t.Fatalf("expPair(%v, %v) = %v, %v; Exp gives %v, %v", a, b, ea, eb, Exp(a), Exp(b))
		}
	}
}

// TestApplyAllMatchesApply: the batched activations equal Apply bit for bit,
// for odd and even counts.
func TestApplyAllMatchesApply(t *testing.T) {
	rng := NewRand(5)
	for _, a := range []Activation{Sigmoid, Tanh, ReLU} {
		for _, n := range []int{1, 2, 5, 24} {
			z := make([]float64, n)
			for i := range z {
				z[i] = (rng.Float64()*2 - 1) * 12
			}
			z[0] = 400 // saturates, and takes expPair's hand-over to Exp for tanh
			h := make([]float64, n)
			a.applyAll(h, z)
			for i := range z {
				if math.Float64bits(h[i]) != math.Float64bits(a.Apply(z[i])) {
					t.Fatalf("%v n=%d: applyAll %v, Apply %v at z=%v", a, n, h[i], a.Apply(z[i]), z[i])
				}
			}
		}
	}
}
