package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"digittrainer/checkpoint"
)

func TestConvertCheckpoints(t *testing.T) {
	dir := t.TempDir()
	st := filepath.Join(dir, "orig.safetensors")
	js := filepath.Join(dir, "back.json")
	r := trainer(t, "convert", fixture(t, "checkpoint-20-epoch.json"), st)
	if r.code != exitOK || !strings.Contains(r.stdout, "(original-app checkpoint, 81-24-2 sigmoid, 20 epochs)") {
		t.Fatalf("exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	if r := trainer(t, "convert", st, js); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	a, b := load(t, st), load(t, js)
	if a.Kind != checkpoint.Safetensors || b.Kind != checkpoint.BDTCheckpoint {
		t.Errorf("kinds %v, %v", a.Kind, b.Kind)
	}
	for i, p := range a.Model.Net.Params() {
		if !slices.Equal(p, b.Model.Net.Params()[i]) {
			t.Errorf("parameter block %d changed through .safetensors → .json", i)
		}
	}
}

func TestConvertDatasets(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "set.csv")
	js := filepath.Join(dir, "set.json")
	csv2 := filepath.Join(dir, "set2.csv")
	if r := trainer(t, "convert", fixture(t, "training-set.json"), csv); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	if r := trainer(t, "convert", csv, js); r.code != exitOK || !strings.Contains(r.stdout, "(dataset CSV, 100 samples)") {
		t.Fatal(r.stdout, r.stderr)
	}
	if r := trainer(t, "convert", js, csv2); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	x, _ := os.ReadFile(csv)
	y, _ := os.ReadFile(csv2)
	if string(x) != string(y) || len(x) == 0 {
		t.Error("CSV → JSON → CSV changed the file")
	}
	// A checkpoint with a saved dataset gives it up as CSV.
	model := filepath.Join(dir, "m.safetensors")
	trainer(t, "train", "-data", csv, "-epochs", "1", "-out", model)
	out := filepath.Join(dir, "saved.csv")
	if r := trainer(t, "convert", model, out); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	if y, _ := os.ReadFile(out); string(x) != string(y) {
		t.Error("the dataset saved in the checkpoint differs from the one trained on")
	}
}

func TestConvertErrors(t *testing.T) {
	dir := t.TempDir()
	tanh := filepath.Join(dir, "tanh.safetensors")
	bare := filepath.Join(dir, "bare.safetensors")
	trainer(t, "train", "-data", "starter", "-epochs", "1", "-activation", "tanh", "-out", tanh)
	trainer(t, "train", "-data", "starter", "-epochs", "1", "-save-data=false", "-out", bare)
	junk := filepath.Join(dir, "junk.bin")
	os.WriteFile(junk, []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0o644)
	set := fixture(t, "training-set.json")
	checkErrors(t, []errCase{
		{[]string{"convert"}, exitUsage, "convert needs two file names"},
		{[]string{"convert", "a", "b", "c"}, exitUsage, "convert needs two file names"},
		{[]string{"convert", "-x", "a", "b"}, exitUsage, "flag provided but not defined: -x"},
		{[]string{"convert", filepath.Join(dir, "none.csv"), filepath.Join(dir, "o.json")}, exitError, "none.csv: no such file"},
		{[]string{"convert", junk, filepath.Join(dir, "o.json")}, exitError, "junk.bin: checkpoint: this file is not a Digit Trainer checkpoint"},
		{[]string{"convert", set, filepath.Join(dir, "o.safetensors")}, exitUsage, "is a dataset; a .safetensors file holds a trained network"},
		{[]string{"convert", set, filepath.Join(dir, "o.txt")}, exitUsage, "a dataset is saved as .csv or .json"},
		{[]string{"convert", tanh, filepath.Join(dir, "o.txt")}, exitUsage, "a checkpoint is saved as .safetensors or .json"},
		{[]string{"convert", tanh, filepath.Join(dir, "o.json")}, exitError, "checkpoint: the original app only has sigmoid hidden neurons"},
		{[]string{"convert", bare, filepath.Join(dir, "o.csv")}, exitError, "is a checkpoint without a saved dataset"},
	})
	if _, err := os.Stat(filepath.Join(dir, "o.json")); !os.IsNotExist(err) {
		t.Error("a failed convert left o.json behind")
	}
}
