package app

import (
	"bytes"
	"fmt"
	"time"

	"digittrainer/checkpoint"
	"digittrainer/data"
	"digittrainer/nn"
)

// Names of the files Save and the exports write.
const (
	checkpointName = "digit-trainer.safetensors"
	bdtName        = "digit-trainer-original-app.json"
	csvName        = "digit-trainer-dataset.csv"
)

// Model returns the session as a checkpoint model: the network, settings,
// progress and the dataset, all shared (the encoders only read).
func (s *Session) Model() *checkpoint.Model {
	loss := 0.0
	if s.HasEval && s.TrainLoss >= 0 && s.Net.Finite() {
		loss = s.TrainLoss
	}
	return &checkpoint.Model{
		Net: s.Net, Classes: s.Data.Classes, Hyper: s.Settings.Hyper, LR: s.Trainer.LR,
		Seed: s.Settings.Seed, Epoch: s.Trainer.Epoch, Seen: s.Trainer.Seen, Loss: loss,
		Created: time.Now().UTC(), Data: s.Data, History: s.History.file(),
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

// Export returns the file for an export: "bdt" (the original app's
// checkpoint JSON) or "csv" (the dataset), with its suggested name.
func (s *Session) Export(kind string) (name string, b []byte, err error) {
	var buf bytes.Buffer
	switch kind {
	case "bdt":
		name, err = bdtName, checkpoint.EncodeBDT(&buf, s.Model())
	case "csv":
		name, err = csvName, data.WriteCSV(&buf, s.Data)
	default:
		return "", nil, fmt.Errorf("app: unknown export %q", kind)
	}
	return name, buf.Bytes(), err
}

// LoadFile reads any file the user hands over (either checkpoint format or
// a dataset CSV/JSON). A bad file leaves everything as it was and says why.
func (s *Session) LoadFile(name string, b []byte) error {
	l, err := checkpoint.Load(b)
	if err != nil {
		s.Fail("Could not load %s: %v. Nothing was changed.", name, plain(err))
		return err
	}
	if err := s.apply(l); err != nil {
		s.Fail("Could not load %s: %v. Nothing was changed.", name, plain(err))
		return err
	}
	return nil
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
	d := l.Data
	if d == nil {
		d = s.Data
		if len(d.Classes) != m.Net.Classes {
			for _, c := range d.Counts()[min(m.Net.Classes, len(d.Classes)):] {
				if c > 0 {
					return fmt.Errorf("app: the model has %d outputs but your dataset has drawings of other classes; clear the dataset first", m.Net.Classes)
				}
			}
			d = d.Clone()
			d.Classes = data.DefaultClasses(m.Net.Classes)
		}
	}
	if len(d.Classes) != m.Net.Classes {
		return fmt.Errorf("app: the file's dataset has %d classes but its model has %d outputs", len(d.Classes), m.Net.Classes)
	}
	if len(m.Classes) == m.Net.Classes {
		d = d.Clone()
		d.Classes = append([]string(nil), m.Classes...)
	}
	s.Data = d
	s.Settings.Hidden, s.Settings.Activation = m.Net.Hidden, m.Net.Activation
	if m.Hyper.Batch >= 1 {
		s.Settings.Hyper = m.Hyper
	}
	s.Settings.Seed = m.Seed
	lr := m.LR
	if lr <= 0 {
		lr = s.Settings.Hyper.LR
	}
	s.Selected = -1
	if s.Grid.Label >= m.Net.Classes {
		s.Grid.Label = 0
	}
	s.setNet(m.Net, lr, m.Epoch, m.Seen)
	s.History = historyFrom(m.History)
	what := fmt.Sprintf("a %d-%d-%d network", nn.Inputs, m.Net.Hidden, m.Net.Classes)
	if l.Data != nil {
		what += fmt.Sprintf(" and %d drawings", l.Data.Len())
	}
	s.Say("Loaded %s: %s.", l.Kind, what)
	return nil
}

// applyData replaces the dataset; the network is rebuilt only if the class
// count changed.
func (s *Session) applyData(l *checkpoint.Loaded) error {
	d := l.Data
	if d == nil || len(d.Classes) < nn.MinClasses || len(d.Classes) > nn.MaxClasses {
		return fmt.Errorf("app: the file holds no usable dataset")
	}
	s.Data = d
	s.Selected = -1
	if s.Grid.Label >= len(d.Classes) {
		s.Grid.Label = 0
	}
	if s.Net.Classes != len(d.Classes) {
		if err := s.resetNet(); err != nil {
			return err
		}
		s.Say("Loaded a %s with %d drawings; the network was rebuilt for %d classes.", l.Kind, d.Len(), len(d.Classes))
		return nil
	}
	s.dataChanged()
	s.Say("Loaded a %s with %d drawings.", l.Kind, d.Len())
	return nil
}
