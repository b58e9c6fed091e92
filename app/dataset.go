package app

import (
	"digittrainer/data"
)

// Edits of the dataset. Each one re-splits the examples, so training picks
// the change up at once, and bumps Version for autosave.

func (s *Session) dataChanged() {
	s.resplit()
	s.Version++
}

// AddDrawing adds the drawing to the dataset under the selected label.
// An empty drawing is refused: it would teach the network nothing.
func (s *Session) AddDrawing() bool {
	if s.Grid.Ink() == 0 {
		s.Fail("The grid is empty: draw a digit first, then add it.")
		return false
	}
	if err := s.Data.Add(s.Grid); err != nil {
		s.Fail("%v", plain(err))
		return false
	}
	s.dataChanged()
	s.Say("Added a drawing of %s (now %d in that class).", s.Data.Classes[s.Grid.Label], s.Data.Counts()[s.Grid.Label])
	s.Selected = -1
	return true
}

// Select loads sample i back onto the grid (and its label), or deselects
// when i is out of range.
func (s *Session) Select(i int) {
	if i < 0 || i >= s.Data.Len() {
		s.Selected = -1
		return
	}
	s.Selected = i
	s.Grid = s.Data.Samples[i]
	s.Predict()
}

// SelectNext moves the selection by d samples, wrapping around.
func (s *Session) SelectNext(d int) {
	n := s.Data.Len()
	if n == 0 {
		return
	}
	i := s.Selected
	if i < 0 {
		if d > 0 {
			i = -1
		} else {
			i = 0
		}
	}
	s.Select(((i+d)%n + n) % n)
}

// DeleteSelected removes the selected sample from the dataset.
func (s *Session) DeleteSelected() {
	i := s.Selected
	if i < 0 || i >= s.Data.Len() {
		s.Fail("No drawing is selected: click a thumbnail first.")
		return
	}
	s.Data.Samples = append(s.Data.Samples[:i], s.Data.Samples[i+1:]...)
	s.Selected = -1
	s.dataChanged()
	s.Say("Deleted drawing %d.", i+1)
}

// RelabelSelected gives the selected sample the current label.
func (s *Session) RelabelSelected() {
	i := s.Selected
	if i < 0 || i >= s.Data.Len() {
		s.Fail("No drawing is selected: click a thumbnail first.")
		return
	}
	if s.Data.Samples[i].Label == s.Grid.Label {
		s.Say("Drawing %d is already labelled %s.", i+1, s.Data.Classes[s.Grid.Label])
		return
	}
	s.Data.Samples[i].Label = s.Grid.Label
	s.dataChanged()
	s.Say("Drawing %d is now labelled %s.", i+1, s.Data.Classes[s.Grid.Label])
}

// ClearDataset removes every sample, starter set included, so the user can
// train on their own drawings only.
func (s *Session) ClearDataset() {
	s.Data = data.New(s.Classes())
	s.Selected = -1
	s.Running, s.Goal = false, 0
	s.dataChanged()
	s.Say("The dataset is empty. Draw digits and add them (Enter) to build your own.")
}

// SetClasses switches between 2-class (0/1) and 10-class (0–9) mode. An
// empty dataset or the untouched starter set is replaced by the other
// starter set; drawings of 2–9 are never thrown away silently.
func (s *Session) SetClasses(n int) {
	if n == s.Classes() {
		return
	}
	if n != 2 && n != 10 {
		s.Fail("Only 2 or 10 classes are supported.")
		return
	}
	cur, _ := data.Starter(s.Classes())
	var next *data.Dataset
	switch {
	case s.Data.Len() == 0 || (cur != nil && sameData(cur, s.Data)):
		d, err := data.Starter(n)
		if err != nil {
			s.Fail("%v", plain(err))
			return
		}
		next = d
	case n > s.Classes():
		next = s.Data.Clone()
		next.Classes = data.DefaultClasses(n)
	default:
		for _, c := range s.Data.Counts()[n:] {
			if c > 0 {
				s.Fail("Your dataset has drawings of 2–9. Clear it first (Ctrl+Backspace) to go back to 2 classes.")
				return
			}
		}
		next = s.Data.Clone()
		next.Classes = data.DefaultClasses(n)
	}
	s.Data = next
	s.Selected = -1
	if s.Grid.Label >= n {
		s.Grid.Label = 0
	}
	if err := s.resetNet(); err != nil {
		s.Fail("%v", plain(err))
		return
	}
	s.Say("%d-class mode: the network now has %d outputs and fresh weights.", n, n)
}

// sameData reports whether two datasets hold the same samples in the same order.
func sameData(a, b *data.Dataset) bool {
	if len(a.Samples) != len(b.Samples) || len(a.Classes) != len(b.Classes) {
		return false
	}
	for i := range a.Samples {
		if a.Samples[i] != b.Samples[i] {
			return false
		}
	}
	return true
}
