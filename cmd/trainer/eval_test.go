package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalFixture(t *testing.T) {
	r := trainer(t, "eval", "-model", fixture(t, "checkpoint-20-epoch.json"), "-data", fixture(t, "training-set.json"))
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"(original-app checkpoint, 81-24-2 sigmoid, 20 epochs)",
		"accuracy  100.00% (100 of 100 right)",
		"0           50   100.00%",
		"confusion matrix (rows: true class, columns: predicted)",
		"0         50      0",
		"1          0     50",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestEvalStarterAndSavedData(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "m.safetensors")
	if r := trainer(t, "train", "-data", "starter", "-epochs", "2", "-out", model); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	for _, data := range []string{"starter", model} { // a checkpoint with a saved dataset serves as -data
		r := trainer(t, "eval", "-model", model, "-data", data)
		if r.code != exitOK || !strings.Contains(r.stdout, "(300 samples)") {
			t.Errorf("-data %s: exit %d\n%s%s", data, r.code, r.stdout, r.stderr)
		}
	}
}

func TestEvalErrors(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "m.safetensors")
	three := filepath.Join(dir, "three.safetensors")
	trainer(t, "train", "-data", "starter", "-epochs", "1", "-out", model)
	trainer(t, "train", "-data", "starter", "-epochs", "1", "-classes", "10", "-hidden", "3", "-out", filepath.Join(dir, "ten.safetensors"))
	trainer(t, "train", "-data", fixture(t, "training-set.json"), "-epochs", "1", "-classes", "3", "-out", three)
	seven := filepath.Join(dir, "seven.csv")
	os.WriteFile(seven, []byte("7"+strings.Repeat(",1", 81)+"\n"), 0o644)
	empty := filepath.Join(dir, "empty.csv")
	os.WriteFile(empty, []byte("label"+strings.Repeat(",p", 81)+"\n"), 0o644)
	cut := filepath.Join(dir, "cut.safetensors")
	b, _ := os.ReadFile(model)
	os.WriteFile(cut, b[:len(b)/2], 0o644)
	checkErrors(t, []errCase{
		{[]string{"eval"}, exitUsage, "eval needs -model FILE and -data FILE"},
		{[]string{"eval", "-model", model}, exitUsage, "eval needs -model FILE and -data FILE"},
		{[]string{"eval", "-model", model, "-data", "starter", "x"}, exitUsage, `unexpected argument "x"`},
		{[]string{"eval", "-model", filepath.Join(dir, "none"), "-data", "starter"}, exitError, "none: no such file"},
		{[]string{"eval", "-model", fixture(t, "training-set.json"), "-data", "starter"}, exitError, "is a dataset JSON, not a checkpoint"},
		{[]string{"eval", "-model", cut, "-data", "starter"}, exitError, "cut.safetensors: checkpoint: the file is cut short (truncated)"},
		{[]string{"eval", "-model", model, "-data", seven}, exitError, "sample 1 has label 7, but the network has only 2 classes"},
		{[]string{"eval", "-model", model, "-data", empty}, exitError, "empty.csv has no samples"},
		{[]string{"eval", "-model", three, "-data", "starter"}, exitError, "the starter set has 2 or 10 classes"},
	})
}
