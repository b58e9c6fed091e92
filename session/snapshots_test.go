package session

import (
	"math"
	"strings"
	"testing"
)

// epochs trains n whole epochs with the step button.
func epochs(s *Session, n int) {
	for range n {
		s.StepEpoch()
	}
}

// TestRewindTrainsOnIdentically: rewinding to a snapshot and training on
// gives the weights, counters and curves of the run that never went back,
// bit for bit; the branch left behind is the ghost; Ctrl+Z brings it back.
func TestRewindTrainsOnIdentically(t *testing.T) {
	ref := newTestSession(t)
	epochs(ref, 12)

	s := newTestSession(t)
	epochs(s, 12)
	s.Trainer().Train(s.split.train, 17) // into epoch 13: a rewind also leaves a part epoch
	before := s.ModelHash()
	got := []int{}
	for _, sn := range s.Snapshots() {
		got = append(got, sn.Epoch)
	}
	if want := []int{0, 5, 10}; !equalInts(got, want) {
		t.Fatalf("snapshots at epochs %v, want %v", got, want)
	}
	s.Rewind(5)
	if e := s.Trainer().Epoch; e != 5 || s.History().Len() != 5 || s.Ghost().Len() != 12 {
		t.Fatalf("after the rewind: epoch %d, %d points, ghost %d; want 5, 5, 12", e, s.History().Len(), s.Ghost().Len())
	}
	if n := len(s.Snapshots()); n != 2 {
		t.Errorf("%d snapshots after rewinding to the second; the later ones belong to the branch left", n)
	}
	epochs(s, 7)
	if s.ModelHash() != ref.ModelHash() || s.Trainer().Seen != ref.Trainer().Seen || s.Trainer().LR != ref.Trainer().LR {
		t.Errorf("trained on after a rewind: %s seen %d; never rewound: %s seen %d", s.ModelHash(), s.Trainer().Seen, ref.ModelHash(), ref.Trainer().Seen)
	}
	if !equalInts(s.History().Epochs, ref.History().Epochs) || !equalFloats(s.History().TrainLoss, ref.History().TrainLoss) {
		t.Errorf("the curves differ from the run never rewound")
	}

	s.Undo() // the training after the rewind was not an edit: Undo takes the rewind back
	if s.ModelHash() != before || s.Trainer().Epoch != 12 {
		t.Errorf("Undo after a rewind: epoch %d, hash changed %v; want the branch left (epoch 12)", s.Trainer().Epoch, s.ModelHash() != before)
	}
}

// TestRewindBack: [ goes to the latest snapshot before where training is,
// and says so when there is none.
func TestRewindBack(t *testing.T) {
	s := newTestSession(t)
	s.RewindBack()
	if !s.Message().Err || !strings.Contains(s.Message().Text, "no earlier snapshot") {
		t.Errorf("RewindBack at the start said %q", s.Message().Text)
	}
	epochs(s, 11)
	s.RewindBack()
	if e := s.Trainer().Epoch; e != 10 {
		t.Errorf("RewindBack from epoch 11 went to %d, want 10", e)
	}
	s.RewindBack()
	if e := s.Trainer().Epoch; e != 5 {
		t.Errorf("a second RewindBack went to %d, want 5", e)
	}
}

// TestSnapshotsBounded: a long run with a snapshot every epoch keeps at
// most maxSnapshots, the first and the latest among them, spread out.
func TestSnapshotsBounded(t *testing.T) {
	s := newTestSession(t)
	s.snaps.every = 1
	epochs(s, 120)
	list := s.Snapshots()
	if len(list) > maxSnapshots || list[0].Epoch != 0 || list[len(list)-1].Epoch != 120 {
		t.Fatalf("%d snapshots from %d to %d; want ≤ %d from 0 to 120", len(list), list[0].Epoch, list[len(list)-1].Epoch, maxSnapshots)
	}
	taken, copied, kept := s.SnapCost()
	if taken != 121 || kept >= copied || kept <= 0 {
		t.Errorf("taken %d, copied %d bytes, kept %d; want 121 taken and fewer bytes kept than copied", taken, copied, kept)
	}
	for i := 2; i < len(list); i++ {
		if list[i].Epoch-list[i-1].Epoch > 4*(list[i-1].Epoch-list[i-2].Epoch)+8 {
			t.Errorf("snapshots bunched: epochs %d, %d, %d", list[i-2].Epoch, list[i-1].Epoch, list[i].Epoch)
		}
	}
}

