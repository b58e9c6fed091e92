// Package sessiontest holds what tests of a session need and the program
// gets from its platform: a store in memory and a clock that tests move.
package sessiontest

import "time"

// MemStore is an in-memory session.Store.
type MemStore map[string][]byte

func (m MemStore) Get(k string) ([]byte, bool)  { b, ok := m[k]; return b, ok }
func (m MemStore) Put(k string, b []byte) error { m[k] = append([]byte(nil), b...); return nil }
func (m MemStore) Delete(k string)              { delete(m, k) }

// Clock advances by Step on every reading, so a scheduler's budget is
// reached after a known number of readings, whatever the machine.
type Clock struct {
	T    time.Time
	Step time.Duration
}

// Now reads the clock.
func (c *Clock) Now() time.Time { c.T = c.T.Add(c.Step); return c.T }
