package app

import "digittrainer/data"

// The drawing on the grid and its label.

// SetPixel sets or clears pixel (x, y) of the drawing; out-of-range cells are ignored.
func (s *Session) SetPixel(x, y int, on bool) {
	if x < 0 || y < 0 || x >= data.Side || y >= data.Side || s.Grid.At(x, y) == on {
		return
	}
	s.Grid.Set(x, y, on)
	s.Predict()
}

// TogglePixel flips the pixel under the keyboard cursor.
func (s *Session) TogglePixel() {
	s.SetPixel(s.CurX, s.CurY, !s.Grid.At(s.CurX, s.CurY))
}

// MoveCursor moves the keyboard cursor, staying on the grid.
func (s *Session) MoveCursor(dx, dy int) {
	s.CurX = min(max(s.CurX+dx, 0), data.Side-1)
	s.CurY = min(max(s.CurY+dy, 0), data.Side-1)
}

// ClearGrid erases the drawing and forgets which sample it came from.
func (s *Session) ClearGrid() {
	label := s.Grid.Label
	s.Grid = data.Sample{Label: label}
	s.Selected = -1
	s.Predict()
}

// SetLabel picks the label for the next drawing; a digit the current mode
// does not have says so instead.
func (s *Session) SetLabel(l int) {
	if l < 0 || l >= s.Classes() {
		s.Fail("There is no class %d in %d-class mode: switch to 10 classes (M) to use digits 2–9.", l, s.Classes())
		return
	}
	if s.Grid.Label != l {
		s.Grid.Label = l
		s.Version++ // for the autosave (prefs)
	}
}

// Ink returns the number of pixels set on the grid.
func (s *Session) Ink() int { return s.Grid.Ink() }
