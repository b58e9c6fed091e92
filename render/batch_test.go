package render

import (
	"math"
	"testing"
)

// triangles returns the triangles b holds, as corner points.
func triangles(b *batch) [][3]pt {
	var ts [][3]pt
	for k := 0; k+2 < len(b.is); k += 3 {
		var t [3]pt
		for j := range 3 {
			v := b.vs[b.is[k+j]]
			t[j] = pt{float64(v.DstX), float64(v.DstY)}
		}
		ts = append(ts, t)
	}
	return ts
}

func area(t [3]pt) float64 {
	return math.Abs((t[1].x-t[0].x)*(t[2].y-t[0].y)-(t[2].x-t[0].x)*(t[1].y-t[0].y)) / 2
}

func polygonArea(ps []pt) float64 {
	a := 0.0
	for k, p := range ps {
		q := ps[(k+1)%len(ps)]
		a += p.x*q.y - q.x*p.y
	}
	return math.Abs(a) / 2
}

// The fill of a convex shape covers it exactly (its triangles' areas add
// up to the outline's), and is cut top to bottom: the rows its triangles
// span add up to about twice the shape's height, where a fan from one
// corner of a panel spans its height once per slice.
func TestFanCoversShapeInFewRows(t *testing.T) {
	cases := []struct {
		name string
		pts  func(b *batch)
	}{
		{"panel", func(b *batch) { b.roundRectPts(Rect{10, 20, 400, 300}, 12) }},
		{"button", func(b *batch) { b.roundRectPts(Rect{5, 5, 120, 36}, 8) }},
		{"circle", func(b *batch) { b.circlePts(50, 60, 18) }},
		{"square", func(b *batch) { b.roundRectPts(Rect{0, 0, 10, 10}, 0) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b batch
			c.pts(&b)
			outline := append([]pt(nil), b.pts...)
			b.fillPoly(nil, Current.Text) // aa off: only the fill's triangles
			ts := triangles(&b)
			if len(ts) != len(outline)-2 {
				t.Fatalf("%d triangles for %d corners, want %d", len(ts), len(outline), len(outline)-2)
			}
			sum, rows := 0.0, 0.0
			top, bottom := math.Inf(1), math.Inf(-1)
			for _, tr := range ts {
				sum += area(tr)
				lo := math.Min(tr[0].y, math.Min(tr[1].y, tr[2].y))
				hi := math.Max(tr[0].y, math.Max(tr[1].y, tr[2].y))
				if area(tr) > 0 { // a triangle of no area is never rasterised
					rows += hi - lo
				}
				top, bottom = math.Min(top, lo), math.Max(bottom, hi)
			}
			if want := polygonArea(outline); math.Abs(sum-want) > 1e-3*want {
				t.Errorf("triangles cover %.2f px², the outline %.2f", sum, want)
			}
			if h := bottom - top; rows > 2*h+1e-6 {
				t.Errorf("triangles span %.1f rows in all for a shape %.1f high (> twice)", rows, h)
			}
		})
	}
}

// A hairline (no wider than the feather) is two bands of triangles, not
// three with an empty one between them; a wide line keeps its solid band.
func TestStrokeBands(t *testing.T) {
	for _, c := range []struct {
		w    float64
		want int // triangles per outline point
	}{{1, 4}, {feather, 4}, {3, 6}} {
		var b batch
		b.aa = true
		b.circlePts(40, 40, 20)
		n := len(b.pts)
		b.strokePoly(nil, c.w, Current.Text)
		ts := triangles(&b)
		if len(ts) != c.want*n {
			t.Errorf("width %g: %d triangles for %d points, want %d", c.w, len(ts), n, c.want*n)
		}
		for _, tr := range ts {
			if area(tr) == 0 && c.w <= feather {
				t.Errorf("width %g: a triangle of no area", c.w)
				break
			}
		}
	}
}
