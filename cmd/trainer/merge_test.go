package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"digittrainer/checkpoint"
	"digittrainer/data"
	"digittrainer/nn"
)

// drawings returns n drawings, the i-th with pixel i%81 set and label
// i%classes: distinct for n up to 81.
func drawings(n, classes int) []data.Sample {
	s := make([]data.Sample, n)
	for i := range s {
		s[i].Pixels[i%data.Pixels] = 1
		s[i].Label = i % classes
	}
	return s
}

// writeSet writes samples as a dataset file by path's extension; a
// .safetensors file is a checkpoint holding them, with classes named.
func writeSet(t *testing.T, path string, samples []data.Sample, names []string) {
	t.Helper()
	d := &data.Dataset{Classes: names, Samples: samples}
	var buf bytes.Buffer
	var err error
	switch filepath.Ext(path) {
	case ".csv":
		err = data.WriteCSV(&buf, d)
	case ".json":
		err = data.WriteJSON(&buf, d)
	default:
		cfg := nn.DefaultConfig
		cfg.Classes = len(names)
		net, _ := nn.NewSeeded(cfg, 1)
		d.AssignSides(data.ValFraction)
		err = checkpoint.EncodeSafetensors(&buf, &checkpoint.Model{Net: net, Classes: names, Hyper: nn.DefaultHyper,
			LR: nn.DefaultHyper.LR, Seed: 1, Data: d})
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestMerge: a CSV, a JSON dataset and a checkpoint pool in order; each
// file's line counts its new drawings and its copies (of earlier files'
// drawings, or of its own), and the pooled file holds each drawing once.
func TestMerge(t *testing.T) {
	dir := t.TempDir()
	d := drawings(9, 2)
	a, b, c := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.json"), filepath.Join(dir, "c.safetensors")
	writeSet(t, a, []data.Sample{d[0], d[1], d[2], d[3], d[4], d[0]}, data.DefaultClasses(2)) // 5 new, 1 own copy
	writeSet(t, b, []data.Sample{d[3], d[4], d[5], d[6]}, data.DefaultClasses(2))             // 2 of a's
	writeSet(t, c, []data.Sample{d[6], d[7], d[8], d[8]}, []string{"zero", "one"})            // b's, new, new, own copy
	for _, name := range []string{"all.csv", "all.json"} {
		out := filepath.Join(dir, name)
		r := trainer(t, "merge", a, b, c, "-out", out)
		want := a + ": added 5, skipped 1 duplicates\n" + b + ": added 2, skipped 2 duplicates\n" + c + ": added 2, skipped 2 duplicates\n" +
			"wrote " + out + ": 9 drawings of 2 classes (0, 1), 5 duplicates skipped in all\n"
		if r.code != exitOK || r.stdout != want || r.stderr != "" {
			t.Fatalf("exit %d, stderr %q, stdout\n%s\nwant\n%s", r.code, r.stderr, r.stdout, want)
		}
		got := load(t, out).Data
		for i := range got.Samples {
			got.Samples[i].Val = false // the files hold no sides
		}
		if !slices.Equal(got.Samples, d) {
			t.Errorf("%s holds %d drawings, want the 9 in order", name, got.Len())
		}
	}
	// -out first works too, and the first file's names lead.
	out := filepath.Join(dir, "named.json")
	if r := trainer(t, "merge", "-out", out, c, a); r.code != exitOK || !strings.Contains(r.stdout, "wrote "+out+": 8 drawings of 2 classes (zero, one)") {
		t.Errorf("exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
}

// TestMergeClassCounts: 2-class and 10-class files of digits pool into 10;
// the 10-class file's first two drawings are the 2-class file's.
func TestMergeClassCounts(t *testing.T) {
	dir := t.TempDir()
	two, ten, out := filepath.Join(dir, "two.csv"), filepath.Join(dir, "ten.csv"), filepath.Join(dir, "all.csv")
	writeSet(t, two, drawings(4, 2), data.DefaultClasses(2))
	writeSet(t, ten, drawings(20, 10), data.DefaultClasses(10))
	r := trainer(t, "merge", two, ten, "-out", out)
	if r.code != exitOK || !strings.Contains(r.stdout, ten+": added 18, skipped 2 duplicates") ||
		!strings.Contains(r.stdout, "22 drawings of 10 classes (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)") {
		t.Fatalf("exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
}

func TestMergeErrors(t *testing.T) {
	dir := t.TempDir()
	named, ten, junk := filepath.Join(dir, "named.safetensors"), filepath.Join(dir, "ten.csv"), filepath.Join(dir, "junk.csv")
	writeSet(t, named, drawings(4, 2), []string{"cat", "dog"})
	writeSet(t, ten, drawings(20, 10), data.DefaultClasses(10))
	os.WriteFile(junk, []byte("this,is\nnot,a dataset\n"), 0o644)
	out := filepath.Join(dir, "out.csv")
	checkErrors(t, []errCase{
		{[]string{"merge", "-out", out}, exitUsage, "merge needs the files to pool"},
		{[]string{"merge", ten}, exitUsage, "merge needs -out FILE.csv"},
		{[]string{"merge", ten, "-out", "all.safetensors"}, exitUsage, `merge: -out must end in .csv or .json, not "all.safetensors"`},
		{[]string{"merge", ten, "-x"}, exitUsage, "merge: flag provided but not defined: -x"},
		{[]string{"merge", ten, "-out"}, exitUsage, "merge: flag needs an argument: -out"},
		{[]string{"merge", filepath.Join(dir, "none.csv"), "-out", out}, exitError, "none.csv: no such file"},
		{[]string{"merge", ten, junk, "-out", out}, exitError, "junk.csv: "},
		{[]string{"merge", ten, named, "-out", out}, exitError, named + ": its 2 classes have names of their own (cat, dog), and the sets have different class counts, so they cannot be matched up"},
	})
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a failed merge wrote its -out file")
	}
}
