package session

import (
	"testing"
)

// FuzzLoadFile hands the session any bytes as a file: a refusal changes
// nothing and says why, and what loads leaves a session that trains and
// measures. (Saving is left out: the encoder's map of metadata makes the
// coverage differ from run to run, which keeps the fuzzer minimising.)
func FuzzLoadFile(f *testing.F) {
	// Small seeds (a 81-4-2 network, four drawings): the fuzzer slows to a
	// few inputs a second on inputs of tens of kilobytes, and a checkpoint
	// of the default network and the starter set is 140 kB.
	s := newTestSession(f)
	for s.Net().Hidden > 4 {
		s.Adjust(SetHidden, -1)
	}
	s.ClearDataset()
	for i, cell := range []int{4, 13, 22, 40} {
		s.SetLabel(i % 2)
		s.Paint(cell%9, cell/9, true)
		s.AddDrawing()
	}
	s.StepEpoch()
	ckpt, csv, bdt := files(f, s)
	for _, seed := range [][]byte{ckpt, csv, bdt, []byte("label,p0\n1,1\n"), []byte(`[{"input":[1],"target":[1,0]}]`), nil} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := New(Binary)
		if err != nil {
			t.Fatal(err)
		}
		mh, dh := s.ModelHash(), s.DataHash()
		if err := s.LoadFile("fuzz", b); err != nil {
			if s.ModelHash() != mh || s.DataHash() != dh || !s.Message().Err {
				t.Fatalf("a refused file changed the session or said nothing: %v", err)
			}
			return
		}
		if s.Net().Classes != s.Classes() || s.Label() >= s.Classes() {
			t.Fatalf("after loading: %d outputs, %d classes, label %d", s.Net().Classes, s.Classes(), s.Label())
		}
		s.StepSample()
		if m := s.Measure(); m.Train.N != s.TrainSize() {
			t.Fatalf("measured %d training drawings of %d", m.Train.N, s.TrainSize())
		}
	})
}
