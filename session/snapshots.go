package session

import (
	"slices"
	"time"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// Time travel. The talk's storage answer: a job that runs for weeks is
// rewound to its last checkpoint when something fails, and the art is the
// interval — checkpoints cost time, the work since the last one is lost.
// The session keeps a snapshot of everything training depends on every few
// epochs; a student rewinds to one (and trains on bit-identically to a run
// that never went back), compares the branch left behind, and simulates a
// crash to feel what the interval costs.

// snapEveryChoices are the snapshot intervals offered, in epochs.
var snapEveryChoices = []int{1, 2, 5, 10, 20, 50, 100}

// defaultSnapEvery is every 5 epochs: the starter set at the default pace
// gives a mark every ~12 s, several to rewind to in a lesson's run.
const defaultSnapEvery = 5

// maxSnapshots bounds the snapshots kept: a default network's is ~16 kB
// with its curves, so a long run holds under 1 MB. Past it, thin drops the
// one whose neighbours are closest, keeping the first and the latest.
const maxSnapshots = 32

// clock is the session's time source for what it measures (the time spent
// training and snapshotting), a variable so tests can make it tick.
var clock = time.Now

// Snapshot is training as it was after an epoch: the weights, the settings,
// the trainer's position (rate in use, counters, shuffle) and the curves.
type Snapshot struct {
	Epoch   int
	Bytes   int // what it holds in memory
	net     *nn.Network
	hyper   nn.Hyper
	pos     nn.Position
	history History
	data    uint64        // the dataset's version then
	trained time.Duration // the session's training time then
}

// snapshots are the session's snapshots and what they cost.
type snapshots struct {
	every  int        // epochs between two
	list   []Snapshot // by epoch, all of the current branch
	ghost  History    // the curves of the branch the last rewind left
	taken  int        // snapshots taken since this network was installed
	copied int        // bytes copied by them
	crash  crash
}

// Snapshots lists the snapshots kept, oldest first. Read only.
func (s *Session) Snapshots() []Snapshot { return s.snaps.list }

// SnapEvery is the snapshot interval in epochs.
func (s *Session) SnapEvery() int { return s.snaps.every }

// Ghost is the curves of the branch the last rewind left behind (empty if
// none), drawn faint beside the new one.
func (s *Session) Ghost() *History { return &s.snaps.ghost }

// SnapCost is what snapshots cost so far: how many were taken and the
// bytes copied; and what those kept hold.
func (s *Session) SnapCost() (taken, copied, kept int) {
	for _, sn := range s.snaps.list {
		kept += sn.Bytes
	}
	return s.snaps.taken, s.snaps.copied, kept
}

// SnapSpent is the time taking the snapshots cost: their number times the
// measured time of one (a browser's clock is too coarse to time a single
// one). It measures when the network or the curves grew since the last
// measurement, so it is for a message or a card, not for every frame.
func (s *Session) SnapSpent() time.Duration { return time.Duration(s.snaps.taken) * s.snapCost() }

// SetSnapEvery moves the interval one choice up (d = +1: rarer) or down.
func (s *Session) SetSnapEvery(d int) {
	i := slices.Index(snapEveryChoices, s.snaps.every)
	if i < 0 {
		i = slices.Index(snapEveryChoices, defaultSnapEvery)
	}
	s.snaps.every = snapEveryChoices[min(max(i+d, 0), len(snapEveryChoices)-1)]
	s.Say("A snapshot %s from now on.", everyText(s.snaps.every))
}

// setSnapEvery sets the interval if it is a choice (the autosave's
// preferences), reporting whether it was.
func (s *Session) setSnapEvery(n int) bool {
	if !slices.Contains(snapEveryChoices, n) {
		return false
	}
	s.snaps.every = n
	return true
}

// epochsText is a number of epochs for a message, in the language in use:
// "5 epochs", or "epoch" for one ("for epoch each").
func epochsText(n int) string {
	if n == 1 {
		return i18n.T("epoch")
	}
	return i18n.Sprintf("%d epochs", n)
}

// everyText is an interval in epochs for a message, in the language in
// use: "every 5 epochs", "every epoch".
func everyText(n int) string {
	if n == 1 {
		return i18n.T("every epoch")
	}
	return i18n.Sprintf("every %d epochs", n)
}

// resetSnapshots forgets the snapshots of the network replaced and takes
// one of the new one as it starts.
func (s *Session) resetSnapshots() {
	every := s.snaps.every
	if every == 0 {
		every = defaultSnapEvery
	}
	s.snaps = snapshots{every: every, crash: crash{mtbf: s.snaps.crash.mtbf}}
	s.takeSnapshot()
}

// takeSnapshot records training as it is now.
func (s *Session) takeSnapshot() {
	sn := s.capture()
	s.snaps.taken++
	s.snaps.copied += sn.Bytes
	if n := len(s.snaps.list); n > 0 && s.snaps.list[n-1].pos.Seen == sn.pos.Seen {
		s.snaps.list[n-1] = sn // the same moment (a rewind, then an epoch's end): keep one
		return
	}
	s.snaps.list = append(s.snaps.list, sn)
	if len(s.snaps.list) > maxSnapshots {
		s.snaps.list = thin(s.snaps.list)
	}
}

// capture copies what training depends on.
func (s *Session) capture() Snapshot {
	t := s.trainer
	sn := Snapshot{Epoch: t.Epoch, net: s.net.Clone(), hyper: t.Hyper, pos: t.Position(),
		history: s.history.clone(), data: s.data.Version(), trained: s.trainTime}
	sn.Bytes = snapshotBytes(s.net, sn.history.Len())
	return sn
}

// snapshotBytes is what a snapshot of net with points points of curves
// holds: 8 bytes a weight, 5 values and an epoch a point, and the position.
func snapshotBytes(net *nn.Network, points int) int {
	return 8*net.NumParams() + 48*points + 96
}

// thin drops the snapshot, other than the first and the latest, whose
// neighbours are closest together, so the marks stay spread over the run.
func thin(list []Snapshot) []Snapshot {
	drop, gap := 1, -1
	for i := 1; i < len(list)-1; i++ {
		if g := list[i+1].Epoch - list[i-1].Epoch; gap < 0 || g < gap {
			drop, gap = i, g
		}
	}
	return slices.Delete(list, drop, drop+1)
}

// snapshotDue takes a snapshot at the end of every every-th epoch.
func (s *Session) snapshotDue() {
	if e := s.trainer.Epoch; e > 0 && e%max(s.snaps.every, 1) == 0 {
		s.takeSnapshot()
	}
}

// Rewind goes back to the snapshot of epoch: the network, the settings, the
// trainer and the curves are as they were then, and training on from there
// is bit-identical to the run that never went back (with the same
// drawings). The curves left behind stay as a faint ghost; the later
// snapshots go with them. Ctrl+Z brings the branch back.
func (s *Session) Rewind(epoch int) {
	i := slices.IndexFunc(s.snaps.list, func(sn Snapshot) bool { return sn.Epoch == epoch })
	if i < 0 {
		s.Fail("There is no snapshot of epoch %d.", epoch)
		return
	}
	sn := s.snaps.list[i]
	if sn.pos.Seen == s.trainer.Seen {
		s.Say("The network is at the snapshot of epoch %d already.", epoch)
		return
	}
	s.remember(i18n.Sprintf("rewinding to epoch %d", epoch), true)
	s.leaveBranch()
	s.restoreSnapshot(i)
	text := i18n.Sprintf("Rewound to epoch %d: the weights, the learning rate and the curves are as they were then. "+
		"The faint curves are the future you left: change something and train on to compare. Undo (Ctrl+Z) brings it back.", epoch)
	if sn.data != s.data.Version() {
		text += " " + i18n.T("Your drawings changed since then, so training on will not repeat that future.")
	}
	s.Say("%s", text)
}

// leaveBranch keeps the curves about to be left as the ghost, unless they
// are only the start of the ghost already there (a second rewind with no
// training since): then the longer branch stays.
func (s *Session) leaveBranch() {
	h, g := &s.history, &s.snaps.ghost
	if h.Len() <= g.Len() && slices.Equal(h.Epochs, g.Epochs[:h.Len()]) && slices.Equal(h.TrainLoss, g.TrainLoss[:h.Len()]) {
		return
	}
	s.snaps.ghost = h.clone()
}

// RewindBack rewinds to the latest snapshot before where training is now
// (the [ key).
func (s *Session) RewindBack() {
	for i := len(s.snaps.list) - 1; i >= 0; i-- {
		if sn := s.snaps.list[i]; sn.pos.Seen < s.trainer.Seen {
			s.Rewind(sn.Epoch)
			return
		}
	}
	s.Fail("There is no earlier snapshot to rewind to: train a few epochs first (one is taken %s).", everyText(s.snaps.every))
}

// restoreSnapshot puts training back at snapshot i, dropping the later ones.
func (s *Session) restoreSnapshot(i int) {
	sn := s.snaps.list[i]
	s.halt()
	s.net.CopyFrom(sn.net)
	t := s.trainer
	t.Hyper = sn.hyper
	if err := t.Seek(sn.pos); err != nil { // taken from a trainer: cannot fail
		panic(err)
	}
	s.history = sn.history.clone()
	s.trainTime = sn.trained
	s.guard.Save(t)
	s.stuck = stuck{}
	s.snaps.list = s.snaps.list[:i+1]
}
