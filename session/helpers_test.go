package session

import (
	"testing"
	"time"
)

// memStore is an in-memory Store for autosave tests.
type memStore map[string][]byte

func (m memStore) Get(k string) ([]byte, bool)  { b, ok := m[k]; return b, ok }
func (m memStore) Put(k string, b []byte) error { m[k] = append([]byte(nil), b...); return nil }
func (m memStore) Delete(k string)              { delete(m, k) }

// fakeClock advances by step on every reading, so the scheduler's budget
// is reached after a known number of readings, independent of the machine.
type fakeClock struct {
	t    time.Time
	step time.Duration
}

func (c *fakeClock) now() time.Time { c.t = c.t.Add(c.step); return c.t }

// newTestSession is a fresh 2-class session with the starter set.
func newTestSession(t testing.TB) *Session {
	t.Helper()
	s, err := New(Binary)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
