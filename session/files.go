package session

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"digittrainer/checkpoint"
	"digittrainer/data"
	"digittrainer/nn"
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

// LoadFile reads any file the user hands over (either checkpoint format or
// a dataset CSV/JSON). A bad file leaves everything as it was and says why.
func (s *Session) LoadFile(name string, b []byte) error {
	l, err := checkpoint.Load(b)
	if err == nil {
		err = s.apply(l)
	}
	if err != nil {
		s.Fail("Could not load %s: %v. Nothing was changed.", name, Plain(err))
	}
	return err
}

// apply installs what Load found, after checking everything it needs, so a
// refusal changes nothing.
func (s *Session) apply(l *checkpoint.Loaded) error {
	if l.Model == nil {
		return s.applyData(l)
	}
	m := l.Model
	if err := m.Net.Check(); err != nil {
		return err
	}
	d, err := modelData(l, s.data)
	if err != nil {
		return err
	}
	h := s.trainer.Hyper
	if m.Hyper.Batch >= 1 {
		h = m.Hyper
	}
	lr := m.LR
	if lr <= 0 {
		lr = h.LR
	}
	s.data, s.seed, s.selected = d, m.Seed, -1
	s.keepLabel()
	s.install(m.Net, h, lr, m.Epoch, m.Seen)
	s.history = historyFrom(m.History)
	what := fmt.Sprintf("a %d-%d-%d network", nn.Inputs, m.Net.Hidden, m.Net.Classes)
	if l.Data != nil {
		what += fmt.Sprintf(" and %d drawings", l.Data.Len())
	}
	s.Say("Loaded %s: %s.", l.Kind, what)
	return nil
}

// modelData is the dataset to use with a loaded model: the one in its file,
// else cur, with the model's class count and names.
func modelData(l *checkpoint.Loaded, cur *data.Dataset) (*data.Dataset, error) {
	m, d := l.Model, l.Data
	if d != nil {
		d = sided(d)
	}
	if d == nil {
		var err error
		if d, err = cur.WithClasses(m.Net.Classes); err != nil {
			var ce *data.ClassError
			if errors.As(err, &ce) {
				return nil, fmt.Errorf("session: the model has %d outputs but your dataset has drawings of other classes; clear the dataset first", m.Net.Classes)
			}
			return nil, err
		}
	}
	if len(d.Classes) != m.Net.Classes {
		return nil, fmt.Errorf("session: the file's dataset has %d classes but its model has %d outputs", len(d.Classes), m.Net.Classes)
	}
	if len(m.Classes) == m.Net.Classes {
		d = d.Clone()
		d.Classes = append([]string(nil), m.Classes...)
	}
	return d, nil
}

// applyData replaces the dataset; the network is rebuilt only if the class
// count changed.
func (s *Session) applyData(l *checkpoint.Loaded) error {
	d := l.Data
	if d == nil || len(d.Classes) < nn.MinClasses || len(d.Classes) > nn.MaxClasses {
		return errors.New("session: the file holds no usable dataset")
	}
	d = sided(d)
	if s.net.Classes != len(d.Classes) {
		cfg := s.net.Config
		cfg.Classes = len(d.Classes)
		if err := s.rebuild(cfg, s.trainer.Hyper); err != nil {
			return err
		}
		s.data, s.selected = d, -1
		s.keepLabel()
		s.Say("Loaded a %s with %d drawings; the network was rebuilt for %d classes.", l.Kind, d.Len(), len(d.Classes))
		return nil
	}
	s.data, s.selected = d, -1
	s.keepLabel()
	s.Say("Loaded a %s with %d drawings.", l.Kind, d.Len())
	return nil
}
