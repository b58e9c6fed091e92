package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"digittrainer/checkpoint"
)

// result is what one run of the command produced.
type result struct {
	code           int
	stdout, stderr string
}

func trainer(t *testing.T, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return result{code, out.String(), errb.String()}
}

// repoRoot is the repository root, seen from this package's folder (where go test runs).
var repoRoot = filepath.Join("..", "..")

// fixture returns the path of one of the original app's files, which live in shared/ next
// to the repository (as e2e/lib.mjs's fixturesDir), not in it.
func fixture(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(repoRoot, "..", "shared", "fixtures", "bdt", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("fixture %s not available", name)
	}
	return p
}

func load(t *testing.T, path string) *checkpoint.Loaded {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := checkpoint.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// errCase is a command line that must fail with one line on stderr.
type errCase struct {
	args []string
	code int
	want string // substring of stderr
}

func checkErrors(t *testing.T, cases []errCase) {
	t.Helper()
	for _, tc := range cases {
		r := trainer(t, tc.args...)
		if r.code != tc.code {
			t.Errorf("trainer %s: exit %d, want %d (stderr %q)", strings.Join(tc.args, " "), r.code, tc.code, r.stderr)
		}
		if !strings.HasPrefix(r.stderr, "trainer: ") || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("trainer %s: stderr %q, want one line containing %q", strings.Join(tc.args, " "), r.stderr, tc.want)
		}
		if strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic") {
			t.Errorf("trainer %s: stack trace on stderr", strings.Join(tc.args, " "))
		}
	}
}

func TestCommands(t *testing.T) {
	checkErrors(t, []errCase{
		{nil, exitUsage, "no command given"},
		{[]string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
	})
	for _, args := range [][]string{{"help"}, {"--help"}, {"train", "-h"}, {"sweep", "-h"}, {"suspects", "-h"}, {"poison", "-help"}, {"eval", "-help"}} {
		r := trainer(t, args...)
		if r.code != exitOK || !strings.Contains(r.stdout, "trainer train -data FILE|starter") || r.stderr != "" {
			t.Errorf("trainer %v: exit %d, stdout %.60q…, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
}

func TestStarter(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		file    string
		classes int
		n       int
	}{{"s2.csv", 2, 300}, {"s10.csv", 10, 500}, {"s2.json", 2, 300}} {
		path := filepath.Join(dir, tc.file)
		r := trainer(t, "starter", "-out", path, "-classes", strconv.Itoa(tc.classes))
		if r.code != exitOK || !strings.HasPrefix(r.stdout, "wrote "+path) {
			t.Fatalf("starter %s: exit %d, %q %q", tc.file, r.code, r.stdout, r.stderr)
		}
		l := load(t, path)
		if l.Data.Len() < tc.n || len(l.Data.Classes) != tc.classes {
			t.Errorf("%s: %d samples, %d classes", tc.file, l.Data.Len(), len(l.Data.Classes))
		}
	}
	checkErrors(t, []errCase{
		{[]string{"starter"}, exitUsage, "starter needs -out"},
		{[]string{"starter", "-out", filepath.Join(dir, "x.csv"), "-classes", "3"}, exitUsage, "-classes must be 2 or 10"},
		{[]string{"starter", "-out", filepath.Join(dir, "x.txt")}, exitUsage, "a dataset is saved as .csv or .json"},
		{[]string{"starter", "-out", filepath.Join(dir, "no", "such", "x.csv")}, exitError, "no such file"},
		{[]string{"starter", "-out", "x.csv", "extra"}, exitUsage, `unexpected argument "extra"`},
	})
}

// TestUsageListsEveryFlag: "trainer help" names every flag train, sweep,
// imbalance, suspects, poison, merge and link take, each in its own
// command's part.
func TestUsageListsEveryFlag(t *testing.T) {
	for name, fs := range map[string]*flag.FlagSet{
		"train":     trainFlags(&trainOpts{}),
		"sweep":     sweepFlags(&sweepOpts{}),
		"imbalance": imbalanceFlags(&imbalanceOpts{}),
		"suspects":  suspectsFlags(&suspectsOpts{}),
		"poison":    poisonFlags(&poisonOpts{}),
		"merge":     mergeFlags(new(string)),
		"link":      linkFlags(&linkOpts{}),
	} {
		text := usageOf(name)
		if text == "" {
			t.Errorf("the usage text has no trainer %s", name)
		}
		fs.VisitAll(func(f *flag.Flag) {
			if !regexp.MustCompile(`[\s\[]-` + f.Name + `[\s=\]]`).MatchString(text) {
				t.Errorf("the usage text of trainer %s does not mention -%s", name, f.Name)
			}
		})
	}
}

// usageOf returns the parts of the usage text that describe the command
// name: each from its "  trainer name" line to the next command's.
func usageOf(name string) string {
	var b strings.Builder
	in := false
	for _, l := range strings.SplitAfter(usage, "\n") {
		if cmd, ok := strings.CutPrefix(l, "  trainer "); ok {
			in = strings.HasPrefix(cmd, name+" ")
		} else if !strings.HasPrefix(l, "    ") {
			in = false
		}
		if in {
			b.WriteString(l)
		}
	}
	return b.String()
}
