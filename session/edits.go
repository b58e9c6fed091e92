package session

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"digittrainer/data"
	"digittrainer/i18n"
)

// Edits of the dataset. Each goes through a data.Dataset method or installs
// a new dataset, so its version changes and everything derived from it (the
// split, the evaluation, the status hash, the autosave) follows.

// AddDrawing adds the drawing to the dataset under the chosen label.
// An empty drawing is refused, and so is an exact copy of one already
// there (Enter pressed twice, or Add in slow motion, which shows the
// dataset's own drawings): either would teach the network nothing.
func (s *Session) AddDrawing() bool {
	if s.grid.Ink() == 0 {
		s.Fail("The grid is empty: draw a digit first, then add it.")
		return false
	}
	if l := s.grid.Label; l < 0 || l >= s.Classes() {
		s.Fail("The drawing's label %d is not one of the %d classes.", l, s.Classes())
		return false
	}
	if i := s.copyOf(s.grid); i >= 0 {
		s.Fail("This drawing is already in the dataset as drawing %d, labelled %s: a copy would teach nothing new. Change a square to add another one.",
			i+1, s.data.Classes[s.grid.Label])
		return false
	}
	s.remember(i18n.Sprintf("adding a drawing of %s", s.data.Classes[s.grid.Label]), false)
	s.grid.Val = s.data.NextSide(s.grid, data.ValFraction)
	if err := s.data.Add(s.grid); err != nil {
		s.Fail("%v", Plain(err))
		return false
	}
	s.selected = -1
	s.Say("Added a drawing of %s (now %d in that class).", s.data.Classes[s.grid.Label], s.data.Counts()[s.grid.Label])
	return true
}

// copyOf returns the index of a drawing with smp's pixels and label, or −1.
func (s *Session) copyOf(smp data.Sample) int {
	for i, t := range s.data.Samples {
		if t.Pixels == smp.Pixels && t.Label == smp.Label {
			return i
		}
	}
	return -1
}

// DeleteSelected removes the selected sample from the dataset.
func (s *Session) DeleteSelected() {
	i := s.selected
	if i < 0 || i >= s.data.Len() {
		s.Fail("No drawing is selected: click a thumbnail first.")
		return
	}
	s.remember(i18n.Sprintf("deleting drawing %d", i+1), false)
	before := s.data.Version()
	s.data.Remove(i)
	s.followEdit(before, i, true)
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
	s.remember(i18n.Sprintf("labelling drawing %d as %s", i+1, s.data.Classes[l]), false)
	before := s.data.Version()
	if err := s.data.Relabel(i, l); err != nil {
		s.Fail("%v", Plain(err))
		return
	}
	s.followEdit(before, i, false)
	s.Say("Drawing %d is now labelled %s.", i+1, s.data.Classes[l])
}

// ClearDataset removes every sample, starter set included, so the user can
// train on their own drawings only.
func (s *Session) ClearDataset() {
	s.remember(i18n.Mark("clearing the dataset"), false)
	s.halt()
	s.data = data.New(s.Classes())
	s.selected = -1
	s.Say("The dataset is empty (Ctrl+Z brings it back). Draw digits and add them (Enter) to build your own.")
}

// SetMode switches between 2-class (0/1) and 10-class (0–9) mode. An
// empty dataset or the untouched starter set is replaced by the other
// starter set; drawings of 2–9 are never thrown away silently. Drawings of
// one's own are kept, and the classes they leave empty stay empty: see
// ModeAsks and FillMode for offering the starter drawings of those.
func (s *Session) SetMode(m Mode) { s.setMode(m, false) }

// ModeAsks reports whether switching to m should ask first: the user has
// drawings of their own, and m has classes without any drawing, which the
// starter set could fill.
func (s *Session) ModeAsks(m Mode) bool {
	if m == s.Mode() || int(m) < s.Classes() || s.data.Len() == 0 || s.untouchedStarter() {
		return false
	}
	return len(s.emptyClasses(m)) > 0
}

// FillMode switches to m as SetMode does, then adds the starter set's
// drawings of every class that has none (its 2–9 when one's own drawings
// are all 0s and 1s). One Undo takes both back.
func (s *Session) FillMode(m Mode) { s.setMode(m, true) }

// emptyClasses are the classes of mode m without a drawing.
func (s *Session) emptyClasses(m Mode) []int {
	counts := s.data.Counts()
	var empty []int
	for c := range int(m) {
		if c >= len(counts) || counts[c] == 0 {
			empty = append(empty, c)
		}
	}
	return empty
}

func (s *Session) setMode(m Mode, fill bool) {
	if m == s.Mode() {
		return
	}
	if m != Binary && m != Digits {
		s.Fail("Only 2 or 10 classes are supported.")
		return
	}
	empty := s.emptyClasses(m)
	next, err := s.modeData(m)
	added := 0
	if err == nil && fill {
		added, err = fillFromStarter(next, m, empty)
	}
	if ce := (*data.ClassError)(nil); errors.As(err, &ce) {
		s.Fail("Your dataset has drawings of 2–9. Clear it first (Ctrl+Backspace) to go back to 2 classes.")
		return
	}
	if err != nil {
		s.Fail("%v", Plain(err))
		return
	}
	if err := s.fresh(i18n.Sprintf("switching to %d classes", m), s.withClasses(int(m)), s.seed); err != nil {
		s.Fail("%v", Plain(err))
		return
	}
	s.data, s.selected = next, -1
	s.keepLabel()
	if added > 0 {
		s.Say("%d-class mode: the network now has %d outputs and fresh weights; %d starter drawings of %s were added to yours (Ctrl+Z undoes).",
			m, m, added, classList(empty))
		return
	}
	s.Say("%d-class mode: the network now has %d outputs and fresh weights.", m, m)
}

// fillFromStarter adds to d the starter drawings of mode m of the classes
// in empty, with the sides the starter set gives them.
func fillFromStarter(d *data.Dataset, m Mode, empty []int) (int, error) {
	st, err := starter(m)
	if err != nil {
		return 0, err
	}
	keep := st.Samples[:0]
	for _, smp := range st.Samples {
		if slices.Contains(empty, smp.Label) {
			keep = append(keep, smp)
		}
	}
	st.Samples = keep
	return d.Merge(st, data.ValFraction)
}

// classList names classes for a message, in the language in use: "2–9"
// for a run, else "2, 5 and 7".
func classList(cs []int) string {
	if len(cs) > 2 && cs[len(cs)-1]-cs[0] == len(cs)-1 {
		return fmt.Sprintf("%d–%d", cs[0], cs[len(cs)-1])
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = strconv.Itoa(c)
	}
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return andText(strings.Join(parts[:len(parts)-1], ", "), parts[len(parts)-1])
}

// andText joins two parts of a list in the language in use: "a and b".
func andText(a, b string) string {
	return i18n.Sprintf("%s and %s", a, b)
}

// modeData is the dataset for mode m: the starter set when the dataset is
// empty or the current mode's untouched starter set, else the drawings
// with m classes.
func (s *Session) modeData(m Mode) (*data.Dataset, error) {
	if s.data.Len() == 0 || s.untouchedStarter() {
		return starter(m)
	}
	return s.data.WithClasses(int(m))
}

// untouchedStarter reports whether the dataset is the current mode's
// starter set as it came.
func (s *Session) untouchedStarter() bool {
	cur, _ := starter(s.Mode())
	return cur != nil && sameSamples(cur, s.data)
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