// TestCrashRestoresLatestSnapshot: a simulated crash strikes inside the
// next two intervals, puts training back at the latest snapshot, says what
// it cost, and training on reaches the weights of a run that never crashed.
func TestCrashRestoresLatestSnapshot(t *testing.T) {
	ref := newTestSession(t)
	epochs(ref, 20)

	s := newTestSession(t)
	epochs(s, 6)
	s.SimulateCrash()
	if !s.Running() || !s.CrashArmed() {
		t.Fatal("SimulateCrash did not start training with a crash on its way")
	}
	for i := 0; i < 100000 && s.CrashArmed(); i++ {
		s.TrainSome(37)
	}
	r, n := s.LastCrash()
	latest := s.Snapshots()[len(s.Snapshots())-1]
	if n != 1 || r.Restored != latest.Epoch || s.Trainer().Epoch != latest.Epoch || r.Epoch < 6 || r.Epoch > 6+2*defaultSnapEvery {
		t.Fatalf("crash report %+v (%d crashes), now at epoch %d, latest snapshot %d", r, n, s.Trainer().Epoch, latest.Epoch)
	}
	if r.LostSamples <= 0 || !s.Message().Err || !strings.Contains(s.Message().Text, "Crash in epoch") {
		t.Errorf("lost %d samples, message %q", r.LostSamples, s.Message().Text)
	}
	if !s.Running() {
		t.Error("training stopped after the crash; a job restarts from its checkpoint")
	}
	s.Pause()
	epochs(s, 20-s.Trainer().Epoch)
	if s.ModelHash() != ref.ModelHash() {
		t.Error("after a crash and recovery, training on does not reach the weights of a run that never crashed")
	}
}

// TestTradeoffBestIsTheMinimum: Young's K* is where the plotted total
// overhead is least (within the chart's step), and each share is what its
// formula says.
func TestTradeoffBestIsTheMinimum(t *testing.T) {
	s := newTestSession(t)
	if tr := s.Tradeoff(); tr.Best != 0 || tr.Points != nil || tr.SnapTime <= 0 {
		t.Errorf("before training: best %v, %d points, snapshot time %v; want no curve yet, a measured snapshot", tr.Best, len(tr.Points), tr.SnapTime)
	}
	epochs(s, 3)
	tr := s.Tradeoff()
	if tr.EpochTime <= 0 || tr.Best <= 0 {
		t.Fatalf("epoch time %v, best %v", tr.EpochTime, tr.Best)
	}
	low := tr.Points[0]
	for _, p := range tr.Points {
		if p.Total < low.Total {
			low = p
		}
		a, b := tr.Overhead(p.Every)
		if math.Abs(p.Total-(a+b)) > 1e-12 || math.Abs(b-p.Every/(2*float64(tr.MTBF))) > 1e-12 {
			t.Errorf("point %+v does not add up", p)
		}
	}
	step := math.Pow(10, 4.0/float64(tradeoffKs-1))
	if tr.Best >= 0.1 && tr.Best <= 1000 && (low.Every > tr.Best*step || low.Every < tr.Best/step) {
		t.Errorf("the least overhead is at K = %.3g, Young's K* = %.3g", low.Every, tr.Best)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// TestSnapshotsInFiles: a file saved with its snapshots and the autosave
// bring them back on load, and rewinding the loaded session to one and
// training on reaches the weights of the run that was never saved.
func TestSnapshotsInFiles(t *testing.T) {
	ref := newTestSession(t)
	epochs(ref, 14)

	s := newTestSession(t)
	epochs(s, 12)
	b, added, err := s.EncodeWithSnapshots()
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := s.EncodeCheckpoint()
	if added <= 2*8*s.Net().NumParams() || len(b) != len(plain)+added {
		t.Errorf("3 snapshots added %d bytes (file %d, plain %d)", added, len(b), len(plain))
	}
	back := newTestSession(t)
	if err := back.LoadFile("with.safetensors", b); err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, sn := range back.Snapshots() {
		got = append(got, sn.Epoch)
	}
	if !equalInts(got, []int{0, 5, 10, 12}) {
		t.Fatalf("loaded snapshots at %v, want 0 5 10 and the loaded network at 12", got)
	}
	back.Rewind(10)
	if back.History().Len() != 10 {
		t.Errorf("rewound to a loaded snapshot: %d curve points, want 10", back.History().Len())
	}
	epochs(back, 4)
	if back.ModelHash() != ref.ModelHash() {
		t.Error("a loaded snapshot, trained on, does not reach the weights of the run never saved")
	}

	auto, err := s.encodeAutosave()
	if err != nil {
		t.Fatal(err)
	}
	again := newTestSession(t)
	if err := again.LoadFile("autosave.safetensors", auto); err != nil {
		t.Fatal(err)
	}
	if n := len(again.Snapshots()); n != 2 || again.Snapshots()[0].Epoch != 10 {
		t.Errorf("the autosave brought back %d snapshots; want the latest (epoch 10) and now", n)
	}
}
