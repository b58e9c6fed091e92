package data

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// read decodes a testdata file with the reader its extension names.
func read(t testing.TB, name string) (*Dataset, error) {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(name, ".json") {
		return ReadJSON(bytes.NewReader(b))
	}
	return ReadCSV(bytes.NewReader(b))
}

func TestReadValid(t *testing.T) {
	tests := []struct {
		file    string
		classes int
		labels  []int
		ink     []int
	}{
		{"valid.csv", 2, []int{0, 1}, []int{24, 15}},
		{"valid-noheader-crlf.csv", 2, []int{1, 0}, []int{15, 24}},
		{"valid-10class.csv", 10, []int{7, 0}, []int{15, 24}},
		{"valid.json", 2, []int{0, 1}, []int{24, 15}},
		{"valid-10class.json", 10, []int{0}, []int{24}},
	}
	for _, tt := range tests {
		d, err := read(t, tt.file)
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		if len(d.Classes) != tt.classes || d.Len() != len(tt.labels) {
			t.Errorf("%s: %d classes, %d samples; want %d, %d", tt.file, len(d.Classes), d.Len(), tt.classes, len(tt.labels))
			continue
		}
		for i, s := range d.Samples {
			if s.Label != tt.labels[i] || s.Ink() != tt.ink[i] {
				t.Errorf("%s: sample %d label %d ink %d, want %d, %d", tt.file, i, s.Label, s.Ink(), tt.labels[i], tt.ink[i])
			}
		}
	}
}

func TestReadInvalid(t *testing.T) {
	tests := map[string]string{
		"invalid-nolabel.csv":     "data: line 3: sample has no label",
		"invalid-81values.csv":    "data: line 3: sample has no label (81 values",
		"invalid-pixel.csv":       `data: line 2: pixel 5: "2" is not 0 or 1`,
		"invalid-halfpixel.csv":   `data: line 1: pixel 10: "0.5" is not 0 or 1`,
		"invalid-label.csv":       "data: line 1: label 12 is outside 0..9",
		"invalid-labeltext.csv":   `data: line 2: label "one" is not a whole number`,
		"invalid-short.csv":       "data: line 1: 41 values, want a label and 81 pixels",
		"invalid-emptypixel.csv":  "data: line 1: pixel 80: empty value",
		"invalid-notlist.json":    "data: want a list of samples",
		"invalid-short.json":      "data: sample 1: input has 80 values, want 81",
		"invalid-long.json":       "data: sample 1: input has more than 81 values",
		"invalid-pixel.json":      "data: sample 1: input value 3 is 0.5, want 0 or 1",
		"invalid-nothot.json":     "data: sample 1: target [1 1] is not one-hot",
		"invalid-notarget.json":   "data: sample 1: sample has no label (no \"target\")",
		"invalid-zerotarget.json": "data: sample 1: sample has no label (target [0 0] is all zeros)",
		"invalid-mixed.json":      "data: sample 2: target has 3 values but earlier samples have 2",
		"invalid-target1.json":    "data: sample 1: target has 1 values, want one per class",
		"invalid-target11.json":   "data: sample 1: target has more than 10 values",
		"invalid-string.json":     `data: sample 1: input value 0 is the text "1", want a number`,
		"invalid-truncated.json":  "data: sample 1: file ends too early",
		"invalid-nan.json":        "data: sample 1: not valid JSON",
		"invalid-huge.json":       "data: sample 1: input value 0 (1e999) is not a finite number",
		"invalid-trailing.json":   "data: unexpected data after the list of samples",
		"invalid-noinput.json":    `data: sample 1: no "input"`,
	}
	files, _ := filepath.Glob("testdata/invalid-*")
	if len(files) != len(tests) {
		t.Errorf("%d invalid-* files in testdata, %d in the table", len(files), len(tests))
	}
	for name, want := range tests {
		d, err := read(t, name)
		if err == nil {
			t.Errorf("%s: read %d samples, want error %q", name, d.Len(), want)
			continue
		}
		var fe *FormatError
		if !errors.As(err, &fe) {
			t.Errorf("%s: error %T, want *FormatError", name, err)
		}
		if !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s:\n got %q\nwant %q…", name, err, want)
		}
	}
}

// endless is a reader that never ends, counting what is read from it.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '0'
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestTooLarge(t *testing.T) {
	for name, read := range map[string]func(io.Reader) (*Dataset, error){"csv": ReadCSV, "json": ReadJSON} {
		r := &endless{}
		if _, err := read(r); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: error %v, want ErrTooLarge", name, err)
		}
		if r.n > MaxFileSize+1<<16 {
			t.Errorf("%s: read %d bytes of an endless stream, want about MaxFileSize", name, r.n)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	d, err := Starter(10)
	if err != nil {
		t.Fatal(err)
	}
	for name, codec := range map[string]struct {
		write func(io.Writer, *Dataset) error
		read  func(io.Reader) (*Dataset, error)
	}{"csv": {WriteCSV, ReadCSV}, "json": {WriteJSON, ReadJSON}} {
		var buf bytes.Buffer
		if err := codec.write(&buf, d); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := codec.read(&buf)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !same(got, d) {
			t.Errorf("%s: round trip changed the dataset", name)
		}
	}
}

func TestWriteRefusesBadDataset(t *testing.T) {
	d := New(2)
	d.Samples = append(d.Samples, Sample{Label: 2})
	var buf bytes.Buffer
	if err := WriteCSV(&buf, d); err == nil || !strings.Contains(err.Error(), "label 2 is not one of the 2 classes") {
		t.Errorf("WriteCSV: %v", err)
	}
	d.Samples[0] = Sample{Label: 1}
	d.Samples[0].Pixels[3] = 7
	if err := WriteJSON(&buf, d); err == nil || !strings.Contains(err.Error(), "pixel 3 is 7") {
		t.Errorf("WriteJSON: %v", err)
	}
}

func same(a, b *Dataset) bool {
	if len(a.Classes) != len(b.Classes) || len(a.Samples) != len(b.Samples) {
		return false
	}
	for i := range a.Samples {
		if a.Samples[i] != b.Samples[i] {
			return false
		}
	}
	return true
}

// fuzzSeeds adds every testdata file with the extension to f's corpus.
func fuzzSeeds(f *testing.F, ext string) {
	files, _ := filepath.Glob("testdata/*" + ext)
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// fuzzRoundTrip checks that what read decodes survives write and read again.
func fuzzRoundTrip(t *testing.T, b []byte, read func(io.Reader) (*Dataset, error), write func(io.Writer, *Dataset) error) {
	d, err := read(bytes.NewReader(b))
	if err != nil {
		if !strings.HasPrefix(err.Error(), "data: ") {
			t.Fatalf("error without the package prefix: %v", err)
		}
		return
	}
	var buf bytes.Buffer
	if err := write(&buf, d); err != nil {
		t.Fatalf("decoded dataset does not encode: %v", err)
	}
	again, err := read(&buf)
	if err != nil {
		t.Fatalf("re-reading what was written: %v", err)
	}
	if !same(d, again) {
		t.Fatal("round trip changed the dataset")
	}
}

func FuzzReadCSV(f *testing.F) {
	fuzzSeeds(f, ".csv")
	f.Fuzz(func(t *testing.T, b []byte) { fuzzRoundTrip(t, b, ReadCSV, WriteCSV) })
}

func FuzzReadJSON(f *testing.F) {
	fuzzSeeds(f, ".json")
	f.Fuzz(func(t *testing.T, b []byte) { fuzzRoundTrip(t, b, ReadJSON, WriteJSON) })
}
