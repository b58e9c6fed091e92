package session

import (
	"strings"
	"testing"
)

func TestDatasetEdits(t *testing.T) {
	s := newTestSession(t)
	n := s.Data().Len()
	hash := s.DataHash()
	s.SelectNext(1)
	if s.Selected() != 0 || s.Grid().Pixels != s.Data().Samples[0].Pixels {
		t.Fatalf("the next drawing after none is %d", s.Selected())
	}
	old := s.Data().Samples[0].Label
	s.SetLabel(1 - old)
	s.RelabelSelected()
	if s.Data().Samples[0].Label != 1-old || s.DataHash() == hash {
		t.Errorf("relabel: label %d, hash changed %v", s.Data().Samples[0].Label, s.DataHash() != hash)
	}
	s.DeleteSelected()
	if s.Data().Len() != n-1 || s.Selected() != -1 {
		t.Errorf("delete: %d samples (want %d), selected %d", s.Data().Len(), n-1, s.Selected())
	}
	s.DeleteSelected()
	if s.Data().Len() != n-1 || !s.Message().Err {
		t.Error("deleting with nothing selected should refuse with a message")
	}
	s.ClearDataset()
	s.Play()
	if s.Data().Len() != 0 || s.Running() || !s.Message().Err {
		t.Error("training an empty dataset should refuse with a message")
	}
	// 10-class mode on an empty dataset brings the 10-class starter set.
	s.SetMode(s.Mode().Other())
	if s.Classes() != 10 || s.Net().Classes != 10 || s.Data().Len() == 0 {
		t.Fatalf("10 classes: %d classes, net %d outputs, %d samples", s.Classes(), s.Net().Classes, s.Data().Len())
	}
	s.SetLabel(7)
	if s.Label() != 7 {
		t.Errorf("label 7 in 10-class mode: %d", s.Label())
	}
	// Drawings of 2–9 are never dropped by switching back.
	s.Paint(1, 1, true)
	s.AddDrawing()
	s.SetMode(Binary)
	if s.Classes() != 10 || !s.Message().Err {
		t.Errorf("back to 2 classes with 7s in the data: %d classes, error %v", s.Classes(), s.Message().Err)
	}
}

// TestModeKeepsOwnDrawings: the untouched starter set is swapped for the
// other one, but drawings of one's own stay, with their class names.
func TestModeKeepsOwnDrawings(t *testing.T) {
	s := newTestSession(t)
	s.Paint(4, 4, true)
	s.AddDrawing()
	n := s.Data().Len()
	s.SetMode(Digits)
	if s.Classes() != 10 || s.Data().Len() != n {
		t.Errorf("own drawings in 10-class mode: %d classes, %d drawings (want %d)", s.Classes(), s.Data().Len(), n)
	}
	s.SetMode(Binary)
	if s.Classes() != 2 || s.Data().Len() != n {
		t.Errorf("and back: %d classes, %d drawings", s.Classes(), s.Data().Len())
	}
}

func TestDrawingDetachesFromItsSample(t *testing.T) {
	s := newTestSession(t)
	s.Select(3)
	s.MoveCursor(-20, 40)
	if c := s.Cursor(); c != (Cell{0, 8}) {
		t.Errorf("the cursor left the grid: %+v", c)
	}
	s.TogglePixel()
	if s.Selected() != -1 {
		t.Error("editing the drawing kept it attached to sample 3")
	}
	s.Paint(9, 0, true) // off the grid
	s.Paint(-1, 0, true)
	ink := s.Ink()
	s.ClearGrid()
	if s.Ink() != 0 || ink == 0 {
		t.Errorf("ink %d before clearing, %d after", ink, s.Ink())
	}
	s.SetLabel(5)
	if !s.Message().Err || s.Label() > 1 {
		t.Error("label 5 in 2-class mode was taken")
	}
}

// TestModeFillsEmptyClasses: with drawings of one's own, 10 classes asks;
// filling brings the starter drawings of 2–9 and keeps one's own; one Undo
// takes it all back.
func TestModeFillsEmptyClasses(t *testing.T) {
	s := newTestSession(t)
	if s.ModeAsks(Digits) {
		t.Error("the untouched starter set asked")
	}
	s.Paint(4, 4, true)
	s.AddDrawing()
	n, hash := s.Data().Len(), s.DataHash()
	if !s.ModeAsks(Digits) {
		t.Fatal("drawings of one's own and 8 empty classes did not ask")
	}
	s.FillMode(Digits)
	counts := s.Data().Counts()
	for c := 2; c < 10; c++ {
		if counts[c] == 0 {
			t.Errorf("class %d still empty: %v", c, counts)
		}
	}
	if counts[0]+counts[1] != n || s.Net().Classes != 10 {
		t.Errorf("0s and 1s %d (want %d), %d outputs", counts[0]+counts[1], n, s.Net().Classes)
	}
	if vc := s.Data().ValCounts(); vc[5] == 0 || vc[5] >= counts[5] {
		t.Errorf("the added 5s: %d of %d held out", vc[5], counts[5])
	}
	if !strings.Contains(s.Message().Text, "starter drawings of 2–9") {
		t.Errorf("message %q", s.Message().Text)
	}
	if s.ModeAsks(Digits) || s.ModeAsks(Binary) {
		t.Error("asked again with every class filled, or going down")
	}
	s.Undo()
	if s.DataHash() != hash || s.Classes() != 2 {
		t.Error("one undo did not bring back the 2-class drawings")
	}
	s.SetMode(Digits) // only mine
	if c := s.Data().Counts(); s.Data().Len() != n || c[5] != 0 {
		t.Errorf("only mine: %d drawings, counts %v", s.Data().Len(), c)
	}
}

func TestClassList(t *testing.T) {
	for _, c := range []struct {
		in   []int
		want string
	}{{[]int{2, 3, 4, 5, 6, 7, 8, 9}, "2–9"}, {[]int{3}, "3"}, {[]int{2, 5}, "2 and 5"}, {[]int{2, 5, 7}, "2, 5 and 7"}} {
		if got := classList(c.in); got != c.want {
			t.Errorf("classList(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestAddRefusesACopy: Enter twice adds the drawing once.
func TestAddRefusesACopy(t *testing.T) {
	s := newTestSession(t)
	s.Paint(0, 0, true)
	s.Paint(8, 0, true)
	n := s.Data().Len()
	if !s.AddDrawing() || s.AddDrawing() || s.Data().Len() != n+1 {
		t.Fatalf("adding twice: %d drawings, want %d", s.Data().Len(), n+1)
	}
	if m := s.Message(); !m.Err || !strings.Contains(m.Text, "already in the dataset") {
		t.Errorf("message %q", m.Text)
	}
	s.SetLabel(1 - s.Label()) // the same pixels under another label is another drawing
	if !s.AddDrawing() {
		t.Error("the same pixels with another label were refused")
	}
}
