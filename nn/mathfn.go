package nn

import "math"

// The engine's own exp and log. math.Exp and math.Log are assembly on amd64
// (and Exp on arm64) and may round differently from the pure-Go code other
// platforms run, which would break bit-identical training across amd64,
// arm64 and js/wasm. These are the FreeBSD/fdlibm algorithms that the math
// package itself uses where it has no assembly, written so that no product
// feeds an addition unrounded: every such product is wrapped in float64(),
// which the Go spec says forbids fusing it into an FMA (arm64 and
// GOAMD64=v3 would otherwise fuse).

// The constants Exp, expPair and Log share, in one place so the paired Exp
// cannot drift from the single one it must match bit for bit.
const (
	ln2Hi    = 6.93147180369123816490e-01 // ln2 = ln2Hi + ln2Lo; ln2Hi's low bits are zero, so k·ln2Hi is exact
	ln2Lo    = 1.90821492927058770002e-10
	log2e    = 1.44269504088896338700e+00
	nearZero = 1.0 / (1 << 28) // |x| below this: e^x rounds to 1 + x

	// Remez polynomial for r·(e^r+1)/(e^r−1) in r², see Exp.
	expP1 = 1.66666666666666657415e-01
	expP2 = -2.77777777770155933842e-03
	expP3 = 6.61375632143793436117e-05
	expP4 = -1.65339022054652515390e-06
	expP5 = 4.13813679705723846039e-08
)

// Exp returns e^x, within 1 ulp of the exact result.
//
// Special cases are as for math.Exp: Exp(+Inf) = +Inf, Exp(NaN) = NaN,
// Exp(−Inf) = 0; very large x overflow to +Inf and very negative x underflow
// to 0.
func Exp(x float64) float64 {
	const (
		overflow  = 7.09782712893383973096e+02
		underflow = -7.45133219101941108420e+02
	)
	switch {
	case x != x:
		return x
	case x > overflow:
		return math.Inf(1)
	case x < underflow:
		return 0
	case -nearZero < x && x < nearZero:
		return 1 + x
	}
	// Reduce: x = k·ln2 + r with |r| ≤ ln2/2, r carried as hi − lo.
	var k int
	if x < 0 {
		k = int(float64(log2e*x) - 0.5)
	} else {
		k = int(float64(log2e*x) + 0.5)
	}
	hi := x - float64(float64(k)*ln2Hi)
	lo := float64(float64(k) * ln2Lo)

	// e^r = 1 + 2r/(2 − c) with c = r − r²·P(r²), P a Remez polynomial for
	// r·(e^r+1)/(e^r−1); written out here rather than in a helper because
	// the hot path calls Exp once per hidden neuron per sample.
	r := hi - lo
	t := float64(r * r)
	q := expP4 + float64(t*expP5)
	q = expP3 + float64(t*q)
	q = expP2 + float64(t*q)
	q = expP1 + float64(t*q)
	c := r - float64(t*q)
	y := 1 - ((lo - float64(r*c)/(2-c)) - hi)

	// y·2^k: when the result is a normal number, multiplying by an exact
	// power of two is exact and equals math.Ldexp(y, k) bit for bit for
	// y in [0.5, 2), at the cost of one multiply instead of a call. Results
	// that are subnormal or overflow, where rounding happens, go through
	// math.Ldexp, which is pure Go on every platform.
	if k < -1021 || k > 1022 {
		return math.Ldexp(y, k)
	}
	return y * math.Float64frombits(uint64(k+1023)<<52)
}

// expPair returns Exp(a) and Exp(b), bit for bit, computing the two side by
// side: each Exp is a long chain of dependent operations ending in a
// division, and interleaving two chains lets the processor overlap them.
// Arguments outside the range where Exp takes its main path go to Exp.
func expPair(a, b float64) (float64, float64) {
	const limit = 708.0 // |x| below this: no overflow, no subnormal result (k stays in −1021..1022)
	aa, ab := math.Abs(a), math.Abs(b)
	if !(aa >= nearZero && aa < limit && ab >= nearZero && ab < limit) {
		return Exp(a), Exp(b)
	}
	var ka, kb int
	if a < 0 {
		ka = int(float64(log2e*a) - 0.5)
	} else {
		ka = int(float64(log2e*a) + 0.5)
	}
	if b < 0 {
		kb = int(float64(log2e*b) - 0.5)
	} else {
		kb = int(float64(log2e*b) + 0.5)
	}
	hia := a - float64(float64(ka)*ln2Hi)
	hib := b - float64(float64(kb)*ln2Hi)
	loa := float64(float64(ka) * ln2Lo)
	lob := float64(float64(kb) * ln2Lo)
	ra, rb := hia-loa, hib-lob
	ta, tb := float64(ra*ra), float64(rb*rb)
	qa, qb := expP4+float64(ta*expP5), expP4+float64(tb*expP5)
	qa, qb = expP3+float64(ta*qa), expP3+float64(tb*qb)
	qa, qb = expP2+float64(ta*qa), expP2+float64(tb*qb)
	qa, qb = expP1+float64(ta*qa), expP1+float64(tb*qb)
	ca, cb := ra-float64(ta*qa), rb-float64(tb*qb)
	ya := 1 - ((loa - float64(ra*ca)/(2-ca)) - hia)
	yb := 1 - ((lob - float64(rb*cb)/(2-cb)) - hib)
	return ya * math.Float64frombits(uint64(ka+1023)<<52), yb * math.Float64frombits(uint64(kb+1023)<<52)
}

// Log returns the natural logarithm of x, within 1 ulp.
//
// Special cases are as for math.Log: Log(+Inf) = +Inf, Log(0) = −Inf,
// Log(x < 0) = NaN, Log(NaN) = NaN.
func Log(x float64) float64 {
	const (
		l1 = 6.666666666666735130e-01
		l2 = 3.999999999940941908e-01
		l3 = 2.857142874366239149e-01
		l4 = 2.222219843214978396e-01
		l5 = 1.818357216161805012e-01
		l6 = 1.531383769920937332e-01
		l7 = 1.479819860511658591e-01
	)
	switch {
	case x != x || x > math.MaxFloat64:
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	}
	// Reduce: x = 2^k·(1+f) with √2/2 ≤ 1+f < √2.
	f1, ki := math.Frexp(x)
	if f1 < math.Sqrt2/2 {
		f1 *= 2
		ki--
	}
	f := f1 - 1
	k := float64(ki)
	// log(1+f) = f − f²/2 + s·(f²/2 + R) with s = f/(2+f) and R a Remez
	// polynomial in s², split in odd and even halves.
	s := f / (2 + f)
	s2 := float64(s * s)
	s4 := float64(s2 * s2)
	t1 := float64(s2 * (l1 + float64(s4*(l3+float64(s4*(l5+float64(s4*l7)))))))
	t2 := float64(s4 * (l2 + float64(s4*(l4+float64(s4*l6)))))
	R := t1 + t2
	hfsq := float64(float64(0.5*f) * f)
	return float64(k*ln2Hi) - ((hfsq - (float64(s*(hfsq+R)) + float64(k*ln2Lo))) - f)
}
