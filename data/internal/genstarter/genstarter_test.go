package main

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"digittrainer/assets"
	"digittrainer/data"
	"digittrainer/nn"
)

// TestCommittedFilesMatch regenerates the starter sets in memory and
// compares them with the files embedded in assets/, byte for byte, so the
// shipped data always comes from the generator in the repository.
func TestCommittedFilesMatch(t *testing.T) {
	committed := map[string][]byte{"starter2.csv": assets.Starter2, "starter10.csv": assets.Starter10}
	for _, s := range sets {
		b, err := encode(generate(s.classes, s.perClass, s.seed))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, committed[s.file]) {
			t.Errorf("assets/%s differs from a fresh run; run `go generate ./assets`", s.file)
		}
	}
}

// maxPieces is how many 8-connected pieces a digit's strokes may form,
// strays apart. Every digit is drawn in one piece: the strokes drawn
// separately (the flag and base of a 1, the bar of a 5, the stem of a 4,
// the cross of a 7, the loops of an 8, the stem of a 9) all start on or
// cross another stroke, as a student's do.
var maxPieces = [10]int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}

// maxStrays is the most stray clicks slips adds to one drawing.
const maxStrays = 4

// TestDrawingsConnected checks every shipped drawing: its ink apart from
// the stray clicks is in at most maxPieces pieces, never empty, and the
// strays are few and single cells.
func TestDrawingsConnected(t *testing.T) {
	for _, s := range sets {
		for i, d := range drawings(s.classes, s.perClass, s.seed) {
			strokes, strays := d.px, 0
			for j, v := range d.strays {
				if v == 1 {
					if d.px[j] != 1 {
						t.Fatalf("%s drawing %d: stray %d is not inked", s.file, i, j)
					}
					strokes[j] = 0
					strays++
				}
			}
			n := components(&strokes)
			if n == 0 || n > maxPieces[d.label] || strays > maxStrays || count(d.px) < minInk {
				t.Errorf("%s drawing %d (a %d): strokes in %d pieces, want 1..%d; %d strays; ink %d\n%s",
					s.file, i, d.label, n, maxPieces[d.label], strays, count(d.px), ascii(&d.px))
			}
		}
	}
}

// TestRasteriseLine: a one-cell pen down the middle column sets exactly
// that column.
func TestRasteriseLine(t *testing.T) {
	p := placement{w: 8, h: 8, cx: 4.5, cy: 4.5, pen: 1}
	px := rasterise([]stroke{{{0, -1}, {0, 1}}}, p)
	for i, v := range px {
		if want := i%9 == 4; (v == 1) != want {
			t.Fatalf("pixel %d = %d\n%s", i, v, ascii(&px))
		}
	}
}

// TestRasteriseThinSlant draws many thin straight strokes at random
// slants and positions: each must be one 8-connected piece with exactly
// one cell in each row it crosses (or column, for flat strokes), the
// line a student drags across the grid, neither dotted nor doubled. Only
// the rows where it starts and ends may have two cells: the pen may go
// down or lift just past a cell's edge.
func TestRasteriseThinSlant(t *testing.T) {
	r := nn.NewRand(1)
	p := placement{w: 2, h: 2, pen: 1}
	for k := range 2000 {
		a := pt{uniform(r, 0.1, 8.9), uniform(r, 0.1, 8.9)}
		b := pt{uniform(r, 0.1, 8.9), uniform(r, 0.1, 8.9)}
		px := rasterise([]stroke{{a, b}}, p) // w = h = 2 and no offset: unit-box points are grid points
		steep := math.Abs(b.y-a.y) >= math.Abs(b.x-a.x)
		lo, hi := cellAt(a), cellAt(b)
		for line := range data.Side {
			inLine := 0
			for i := range data.Side {
				x, y := i, line
				if !steep {
					x, y = line, i
				}
				inLine += int(px[y*data.Side+x])
			}
			along, from, to := line, min(lo.x, hi.x), max(lo.x, hi.x)
			if steep {
				from, to = min(lo.y, hi.y), max(lo.y, hi.y)
			}
			want, most := 0, 0
			if along >= from && along <= to {
				want, most = 1, 1
			}
			if along == from || along == to {
				most = 2
			}
			if inLine < want || inLine > most {
				t.Fatalf("stroke %d %v→%v: %d cells in line %d, want %d..%d\n%s", k, a, b, inLine, line, want, most, ascii(&px))
			}
		}
		if n := components(&px); n != 1 {
			t.Fatalf("stroke %d %v→%v in %d pieces\n%s", k, a, b, n, ascii(&px))
		}
	}
}

// TestRasteriseThickCurve: wide pens thicken a stroke without breaking
// it, and keep every cell a thin pen sets.
func TestRasteriseThickCurve(t *testing.T) {
	s := []stroke{arc(0, 0, 0.9, 0.9, 200, 480, 24)}
	thin := rasterise(s, placement{w: 7, h: 7, cx: 4.5, cy: 4.5, pen: 1})
	for _, pen := range []float64{1.5, 2, 2.3} {
		px := rasterise(s, placement{w: 7, h: 7, cx: 4.5, cy: 4.5, pen: pen})
		if n := components(&px); n != 1 || count(px) <= count(thin) {
			t.Errorf("pen %.1f: %d pieces, ink %d (thin %d)\n%s", pen, n, count(px), count(thin), ascii(&px))
		}
		for i := range px {
			if thin[i] == 1 && px[i] == 0 {
				t.Errorf("pen %.1f lost cell %d of the thin stroke\n%s", pen, i, ascii(&px))
				break
			}
		}
	}
}

// TestMissKeepsPieces: a miss shortens or thins a stroke but never cuts
// it, and leaves a drawing alone when every cell is needed.
func TestMissKeepsPieces(t *testing.T) {
	var d drawing
	for y := range data.Side { // a one-cell column: only its ends may go
		d.px[y*data.Side+4] = 1
	}
	for i := range data.Pixels {
		c := d
		c.miss(i)
		if count(c.px) != data.Side-1 || components(&c.px) != 1 || (c.px[4] == 1 && c.px[8*data.Side+4] == 1) {
			t.Fatalf("miss(%d) left\n%s", i, ascii(&c.px))
		}
	}
	var dot drawing
	dot.px[40] = 1
	dot.miss(0)
	if dot.px[40] != 1 {
		t.Error("miss removed the only cell")
	}
}

func TestComponents(t *testing.T) {
	for _, tt := range []struct {
		rows string
		want int
	}{
		{".........", 0},
		{"#........|.#.......|..#......", 1}, // diagonal neighbours join
		{"#.#......|.........|#.#......", 4}, // a cell apart does not
		{"########.|........#|#########", 1}, // joined round the edge
		{"#........|.........|........#", 2},
	} {
		var px [data.Pixels]uint8
		for y, row := range strings.Split(tt.rows, "|") {
			for x, c := range row {
				if c == '#' {
					px[y*data.Side+x] = 1
				}
			}
		}
		if got := components(&px); got != tt.want {
			t.Errorf("%s: %d pieces, want %d", tt.rows, got, tt.want)
		}
	}
}

// ascii draws px as rows of '#' and '.', for failure messages.
func ascii(px *[data.Pixels]uint8) string {
	var b strings.Builder
	for i, v := range px {
		b.WriteByte(".#"[v])
		if i%data.Side == data.Side-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
