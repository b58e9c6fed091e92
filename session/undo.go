package session

import (
	"slices"
	"time"

	"digittrainer/data"
	"digittrainer/i18n"
	"digittrainer/nn"
)

// Nothing a click cannot undo: every edit of the dataset (adding,
// deleting, relabelling, clearing, loading, switching the class count) and
// every fresh start of the network (Reset, a new seed, hidden size or
// activation) first remembers what it changes, and Undo puts it back, Redo
// does it again. An edit of the drawings alone remembers the drawings alone, so
// undoing a delete after some training brings the drawing back without
// taking the training away; a load or a switch of the class count, which
// replace the network too, remember it with them.

// undoDepth bounds the edits remembered: a dataset of the starter set's
// size and a default network are some 45 kB, so the stacks stay under 3 MB.
const undoDepth = 30

// snapshot is what an edit changed, as it was before the edit.
type snapshot struct {
	what     string // "deleting drawing 37": what Undo undoes, for its message (see remember)
	data     *data.Dataset
	selected int
	model    *modelState // nil when the edit left the network alone
}

// modelState is the network and everything training depends on.
type modelState struct {
	net     *nn.Network
	hyper   nn.Hyper
	pos     nn.Position
	seed    uint64
	history History
	known   bool      // start.known
	snaps   snapshots // shared: a snapshot is never changed once taken
	trained time.Duration
}

// remember records the state an edit named what is about to change;
// withModel when it replaces the network too. A new edit forgets what was
// undone. What is "" for a change that is not an edit (the autosave
// restored at start): nothing is remembered, and it reports false. What
// is for the Undo and Redo messages: a fixed name is a catalog key
// (i18n.Mark("clearing the dataset")), translated when it is said; one
// with numbers or names in it is said as given (i18n.Sprintf("deleting
// drawing %d", i)).
func (s *Session) remember(what string, withModel bool) bool {
	if what == "" {
		return false
	}
	s.undo = push(s.undo, s.snapshot(what, withModel))
	s.redo = nil
	return true
}

func (s *Session) snapshot(what string, withModel bool) snapshot {
	sn := snapshot{what: what, data: s.data.Clone(), selected: s.selected}
	if withModel {
		t := s.trainer
		sn.model = &modelState{net: s.net.Clone(), hyper: t.Hyper, pos: t.Position(),
			seed: s.seed, history: s.history.clone(), known: s.start.known,
			snaps: s.snaps, trained: s.trainTime}
		sn.model.snaps.list = slices.Clone(s.snaps.list)
	}
	return sn
}

func push(stack []snapshot, sn snapshot) []snapshot {
	if len(stack) >= undoDepth {
		stack = stack[1:]
	}
	return append(stack, sn)
}

// restore brings back sn, keeping the state it replaces on other so the
// step can be taken again.
func (s *Session) restore(sn snapshot, other *[]snapshot) {
	*other = push(*other, s.snapshot(sn.what, sn.model != nil))
	s.halt()
	s.data = sn.data
	if m := sn.model; m != nil {
		s.seed = m.seed
		s.install(m.net, m.hyper, &m.pos)
		s.history = m.history
		s.start.known = m.known
		every, mtbf := s.snaps.every, s.snaps.crash.mtbf // choices, not state: they stay
		s.snaps, s.trainTime = m.snaps, m.trained
		s.snaps.every, s.snaps.crash.mtbf = every, mtbf
	}
	s.selected = min(sn.selected, s.data.Len()-1)
	s.keepLabel()
}

// Undo takes the last edit back and says which; with none, it says so.
func (s *Session) Undo() {
	sn, ok := s.travel(&s.undo, &s.redo)
	if !ok {
		s.Fail("Nothing to undo.")
		return
	}
	s.Say("Undone: %s. Redo with Ctrl+Shift+Z.", i18n.T(sn.what))
}

// Redo makes the last undone edit again.
func (s *Session) Redo() {
	sn, ok := s.travel(&s.redo, &s.undo)
	if !ok {
		s.Fail("Nothing to redo.")
		return
	}
	s.Say("Redone: %s.", i18n.T(sn.what))
}

// travel restores the top of from, keeping what it replaces on to; false
// with from empty.
func (s *Session) travel(from, to *[]snapshot) (snapshot, bool) {
	n := len(*from)
	if n == 0 {
		return snapshot{}, false
	}
	sn := (*from)[n-1]
	*from = (*from)[:n-1]
	s.restore(sn, to)
	return sn, true
}

// CanUndo and CanRedo report whether there is an edit to take back or make
// again (the Undo button's state).
func (s *Session) CanUndo() bool { return len(s.undo) > 0 }
func (s *Session) CanRedo() bool { return len(s.redo) > 0 }

// clone returns a deep copy of the curves.
func (h *History) clone() History {
	c := *h
	c.Epochs = append([]int(nil), h.Epochs...)
	c.TrainLoss = append([]float64(nil), h.TrainLoss...)
	c.TrainAcc = append([]float64(nil), h.TrainAcc...)
	c.ValLoss = append([]float64(nil), h.ValLoss...)
	c.ValAcc = append([]float64(nil), h.ValAcc...)
	return c
}
