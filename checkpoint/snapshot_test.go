package checkpoint

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"digittrainer/data"
	"digittrainer/nn"
)

// snapModel is testModel (without drawings) with two learning-curve points
// and two snapshots: one at the start and one inside epoch 2 under other
// settings. Weights are set by formula and shuffle states come from
// nn.FreshShuffle, so the golden and invalid files stay fixed.
func snapModel(t testing.TB) *Model {
	t.Helper()
	m := testModel(t, false)
	nan := math.NaN()
	m.History = &History{Every: 1, Epochs: []int{1, 2}, TrainLoss: []float64{0.5, 0.25},
		TrainAcc: []float64{0.5, 0.75}, ValLoss: []float64{nan, nan}, ValAcc: []float64{nan, nan}}
	snap := func(scale float64) *nn.Network {
		net := m.Net.Clone()
		for _, p := range net.Params() {
			for i := range p {
				p[i] *= scale
			}
		}
		return net
	}
	later := m.Hyper
	later.L2, later.Batch = 0, 1
	m.Snapshots = []Snapshot{
		{Net: snap(0.25), Hyper: m.Hyper, Points: 0, Position: nn.Position{
			LR: 0.1, Shuffle: nn.FreshShuffle(m.Seed)}},
		{Net: snap(0.5), Hyper: later, Points: 1, Position: nn.Position{
			LR: 0.099, Epoch: 1, Seen: 150, Last: nn.EpochStats{Epoch: 1, Loss: 0.5, LR: 0.099},
			Shuffle: nn.FreshShuffle(8), Done: 50, SumLoss: 20.5, Correct: 30}},
	}
	return m
}

// TestSnapshotsResume: snapshots taken from a real run (at its start, after
// an epoch, and inside an epoch after the settings changed) come back from
// a file bit for bit, and a trainer put at any of them trains on to the
// very weights of the run that never went back.
func TestSnapshotsResume(t *testing.T) {
	d, err := data.Starter(2)
	if err != nil {
		t.Fatal(err)
	}
	ex := d.Examples()
	n := ex.Len()
	const seed, total, change = 5, 4, 2
	h1 := nn.DefaultHyper
	h2 := h1
	h2.L2, h2.Decay = 1e-4, 0.95 // the teacher moves two sliders after epoch 2
	// run trains tr until it has seen until samples, changing the settings
	// where the original run did.
	run := func(tr *nn.Trainer, until int) {
		if tr.Seen < change*n {
			tr.Train(ex, min(until, change*n)-tr.Seen)
		}
		if tr.Seen >= change*n {
			tr.Hyper = h2
		}
		tr.Train(ex, until-tr.Seen)
	}
	net, err := nn.NewSeeded(nn.DefaultConfig, seed)
	if err != nil {
		t.Fatal(err)
	}
	ref := nn.NewTrainer(net, h1, seed)
	hist := &History{Every: 1}
	var snaps []Snapshot
	take := func() {
		snaps = append(snaps, Snapshot{Net: ref.Net.Clone(), Hyper: ref.Hyper, Position: ref.Position(), Points: hist.Len()})
	}
	point := func() {
		hist.Epochs = append(hist.Epochs, ref.Epoch)
		hist.TrainLoss = append(hist.TrainLoss, ref.Last.Loss)
		hist.TrainAcc = append(hist.TrainAcc, ref.Last.Accuracy)
		hist.ValLoss = append(hist.ValLoss, math.NaN())
		hist.ValAcc = append(hist.ValAcc, math.NaN())
	}
	take()
	run(ref, n)
	point()
	take()
	run(ref, 2*n)
	point()
	run(ref, 2*n+17)
	take()
	run(ref, 3*n)
	point()
	run(ref, total*n)
	point()

	m := &Model{Net: ref.Net, Hyper: ref.Hyper, Seed: seed, Created: goldenTime, History: hist, Snapshots: snaps}
	m.SetPosition(ref)
	back, err := DecodeSafetensors(bytes.NewReader(encodeST(t, m)))
	if err != nil {
		t.Fatal(err)
	}
	sameModel(t, back, m)
	if s := back.Snapshots; s[1].Hyper != h1 || s[2].Hyper != h2 || s[2].Position.Done != 17 || s[2].Points != 2 {
		t.Fatalf("the snapshots do not cover what this test is about: %+v", s)
	}

	want := flat(ref.Net)
	for i, sn := range back.Snapshots {
		tr := nn.NewTrainer(sn.Net, sn.Hyper, 999)
		if err := tr.Seek(sn.Position); err != nil {
			t.Fatalf("snapshot %d: %v", i+1, err)
		}
		run(tr, total*n)
		if !slices.Equal(flat(tr.Net), want) {
			t.Errorf("snapshot %d: training on from it does not reach the weights of the run never rewound", i+1)
		}
		if tr.Epoch != total || tr.LR != ref.LR {
			t.Errorf("snapshot %d: resumed to epoch %d at η %v, want %d at %v", i+1, tr.Epoch, tr.LR, total, ref.LR)
		}
	}
}

