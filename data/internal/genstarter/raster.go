package main

import (
	"math"

	"digittrainer/data"
)

// pt is a point in a digit's unit box, x right and y down, both −1..1, or
// (after placing) in grid cells, where cell (i, j) spans [i, i+1)×[j, j+1).
type pt struct{ x, y float64 }

// stroke is a polyline drawn without lifting the pen.
type stroke []pt

// arc returns n segments of the ellipse arc around (cx, cy) with radii rx,
// ry from angle a0 to a1 in degrees; y grows downwards, so 90° is the
// bottom and 270° the top, and a1 > a0 runs clockwise on screen.
func arc(cx, cy, rx, ry, a0, a1 float64, n int) stroke {
	s := make(stroke, n+1)
	for i := range s {
		a := (a0 + (a1-a0)*float64(i)/float64(n)) * math.Pi / 180
		s[i] = pt{cx + rx*math.Cos(a), cy + ry*math.Sin(a)}
	}
	return s
}

// curve returns n segments of the quadratic Bézier curve from p0 to p2
// pulled towards p1.
func curve(p0, p1, p2 pt, n int) stroke {
	s := make(stroke, n+1)
	for i := range s {
		t := float64(i) / float64(n)
		a, b, c := (1-t)*(1-t), 2*(1-t)*t, t*t
		s[i] = pt{a*p0.x + b*p1.x + c*p2.x, a*p0.y + b*p1.y + c*p2.y}
	}
	return s
}

// join concatenates strokes drawn in one movement.
func join(parts ...stroke) stroke {
	var s stroke
	for _, p := range parts {
		s = append(s, p...)
	}
	return s
}

// placement maps a digit's unit box onto the grid: how big, where, how
// slanted and tilted, and how wide the pen is.
type placement struct {
	w, h   float64 // box size in cells, measured between stroke centres
	cx, cy float64 // box centre in cells
	slant  float64 // shear: the top leans right by slant × half the height
	rot    float64 // tilt in radians, clockwise on screen
	pen    float64 // pen width in cells
}

// place maps a unit-box point to grid coordinates.
func (p placement) place(q pt) pt {
	x, y := q.x*p.w/2, q.y*p.h/2
	x -= p.slant * y
	sin, cos := math.Sincos(p.rot)
	x, y = x*cos-y*sin, x*sin+y*cos
	return pt{p.cx + x, p.cy + y}
}

// Pens at most thinPen cells wide draw only the chain of cells under the
// pen's centre, one click wide, as most students draw; wider pens also
// set the neighbouring cells they cover (see cover).
const thinPen = 1.25

// rasterise draws the strokes (in unit-box coordinates) with placement p
// onto a 9×9 grid the way a mouse draws on it: each stroke sets the chain
// of cells its pen centre passes through, so a stroke is always one
// 8-connected piece, however thin or slanted (see trace). A wider pen adds
// the cells around the chain it covers by half or more.
func rasterise(strokes []stroke, p placement) [data.Pixels]uint8 {
	var px [data.Pixels]uint8
	var segs [][2]pt
	for _, s := range strokes {
		placed := make([]pt, len(s))
		for i, q := range s {
			placed[i] = p.place(q)
			if i > 0 {
				segs = append(segs, [2]pt{placed[i-1], placed[i]})
			}
		}
		for _, c := range trace(placed) {
			px[c.y*data.Side+c.x] = 1
		}
	}
	if p.pen > thinPen {
		cover(&px, segs, p.pen)
	}
	return px
}

// cell is a grid cell's column and row.
type cell struct{ x, y int }

// cellAt returns the cell under q, clamped to the grid.
func cellAt(q pt) cell {
	clamp := func(v float64) int { return min(max(int(math.Floor(v)), 0), data.Side-1) }
	return cell{clamp(q.x), clamp(q.y)}
}

// touching reports whether a and b are 8-neighbours.
func touching(a, b cell) bool {
	return a != b && abs(a.x-b.x) <= 1 && abs(a.y-b.y) <= 1
}

func abs(v int) int { return max(v, -v) }

// step is how far, in cells, the pen centre moves between the points
// trace looks at: small enough that it never skips a cell.
const step = 0.05

