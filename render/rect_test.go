package render

import "testing"

func TestRectContains(t *testing.T) {
	r := Rect{10, 20, 30, 40}
	for _, c := range []struct {
		x, y float64
		want bool
	}{
		{10, 20, true}, {39.9, 59.9, true}, {40, 30, false}, {20, 60, false},
		{9.9, 30, false}, {20, 19.9, false},
	} {
		if got := r.Contains(c.x, c.y); got != c.want {
			t.Errorf("Contains(%v, %v) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
}

func TestRectInsetAndSplit(t *testing.T) {
	r := Rect{0, 0, 100, 50}
	if got, want := r.Inset(10), (Rect{10, 10, 80, 30}); got != want {
		t.Errorf("Inset = %v, want %v", got, want)
	}
	if got := r.Inset(30); got.H != 0 || got.Y != 25 || got.W != 40 {
		t.Errorf("over-inset = %v, want zero height at the centre", got)
	}
	if got, want := r.Inset(-5), (Rect{-5, -5, 110, 60}); got != want {
		t.Errorf("Inset(-5) = %v, want %v", got, want)
	}
	l, rest := r.SplitLeft(30)
	if l != (Rect{0, 0, 30, 50}) || rest != (Rect{30, 0, 70, 50}) {
		t.Errorf("SplitLeft = %v %v", l, rest)
	}
	l, rest = r.SplitLeft(500)
	if l != r || rest.W != 0 {
		t.Errorf("SplitLeft beyond width = %v %v", l, rest)
	}
	top, rest := r.SplitTop(20)
	if top != (Rect{0, 0, 100, 20}) || rest != (Rect{0, 20, 100, 30}) {
		t.Errorf("SplitTop = %v %v", top, rest)
	}
	bot, rest := r.SplitBottom(20)
	if bot != (Rect{0, 30, 100, 20}) || rest != (Rect{0, 0, 100, 30}) {
		t.Errorf("SplitBottom = %v %v", bot, rest)
	}
	rt, rest := r.SplitRight(40)
	if rt != (Rect{60, 0, 40, 50}) || rest != (Rect{0, 0, 60, 50}) {
		t.Errorf("SplitRight = %v %v", rt, rest)
	}
	if x, y := r.Center(); x != 50 || y != 25 {
		t.Errorf("Center = %v, %v", x, y)
	}
	if s := r.Square(); s != (Rect{25, 0, 50, 50}) {
		t.Errorf("Square = %v", s)
	}
}

func TestRectColumnsRows(t *testing.T) {
	cols := Rect{0, 0, 110, 10}.Columns(3, 10)
	want := []Rect{{0, 0, 30, 10}, {40, 0, 30, 10}, {80, 0, 30, 10}}
	for i := range want {
		if cols[i] != want[i] {
			t.Errorf("Columns[%d] = %v, want %v", i, cols[i], want[i])
		}
	}
	rows := Rect{0, 0, 10, 100}.Rows(4, 0)
	if len(rows) != 4 || rows[3] != (Rect{0, 75, 10, 25}) {
		t.Errorf("Rows = %v", rows)
	}
	if (Rect{}).Columns(0, 1) != nil {
		t.Error("Columns(0) should be nil")
	}
}
