package session

import (
	"bytes"

	"digittrainer/checkpoint"
)

// Snapshots in files. Save can carry the snapshots (the time travel card
// offers it and says what they add), the autosave always carries the
// latest one before where training is, and a file's snapshots come back on
// load, so a reloaded page can still rewind.

// fileSnapshots are the snapshots for a checkpoint of the session: all of
// them, or only the latest before now; each with how many of the curves'
// points were recorded by its epoch (its curves are that prefix of the
// file's).
func (s *Session) fileSnapshots(all bool) []checkpoint.Snapshot {
	var out []checkpoint.Snapshot
	for _, sn := range s.snaps.list {
		if sn.pos.Seen >= s.trainer.Seen && sn.pos.Epoch >= s.trainer.Epoch {
			continue // now: the file's own weights are this one
		}
		points := 0
		for _, e := range s.history.Epochs {
			if e <= sn.Epoch {
				points++
			}
		}
		out = append(out, checkpoint.Snapshot{Net: sn.net, Hyper: sn.hyper, Position: sn.pos, Points: points})
	}
	if !all && len(out) > 1 {
		out = out[len(out)-1:]
	}
	return out
}

// EncodeWithSnapshots returns the session as a checkpoint with every
// snapshot inside, and how many bytes they add.
func (s *Session) EncodeWithSnapshots() (b []byte, added int, err error) {
	plain, err := s.EncodeCheckpoint()
	if err != nil {
		return nil, 0, err
	}
	m := s.Model()
	m.Snapshots = s.fileSnapshots(true)
	var buf bytes.Buffer
	if err := checkpoint.EncodeSafetensors(&buf, m); err != nil {
		return nil, 0, err
	}
	return buf.Bytes(), buf.Len() - len(plain), nil
}

// encodeAutosave is the autosave's checkpoint: the session with its latest
// snapshot, so a reload can still go back at least that far.
func (s *Session) encodeAutosave() ([]byte, error) {
	m := s.Model()
	m.Snapshots = s.fileSnapshots(false)
	var buf bytes.Buffer
	if err := checkpoint.EncodeSafetensors(&buf, m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// loadSnapshots puts a loaded file's snapshots before the one install took
// of the network as loaded (checked by the decoder: same shape, not later
// than the model).
func (s *Session) loadSnapshots(m *checkpoint.Model) {
	if len(m.Snapshots) == 0 {
		return
	}
	var list []Snapshot
	for _, fs := range m.Snapshots {
		h := s.history.clone()
		n := min(fs.Points, h.Len())
		h.Epochs, h.TrainLoss, h.TrainAcc = h.Epochs[:n], h.TrainLoss[:n], h.TrainAcc[:n]
		h.ValLoss, h.ValAcc = h.ValLoss[:n], h.ValAcc[:n]
		sn := Snapshot{Epoch: fs.Position.Epoch, net: fs.Net, hyper: fs.Hyper, pos: fs.Position, history: h, data: s.data.Version()}
		sn.Bytes = snapshotBytes(fs.Net, n)
		list = append(list, sn)
	}
	s.snaps.list = append(list, s.snaps.list...)
	for len(s.snaps.list) > maxSnapshots {
		s.snaps.list = thin(s.snaps.list)
	}
}
