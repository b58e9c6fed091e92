package session

import (
	"testing"

	"digittrainer/session/sessiontest"
)

// memStore and fakeClock are sessiontest's, by the names the tests use.
type (
	memStore  = sessiontest.MemStore
	fakeClock = sessiontest.Clock
)

// newTestSession is a fresh 2-class session with the starter set.
func newTestSession(t testing.TB) *Session {
	t.Helper()
	s, err := New(Binary)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// files returns s saved as each kind of file it writes: its checkpoint,
// its dataset as CSV and its network as the original app's JSON.
func files(t testing.TB, s *Session) (ckpt, csv, bdt []byte) {
	t.Helper()
	ckpt, err := s.EncodeCheckpoint()
	if err == nil {
		csv, err = s.Export(ExportCSV)
	}
	if err == nil {
		bdt, err = s.Export(ExportBDT)
	}
	if err != nil {
		t.Fatal(err)
	}
	return ckpt, csv, bdt
}
