package checkpoint

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"digittrainer/data"
)

func TestLoadKinds(t *testing.T) {
	golden, err := os.ReadFile(filepath.Join("testdata", "model-h3-data.safetensors"))
	if err != nil {
		t.Fatal(err)
	}
	var csv, js bytes.Buffer
	d := testModel(t, true).Data
	d.Classes = data.DefaultClasses(2)
	if err := data.WriteCSV(&csv, d); err != nil {
		t.Fatal(err)
	}
	if err := data.WriteJSON(&js, d); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		b         []byte
		kind      Kind
		model     bool
		nSamples  int
		kindLabel string
	}{
		{"safetensors with data", golden, Safetensors, true, 2, "safetensors checkpoint"},
		{"original checkpoint", readFixture(t, "checkpoint-20-epoch.json"), BDTCheckpoint, true, -1, "original-app checkpoint"},
		{"original dataset", readFixture(t, "training-set.json"), DatasetJSON, false, 100, "dataset JSON"},
		{"written JSON", js.Bytes(), DatasetJSON, false, 2, "dataset JSON"},
		{"CSV", csv.Bytes(), DatasetCSV, false, 2, "dataset CSV"},
		{"CSV without header, BOM", append([]byte("\uFEFF"), csv.Bytes()[bytes.IndexByte(csv.Bytes(), '\n')+1:]...), DatasetCSV, false, 2, "dataset CSV"},
		{"JSON with leading space", append([]byte(" \n"), js.Bytes()...), DatasetJSON, false, 2, "dataset JSON"},
	} {
		l, err := Load(tc.b)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if l.Kind != tc.kind || l.Kind.String() != tc.kindLabel || (l.Model != nil) != tc.model {
			t.Errorf("%s: kind %v, model %v", tc.name, l.Kind, l.Model != nil)
		}
		if tc.nSamples < 0 {
			if l.Data != nil {
				t.Errorf("%s: has a dataset", tc.name)
			}
		} else if l.Data == nil || l.Data.Len() != tc.nSamples {
			t.Errorf("%s: dataset %v, want %d samples", tc.name, l.Data, tc.nSamples)
		}
	}
}

func TestLoadRefuses(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "checkpoint: the file is empty"},
		{"too large", make([]byte, MaxFileSize+1), "checkpoint: the file is 32.0 MB, larger than the 32.0 MB limit"},
		{"PNG", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "checkpoint: this file is not a Digit Trainer checkpoint"},
		{"JSON string", []byte(`"hello"`), "checkpoint: this file is not a Digit Trainer checkpoint"},
		{"bad CSV", []byte("0,1,1\n"), "data: line 1"},
		{"bad dataset JSON", []byte(`[{"input":[1,2]}]`), "data:"},
	} {
		_, err := Load(tc.b)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
	if s := Kind(9).String(); s != "Kind(9)" {
		t.Errorf("Kind(9).String() = %q", s)
	}
}
