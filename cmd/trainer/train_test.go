package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"digittrainer/checkpoint"
	"digittrainer/nn"
	"digittrainer/session"
)

func TestTrainStarter(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "m.safetensors")
	args := []string{"train", "-data", "starter", "-epochs", "3", "-val", "0.2", "-hidden", "8", "-seed", "3", "-out", out}
	r := trainer(t, args...)
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	for _, want := range []string{"training 81-8-2 sigmoid on 240 samples, 60 held out for validation", "epoch   1/3  loss ", "epoch   3/3", "val acc", "final     train acc", "saved     " + out} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	l := load(t, out)
	m := l.Model
	if l.Kind != checkpoint.Safetensors || m.Net.Hidden != 8 || m.Epoch != 3 || m.Seen != 3*240 || m.Seed != 3 || l.Data == nil || l.Data.Len() != 300 {
		t.Errorf("saved model: kind %v, %+v, epoch %d, seen %d, seed %d", l.Kind, m.Net.Config, m.Epoch, m.Seen, m.Seed)
	}
	if want := 0.1 * 0.99 * 0.99 * 0.99; m.LR-want > 1e-15 || want-m.LR > 1e-15 {
		t.Errorf("lr after 3 epochs %v, want %v", m.LR, want)
	}
	// 300 drawings are not a multiple of the slices the progress bar is
	// drawn after: the run still stops where its last epoch ends, and the
	// file records the shuffle the next epoch draws from.
	all := filepath.Join(dir, "all.safetensors")
	if r := trainer(t, "train", "-data", "starter", "-epochs", "3", "-hidden", "8", "-out", all); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	if m := load(t, all).Model; m.Seen != 3*300 || m.Shuffle == nil || m.Shuffle.Done != 0 {
		t.Errorf("after 3 epochs of 300 drawings: %d seen, position %+v", m.Seen, m.Shuffle)
	}
	// The same command gives the same weights.
	out2 := filepath.Join(dir, "m2.safetensors")
	args[len(args)-1] = out2
	if r := trainer(t, args...); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	for i, p := range load(t, out2).Model.Net.Params() {
		if !slices.Equal(p, m.Net.Params()[i]) {
			t.Errorf("second run: parameter block %d differs", i)
		}
	}
}

func TestTrainOptions(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "set.csv")
	if r := trainer(t, "starter", "-out", csv, "-classes", "10"); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	out := filepath.Join(dir, "ten.safetensors")
	r := trainer(t, "train", "-data", csv, "-epochs", "1", "-hidden", "5", "-activation", "relu", "-batch", "16",
		"-augment", "-decay", "1", "-l2", "0.001", "-min-lr", "0.01", "-save-data=false", "-out", out)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	m := load(t, out).Model
	if m.Net.Config != (nn.Config{Hidden: 5, Classes: 10, Activation: nn.ReLU}) || m.Hyper.Batch != 16 || m.Hyper.L2 != 0.001 ||
		m.Hyper.Decay != 1 || m.LR != 0.1 || m.Data != nil || m.Seen <= 500 {
		t.Errorf("options not applied: %+v %+v lr %v data %v seen %d", m.Net.Config, m.Hyper, m.LR, m.Data != nil, m.Seen)
	}
	// A 2-class set trained with -classes 3 gets a third, unused output.
	bdtSet := fixture(t, "training-set.json")
	three := filepath.Join(dir, "three.safetensors")
	if r := trainer(t, "train", "-data", bdtSet, "-epochs", "1", "-classes", "3", "-out", three); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	if m := load(t, three).Model; m.Net.Classes != 3 || !slices.Equal(m.Classes, []string{"0", "1", "2"}) {
		t.Errorf("-classes 3: %d classes %v", m.Net.Classes, m.Classes)
	}
	// -out .json writes the original app's checkpoint.
	js := filepath.Join(dir, "orig.json")
	if r := trainer(t, "train", "-data", bdtSet, "-epochs", "2", "-out", js); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	if l := load(t, js); l.Kind != checkpoint.BDTCheckpoint || l.Model.Epoch != 2 {
		t.Errorf("-out .json gave %v, epoch %d", l.Kind, l.Model.Epoch)
	}
	if r := trainer(t, "train", "-data", "starter", "-epochs", "1"); r.code != exitOK || !strings.Contains(r.stdout, "not saved") {
		t.Errorf("without -out: exit %d, %q", r.code, r.stdout)
	}
}

func TestTrainErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("label,p0\n0,1,1\n"), 0o644)
	nine := filepath.Join(dir, "nine.csv")
	os.WriteFile(nine, []byte("9"+strings.Repeat(",0", 81)+"\n"), 0o644)
	empty := filepath.Join(dir, "empty.csv")
	os.WriteFile(empty, []byte("label"+strings.Repeat(",p", 81)+"\n"), 0o644)
	model := filepath.Join(dir, "m.safetensors")
	trainer(t, "train", "-data", "starter", "-epochs", "1", "-save-data=false", "-out", model)
	out := filepath.Join(dir, "out.safetensors")
	s := []string{"train", "-data", "starter", "-out", out}
	checkErrors(t, []errCase{
		{[]string{"train"}, exitUsage, "train needs -data"},
		{[]string{"train", "-data"}, exitUsage, "flag needs an argument: -data"},
		{[]string{"train", "-data", "starter", "-bogus"}, exitUsage, "flag provided but not defined: -bogus"},
		{[]string{"train", "-data", "starter", "more"}, exitUsage, `unexpected argument "more"`},
		{append(s, "-hidden", "0"), exitUsage, "-hidden must be 1..256, not 0"},
		{append(s, "-hidden", "300"), exitUsage, "-hidden must be 1..256, not 300"},
		{append(s, "-epochs", "0"), exitUsage, "-epochs must be 1..100000"},
		{append(s, "-lr", "-1"), exitUsage, "-lr must be a number above 0"},
		{append(s, "-lr", "NaN"), exitUsage, "-lr must be a number above 0"},
		{append(s, "-batch", "0"), exitUsage, "-batch must be at least 1"},
		{append(s, "-decay", "1.5"), exitUsage, "-decay must be above 0 and at most 1"},
		{append(s, "-min-lr", "-1"), exitUsage, "-min-lr must be 0 or more"},
		{append(s, "-l2", "-0.1"), exitUsage, "-l2 must be 0 or more"},
		{append(s, "-val", "0.95"), exitUsage, "-val must be between 0 and 0.9"},
		{append(s, "-classes", "11"), exitUsage, "-classes must be 2..10"},
		{append(s, "-classes", "3"), exitUsage, "the starter set has 2 or 10 classes, not 3"},
		{append(s, "-activation", "swish"), exitUsage, `-activation must be sigmoid, tanh or relu, not "swish"`},
		{[]string{"train", "-data", "starter", "-out", filepath.Join(dir, "m.txt")}, exitUsage, "-out must end in .safetensors"},
		{[]string{"train", "-data", "starter", "-activation", "tanh", "-out", filepath.Join(dir, "m.json")}, exitUsage, "only 2-class sigmoid nets"},
		{[]string{"train", "-data", filepath.Join(dir, "none.csv")}, exitError, "none.csv: no such file"},
		{[]string{"train", "-data", dir}, exitError, "is a folder, not a file"},
		{[]string{"train", "-data", bad}, exitError, "bad.csv: data: line 2"},
		{[]string{"train", "-data", nine, "-classes", "2"}, exitError, "sample 1 has label 9, but the network has only 2 classes"},
		{[]string{"train", "-data", empty}, exitError, "leaves no samples to train on"},
		{[]string{"train", "-data", model}, exitError, "is a safetensors checkpoint without a saved dataset"},
		{append(s, "-lr", "1e308"), exitError, "training diverged in epoch 1"},
		{[]string{"train", "-data", "starter", "-epochs", "1", "-out", filepath.Join(dir, "no", "m.safetensors")}, exitError, "no such file"},
	})
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed run left %s behind", out)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestTrainKeepsTheAppsSplit: -val 0.2 holds out the drawings the app
// holds out, the saved file says which, and training on that file keeps
// them whatever -val says.
func TestTrainKeepsTheAppsSplit(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "m.safetensors")
	if r := trainer(t, "train", "-data", "starter", "-epochs", "1", "-val", "0.2", "-out", out); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	saved := load(t, out).Data
	s, err := session.New(session.Binary)
	if err != nil {
		t.Fatal(err)
	}
	if !saved.Sided || !slices.Equal(saved.Samples, s.Data().Samples) {
		t.Fatal("the CLI's -val 0.2 held out other drawings than the app")
	}
	r := trainer(t, "train", "-data", out, "-epochs", "1", "-val", "0.5")
	if r.code != exitOK || !strings.Contains(r.stderr, "-val 0.5 is not applied") || !strings.Contains(r.stdout, "60 held out for validation") {
		t.Errorf("-val on a file with sides: exit %d, stderr %q, stdout %q", r.code, r.stderr, r.stdout)
	}
}
