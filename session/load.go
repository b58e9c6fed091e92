package session

import (
	"errors"
	"fmt"

	"digittrainer/checkpoint"
	"digittrainer/data"
	"digittrainer/i18n"
	"digittrainer/nn"
)

// Loading a file: read and checked first (Read), then, when it brings
// drawings and the session has some, the user says whether they replace
// the session's (Replace) or join them (AddFrom). Either can be undone.

// Incoming is a file read and checked, waiting for the user to say what
// to do with its drawings (see Asks).
type Incoming struct {
	Name   string
	loaded *checkpoint.Loaded
}

// Drawings is how many drawings the file holds; 0 for a network alone.
func (in *Incoming) Drawings() int {
	if in.loaded.Data == nil {
		return 0
	}
	return in.loaded.Data.Len()
}

// HasNetwork reports whether the file holds a network.
func (in *Incoming) HasNetwork() bool { return in.loaded.Model != nil }

// Read decodes any file the user hands over (either checkpoint format or a
// dataset CSV/JSON). A bad file is refused with a message, and nothing
// changes.
func (s *Session) Read(name string, b []byte) (*Incoming, error) {
	l, err := checkpoint.Load(b)
	if err != nil {
		s.Fail("Could not load %s: %v. Nothing was changed.", name, Plain(err))
		return nil, err
	}
	return &Incoming{Name: name, loaded: l}, nil
}

// Asks reports whether loading in should ask first: it brings drawings and
// the session has drawings of its own, which it could replace or add to.
func (s *Session) Asks(in *Incoming) bool { return in.Drawings() > 0 && s.data.Len() > 0 }

// Replace loads in as it is: its network (if any) and its drawings (if any)
// take the place of the session's. It can be undone.
func (s *Session) Replace(in *Incoming) error {
	err := s.apply(in.loaded, i18n.Sprintf("loading %s", in.Name))
	if err != nil {
		s.Fail("Could not load %s: %v. Nothing was changed.", in.Name, Plain(err))
	}
	return err
}

// LoadFile is Read, then Replace: a file given at start (-load).
func (s *Session) LoadFile(name string, b []byte) error {
	in, err := s.Read(name, b)
	if err == nil {
		err = s.Replace(in)
	}
	return err
}

// apply installs what Load found, after checking everything it needs, so a
// refusal changes nothing; what names the edit for Undo ("": none, as for
// the autosave at start).
func (s *Session) apply(l *checkpoint.Loaded, what string) error {
	if l.Model == nil {
		return s.applyData(l, what)
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
	s.remember(what, true)
	s.data, s.seed, s.selected = d, m.Seed, -1
	s.keepLabel()
	pos := m.Position()
	pos.LR = lr
	s.install(m.Net, h, &pos)
	s.start.known = !m.StartUnknown
	s.history = historyFrom(m.History)
	s.resetSnapshots() // the one of the network as loaded, with its curves
	s.loadSnapshots(m)
	got := i18n.Sprintf("a %d-%d-%d network", nn.Inputs, m.Net.Hidden, m.Net.Classes)
	if l.Data != nil {
		got = i18n.Sprintf("a %d-%d-%d network and %d drawings", nn.Inputs, m.Net.Hidden, m.Net.Classes, l.Data.Len())
	}
	s.Say("Loaded %s: %s.", l.Kind, got)
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
				return nil, fmt.Errorf("session: %s", i18n.Sprintf("the model has %d outputs but your dataset has drawings of other classes; clear the dataset first", m.Net.Classes))
			}
			return nil, err
		}
	}
	if len(d.Classes) != m.Net.Classes {
		return nil, fmt.Errorf("session: %s", i18n.Sprintf("the file's dataset has %d classes but its model has %d outputs", len(d.Classes), m.Net.Classes))
	}
	if len(m.Classes) == m.Net.Classes {
		d = d.Clone()
		d.Classes = append([]string(nil), m.Classes...)
	}
	return d, nil
}

// applyData replaces the dataset; the network is rebuilt only if the class
// count changed.
func (s *Session) applyData(l *checkpoint.Loaded, what string) error {
	d := l.Data
	if d == nil || len(d.Classes) < nn.MinClasses || len(d.Classes) > nn.MaxClasses {
		return errors.New("session: " + i18n.Mark("the file holds no usable dataset"))
	}
	d = sided(d)
	rebuilt := ""
	if n := len(d.Classes); n != s.net.Classes {
		if err := s.fresh(what, s.withClasses(n), s.seed); err != nil {
			return err
		}
		rebuilt = i18n.Sprintf("; the network was rebuilt for %d classes", n)
	} else {
		s.remember(what, false)
	}
	s.data, s.selected = d, -1
	s.keepLabel()
	s.Say("Loaded a %s with %d drawings%s.", l.Kind, d.Len(), rebuilt)
	return nil
}

// AddFrom adds the file's drawings to the session's, skipping those already
// here, and says how many were new. The network stays, unless the file
// brings classes the session lacks: then it is rebuilt for them (say so).
// A file's network is not loaded this way. It can be undone.
func (s *Session) AddFrom(in *Incoming) error {
	o := in.loaded.Data
	if o == nil {
		return s.Replace(in)
	}
	n := max(s.Classes(), len(o.Classes))
	d, err := s.data.WithClasses(n) // a copy: the session's drawings wait
	added := 0
	if err == nil {
		added, err = d.Merge(o, data.ValFraction)
	}
	if err != nil {
		s.Fail("Could not add the drawings of %s: %v. Nothing was changed.", in.Name, Plain(err))
		return err
	}
	what, grow := i18n.Sprintf("adding the drawings of %s", in.Name), n != s.Classes()
	if grow {
		err = s.fresh(what, s.withClasses(n), s.seed)
	} else {
		s.remember(what, false)
		s.halt()
	}
	if err != nil {
		s.Fail("Could not add the drawings of %s: %v. Nothing was changed.", in.Name, Plain(err))
		return err
	}
	s.data, s.selected = d, -1
	msg := i18n.Sprintf("Added %d of the %d drawings in %s", added, o.Len(), in.Name)
	if dup := o.Len() - added; dup > 0 {
		msg += " " + i18n.Sprintf("(%d were already here)", dup)
	}
	if grow {
		msg += i18n.Sprintf("; the network was rebuilt for %d classes", n)
	}
	if in.HasNetwork() {
		msg += i18n.T("; the file's network was not loaded (Replace loads it)")
	}
	s.Say("%s. Undo: Ctrl+Z.", msg)
	return nil
}
