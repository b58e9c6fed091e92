package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"digittrainer/data"
	"digittrainer/lesson"
)

// TestLink: the printed link is the base page, '#', and a lesson that
// decodes to what the flags asked, on the starter set with the app's sides.
func TestLink(t *testing.T) {
	r := trainer(t, "link", "-data", "starter", "-hidden", "12", "-lr", "0.3", "-seed", "7", "-epochs", "20",
		"-pace", "0", "-activation", "relu", "-fix", "Hidden, LR", "-hide", "network,train", "-open", "tour",
		"-title", "Zéros et uns", "-maps", "-tab", "train", "-base", "https://school.example/dt.html")
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "https://school.example/dt.html#v1.") || strings.Count(r.stdout, "\n") != 1 {
		t.Fatalf("exit %d, stderr %q, stdout %q", r.code, r.stderr, r.stdout)
	}
	if !strings.Contains(r.stderr, "300 drawings of 2 classes (60 held out)") {
		t.Errorf("stderr %q", r.stderr)
	}
	l, err := lesson.Decode(strings.TrimSpace(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	want := lesson.DefaultSettings()
	want.Hidden, want.LR, want.Seed, want.EpochsN, want.Pace, want.Activation = 12, 0.3, 7, 20, 0, "relu"
	if l.Settings != want {
		t.Errorf("settings %+v, want %+v", l.Settings, want)
	}
	if l.View != (lesson.View{Maps: true, Tab: "train"}) || l.Title != "Zéros et uns" {
		t.Errorf("view %+v, title %q", l.View, l.Title)
	}
	if tc := l.Teacher; !slices.Equal(tc.Fixed, []string{"LR", "Hidden"}) || !slices.Equal(tc.Hide, []string{"network", "train"}) || tc.Open != "tour" {
		t.Errorf("teacher %+v", tc)
	}
	d := starterSided(t)
	if !l.Data.Sided || !slices.Equal(l.Data.Samples, d.Samples) || !slices.Equal(l.Data.Classes, d.Classes) {
		t.Error("the link's drawings are not the starter set with the app's sides")
	}
}

// TestLinkFile: a file's drawings, held out by -val, classes by -classes;
// the default base page.
func TestLinkFile(t *testing.T) {
	f := filepath.Join(t.TempDir(), "set.csv")
	writeSet(t, f, drawings(20, 2), data.DefaultClasses(2))
	r := trainer(t, "link", "-data", f, "-val", "0", "-classes", "3")
	if r.code != exitOK || !strings.HasPrefix(r.stdout, defaultBase+"#v1.") {
		t.Fatalf("exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	l, err := lesson.Decode(r.stdout)
	if err != nil {
		t.Fatal(err)
	}
	if l.Data.Len() != 20 || len(l.Data.Classes) != 3 || slices.Max(l.Data.ValCounts()) != 0 || l.Settings != lesson.DefaultSettings() {
		t.Errorf("%d drawings, %d classes, held out %v, settings %+v", l.Data.Len(), len(l.Data.Classes), l.Data.ValCounts(), l.Settings)
	}
}

func TestLinkErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.csv")
	writeSet(t, big, drawings(lesson.MaxDrawings+1, 2), data.DefaultClasses(2))
	s := []string{"link", "-data", "starter"}
	checkErrors(t, []errCase{
		{[]string{"link"}, exitUsage, "link needs -data FILE"},
		{append(s, "-hidden", "300"), exitUsage, "link: the hidden size 300 is outside 1..256"},
		{append(s, "-lr", "NaN"), exitUsage, "link: the learning rate NaN is not a number above 0"},
		{append(s, "-pace", "-1"), exitUsage, "link: the pace -1 is not 0 (full speed)"},
		{append(s, "-activation", "swish"), exitUsage, `link: the activation "swish" is not sigmoid, tanh or relu`},
		{append(s, "-fix", "Speed"), exitUsage, `link: "Speed" is not a setting a lesson can fix`},
		{append(s, "-hide", "net work"), exitUsage, `link: a hidden panel's name "net work" has a character other than`},
		{append(s, "-open", "../x"), exitUsage, `link: the lesson to open "../x" has a character other than`},
		{append(s, "-title", "a\tb"), exitUsage, "link: the title has a control character"},
		{append(s, "-val", "1"), exitUsage, "link: -val must be between 0 and 0.9, not 1"},
		{append(s, "-classes", "3"), exitUsage, "link: the starter set has 2 or 10 classes, not 3"},
		{append(s, "-base", "a.html#x"), exitUsage, `link: -base "a.html#x" already has a #`},
		{append(s, "extra"), exitUsage, `unexpected argument "extra"`},
		{[]string{"link", "-data", filepath.Join(dir, "none.csv")}, exitError, "none.csv: no such file"},
		{[]string{"link", "-data", big}, exitError, big + ": the lesson has 5,001 drawings; at most 5,000 fit in a link"},
	})
}
