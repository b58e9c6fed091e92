package session

import (
	"bytes"
	"fmt"
	"time"

	"digittrainer/checkpoint"
	"digittrainer/data"
)

// Export is a file the session can be written as, besides its checkpoint.
type Export int

const (
	ExportBDT        Export = iota // the original app's checkpoint JSON
	ExportCSV                      // the dataset as CSV
	ExportCheckpoint               // the checkpoint itself (FileName only: see EncodeCheckpoint)
)

// FileName is the name a save or export made at t suggests:
// "digit-trainer-2026-12-02-1405.safetensors", with "-original-app" or
// "-dataset" before the extension for the exports. The date and time, in
// the user's time zone, tell a class's checkpoints apart and sort them.
func FileName(kind Export, t time.Time) string {
	stamp := "digit-trainer-" + t.Format("2006-01-02-1504")
	switch kind {
	case ExportBDT:
		return stamp + "-original-app.json"
	case ExportCSV:
		return stamp + "-dataset.csv"
	}
	return stamp + ".safetensors"
}

// Model returns the session as a checkpoint model: the network, settings,
// progress, curves and the dataset, all shared (the encoders only read).
func (s *Session) Model() *checkpoint.Model {
	loss := 0.0
	if m := s.Measure(); m.Train.N > 0 && m.Train.Loss >= 0 && s.net.Finite() {
		loss = m.Train.Loss
	}
	m := &checkpoint.Model{
		Net: s.net, Classes: s.data.Classes, Hyper: s.trainer.Hyper,
		Seed: s.seed, StartUnknown: !s.start.known,
		Created: created(), Data: s.data, History: s.history.file(),
	}
	m.SetPosition(s.trainer) // the file resumes exactly where training is
	m.Loss = loss
	return m
}

// created is a file's creation time, to the second: a person reads no
// finer, and with the nanoseconds the header's length (and so its padding)
// changed from one save to the next, by chance.
func created() time.Time { return time.Now().UTC().Truncate(time.Second) }

// EncodeCheckpoint returns the session as a safetensors checkpoint with the
// dataset inside. It refuses a network that is not finite, so no NaN is
// ever saved.
func (s *Session) EncodeCheckpoint() ([]byte, error) {
	var b bytes.Buffer
	if err := checkpoint.EncodeSafetensors(&b, s.Model()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Export returns the file for an export.
func (s *Session) Export(kind Export) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch kind {
	case ExportBDT:
		err = checkpoint.EncodeBDT(&buf, s.Model())
	case ExportCSV:
		err = data.WriteCSV(&buf, s.data)
	default:
		return nil, fmt.Errorf("session: unknown export %d", kind)
	}
	return buf.Bytes(), err
}
