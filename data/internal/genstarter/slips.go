package main

import (
	"math/rand/v2"

	"digittrainer/data"
)

// slips adds the mistakes of clicking a 9×9 grid: now and then a cell at
// the end or edge of a stroke missed, and a stray click away from it.
// A miss never splits a stroke in two (a student's drag leaves no gaps);
// strays are the only ink apart from the strokes, and are marked.
func (d *drawing) slips(r *rand.Rand) {
	misses := [...]int{0, 0, 0, 0, 1, 1, 1, 2, 2, 3}[r.IntN(10)]
	for range misses {
		d.miss(r.IntN(data.Pixels))
	}
	strays := [...]int{0, 0, 1, 1, 1, 2, 2, 2, 3, 4}[r.IntN(10)]
	for range strays {
		if i := r.IntN(data.Pixels); d.px[i] == 0 {
			d.px[i], d.strays[i] = 1, 1
		}
	}
}

// miss clears the first inked cell from i on (wrapping round) whose loss
// leaves the strokes in as many pieces as before, if there is one.
func (d *drawing) miss(i int) {
	pieces := components(&d.px)
	for range data.Pixels {
		if d.px[i] == 1 {
			d.px[i] = 0
			if components(&d.px) == pieces {
				return
			}
			d.px[i] = 1
		}
		i = (i + 1) % data.Pixels
	}
}

// components returns the number of 8-connected pieces of ink in px.
func components(px *[data.Pixels]uint8) int {
	var seen [data.Pixels]bool
	n := 0
	for i, v := range px {
		if v == 0 || seen[i] {
			continue
		}
		n++
		seen[i] = true
		stack := []int{i}
		for len(stack) > 0 {
			j := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			x, y := j%data.Side, j/data.Side
			for v := max(y-1, 0); v <= min(y+1, data.Side-1); v++ {
				for u := max(x-1, 0); u <= min(x+1, data.Side-1); u++ {
					if k := v*data.Side + u; px[k] == 1 && !seen[k] {
						seen[k] = true
						stack = append(stack, k)
					}
				}
			}
		}
	}
	return n
}
