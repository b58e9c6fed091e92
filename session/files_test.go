package session

import (
	"strings"
	"testing"
	"time"
)

func TestBadFileChangesNothing(t *testing.T) {
	s := newTestSession(t)
	s.StepEpoch()
	mh, dh := s.ModelHash(), s.DataHash()
	for _, b := range [][]byte{nil, []byte("hello"), []byte("{\"weights\": [1,2"), []byte("label,p0\n1,2,3\n"), []byte("[{\"input\":[1],\"target\":[1,0]}]")} {
		if err := s.LoadFile("bad", b); err == nil {
			t.Errorf("loading %q succeeded", b)
		}
		if m := s.Message(); !m.Err || s.ModelHash() != mh || s.DataHash() != dh {
			t.Errorf("loading %q changed the session or gave no error message", b)
		}
		// The package prefixes are for stderr; the screen says what went wrong.
		for _, p := range pkgPrefixes {
			if strings.Contains(s.Message().Text, p) {
				t.Errorf("message %q shows the prefix %q", s.Message().Text, p)
			}
		}
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	s := newTestSession(t)
	s.StepEpoch()
	s.StepEpoch()
	b, csv, bdt := files(t, s)
	s2 := newTestSession(t)
	if err := s2.LoadFile("x.safetensors", b); err != nil {
		t.Fatal(err)
	}
	if s2.ModelHash() != s.ModelHash() || s2.DataHash() != s.DataHash() || s2.Trainer().Epoch != 2 {
		t.Error("safetensors round trip changed the session")
	}
	if s2.Trainer().LR != s.Trainer().LR || s2.Settings() != s.Settings() {
		t.Errorf("settings %+v (lr %v), want %+v (lr %v)", s2.Settings(), s2.Trainer().LR, s.Settings(), s.Trainer().LR)
	}
	if h, h2 := s.History(), s2.History(); h2.Len() != 2 || h2.Epochs[1] != 2 || h2.ValAcc[1] != h.ValAcc[1] || h2.TrainLoss[0] != h.TrainLoss[0] {
		t.Errorf("the curves did not survive a save and load: got %+v, want %+v", h2, h)
	}
	// Loading a file without curves (the original app's) shows none.
	if err := s2.LoadFile("x.json", bdt); err != nil || s2.History().Len() != 0 {
		t.Errorf("after loading an original-app file: %v, %d points", err, s2.History().Len())
	}
	s3 := newTestSession(t)
	s3.ClearDataset()
	if err := s3.LoadFile("x.csv", csv); err != nil || s3.DataHash() != s.DataHash() {
		t.Errorf("CSV round trip: %v", err)
	}
	if err := s3.LoadFile("x.json", bdt); err != nil || s3.Net().Hidden != s.Net().Hidden {
		t.Errorf("original-app checkpoint: %v", err)
	}
	if _, err := s.Export(Export(9)); err == nil {
		t.Error("an unknown export was written")
	}
}

// TestLoadingAModelKeepsDrawingsItHasClassesFor: a model file without a
// dataset keeps the drawings on screen when the network has an output for
// each, and refuses (changing nothing) when it has not.
func TestLoadingAModelKeepsDrawingsItHasClassesFor(t *testing.T) {
	ten, err := New(Digits)
	if err != nil {
		t.Fatal(err)
	}
	bdt, err := newTestSession(t).Export(ExportBDT) // a 2-class model, no drawings
	if err != nil {
		t.Fatal(err)
	}
	dh := ten.DataHash()
	if err := ten.LoadFile("x.json", bdt); err == nil || ten.DataHash() != dh || ten.Classes() != 10 {
		t.Errorf("a 2-output model over drawings of 0–9: err %v, %d classes", err, ten.Classes())
	}
	two := newTestSession(t)
	n := two.Data().Len()
	if err := two.LoadFile("x.json", bdt); err != nil || two.Data().Len() != n {
		t.Errorf("a 2-output model over drawings of 0 and 1: err %v, %d drawings (want %d)", err, two.Data().Len(), n)
	}
}

// TestFileNames: a save says when it was made, so a class's checkpoints
// sort by time and none replaces another.
func TestFileNames(t *testing.T) {
	at := time.Date(2026, 12, 2, 14, 5, 59, 0, time.Local)
	for kind, want := range map[Export]string{
		ExportCheckpoint: "digit-trainer-2026-12-02-1405.safetensors",
		ExportBDT:        "digit-trainer-2026-12-02-1405-original-app.json",
		ExportCSV:        "digit-trainer-2026-12-02-1405-dataset.csv",
	} {
		if got := FileName(kind, at); got != want {
			t.Errorf("FileName(%d) = %q, want %q", kind, got, want)
		}
	}
}
