package session

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestSecondTabDoesNotOverwrite: two tabs share one store. The second
// finds the first's claim and autosaves nothing until told to; taking
// over stops the first, which says so; a reload is not taken for another
// tab; a claim left by a tab that went quiet is taken without a question.
func TestSecondTabDoesNotOverwrite(t *testing.T) {
	store := memStore{}
	t0 := time.Unix(1e9, 0)
	first, second := newTestSession(t), newTestSession(t)
	a := &Autosave{Store: store}
	b := &Autosave{Store: store}
	if a.Claim(t0) {
		t.Fatal("the first tab found another")
	}
	if !b.Claim(t0.Add(time.Second)) || !b.Off {
		t.Fatal("the second tab did not find the first one's claim")
	}
	first.Paint(1, 1, true)
	first.AddDrawing()
	a.Flush(first)
	saved := string(store[autosaveKey])
	second.Paint(7, 7, true)
	second.AddDrawing()
	for i := range 5 {
		b.Tick(second, t0.Add(time.Duration(2+i)*time.Second))
	}
	if string(store[autosaveKey]) != saved {
		t.Fatal("the second tab autosaved over the first one's work before being asked")
	}

	b.TakeOver(t0.Add(8 * time.Second))
	b.Tick(second, t0.Add(9*time.Second))
	b.Tick(second, t0.Add(13*time.Second))
	if string(store[autosaveKey]) == saved {
		t.Fatal("after taking over, the second tab did not autosave")
	}
	mine := string(store[autosaveKey])
	first.Paint(2, 2, true)
	first.AddDrawing()
	for i := range 6 {
		a.Tick(first, t0.Add(time.Duration(10+i)*time.Second))
	}
	if string(store[autosaveKey]) != mine || !a.Off || !strings.Contains(first.Message().Text, "opened in another tab") {
		t.Fatalf("the first tab went on autosaving after the second took over (off %v, %q)", a.Off, first.Message().Text)
	}

	// The second tab reloads: it lets go, and the new page finds no one.
	b.Release()
	c := &Autosave{Store: store}
	if c.Claim(t0.Add(20 * time.Second)) {
		t.Error("a reload found its own past as another tab")
	}
	// A tab that went quiet (closed without a word, or frozen) leaves a
	// claim that goes stale.
	d := &Autosave{Store: store}
	if d.Claim(t0.Add(20*time.Second + ownerStale)) {
		t.Error("a stale claim asked as if its tab were open")
	}
}

// failStore refuses every write, as a full localStorage does.
type failStore struct{ memStore }

func (failStore) Put(string, []byte) error { return errors.New("platform: the storage is full") }

// TestFailedAutosaveIsSaid: a failing write is said once, with what to do.
func TestFailedAutosaveIsSaid(t *testing.T) {
	s := newTestSession(t)
	a := &Autosave{Store: failStore{memStore{}}}
	s.Paint(1, 1, true)
	s.AddDrawing()
	a.Flush(s)
	if m := s.Message(); !m.Err || !strings.Contains(m.Text, "Autosave failed: the storage is full") || !strings.Contains(m.Text, "Ctrl+S") {
		t.Fatalf("message %q", m.Text)
	}
	s.Say("something else")
	s.Paint(2, 2, true)
	s.AddDrawing()
	a.Flush(s)
	if s.Message().Err {
		t.Error("the same failure was said again")
	}
}

// TestFlushChanged saves only what changed.
func TestFlushChanged(t *testing.T) {
	store := memStore{}
	s := newTestSession(t)
	a := &Autosave{Store: store}
	a.FlushChanged(s)
	if _, ok := store[autosaveKey]; !ok {
		t.Fatal("a first flush saved nothing")
	}
	delete(store, autosaveKey)
	a.FlushChanged(s)
	if _, ok := store[autosaveKey]; ok {
		t.Error("an unchanged session was written again")
	}
	s.Paint(1, 1, true)
	s.AddDrawing()
	a.Off = true
	a.FlushChanged(s)
	if _, ok := store[autosaveKey]; ok {
		t.Error("a tab that leaves the autosave to another one wrote it")
	}
}

// TestTabTakesTheAutosaveBack: a tab that stopped autosaving for another
// one takes it back once the other is gone, and says so.
func TestTabTakesTheAutosaveBack(t *testing.T) {
	store := memStore{}
	t0 := time.Unix(1e9, 0)
	s := newTestSession(t)
	a, b := &Autosave{Store: store}, &Autosave{Store: store}
	a.Claim(t0)
	b.Claim(t0.Add(time.Second))
	b.TakeOver(t0.Add(2 * time.Second))
	a.Tick(s, t0.Add(5*time.Second))
	if !a.Off {
		t.Fatal("the first tab still autosaves after the second took over")
	}
	b.Release() // the second tab is closed
	s.Paint(3, 3, true)
	s.AddDrawing()
	for i := range 10 {
		a.Tick(s, t0.Add(time.Duration(8+i)*time.Second))
	}
	if a.Off || !strings.Contains(s.Message().Text, "autosaves again") {
		t.Fatalf("after the other tab closed: off %v, %q", a.Off, s.Message().Text)
	}
	if _, ok := store[autosaveKey]; !ok {
		t.Error("the first tab did not save its work once it had the autosave back")
	}
}
