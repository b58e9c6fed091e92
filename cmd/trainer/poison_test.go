package main

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"digittrainer/data"
	"digittrainer/experiment"
)

// changedOf returns the 0-based indices poison's output lists, counted
// from 1 there.
func changedOf(t *testing.T, stdout string) []int {
	t.Helper()
	_, list, ok := strings.Cut(stdout, "changed drawings, counted from 1: ")
	if !ok {
		t.Fatalf("no list of changed drawings in\n%s", stdout)
	}
	list, _, _ = strings.Cut(list, "\n")
	var idx []int
	for f := range strings.SplitSeq(list, ", ") {
		n, err := strconv.Atoi(f)
		if err != nil {
			t.Fatalf("changed drawings %q: %v", list, err)
		}
		idx = append(idx, n-1)
	}
	return idx
}

// starterSided returns the starter set of 0s and 1s with the app's split.
func starterSided(t *testing.T) *data.Dataset {
	t.Helper()
	d, err := data.Starter(2)
	if err != nil {
		t.Fatal(err)
	}
	d.AssignSides(data.ValFraction)
	return d
}

// TestPoisonFlip: -flip 0.1 changes the labels of the 24 training drawings
// it lists, none held out by the app's split, and nothing else; the file
// is experiment.Flip's dataset.
func TestPoisonFlip(t *testing.T) {
	for _, name := range []string{"flipped.csv", "flipped.json"} {
		out := filepath.Join(t.TempDir(), name)
		r := trainer(t, "poison", "-data", "starter", "-flip", "0.1", "-seed", "4", "-out", out)
		if r.code != exitOK || r.stderr != "" || !strings.Contains(r.stdout, "flipped the labels of 24 of the 240 training drawings (seed 4; the 60 held out") {
			t.Fatalf("exit %d, stderr %q, stdout\n%s", r.code, r.stderr, r.stdout)
		}
		d := starterSided(t)
		want, changed, _ := experiment.Flip(d, 0.1, 4)
		if got := changedOf(t, r.stdout); !slices.Equal(got, changed) {
			t.Errorf("%s: lists %v, experiment.Flip changed %v", name, got, changed)
		}
		got := load(t, out).Data
		for i := range got.Samples {
			if got.Samples[i].Label != want.Samples[i].Label || got.Samples[i].Pixels != want.Samples[i].Pixels {
				t.Errorf("%s: drawing %d differs from experiment.Flip's", name, i+1)
			}
		}
	}
}

// TestPoisonBackdoor: -backdoor 0:1 with a 3×3 mark top left marks 36 of
// class 0's 120 training drawings at -share 0.3, and labels them 1.
func TestPoisonBackdoor(t *testing.T) {
	out := filepath.Join(t.TempDir(), "door.csv")
	r := trainer(t, "poison", "-data", "starter", "-backdoor", "0:1", "-share", "0.3", "-mark", "top-left", "-mark-size", "3", "-out", out)
	if r.code != exitOK || !strings.Contains(r.stdout, "marked 36 of class 0's training drawings with a 3×3 square top-left and labelled them 1") {
		t.Fatalf("exit %d, stderr %q, stdout\n%s", r.code, r.stderr, r.stdout)
	}
	d, got := starterSided(t), load(t, out).Data
	changed := changedOf(t, r.stdout)
	for i, s := range got.Samples {
		want := d.Samples[i]
		if slices.Contains(changed, i) {
			want.Label, want.Pixels = 1, experiment.Square(0, 0, 3).Apply(want.Pixels)
		}
		if s.Label != want.Label || s.Pixels != want.Pixels {
			t.Errorf("drawing %d: label %d, want %d; pixels as wanted: %v", i+1, s.Label, want.Label, s.Pixels == want.Pixels)
		}
	}
	if len(changed) != 36 {
		t.Errorf("%d changed, want 36", len(changed))
	}
}

func TestPoisonErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), "p.csv")
	p := []string{"poison", "-data", "starter", "-out", out}
	checkErrors(t, []errCase{
		{[]string{"poison", "-out", out, "-flip", "0.1"}, exitUsage, "poison needs -data"},
		{[]string{"poison", "-data", "starter", "-flip", "0.1"}, exitUsage, "poison needs -out"},
		{[]string{"poison", "-data", "starter", "-flip", "0.1", "-out", "p.txt"}, exitUsage, `poison: -out must end in .csv or .json, not "p.txt"`},
		{p, exitUsage, "poison needs one of -flip SHARE (wrong labels) or -backdoor FROM:TO"},
		{append(p, "-flip", "0.1", "-backdoor", "0:1"), exitUsage, "poison needs one of -flip"},
		{append(p, "-flip", "0.1", "-share", "0.2"), exitUsage, "poison: -share, -mark and -mark-size go with -backdoor, not -flip"},
		{append(p, "-flip", "1.5"), exitUsage, "poison: -flip must be 0..1, not 1.5"},
		{append(p, "-flip", "x"), exitUsage, "poison: invalid value"},
		{append(p, "-backdoor", "0"), exitUsage, `poison: -backdoor "0": want FROM:TO, two class numbers, like 0:1`},
		{append(p, "-backdoor", "a:b"), exitUsage, "want FROM:TO"},
		{append(p, "-backdoor", "0:2"), exitUsage, "poison: -backdoor TO must be 0..1, not 2"},
		{append(p, "-backdoor", "3:1"), exitUsage, "poison: -backdoor FROM must be 0..1, not 3"},
		{append(p, "-backdoor", "1:1"), exitUsage, "poison: -backdoor TO must differ from From (both are 1)"},
		{append(p, "-backdoor", "0:1", "-share", "0"), exitUsage, "poison: -share must be more than 0 and at most 1, not 0"},
		{append(p, "-backdoor", "0:1", "-mark", "middle"), exitUsage, `poison: -mark must be bottom-right, bottom-left, top-right or top-left, not "middle"`},
		{append(p, "-backdoor", "0:1", "-mark-size", "5"), exitUsage, "poison: -mark-size must be 1..4, not 5"},
		{append(p, "-flip", "0.1", "-val", "1"), exitUsage, "poison: -val must be between 0 and 0.9, not 1"},
		{append(p, "-flip", "0.1", "-classes", "11"), exitUsage, "poison: -classes must be 2..10, not 11"},
		{[]string{"poison", "-data", "no-such.csv", "-out", out, "-flip", "0.1"}, exitError, "no-such.csv: no such file"},
		{append(p, "-flip", "0.1", "extra"), exitUsage, `unexpected argument "extra"`},
	})
}
