package nn

// synthDigits returns n deterministic 9×9 drawings of 0s and 1s with 20–30 %
// ink, the shape of what students draw, for the benchmarks and the
// determinism test. It uses mulberry32 rather than NewRand so that
// bench/train.mjs can generate exactly the same data in JavaScript.
func synthDigits(n int, seed uint32) Examples {
	const flip = 0.06 // chance that noise flips a pixel: adds ~4 stray pixels per drawing
	rnd := mulberry32(seed)
	ex := Examples{X: make([]float64, n*Inputs), Y: make([]int, n)}
	for k := 0; k < n; k++ {
		label := k % 2
		dx, dy := int(rnd()*3)-1, int(rnd()*3)-1
		x := ex.X[k*Inputs : k*Inputs+Inputs]
		for r := 0; r < 9; r++ {
			for c := 0; c < 9; c++ {
				v := synthInk(label, r-dy, c-dx)
				if rnd() < flip {
					v = !v
				}
				if v {
					x[r*9+c] = 1
				}
			}
		}
		ex.Y[k] = label
	}
	return ex
}

// synthInk reports whether the template of digit label covers (r, c): a 0 is
// a 7×5 ring with cut corners (16 pixels), a 1 a two-pixel-wide bar with a
// base (16 pixels).
func synthInk(label, r, c int) bool {
	if label == 0 {
		return (r == 1 || r == 7) && c >= 3 && c <= 5 || (c == 2 || c == 6) && r >= 2 && r <= 6
	}
	return (c == 4 || c == 5) && r >= 1 && r <= 7 || r == 7 && (c == 3 || c == 6)
}

// mulberry32 is a tiny 32-bit generator that is easy to write identically in
// JavaScript; it returns uniform numbers in [0, 1).
func mulberry32(seed uint32) func() float64 {
	a := seed
	return func() float64 {
		a += 0x6D2B79F5
		t := a
		t = (t ^ t>>15) * (t | 1)
		t ^= t + (t^t>>7)*(t|61)
		return float64(t^t>>14) / 4294967296
	}
}
