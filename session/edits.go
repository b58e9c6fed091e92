package session

import (
	"errors"
	"fmt"

	"digittrainer/data"
)

// Edits of the dataset. Each goes through a data.Dataset method or installs
// a new dataset, so its version changes and everything derived from it (the
// split, the evaluation, the status hash, the autosave) follows.

// AddDrawing adds the drawing to the dataset under the chosen label.
// An empty drawing is refused: it would teach the network nothing.
func (s *Session) AddDrawing() bool {
	if s.grid.Ink() == 0 {
		s.Fail("The grid is empty: draw a digit first, then add it.")
		return false
	}
	if l := s.grid.Label; l < 0 || l >= s.Classes() {
		s.Fail("The drawing's label %d is not one of the %d classes.", l, s.Classes())
		return false
	}
	s.remember("adding a drawing of "+s.data.Classes[s.grid.Label], false)
	s.grid.Val = s.data.NextSide(s.grid, data.ValFraction)
	if err := s.data.Add(s.grid); err != nil {
		s.Fail("%v", Plain(err))
		return false
	}
	s.selected = -1
	s.Say("Added a drawing of %s (now %d in that class).", s.data.Classes[s.grid.Label], s.data.Counts()[s.grid.Label])
	return true
}

// DeleteSelected removes the selected sample from the dataset.
func (s *Session) DeleteSelected() {
	i := s.selected
	if i < 0 || i >= s.data.Len() {
		s.Fail("No drawing is selected: click a thumbnail first.")
		return
	}
	s.remember(fmt.Sprintf("deleting drawing %d", i+1), false)
	s.data.Remove(i)
	s.selected = -1
	s.Say("Deleted drawing %d. Undo: Ctrl+Z.", i+1)
}

// RelabelSelected gives the selected sample the chosen label.
func (s *Session) RelabelSelected() {
	i, l := s.selected, s.grid.Label
	if i < 0 || i >= s.data.Len() {
		s.Fail("No drawing is selected: click a thumbnail first.")
		return
	}
	if s.data.Samples[i].Label == l {
		s.Say("Drawing %d is already labelled %s.", i+1, s.data.Classes[l])
		return
	}
	s.remember(fmt.Sprintf("labelling drawing %d as %s", i+1, s.data.Classes[l]), false)
	if err := s.data.Relabel(i, l); err != nil {
		s.Fail("%v", Plain(err))
		return
	}
	s.Say("Drawing %d is now labelled %s.", i+1, s.data.Classes[l])
}

// ClearDataset removes every sample, starter set included, so the user can
// train on their own drawings only.
func (s *Session) ClearDataset() {
	s.remember("clearing the dataset", false)
	s.halt()
	s.data = data.New(s.Classes())
	s.selected = -1
	s.Say("The dataset is empty (Ctrl+Z brings it back). Draw digits and add them (Enter) to build your own.")
}

// SetMode switches between 2-class (0/1) and 10-class (0–9) mode. An
// empty dataset or the untouched starter set is replaced by the other
// starter set; drawings of 2–9 are never thrown away silently.
func (s *Session) SetMode(m Mode) {
	if m == s.Mode() {
		return
	}
	if m != Binary && m != Digits {
		s.Fail("Only 2 or 10 classes are supported.")
		return
	}
	next, err := s.modeData(m)
	if ce := (*data.ClassError)(nil); errors.As(err, &ce) {
		s.Fail("Your dataset has drawings of 2–9. Clear it first (Ctrl+Backspace) to go back to 2 classes.")
		return
	}
	if err != nil {
		s.Fail("%v", Plain(err))
		return
	}
	s.remember(fmt.Sprintf("switching to %d classes", m), true)
	cfg := s.net.Config
	cfg.Classes = int(m)
	if err := s.rebuild(cfg, s.trainer.Hyper); err != nil {
		s.Fail("%v", Plain(err))
		return
	}
	s.data, s.selected = next, -1
	s.keepLabel()
	s.Say("%d-class mode: the network now has %d outputs and fresh weights.", m, m)
}

// modeData is the dataset for mode m: the starter set when the dataset is
// empty or the current mode's untouched starter set, else the drawings
// with m classes.
func (s *Session) modeData(m Mode) (*data.Dataset, error) {
	if cur, _ := starter(s.Mode()); s.data.Len() == 0 || (cur != nil && sameSamples(cur, s.data)) {
		return starter(m)
	}
	return s.data.WithClasses(int(m))
}

// sameSamples reports whether two datasets hold the same samples in the
// same order.
func sameSamples(a, b *data.Dataset) bool {
	if len(a.Samples) != len(b.Samples) {
		return false
	}
	for i := range a.Samples {
		if a.Samples[i] != b.Samples[i] {
			return false
		}
	}
	return true
}
