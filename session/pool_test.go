package session

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"digittrainer/data"
)

// TestPoolThreeFiles: three students' files pool into the drawings in one
// step with exact copies skipped and each file counted; a broken file is
// named and skipped; one Undo takes it all back.
func TestPoolThreeFiles(t *testing.T) {
	s := newTestSession(t)
	s.ClearDataset()
	before := s.DataHash()
	csv := func(d *data.Dataset) []byte {
		var b bytes.Buffer
		if err := data.WriteCSV(&b, d); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	start, err := data.Starter(2)
	if err != nil {
		t.Fatal(err)
	}
	a, b := start.Clone(), start.Clone()
	a.Samples = a.Samples[:100]   // drawings 1–100
	b.Samples = b.Samples[50:180] // 50 of them again, 80 new
	c := start.Clone()
	c.Samples = append(c.Samples[170:200], c.Samples[170:175]...) // 10 seen, 20 new, 5 copies of its own
	s.Pool([]PoolFile{{Name: "ana.csv", Data: csv(a)}, {Name: "ben.csv", Data: csv(b)}, {Name: "cleo.csv", Data: csv(c)},
		{Name: "junk.bin", Data: []byte("not a dataset")}, {Name: "big.csv", Err: errors.New("too large")}})
	if n := s.Data().Len(); n != 200 {
		t.Errorf("%d drawings after pooling, want 100 + 80 + 20", n)
	}
	msg := s.Message().Text
	for _, want := range []string{"Pooled 200 drawings from 3 files", "ana.csv 100", "ben.csv 80 (50 already here)", "cleo.csv 20 (15 already here)", "junk.bin", "big.csv (too large)"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	s.Undo()
	if s.DataHash() != before {
		t.Error("one Undo did not take the whole pooling back")
	}
}
