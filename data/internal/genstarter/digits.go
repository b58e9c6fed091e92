package main

import (
	"math"
	"math/rand/v2"
)

// sketch is one digit drawn in its unit box (x and y in −1..1, y down),
// with the width-to-height ratio the box should have on the grid and any
// tilt the variant wants.
type sketch struct {
	strokes []stroke
	aspect  float64
	rot     float64 // radians, clockwise on screen
}

// digits draws each digit 0..9 with a random variant and jitter.
var digits = [10]func(r *rand.Rand) sketch{zero, one, two, three, four, five, six, seven, eight, nine}

// uniform returns a number in [a, b).
func uniform(r *rand.Rand, a, b float64) float64 { return a + (b-a)*r.Float64() }

// jit returns a small random offset, the wobble of a hand-placed point.
func jit(r *rand.Rand) float64 { return uniform(r, -0.1, 0.1) }

// chance returns true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// zero is an ellipse: round, narrow, wide, tilted, open at the top or
// elsewhere, or egg-shaped, closed or slightly over- or under-shot where
// the pen met.
func zero(r *rand.Rand) sketch {
	start := 270 + uniform(r, -50, 50) // where the pen went down
	sweep := 360 + uniform(r, -15, 30) // a small gap, or an overlap
	var sk sketch
	egg := 0.0
	switch r.IntN(9) {
	case 0, 7, 8: // round, the most common
		sk.aspect = uniform(r, 0.85, 1.1)
	case 1: // narrow
		sk.aspect = uniform(r, 0.5, 0.75)
	case 2: // wide
		sk.aspect = uniform(r, 1.0, 1.2)
	case 3: // tilted
		sk.aspect = uniform(r, 0.6, 0.9)
		sk.rot = uniform(r, 0.2, 0.45)
		if chance(r, 0.5) {
			sk.rot = -sk.rot
		}
	case 4: // open at the top
		sk.aspect = uniform(r, 0.7, 1.05)
		gap := uniform(r, 15, 40)
		start, sweep = 270+gap, 360-2*gap
	case 5: // egg: wider at the bottom or the top
		sk.aspect = uniform(r, 0.7, 1.0)
		egg = uniform(r, -0.25, 0.25)
	case 6: // not quite finished: a gap anywhere
		sk.aspect = uniform(r, 0.7, 1.05)
		start, sweep = uniform(r, 0, 360), 360-uniform(r, 20, 50)
	}
	const n = 48
	s := make(stroke, n+1)
	for i := range s {
		a := (start + sweep*float64(i)/n) * math.Pi / 180
		sin, cos := math.Sincos(a)
		s[i] = pt{cos * (1 + egg*sin), sin}
	}
	sk.strokes = []stroke{s}
	return sk
}

// one is a stem, with or without the flag at the top left and the base;
// the flag is straight or slightly curved, long or short.
func one(r *rand.Rand) sketch {
	top := pt{jit(r), -1}
	bottom := pt{jit(r), 1}
	sk := sketch{aspect: uniform(r, 0.55, 1), strokes: []stroke{{top, bottom}}}
	if chance(r, 0.75) {
		end := pt{-uniform(r, 0.4, 1), -1 + uniform(r, 0.25, 0.85)}
		if chance(r, 0.3) {
			sk.strokes = append(sk.strokes, curve(top, pt{(top.x+end.x)/2 + 0.15, (top.y+end.y)/2 + 0.15}, end, 6))
		} else {
			sk.strokes = append(sk.strokes, stroke{top, end})
		}
	}
	if chance(r, 0.6) {
		y := 1 + jit(r)/2
		sk.strokes = append(sk.strokes, stroke{{-uniform(r, 0.4, 1), y}, {uniform(r, 0.4, 1), y}})
	}
	return sk
}

// two is an arc over a diagonal to the bottom left and a base.
func two(r *rand.Rand) sketch {
	top := arc(0, -0.45, 0.9, 0.55, 190+uniform(r, -20, 20), 360+uniform(r, 0, 40), 16)
	corner := pt{-1 + jit(r), 1 + jit(r)/2}
	return sketch{aspect: uniform(r, 0.6, 0.9), strokes: []stroke{join(top, stroke{corner, {uniform(r, 0.6, 1), 1 + jit(r)/2}})}}
}