// trace walks the polyline in steps and returns the cells the pen centre
// visits, in order, each consecutive pair 8-neighbours. Where the walk
// cuts the corner of a cell on its way diagonally to the next (a
// staircase of three cells whose ends touch), the cell it spent least
// time in is dropped, so a thin line is one cell wide on diagonals and
// curves, as a student's line clicked or dragged across the grid is.
func trace(line []pt) []cell {
	type visit struct {
		c     cell
		dwell float64 // distance walked inside c
	}
	var vs []visit
	add := func(c cell, d float64) {
		if n := len(vs); n > 0 && vs[n-1].c == c {
			vs[n-1].dwell += d
			return
		}
		vs = append(vs, visit{c, d})
	}
	add(cellAt(line[0]), 0)
	for i := 1; i < len(line); i++ {
		a, b := line[i-1], line[i]
		l := math.Hypot(b.x-a.x, b.y-a.y)
		n := max(1, int(math.Ceil(l/step)))
		for k := 1; k <= n; k++ {
			t := float64(k) / float64(n)
			add(cellAt(pt{a.x + t*(b.x-a.x), a.y + t*(b.y-a.y)}), l/float64(n))
		}
	}
	// Drop corner cells: vs[i] goes if its neighbours in the walk touch,
	// or vs[i+1] instead if that one is also a corner and was crossed
	// more briefly.
	corner := func(i int) bool { return i > 0 && i+1 < len(vs) && touching(vs[i-1].c, vs[i+1].c) }
	for i := 1; i+1 < len(vs); {
		if !corner(i) {
			i++
			continue
		}
		j := i
		if corner(i+1) && vs[i+1].dwell < vs[i].dwell {
			j = i + 1
		}
		vs = append(vs[:j], vs[j+1:]...)
		i = max(1, j-1)
	}
	cells := make([]cell, 0, len(vs))
	for i, v := range vs {
		if i > 0 && !touching(cells[len(cells)-1], v.c) && cells[len(cells)-1] != v.c {
			// Steps of less than a cell always reach a neighbour; join
			// with a straight run of cells should that ever fail.
			cells = append(cells, bresenham(cells[len(cells)-1], v.c)...)
		}
		cells = append(cells, v.c)
	}
	return cells
}

// bresenham returns the cells strictly between a and b on the straight
// 8-connected line from a to b.
func bresenham(a, b cell) []cell {
	dx, dy := abs(b.x-a.x), -abs(b.y-a.y)
	sx, sy := 1, 1
	if b.x < a.x {
		sx = -1
	}
	if b.y < a.y {
		sy = -1
	}
	var cells []cell
	e := dx + dy
	for c := a; ; {
		if e2 := 2 * e; e2 >= dy {
			e += dy
			c.x += sx
		} else if e2 <= dx {
			e += dx
			c.y += sy
		}
		if c == b {
			return cells
		}
		cells = append(cells, c)
	}
}

// subSamples is the number of sample points per cell side when measuring
// how much of a cell the pen covers.
const subSamples = 4

// coverNeeded is how many of the subSamples² points must be under the pen
// for a wide pen to set the cell: half the cell, the way a student decides
// which cell a stroke goes through.
const coverNeeded = 8

// cover sets the cells a pen of width pen drawn along segs covers by at
// least half. A cell is only that covered when the pen centre passes
// within about pen/2 of its centre, so for pens narrower than 3 cells it
// touches a cell of the centre chain and keeps the stroke in one piece.
func cover(px *[data.Pixels]uint8, segs [][2]pt, pen float64) {
	r2 := pen * pen / 4
	for cy := range data.Side {
		for cx := range data.Side {
			n := 0
			for sy := range subSamples {
				for sx := range subSamples {
					q := pt{float64(cx) + (float64(sx)+0.5)/subSamples, float64(cy) + (float64(sy)+0.5)/subSamples}
					if near(q, segs, r2) {
						n++
					}
				}
			}
			if n >= coverNeeded {
				px[cy*data.Side+cx] = 1
			}
		}
	}
}

// near reports whether q lies within √r2 of any segment.
func near(q pt, segs [][2]pt, r2 float64) bool {
	for _, s := range segs {
		if dist2(q, s[0], s[1]) <= r2 {
			return true
		}
	}
	return false
}

// dist2 is the squared distance from q to the segment ab.
func dist2(q, a, b pt) float64 {
	dx, dy := b.x-a.x, b.y-a.y
	t := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = min(max(((q.x-a.x)*dx+(q.y-a.y)*dy)/l2, 0), 1)
	}
	ex, ey := a.x+t*dx-q.x, a.y+t*dy-q.y
	return ex*ex + ey*ey
}
