package checkpoint

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// Snapshot is training as it was at an earlier epoch of the same run. A
// checkpoint carries the app's snapshots so that a reloaded file can still
// rewind ("time travel"): a trainer given a clone of Net, Hyper and
// Seek(Position) trains on bit-identically to the run it was taken from.
//
// In a file each snapshot is one row of the snapshots.params tensor (its
// weights, Net.NumParams()·8 bytes: 16 kB for the default 81-24-2 net,
// 188 kB for the largest) and one object of the "snapshots" metadata value
// (its settings and position, under 420 bytes), so the app can tell what
// keeping them adds to a file.
type Snapshot struct {
	Net   *nn.Network // the weights then; the same Config as Model.Net
	Hyper nn.Hyper    // the settings then
	// Position is the trainer then: the rate in use, Epoch, Seen, the shuffle
	// state and the progress inside the epoch. Of Last a file keeps only the
	// loss, as for Model.Position: a decoded Last has the position's Epoch
	// and LR and no accuracy.
	Position nn.Position
	Points   int // how many of Model.History's points were recorded by then (its curves are that prefix)
}

// maxSnapshots bounds the snapshots a file may carry: the app keeps 32,
// and 64 of the largest network are 12 MB, well inside MaxFileSize.
const maxSnapshots = 64

// metaSnapshots is the metadata key of the snapshots' settings and
// positions, one object per row of the snapshots.params tensor.
const metaSnapshots = "snapshots"

// snapshotJSON is one snapshot's wire form in the "snapshots" value; the
// shuffle state is in hex, as in the model's own "shuffle" key.
type snapshotJSON struct {
	Epoch    int     `json:"epoch"`
	Seen     int     `json:"seen"`
	LR       float64 `json:"lr"`
	LR0      float64 `json:"lr0"`
	Decay    float64 `json:"decay"`
	MinLR    float64 `json:"min_lr"`
	L2       float64 `json:"l2"`
	Batch    int     `json:"batch"`
	Shuffle  string  `json:"shuffle"`
	Done     int     `json:"done"`
	LossSum  float64 `json:"loss_sum"`
	Correct  int     `json:"correct"`
	LastLoss float64 `json:"last_loss"`
	Points   int     `json:"points"`
}

// checkSnapshots verifies m.Snapshots against the rest of m (already
// checked); the encoder and the decoder both call it, so that no file is
// written or read under a different rule. Messages number snapshots from
// 1, oldest first.
func checkSnapshots(m *Model) error {
	if err := checkSnapshotCount(int64(len(m.Snapshots))); err != nil {
		return err
	}
	points := 0
	if m.History != nil {
		points = m.History.Len()
	}
	for i := range m.Snapshots {
		sn := &m.Snapshots[i]
		if err := sn.check(m, points); err != nil {
			return inSnapshot(i, err)
		}
		if prev := m.Snapshots[max(i-1, 0)].Position.Epoch; sn.Position.Epoch < prev {
			return formatErr(i18n.Sprintf("snapshot %d is at epoch %d, before snapshot %d at epoch %d: snapshots go oldest first",
				i+1, sn.Position.Epoch, i, prev))
		}
	}
	return nil
}

// checkSnapshotCount refuses more than maxSnapshots, before the decoder
// allocates for them.
func checkSnapshotCount(n int64) error {
	if n > maxSnapshots {
		return formatErr(i18n.Sprintf("the file holds %d training snapshots; at most %d are allowed", n, maxSnapshots))
	}
	return nil
}

// check verifies one snapshot of m, whose curves have points points.
func (sn *Snapshot) check(m *Model, points int) error {
	p := &sn.Position
	switch {
	case sn.Net == nil || sn.Net.Config != m.Net.Config:
		return formatErr(i18n.Sprintf("it is not of the saved network's shape (%s)", shapeText(m.Net.Config)))
	case !sn.Net.Finite():
		return formatErr(i18n.T("it holds a NaN or infinite weight: the training that produced it had gone wrong"))
	}
	if err := sn.Net.Check(); err != nil { // a network built by hand, not by nn
		return &FormatError{Msg: i18n.Sprintf("its network is malformed: %v", err), Err: err}
	}
	if err := checkHyper(sn.Hyper, p.LR); err != nil {
		return err
	}
	if err := checkProgress(p.Epoch, p.Seen, p.Last.Loss); err != nil {
		return err
	}
	switch {
	case !p.Valid() || !finite(p.SumLoss):
		return formatErr(i18n.T("the trainer's shuffle state or progress in the epoch is damaged"))
	case p.Epoch > m.Epoch || p.Seen > m.Seen:
		return formatErr(i18n.Sprintf("it is at epoch %d after %d samples, later than the model itself (epoch %d after %d samples)",
			p.Epoch, p.Seen, m.Epoch, m.Seen))
	case sn.Points < 0 || sn.Points > points:
		return formatErr(i18n.Sprintf("it counts %d of the learning curves' points, but the file has only %d", sn.Points, points))
	}
	return nil
}

