package session

import (
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