// three is two arcs bulging right, meeting in the middle.
func three(r *rand.Rand) sketch {
	mid := pt{uniform(r, -0.3, 0.1), jit(r)}
	up := arc(0, (mid.y-1)/2, uniform(r, 0.7, 0.9), (mid.y+1)/2, 200+uniform(r, -20, 20), 450, 14)
	down := arc(0, (mid.y+1)/2, uniform(r, 0.8, 1), (1-mid.y)/2, 270, 520+uniform(r, -20, 20), 16)
	return sketch{aspect: uniform(r, 0.55, 0.85), strokes: []stroke{join(up, stroke{mid}, down)}}
}

// four is closed (a diagonal) or open (an L) with a crossing stem.
func four(r *rand.Rand) sketch {
	bar := uniform(r, 0.15, 0.45)
	stemX := uniform(r, 0.3, 0.6)
	if chance(r, 0.5) {
		return sketch{aspect: uniform(r, 0.65, 0.95), strokes: []stroke{
			{{stemX - 0.1 + jit(r), -1}, {-1, bar}, {1, bar + jit(r)}},
			{{stemX, -0.5 + jit(r)}, {stemX + jit(r), 1}},
		}}
	}
	return sketch{aspect: uniform(r, 0.65, 0.95), strokes: []stroke{
		{{-0.8 + jit(r), -1}, {-0.85, bar}, {1, bar + jit(r)}},
		{{stemX, -1}, {stemX + jit(r), 1}},
	}}
}

// five is a top bar, a short down stroke and a belly.
func five(r *rand.Rand) sketch {
	corner := pt{-0.7 + jit(r), -0.1 + jit(r)}
	belly := arc(0, 0.42, 0.9, 0.58, 235, 500+uniform(r, -20, 20), 16)
	bar := stroke{{uniform(r, 0.6, 1), -1 + jit(r)}, {-0.65 + jit(r), -1}}
	if chance(r, 0.5) { // the bar drawn last, as a separate stroke
		return sketch{aspect: uniform(r, 0.6, 0.9), strokes: []stroke{join(stroke{bar[1]}, stroke{corner}, belly), bar}}
	}
	return sketch{aspect: uniform(r, 0.6, 0.9), strokes: []stroke{join(bar, stroke{corner}, belly)}}
}

// six is a long curve down the left side into a loop at the bottom.
func six(r *rand.Rand) sketch {
	ry := uniform(r, 0.45, 0.6)
	cy := 1 - ry
	head := curve(pt{uniform(r, 0.3, 0.8), -1}, pt{-0.9 + jit(r), -0.8}, pt{-0.9, cy}, 10)
	loop := arc(0, cy, 0.9, ry, 180, 530, 24)
	return sketch{aspect: uniform(r, 0.55, 0.85), strokes: []stroke{join(head, loop)}}
}

// seven is a top bar and a long diagonal, sometimes crossed.
func seven(r *rand.Rand) sketch {
	foot := pt{uniform(r, -0.5, 0.1), 1}
	sk := sketch{aspect: uniform(r, 0.6, 0.9), strokes: []stroke{{{-1, -1 + jit(r)}, {1, -1}, foot}}}
	if chance(r, 0.25) {
		y := uniform(r, -0.1, 0.2)
		sk.strokes = append(sk.strokes, stroke{{-0.4, y}, {0.7, y}})
	}
	return sk
}

// eight is two loops stacked, the lower usually the bigger.
func eight(r *rand.Rand) sketch {
	mid := uniform(r, -0.15, 0.1)
	up := arc(jit(r), (mid-1)/2, uniform(r, 0.6, 0.85), (mid+1)/2, 90, 450, 20)
	down := arc(jit(r), (mid+1)/2, uniform(r, 0.8, 1), (1-mid)/2, 270, 630, 20)
	return sketch{aspect: uniform(r, 0.5, 0.8), strokes: []stroke{up, down}}
}

// nine is a loop at the top and a stem, straight or curled at the foot.
func nine(r *rand.Rand) sketch {
	ry := uniform(r, 0.4, 0.6)
	cy := -1 + ry
	loop := arc(0, cy, 0.9, ry, 0, 360, 24)
	foot := pt{uniform(r, 0.3, 0.8), 1}
	stem := stroke{{0.9, cy}, foot}
	if chance(r, 0.35) {
		stem = curve(pt{0.9, cy}, pt{0.9, 1}, pt{-0.3, 1}, 8)
	}
	return sketch{aspect: uniform(r, 0.55, 0.85), strokes: []stroke{loop, stem}}
}
