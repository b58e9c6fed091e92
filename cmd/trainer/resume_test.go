package main

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"digittrainer/checkpoint"
)

// sameRun reports how the checkpoints at paths a and b differ as runs:
// weights bit for bit, settings, position and dataset; only the creation
// time may differ. "" means they are the same run.
func sameRun(t *testing.T, a, b string) string {
	t.Helper()
	x, y := load(t, a).Model, load(t, b).Model
	for i, p := range x.Net.Params() {
		if !slices.Equal(p, y.Net.Params()[i]) {
			return "the weights differ"
		}
	}
	x.Net, y.Net, x.Created = nil, nil, y.Created
	if !reflect.DeepEqual(x, y) {
		return "the settings, position or dataset differ"
	}
	return ""
}

// TestResumeIsExact: a run stopped and resumed with -init, from its -out
// file or from a -checkpoint-every file, ends with the file a run that
// never stopped saves: the same weights bit for bit, the same rate,
// counters, shuffle state and dataset.
func TestResumeIsExact(t *testing.T) {
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	common := []string{"-data", "starter", "-hidden", "8", "-seed", "4"}
	options := []string{"-val", "0.2", "-batch", "4", "-decay", "0.9", "-min-lr", "0.08", "-l2", "0.0001", "-augment"}
	train := func(args ...string) {
		t.Helper()
		if r := trainer(t, append([]string{"train"}, args...)...); r.code != exitOK || r.stderr != "" {
			t.Fatalf("trainer train %s: exit %d, stderr %q", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	train(append(common, "-epochs", "20", "-out", path("whole.safetensors"), "-checkpoint-every", "5", "-checkpoint-dir", path("every5"))...)
	train(append(common, "-epochs", "10", "-out", path("first.safetensors"))...)
	train(append(options, append(common, "-epochs", "12", "-out", path("opts-whole.safetensors"))...)...)
	train(append(options, append(common, "-epochs", "5", "-out", path("opts-first.safetensors"))...)...)

	for _, tc := range []struct {
		name   string
		resume []string // "-init" and more: what is resumed, and how
		want   string   // the file of the uninterrupted run
	}{
		{"20 = 10 + 10", []string{"-init", path("first.safetensors"), "-epochs", "10"}, "whole.safetensors"},
		{"from a -checkpoint-every file", []string{"-init", path("every5/epoch-0005.safetensors"), "-epochs", "15"}, "whole.safetensors"},
		{"an intermediate file is the shorter run", []string{"-init", path("every5/epoch-0005.safetensors"), "-epochs", "5"}, "first.safetensors"},
		{"settings, split and -augment from the file", []string{"-init", path("opts-first.safetensors"), "-epochs", "7", "-augment"}, "opts-whole.safetensors"},
		{"a flag equal to the file's changes nothing", []string{"-init", path("first.safetensors"), "-epochs", "10", "-hidden", "8", "-batch", "1", "-seed", "4"}, "whole.safetensors"},
	} {
		out := path(strings.ReplaceAll(tc.name, " ", "_") + ".safetensors")
		r := trainer(t, append(append([]string{"train"}, tc.resume...), "-out", out)...)
		if r.code != exitOK || r.stderr != "" {
			t.Errorf("%s: exit %d, stderr %q", tc.name, r.code, r.stderr)
			continue
		}
		if diff := sameRun(t, out, path(tc.want)); diff != "" {
			t.Errorf("%s: %s from %s", tc.name, diff, tc.want)
		}
	}
	if diff := sameRun(t, path("every5/epoch-0020.safetensors"), path("whole.safetensors")); diff != "" {
		t.Errorf("the last -checkpoint-every file and -out: %s", diff)
	}
}

// TestResumeSays: what a resumed run prints, and each flag given over the
// file's value, one note each, applied.
func TestResumeSays(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "m.safetensors")
	if r := trainer(t, "train", "-data", "starter", "-hidden", "8", "-epochs", "3", "-decay", "1", "-val", "0.2", "-seed", "4", "-out", file); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	r := trainer(t, "train", "-init", file, "-epochs", "2", "-checkpoint-every", "2", "-checkpoint-dir", filepath.Join(dir, "ck"))
	for _, want := range []string{
		"resuming 81-8-2 sigmoid from " + file + " at epoch 3 (720 samples seen) on 240 samples, 60 held out for validation; lr 0.1, batch 1\n",
		"epoch   4/5  loss ", "epoch   5/5  loss ", "  lr 0.1  saved epoch-0004.safetensors in ",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "epoch-0005") {
		t.Errorf("epoch 5 is not a multiple of -checkpoint-every 2, yet it was saved:\n%s", r.stdout)
	}

	for _, tc := range []struct {
		args  []string
		notes []string // stderr, a line each
		check func(m *checkpoint.Model) bool
	}{
		{[]string{"-lr", "0.05"}, []string{"note: -lr 0.05 overrides the file's 0.1"},
			func(m *checkpoint.Model) bool { return m.LR == 0.05 && m.Hyper.LR == 0.1 }},
		{[]string{"-decay", "0.5", "-min-lr", "0.03"}, []string{"note: -decay 0.5 overrides the file's 1", "note: -min-lr 0.03 overrides the file's 0.0005"},
			func(m *checkpoint.Model) bool { return m.Hyper.Decay == 0.5 && m.Hyper.MinLR == 0.03 && m.LR == 0.05 }},
		{[]string{"-batch", "8", "-l2", "0.001"}, []string{"note: -l2 0.001 overrides the file's 0", "note: -batch 8 overrides the file's 1"},
			func(m *checkpoint.Model) bool { return m.Hyper.Batch == 8 && m.Hyper.L2 == 0.001 }},
		{[]string{"-seed", "9"}, []string{"note: -seed 9 overrides the file's 4: the shuffles start afresh from seed 9"},
			func(m *checkpoint.Model) bool { return m.Seed == 4 }}, // the seed of its first weights
		{[]string{"-lr", "0.1", "-seed", "4", "-activation", "sigmoid"}, nil, // the file's values: nothing overridden
			func(m *checkpoint.Model) bool { return m.LR == 0.1 && m.Epoch == 4 }},
		{[]string{"-data", "starter"}, []string{"note: -data starter replaces the dataset saved in " + file,
			"note: the file's run trained on 240 samples an epoch, this one on 300 (other data, or -augment given or left out)"},
			func(m *checkpoint.Model) bool { return m.Data.Len() == 300 && !m.Data.Sided }},
		{[]string{"-val", "0.5"}, []string{"note: " + file + " says which drawings are held out (60 of 300); -val 0.5 is not applied"},
			func(m *checkpoint.Model) bool { return m.Seen == 4*240 }},
		{[]string{"-augment"}, []string{"note: the file's run trained on 240 samples an epoch, this one on 576 (other data, or -augment given or left out)"},
			func(m *checkpoint.Model) bool { return m.Seen == 3*240+576 }},
	} {
		out := filepath.Join(dir, "out.safetensors")
		r := trainer(t, append([]string{"train", "-init", file, "-epochs", "1", "-out", out}, tc.args...)...)
		if r.code != exitOK {
			t.Errorf("%v: exit %d, stderr %q", tc.args, r.code, r.stderr)
			continue
		}
		if got := lines(r.stderr); !slices.Equal(got, tc.notes) {
			t.Errorf("%v: stderr\n%q\nwant\n%q", tc.args, got, tc.notes)
		}
		if m := load(t, out).Model; !tc.check(m) {
			t.Errorf("%v: not applied: lr %v, %+v, seed %d, epoch %d, seen %d", tc.args, m.LR, m.Hyper, m.Seed, m.Epoch, m.Seen)
		}
	}
}

// lines splits output into its lines; nil when there is none.
func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// TestResumeOriginalApp: the original app's checkpoint records neither a
// dataset nor a shuffle position; it resumes on -data from the seed's
// fresh shuffle, and says so.
func TestResumeOriginalApp(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "orig.json")
	if r := trainer(t, "train", "-data", "starter", "-hidden", "8", "-epochs", "2", "-out", js); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	out := filepath.Join(dir, "m.safetensors")
	for _, tc := range []struct {
		seed []string
		note string
	}{
		{nil, "note: " + js + " (original-app checkpoint) records no shuffle position; the shuffles start afresh from seed 0"},
		{[]string{"-seed", "7"}, "note: " + js + " (original-app checkpoint) records no shuffle position; the shuffles start afresh from seed 7"},
	} {
		r := trainer(t, append([]string{"train", "-init", js, "-data", "starter", "-epochs", "1", "-out", out}, tc.seed...)...)
		if r.code != exitOK || r.stderr != tc.note+"\n" {
			t.Errorf("-seed %v: exit %d, stderr %q, want the note %q", tc.seed, r.code, r.stderr, tc.note)
			continue
		}
		if m := load(t, out).Model; m.Epoch != 3 || m.Net.Hidden != 8 || !m.StartUnknown || m.Shuffle == nil {
			t.Errorf("-seed %v: resumed to epoch %d, hidden %d, start unknown %v, shuffle %v", tc.seed, m.Epoch, m.Net.Hidden, m.StartUnknown, m.Shuffle)
		}
	}
}

// TestResumeErrors: every -init that cannot be resumed, and every
// -checkpoint-every mistake, gets one line saying why.
func TestResumeErrors(t *testing.T) {
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	model, bare := path("m.safetensors"), path("bare.safetensors")
	trainer(t, "train", "-data", "starter", "-hidden", "8", "-epochs", "1", "-out", model)
	trainer(t, "train", "-data", "starter", "-hidden", "8", "-epochs", "1", "-classes", "2", "-save-data=false", "-out", bare)
	three := path("three.safetensors")
	trainer(t, "train", "-data", model, "-epochs", "1", "-classes", "3", "-out", three)
	trainer(t, "starter", "-out", path("set.csv"))
	trainer(t, "convert", path("set.csv"), path("set.json"))
	b, _ := os.ReadFile(model)
	os.WriteFile(path("cut.safetensors"), b[:len(b)/2], 0o644)
	os.WriteFile(path("junk.safetensors"), []byte("this is a shopping list, not a network"), 0o644)
	os.WriteFile(path("empty.safetensors"), nil, 0o644)
	os.WriteFile(path("file"), []byte("x"), 0o644)
	checkErrors(t, []errCase{
		// Files -init cannot resume.
		{[]string{"train", "-init", path("none.safetensors")}, exitError, "none.safetensors: no such file"},
		{[]string{"train", "-init", dir}, exitError, "is a folder, not a file"},
		{[]string{"train", "-init", path("set.csv")}, exitError, "set.csv is a dataset CSV, not a checkpoint"},
		{[]string{"train", "-init", path("set.json")}, exitError, "set.json is a dataset JSON, not a checkpoint"},
		{[]string{"train", "-init", path("cut.safetensors")}, exitError, "cut.safetensors: checkpoint: "},
		{[]string{"train", "-init", path("junk.safetensors")}, exitError, "junk.safetensors: checkpoint: this file is not a Digit Trainer checkpoint"},
		{[]string{"train", "-init", path("empty.safetensors")}, exitError, "empty.safetensors: checkpoint: the file is empty"},
		{[]string{"train", "-init", bare}, exitError, "bare.safetensors has no saved dataset to train on; give -data FILE"},
		{[]string{"train", "-init", three, "-data", "starter"}, exitError, "the starter set has 2 or 10 classes, but the network in " + three + " has 3"},
		{[]string{"train", "-init", bare, "-data", path("set.csv"), "-augment", "-epochs", "1", "-out", path("x.txt")}, exitUsage, "-out must end in .safetensors"},
		// A shape the file's network does not have.
		{[]string{"train", "-init", model, "-hidden", "16"}, exitError, model + " holds a 81-8-2 sigmoid network, which -hidden 16 does not fit; leave -hidden out"},
		{[]string{"train", "-init", model, "-classes", "10"}, exitError, "which -classes 10 does not fit"},
		{[]string{"train", "-init", model, "-activation", "relu"}, exitError, "which -activation relu does not fit"},
		{[]string{"train", "-init", three, "-out", path("three.json")}, exitUsage, "only 2-class sigmoid nets"},
		// The command line itself.
		{[]string{"train", "-init", ""}, exitUsage, "-init needs a checkpoint file name"},
		{[]string{"train", "-init", model, "-epochs", "0"}, exitUsage, "-epochs must be 1..100000"},
		{[]string{"train", "-init", model, "-checkpoint-every", "0", "-checkpoint-dir", dir}, exitUsage, "-checkpoint-every must be at least 1"},
		{[]string{"train", "-init", model, "-checkpoint-every", "-3", "-checkpoint-dir", dir}, exitUsage, "-checkpoint-every must be at least 1"},
		{[]string{"train", "-init", model, "-checkpoint-every", "2"}, exitUsage, "-checkpoint-every needs -checkpoint-dir DIR"},
		{[]string{"train", "-init", model, "-checkpoint-dir", dir}, exitUsage, "-checkpoint-dir needs -checkpoint-every K"},
		{[]string{"train", "-init", model, "-checkpoint-every", "1", "-checkpoint-dir", path("file")}, exitError, "-checkpoint-dir " + path("file") + " is a file, not a folder"},
	})
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestCheckpointEveryInterrupted: a checkpoint write that fails part-way
// stops the run with one line naming the file, keeps the file of the run
// before, whole, and leaves no temporary file.
func TestCheckpointEveryInterrupted(t *testing.T) {
	dir := t.TempDir()
	ck := filepath.Join(dir, "deep", "ck") // made, parents and all
	args := []string{"train", "-data", "starter", "-hidden", "8", "-epochs", "4", "-checkpoint-every", "2", "-checkpoint-dir", ck}
	if r := trainer(t, args...); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	names := func() []string {
		var got []string
		entries, _ := os.ReadDir(ck)
		for _, e := range entries {
			got = append(got, e.Name())
		}
		return got
	}
	if got := names(); !slices.Equal(got, []string{"epoch-0002.safetensors", "epoch-0004.safetensors"}) {
		t.Fatalf("-checkpoint-every 2 for 4 epochs wrote %v", got)
	}
	before, _ := os.ReadFile(filepath.Join(ck, "epoch-0002.safetensors"))
	cutWrites(t, 1000)
	checkErrors(t, []errCase{
		{append(args, "-seed", "2"), exitError, filepath.Join(ck, "epoch-0002.safetensors") + ": no space left"},
	})
	if after, _ := os.ReadFile(filepath.Join(ck, "epoch-0002.safetensors")); !slices.Equal(after, before) {
		t.Error("the interrupted write changed the file it was to replace")
	}
	if got := names(); !slices.Equal(got, []string{"epoch-0002.safetensors", "epoch-0004.safetensors"}) {
		t.Errorf("after the interrupted write the folder holds %v", got)
	}
}