// inSnapshot says which snapshot a *FormatError is about.
func inSnapshot(i int, err error) error {
	var fe *FormatError
	if !errors.As(err, &fe) {
		return err
	}
	return &FormatError{Msg: i18n.Sprintf("snapshot %d: %s", i+1, fe.Msg), Err: fe.Err}
}

func shapeText(c nn.Config) string {
	return fmt.Sprintf("%d-%d-%d %s", nn.Inputs, c.Hidden, c.Classes, c.Activation)
}

// snapshotParams is the snapshots.params tensor: each snapshot's
// parameters in nn.Network.Params order, one row a snapshot.
func snapshotParams(snaps []Snapshot) []byte {
	var b []byte
	for i := range snaps {
		for _, p := range snaps[i].Net.Params() {
			b = append(b, f64Bytes(p)...)
		}
	}
	return b
}

// encodeSnapshots is the "snapshots" metadata value (of checked snapshots:
// every number finite, so json cannot fail).
func encodeSnapshots(snaps []Snapshot) string {
	w := make([]snapshotJSON, len(snaps))
	for i := range snaps {
		sn := &snaps[i]
		p, h := &sn.Position, &sn.Hyper
		w[i] = snapshotJSON{Epoch: p.Epoch, Seen: p.Seen, LR: p.LR,
			LR0: h.LR, Decay: h.Decay, MinLR: h.MinLR, L2: h.L2, Batch: h.Batch,
			Shuffle: hex.EncodeToString(p.Shuffle), Done: p.Done, LossSum: p.SumLoss, Correct: p.Correct,
			LastLoss: p.Last.Loss, Points: sn.Points}
	}
	b, _ := json.Marshal(w)
	return string(b)
}

// snapshotsFrom reads m's snapshots from the metadata and the rows of the
// snapshots.params tensor (nil when the file has none; its shape is
// checked), after the rest of m is read.
func snapshotsFrom(meta map[string]string, rows []byte, m *Model) error {
	js, ok := meta[metaSnapshots]
	switch {
	case !ok && rows == nil:
		return nil
	case !ok:
		return formatErr(i18n.Sprintf("the file has a %s tensor but no %q metadata to say what its rows are", tSnapshots, metaSnapshots))
	case rows == nil:
		return formatErr(i18n.Sprintf("the metadata lists training snapshots but the file has no %s tensor with their weights", tSnapshots))
	}
	cfg := m.Net.Config
	n := len(rows) / (8 * m.Net.NumParams())
	w, err := readSnapshotJSON(js, n)
	if err != nil {
		return err
	}
	m.Snapshots = make([]Snapshot, n)
	for i, r := range w {
		state, err := hex.DecodeString(r.Shuffle)
		if err != nil {
			return inSnapshot(i, formatErr(i18n.T("the trainer's shuffle state is not hex")))
		}
		net, err := nn.Zero(cfg)
		if err != nil {
			return &FormatError{Msg: err.Error(), Err: err}
		}
		for _, p := range net.Params() {
			// Finiteness is checkSnapshots' to report, in the encoder's words.
			decodeFloats(p, rows, "F64")
			rows = rows[8*len(p):]
		}
		sh := Shuffle{State: state, Done: r.Done, SumLoss: r.LossSum, Correct: r.Correct}
		m.Snapshots[i] = Snapshot{Net: net, Points: r.Points,
			Hyper:    nn.Hyper{LR: r.LR0, Decay: r.Decay, MinLR: r.MinLR, L2: r.L2, Batch: r.Batch},
			Position: sh.position(r.LR, r.Epoch, r.Seen, r.LastLoss)}
	}
	return checkSnapshots(m)
}

// readSnapshotJSON parses the "snapshots" value, which must list exactly
// n snapshots; it stops at the first one too many rather than allocate
// for all that a hostile header could list.
func readSnapshotJSON(js string, n int) ([]snapshotJSON, error) {
	damaged := formatErr(i18n.T("the training snapshots in the metadata are damaged"))
	d := json.NewDecoder(strings.NewReader(js))
	if tok, err := d.Token(); err != nil || tok != json.Delim('[') {
		return nil, damaged
	}
	w := make([]snapshotJSON, 0, n)
	for d.More() {
		if len(w) == n {
			return nil, formatErr(i18n.Sprintf("tensor %s has %d rows, one per snapshot, but the metadata describes more", tSnapshots, n))
		}
		var r snapshotJSON
		if err := d.Decode(&r); err != nil {
			return nil, damaged
		}
		w = append(w, r)
	}
	if tok, err := d.Token(); err != nil || tok != json.Delim(']') {
		return nil, damaged
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, damaged
	}
	if len(w) != n {
		return nil, formatErr(i18n.Sprintf("tensor %s has %d rows, one per snapshot, but the metadata describes %d", tSnapshots, n, len(w)))
	}
	return w, nil
}