// maxSnapshotMeta bounds what a snapshot adds to a file besides its
// weights: its object in the "snapshots" value, escaped inside the
// header's JSON, and the header padding, which may grow by up to 7 bytes.
// The first one also adds the snapshots.params tensor's entry and the key.
// Measured with the longest numbers a run can give: 408 and 504 bytes;
// Snapshot's doc comment promises under 420.
const (
	maxSnapshotMeta      = 420
	maxFirstSnapshotMeta = 520
)

// TestSnapshotSize: what snapshots add to a file is their weights, P·8
// bytes each, and a bounded amount of metadata, so the app can say what
// keeping them costs; none (nil or empty) adds nothing.
func TestSnapshotSize(t *testing.T) {
	m := testModel(t, true)
	base := encodeST(t, m)
	m.Snapshots = []Snapshot{}
	if !bytes.Equal(encodeST(t, m), base) {
		t.Fatal("an empty Snapshots changed the file")
	}
	// The longest numbers: counts in the billions, floats with 17 digits.
	m.Epoch, m.Seen = 1<<31, 1<<50
	base = encodeST(t, m)
	P := m.Net.NumParams()
	sn := Snapshot{Net: m.Net.Clone(), Points: 0,
		Hyper: nn.Hyper{LR: 1.0 / 3, Decay: 2.0 / 3, MinLR: 1e-300 / 3, L2: 1.0 / 7, Batch: 1 << 20},
		Position: nn.Position{LR: 0.1 / 3, Epoch: 1<<31 - 1, Seen: 1<<50 - 1, Last: nn.EpochStats{Loss: 1.0 / 3},
			Shuffle: nn.FreshShuffle(math.MaxUint64), Done: 1<<50 - 1, SumLoss: 1e300 / 3, Correct: 1<<50 - 2}}
	prev := len(base)
	for k := 1; k <= 3; k++ {
		m.Snapshots = append(m.Snapshots, sn)
		size := len(encodeST(t, m))
		meta, bound := size-prev-P*8, maxSnapshotMeta
		if k == 1 {
			bound = maxFirstSnapshotMeta
		}
		t.Logf("snapshot %d adds %d bytes of metadata", k, meta)
		if meta <= 0 || meta > bound {
			t.Errorf("snapshot %d adds %d bytes: %d of weights (P = %d) and %d of metadata, want at most %d",
				k, size-prev, P*8, P, meta, bound)
		}
		prev = size
	}
}

// TestEncodeRefusesSnapshots: the encoder refuses every snapshot its
// decoder would (the invalid files test the decoder's side of the same
// checks), and one of another network's shape.
func TestEncodeRefusesSnapshots(t *testing.T) {
	if _, err := DecodeSafetensors(bytes.NewReader(encodeST(t, snapModel(t)))); err != nil {
		t.Fatalf("the unchanged model: %v", err)
	}
	for _, tc := range []struct {
		name, want string
		change     func(m *Model, sn *Snapshot)
	}{
		{"other shape", "snapshot 2: it is not of the saved network's shape (81-3-2 sigmoid)", func(m *Model, sn *Snapshot) {
			sn.Net, _ = nn.Zero(nn.Config{Hidden: 4, Classes: 2, Activation: nn.Sigmoid})
		}},
		{"other activation", "snapshot 2: it is not of the saved network's shape", func(m *Model, sn *Snapshot) {
			sn.Net.Activation = nn.Tanh
		}},
		{"no network", "snapshot 2: it is not of the saved network's shape", func(m *Model, sn *Snapshot) { sn.Net = nil }},
		{"malformed", "snapshot 2: its network is malformed", func(m *Model, sn *Snapshot) { sn.Net.B2 = sn.Net.B2[:1] }},
		{"NaN", "snapshot 2: it holds a NaN or infinite weight", func(m *Model, sn *Snapshot) { sn.Net.W2[3] = math.Inf(1) }},
		{"too many", "the file holds 65 training snapshots; at most 64 are allowed", func(m *Model, sn *Snapshot) {
			for len(m.Snapshots) < 65 {
				m.Snapshots = append(m.Snapshots, *sn)
			}
		}},
		{"hyper", "snapshot 2: the learning-rate decay must be between 0 and 1", func(m *Model, sn *Snapshot) { sn.Hyper.Decay = 2 }},
		{"rate", "snapshot 2: the learning rate must be a number ≥ 0", func(m *Model, sn *Snapshot) { sn.Position.LR = math.Inf(1) }},
		{"loss", "snapshot 2: the recorded loss NaN is not a non-negative number", func(m *Model, sn *Snapshot) { sn.Position.Last.Loss = math.NaN() }},
		{"counts", "snapshot 2: the epoch and sample counts cannot be negative", func(m *Model, sn *Snapshot) { sn.Position.Seen = -1 }},
		{"correct", "snapshot 2: the trainer's shuffle state or progress in the epoch is damaged", func(m *Model, sn *Snapshot) { sn.Position.Correct = 51 }},
		{"loss sum", "snapshot 2: the trainer's shuffle state or progress in the epoch is damaged", func(m *Model, sn *Snapshot) { sn.Position.SumLoss = math.Inf(1) }},
		{"shuffle", "snapshot 2: the trainer's shuffle state or progress in the epoch is damaged", func(m *Model, sn *Snapshot) { sn.Position.Shuffle = []byte("pcg") }},
		{"epoch", "snapshot 2: it is at epoch 3 after 150 samples, later than the model itself (epoch 2 after 200 samples)", func(m *Model, sn *Snapshot) { sn.Position.Epoch = 3 }},
		{"seen", "snapshot 2: it is at epoch 1 after 201 samples, later than the model itself", func(m *Model, sn *Snapshot) { sn.Position.Seen = 201 }},
		{"order", "snapshot 2 is at epoch 1, before snapshot 1 at epoch 2: snapshots go oldest first", func(m *Model, sn *Snapshot) { m.Snapshots[0].Position.Epoch = 2 }},
		{"points", "snapshot 2: it counts 3 of the learning curves' points, but the file has only 2", func(m *Model, sn *Snapshot) { sn.Points = 3 }},
		{"no curves", "snapshot 2: it counts 1 of the learning curves' points, but the file has only 0", func(m *Model, sn *Snapshot) { m.History = nil }},
		{"negative points", "snapshot 2: it counts -1 of", func(m *Model, sn *Snapshot) { sn.Points = -1 }},
	} {
		m := snapModel(t)
		tc.change(m, &m.Snapshots[1])
		err := EncodeSafetensors(&bytes.Buffer{}, m)
		var fe *FormatError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), "checkpoint: "+tc.want) {
			t.Errorf("%s: got %v, want a *FormatError %q", tc.name, err, tc.want)
		}
	}
}

