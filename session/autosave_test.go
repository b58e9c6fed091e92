package session

import (
	"testing"
	"time"
)

// restored is what the app does at start: a fresh session, then the
// autosave if there is one.
func restored(t *testing.T, store Store) (*Session, *Autosave) {
	t.Helper()
	s := newTestSession(t)
	a := &Autosave{Store: store}
	a.Restore(s)
	return s, a
}

func TestAutosaveRoundTrip(t *testing.T) {
	store := memStore{}
	s, a := restored(t, store)
	s.Paint(3, 3, true)
	s.AddDrawing()
	s.StepEpoch()
	s.Adjust(SetLR, 1)
	s.Adjust(SetEpochs, 1) // choices a checkpoint does not hold
	s.SetLabel(1)
	if s.EpochsN() == DefaultEpochsN {
		t.Fatal("N epochs did not change")
	}
	t0 := time.Unix(2e9, 0)
	a.Tick(s, t0)
	a.Tick(s, t0.Add(time.Second))
	if _, ok := store[autosaveKey]; ok {
		t.Fatal("saved before the delay")
	}
	a.Tick(s, t0.Add(autosaveDelay+time.Second))
	if _, ok := store[autosaveKey]; !ok || a.LastErr != nil {
		t.Fatalf("not saved after the delay: %v", a.LastErr)
	}
	s2, a2 := restored(t, store)
	if s2.ModelHash() != s.ModelHash() || s2.DataHash() != s.DataHash() {
		t.Error("restored session differs")
	}
	if s2.Settings() != s.Settings() || s2.Trainer().Epoch != s.Trainer().Epoch {
		t.Errorf("settings %+v epoch %d, want %+v %d", s2.Settings(), s2.Trainer().Epoch, s.Settings(), s.Trainer().Epoch)
	}
	if s2.History().Len() != 1 || s2.History().TrainLoss[0] != s.History().TrainLoss[0] {
		t.Errorf("restored curves %+v, want %+v", s2.History(), s.History())
	}
	if s2.Label() != 1 {
		t.Errorf("restored label %d, want 1", s2.Label())
	}
	// Nothing changed since the restore: nothing to write.
	a2.Tick(s2, t0)
	a2.Tick(s2, t0.Add(2*autosaveDelay))
	if !a2.dirty.IsZero() {
		t.Error("a restored, unchanged session is due for saving")
	}
	a2.Forget()
	if len(store) != 0 {
		t.Errorf("Forget kept %d keys", len(store))
	}
}

// TestAutosaveSeesEveryChange: each kind of change makes the session due
// for saving, with no counter to bump by hand.
func TestAutosaveSeesEveryChange(t *testing.T) {
	s, a := restored(t, memStore{})
	for _, c := range []struct {
		what string
		do   func()
	}{
		{"a step", func() { s.StepSample() }},
		{"a drawing", func() { s.ClearGrid(); s.Paint(0, 0, true); s.Paint(8, 8, true); s.Paint(0, 8, true); s.AddDrawing() }},
		{"a label", func() { s.SetLabel(1 - s.Label()) }},
		{"N epochs", func() { s.Adjust(SetEpochs, 1) }},
		{"the learning rate", func() { s.Adjust(SetLR, -1) }},
		{"the batch", func() { s.Adjust(SetBatch, 1) }},
		{"a rollback", func() { s.guard.Restore(s.trainer) }},
		{"a tour step", func() { tr, _ := s.Examples(); s.Apply(s.Preview(tr.Input(0), tr.Y[0])) }},
	} {
		a.Flush(s)
		c.do()
		if keyOf(s) == a.saved {
			t.Errorf("%s: not due for saving", c.what)
		}
	}
}

// TestAutosavePrefsDamaged: damaged or stale prefs keep the defaults and
// do not block restoring the session.
func TestAutosavePrefsDamaged(t *testing.T) {
	for _, c := range []struct {
		json          string
		epochs, label int
	}{
		{`{"epochsN":`, DefaultEpochsN, 0},             // damaged: defaults
		{`{"epochsN":7,"label":1}`, DefaultEpochsN, 1}, // 7 is not a choice
		{`{"epochsN":20,"label":9}`, 20, 0},            // no class 9 in 2-class mode
	} {
		store := memStore{}
		s, a := restored(t, store)
		s.StepEpoch()
		a.Flush(s)
		store[prefsKey] = []byte(c.json)
		s2, _ := restored(t, store)
		if s2.Trainer().Epoch != 1 {
			t.Errorf("%s: the session was not restored", c.json)
		}
		if s2.EpochsN() != c.epochs || s2.Label() != c.label {
			t.Errorf("%s: N epochs %d, label %d; want %d and %d", c.json, s2.EpochsN(), s2.Label(), c.epochs, c.label)
		}
	}
}

// TestAutosaveDamaged: an autosave that cannot be read is reported and the
// session starts fresh.
func TestAutosaveDamaged(t *testing.T) {
	for name, b := range map[string][]byte{"garbage": []byte("not a file"), "dataset only": []byte("label,p0\n")} {
		store := memStore{autosaveKey: b}
		s, _ := restored(t, store)
		if m := s.Message(); !m.Err || s.Trainer().Epoch != 0 {
			t.Errorf("%s: message %q, epoch %d", name, m.Text, s.Trainer().Epoch)
		}
	}
}
