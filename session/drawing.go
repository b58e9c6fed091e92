package session

import "digittrainer/data"

// The drawing on the grid, its label and the keyboard cursor. Editing the
// drawing detaches it from the sample it was loaded from (Select), so that
// Relabel and Delete never act on a drawing the grid no longer shows. In
// slow motion the grid shows the drawings being learned (pace.go); taking
// the grid back (drawing, clearing, selecting) stops training.

// takeGrid ends slow motion's hold on the grid, stopping training, before
// the user changes what it shows.
func (s *Session) takeGrid() {
	if s.watch.on || s.Watching() {
		s.halt()
		s.Say("Training paused: the grid is yours again. Train goes on from epoch %d.", s.trainer.Epoch)
	}
}

// Grid is the drawing; Grid().Label is the label new drawings get.
func (s *Session) Grid() *data.Sample { return &s.grid }

// Label is the label new drawings get (in slow motion the grid shows the
// label of the drawing being learned, and this one waits).
func (s *Session) Label() int {
	if s.watch.on {
		return s.watch.saved.Label
	}
	return s.grid.Label
}

// Ink returns the number of pixels set on the grid.
func (s *Session) Ink() int { return s.grid.Ink() }

// Cursor is the keyboard cursor's square.
func (s *Session) Cursor() Cell { return s.cursor }

// Selected is the index of the sample loaded onto the grid, or −1.
func (s *Session) Selected() int { return s.selected }

// Paint sets (on) or clears square (x, y) and moves the cursor there, as a
// pen or a finger does; squares off the grid are ignored.
func (s *Session) Paint(x, y int, on bool) {
	if x < 0 || y < 0 || x >= data.Side || y >= data.Side {
		return
	}
	s.takeGrid()
	s.cursor = Cell{x, y}
	s.selected = -1
	s.grid.Set(x, y, on)
}

// Eraser reports whether strokes on the grid erase (the eraser is chosen)
// rather than ink (the pen). A stroke never decides by the square it
// starts on: children drawing a 4 or a 7 start strokes on ink they want
// to keep.
func (s *Session) Eraser() bool { return s.eraser }

// SetEraser chooses the eraser (on) or the pen.
func (s *Session) SetEraser(on bool) { s.eraser = on }

// TogglePixel flips the square under the keyboard cursor.
func (s *Session) TogglePixel() {
	c := s.cursor
	s.Paint(c.X, c.Y, !s.grid.At(c.X, c.Y))
}

// MoveCursor moves the keyboard cursor, staying on the grid.
func (s *Session) MoveCursor(dx, dy int) {
	s.cursor.X = min(max(s.cursor.X+dx, 0), data.Side-1)
	s.cursor.Y = min(max(s.cursor.Y+dy, 0), data.Side-1)
}

// ClearGrid erases the drawing and forgets which sample it came from.
func (s *Session) ClearGrid() {
	s.takeGrid()
	s.grid = data.Sample{Label: s.grid.Label}
	s.selected = -1
}

// SetLabel picks the label for the next drawing; a digit the current mode
// does not have says so instead.
func (s *Session) SetLabel(l int) {
	if l < 0 || l >= s.Classes() {
		s.Fail("There is no class %d in %d-class mode: switch to 10 classes (M) to use digits 2–9.", l, s.Classes())
		return
	}
	if s.watch.on {
		s.watch.saved.Label = l // for the user's drawing, back when training stops
		return
	}
	s.grid.Label = l
}

// Select loads sample i back onto the grid (and its label), or deselects
// when i is out of range.
func (s *Session) Select(i int) {
	s.takeGrid()
	if i < 0 || i >= s.data.Len() {
		s.selected = -1
		return
	}
	s.selected = i
	s.grid = s.data.Samples[i]
}

// SelectNext moves the selection by d samples, wrapping around.
func (s *Session) SelectNext(d int) {
	n := s.data.Len()
	if n == 0 {
		return
	}
	i := s.selected
	if i < 0 {
		i = 0
		if d > 0 {
			i = -1
		}
	}
	s.Select(((i+d)%n + n) % n)
}

// keepLabel makes the chosen label one the dataset has, after the class
// count went down.
func (s *Session) keepLabel() {
	if s.grid.Label >= s.Classes() {
		s.grid.Label = 0
	}
}