// TestSnapshotsLayout reads snapshots.params by hand, as the format
// comment describes it: after the other F64 tensors and before the U8
// ones, 8-byte aligned, row i the i-th snapshot's parameters in
// hidden.weight, hidden.bias, output.weight, output.bias order.
func TestSnapshotsLayout(t *testing.T) {
	m := snapModel(t)
	m.Data = testModel(t, true).Data
	h, dat := splitST(t, encodeST(t, m))
	b, e := tensorAt(h, tSnapshots)
	if _, ow := tensorAt(h, tOutputW); b != ow || b%8 != 0 {
		t.Errorf("snapshots.params starts at data offset %d, want %d (right after output.weight) and 8-byte aligned", b, ow)
	}
	if lb, _ := tensorAt(h, tLabels); e != lb {
		t.Errorf("snapshots.params ends at %d, want %d (where the U8 tensors begin)", e, lb)
	}
	P := m.Net.NumParams()
	for i, sn := range m.Snapshots {
		want := slices.Concat(sn.Net.W1, sn.Net.B1, sn.Net.W2, sn.Net.B2)
		for j := range P {
			got := math.Float64frombits(binary.LittleEndian.Uint64(dat[b+8*(i*P+j):]))
			if got != want[j] {
				t.Fatalf("row %d, column %d = %v, want %v", i, j, got, want[j])
			}
		}
	}
}

// TestEncodeRefusesTooLarge: the most snapshots of the largest network
// beside a large dataset would make a file the decoder refuses, so the
// encoder refuses it first.
func TestEncodeRefusesTooLarge(t *testing.T) {
	net, err := nn.Zero(nn.Config{Hidden: nn.MaxHidden, Classes: nn.MaxClasses, Activation: nn.Sigmoid})
	if err != nil {
		t.Fatal(err)
	}
	m := &Model{Net: net, Hyper: nn.DefaultHyper, Created: goldenTime, Data: data.New(nn.MaxClasses)}
	sn := Snapshot{Net: net, Hyper: m.Hyper, Position: m.Position()}
	for range maxSnapshots {
		m.Snapshots = append(m.Snapshots, sn)
	}
	// 12.3 MB of weights; each drawing adds 83 bytes (pixels, label, side).
	m.Data.Sided = true
	m.Data.Samples = make([]data.Sample, (MaxFileSize-(maxSnapshots+1)*8*net.NumParams())/(nn.Inputs+2)+1)
	err = EncodeSafetensors(io.Discard, m)
	var fe *FormatError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "more than the 32.0 MB limit") {
		t.Fatalf("got %v, want a *FormatError about the 32.0 MB limit", err)
	}
	m.Data.Samples = m.Data.Samples[:len(m.Data.Samples)-400] // 33 kB of room for the 15 kB header
	if err := EncodeSafetensors(io.Discard, m); err != nil {
		t.Fatalf("a file just under the limit: %v", err)
	}
}
