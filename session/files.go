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
	ExportBDT Export = iota // the original app's checkpoint JSON
	ExportCSV               // the dataset as CSV
)

// Names of the files Save and the exports write.
const (
	CheckpointName = "digit-trainer.safetensors"
	bdtName        = "digit-trainer-original-app.json"
	csvName        = "digit-trainer-dataset.csv"
)

// Model returns the session as a checkpoint model: the network, settings,
// progress, curves and the dataset, all shared (the encoders only read).
func (s *Session) Model() *checkpoint.Model {
	loss := 0.0
	if m := s.Measure(); m.Train.N > 0 && m.Train.Loss >= 0 && s.net.Finite() {
		loss = m.Train.Loss
	}
	t := s.trainer
	return &checkpoint.Model{
		Net: s.net, Classes: s.data.Classes, Hyper: t.Hyper, LR: t.LR,
		Seed: s.seed, Epoch: t.Epoch, Seen: t.Seen, Loss: loss,
		Created: time.Now().UTC(), Data: s.data, History: s.history.file(),
	}
}

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

// Export returns the file for an export with its suggested name.
func (s *Session) Export(kind Export) (name string, b []byte, err error) {
	var buf bytes.Buffer
	switch kind {
	case ExportBDT:
		name, err = bdtName, checkpoint.EncodeBDT(&buf, s.Model())
	case ExportCSV:
		name, err = csvName, data.WriteCSV(&buf, s.data)
	default:
		return "", nil, fmt.Errorf("session: unknown export %d", kind)
	}
	return name, buf.Bytes(), err
}
