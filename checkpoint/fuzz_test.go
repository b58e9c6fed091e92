package checkpoint

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// seedCorpus adds every file in testdata (valid and invalid) and the
// original app's fixtures to f's corpus.
func seedCorpus(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, name := range []string{"checkpoint-20-epoch.json", "training-set.json"} {
		if b, err := os.ReadFile(filepath.Join("/work/shared/fixtures/bdt", name)); err == nil {
			f.Add(b)
		}
	}
}

// checkErr fails unless err is one of the package's typed errors with the
// package prefix.
func checkErr(t *testing.T, err error) {
	var fe *FormatError
	var ue *UnsupportedError
	if !errors.As(err, &fe) && !errors.As(err, &ue) {
		t.Fatalf("error %v (%T) is not a *FormatError or *UnsupportedError", err, err)
	}
	if !strings.HasPrefix(err.Error(), "checkpoint: ") {
		t.Fatalf("error %q lacks the checkpoint: prefix", err)
	}
}

func FuzzDecodeSafetensors(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := DecodeSafetensors(bytes.NewReader(b))
		if err != nil {
			checkErr(t, err)
			return
		}
		// What decodes re-encodes, and that decodes to the same model.
		var buf bytes.Buffer
		if err := EncodeSafetensors(&buf, m); err != nil {
			t.Fatalf("decoded model does not encode: %v", err)
		}
		back, err := DecodeSafetensors(&buf)
		if err != nil {
			t.Fatalf("re-encoded model does not decode: %v", err)
		}
		sameModel(t, back, m)
	})
}

func FuzzDecodeBDT(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := DecodeBDT(bytes.NewReader(b))
		if err != nil {
			checkErr(t, err)
			return
		}
		var buf bytes.Buffer
		if err := EncodeBDT(&buf, m); err != nil {
			var ue *UnsupportedError
			if errors.As(err, &ue) && m.Net.Classes != 2 {
				return // the original app has two classes; a decoded 10-class file cannot go back
			}
			t.Fatalf("decoded model does not encode: %v", err)
		}
		back, err := DecodeBDT(&buf)
		if err != nil {
			t.Fatalf("re-encoded model does not decode: %v", err)
		}
		if back.Net.Config != m.Net.Config || back.Epoch != m.Epoch || back.Seen != m.Seen || back.LR != m.LR {
			t.Fatalf("round trip changed the model: %+v vs %+v", back, m)
		}
		for i, p := range back.Net.Params() {
			if !slices.Equal(p, m.Net.Params()[i]) {
				t.Fatalf("round trip changed parameter block %d", i)
			}
		}
	})
}

func FuzzLoad(f *testing.F) {
	seedCorpus(f)
	f.Add([]byte("label,p0\n0,1\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := Load(b)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "checkpoint: ") && !strings.HasPrefix(err.Error(), "data: ") {
				t.Fatalf("error %q has neither prefix", err)
			}
			return
		}
		if l.Model != nil {
			var buf bytes.Buffer
			if err := EncodeSafetensors(&buf, l.Model); err != nil {
				t.Fatalf("loaded %v does not save: %v", l.Kind, err)
			}
			if _, err := Load(buf.Bytes()); err != nil {
				t.Fatalf("saved %v does not load: %v", l.Kind, err)
			}
		}
	})
}
