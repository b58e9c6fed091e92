package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"digittrainer/experiment"
)

// finalLine is train's last line of metrics: train acc, its loss, val acc, its loss.
var finalLine = regexp.MustCompile(`(?m)^final +train acc (\S+) \(loss (\S+)\), val acc (\S+) \(loss (\S+)\)$`)

// sweepRows returns the rows of a sweep's table on stdout, by hidden size,
// split into columns.
func sweepRows(t *testing.T, stdout string) map[string][]string {
	t.Helper()
	lines := strings.Split(stdout, "\n")
	i := slices.Index(lines, tableHeader)
	if i < 0 {
		t.Fatalf("no table header in\n%s", stdout)
	}
	rows := map[string][]string{}
	for _, l := range lines[i+1:] {
		if l == "" || strings.HasPrefix(l, "wrote ") {
			break
		}
		f := strings.Fields(l)
		rows[f[0]] = f
	}
	return rows
}

// TestSweepIsTrain: every row of a sweep is what train with that -hidden
// and the same other flags says on its final line, for the 2-class starter
// set and for the 10-class one with every hyper-parameter flag changed.
func TestSweepIsTrain(t *testing.T) {
	for _, tc := range []struct {
		sizes []string
		flags []string
	}{
		{[]string{"24", "8"}, []string{"-data", "starter", "-val", "0.2", "-epochs", "5", "-seed", "2"}},
		{[]string{"16"}, []string{"-data", "starter", "-classes", "10", "-val", "0.2", "-epochs", "2", "-activation", "tanh",
			"-lr", "0.05", "-batch", "4", "-decay", "0.9", "-min-lr", "0.04", "-l2", "0.0001", "-augment"}},
	} {
		list := strings.Join(tc.sizes, ",")
		s := trainer(t, append([]string{"sweep", "-hidden", list}, tc.flags...)...)
		if s.code != exitOK || s.stderr != "" {
			t.Fatalf("sweep -hidden %s: exit %d, %s", list, s.code, s.stderr)
		}
		rows := sweepRows(t, s.stdout)
		if len(rows) != len(tc.sizes) {
			t.Fatalf("sweep -hidden %s: %d rows:\n%s", list, len(rows), s.stdout)
		}
		for _, h := range tc.sizes {
			tr := trainer(t, append([]string{"train", "-hidden", h}, tc.flags...)...)
			m := finalLine.FindStringSubmatch(tr.stdout)
			if tr.code != exitOK || m == nil {
				t.Fatalf("train -hidden %s: exit %d, no final line:\n%s%s", h, tr.code, tr.stdout, tr.stderr)
			}
			// hidden params train-acc train-loss val-acc val-loss seconds
			if got, want := slices.Concat(rows[h][2:4], rows[h][4:6]), m[1:5]; !slices.Equal(got, want) {
				t.Errorf("%v -hidden %s: sweep row %v, train's final line %v", tc.flags, h, rows[h], m[0])
			}
		}
	}
}

// TestSweepTable: the header says what ran, rows come smallest first with
// their parameter counts, and -csv writes the same table with every number
// in full.
func TestSweepTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sweep.csv")
	r := trainer(t, "sweep", "-data", "starter", "-val", "0.2", "-epochs", "1", "-hidden", "8, 2,8", "-csv", path)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"sweep of 81-H-2 sigmoid, H = 2, 8, on 240 samples, 60 held out for validation; 1 epoch each, lr 0.1, batch 1, seed 1\n" + tableHeader + "\n     2     170 ",
		"\n     8     674 ", "\nwrote " + path + " (2 rows)\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	rows := sweepRows(t, r.stdout)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || !slices.Equal(recs[0], experiment.CSVHeader) {
		t.Fatalf("CSV:\n%s", b)
	}
	for _, rec := range recs[1:] {
		v := make([]float64, len(rec))
		for i, f := range rec {
			if v[i], err = strconv.ParseFloat(f, 64); err != nil {
				t.Fatalf("CSV column %s: %v", experiment.CSVHeader[i], err)
			}
		}
		got := []string{rec[0], rec[1], percent(v[2]), num(v[3]), percent(v[4]), num(v[5]), fmt.Sprintf("%.3f", v[6])}
		if want := rows[rec[0]]; !slices.Equal(got, want) {
			t.Errorf("CSV row %v reads %v; stdout has %v", rec, got, want)
		}
		if v[7] != v[6] || v[8] != 0 {
			t.Errorf("1 epoch: %v s an epoch of %v s, diverged in epoch %v", v[7], v[6], v[8])
		}
	}
}

// TestSweepWithout: without a validation set its columns read "-" and its
// CSV fields are empty; a run that diverges says so in its row and with
// exit status 1, after the others ran.
func TestSweepWithout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.csv")
	r := trainer(t, "sweep", "-data", "starter", "-epochs", "1", "-hidden", "4", "-csv", path)
	if f := sweepRows(t, r.stdout)["4"]; r.code != exitOK || len(f) != 7 || f[4] != "-" || f[5] != "-" {
		t.Errorf("no -val: exit %d, row %q", r.code, f)
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "\n4,338,") || !strings.Contains(string(b), ",,,") {
		t.Errorf("no -val: CSV\n%s", b)
	}
	r = trainer(t, "sweep", "-data", "starter", "-epochs", "3", "-lr", "1e308", "-hidden", "1,24", "-csv", path)
	if !strings.Contains(r.stdout, "\n    24    2018  diverged in epoch 1 ") || !strings.Contains(r.stdout, "\n     1      86 ") {
		t.Errorf("-lr 1e308:\n%s", r.stdout)
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "\n24,2018,,,,,") || !strings.HasSuffix(string(b), ",1\n") {
		t.Errorf("-lr 1e308: CSV\n%s", b)
	}
	checkErrors(t, []errCase{
		{[]string{"sweep", "-data", "starter", "-epochs", "3", "-lr", "1e308", "-hidden", "1,24"}, exitError,
			"training diverged with -hidden 24 (the weights became NaN or infinite); try a smaller -lr"},
	})
}

func TestSweepErrors(t *testing.T) {
	dir := t.TempDir()
	s := []string{"sweep", "-data", "starter", "-epochs", "1"}
	checkErrors(t, []errCase{
		{[]string{"sweep"}, exitUsage, "sweep needs -data FILE"},
		{[]string{"sweep", "-hidden", "4"}, exitUsage, "sweep needs -data FILE"},
		{append(s, "-hidden", "1,,2"), exitUsage, `-hidden "1,,2" has an empty entry; give sizes separated by commas`},
		{append(s, "-hidden", "1,2,"), exitUsage, `-hidden "1,2," has an empty entry`},
		{append(s, "-hidden", "0"), exitUsage, "sweep: -hidden must be 1..256, not 0"},
		{append(s, "-hidden", "4,300"), exitUsage, "sweep: -hidden must be 1..256, not 300"},
		{append(s, "-hidden", "-3"), exitUsage, "sweep: -hidden must be 1..256, not -3"},
		{append(s, "-hidden", "99999999999999999999"), exitUsage, "sweep: -hidden must be 1..256, not 99999999999999999999"},
		{append(s, "-hidden", "a"), exitUsage, `sweep: -hidden "a": "a" is not a whole number`},
		{append(s, "-hidden", "2.5"), exitUsage, `"2.5" is not a whole number`},
		{append(s, "-hidden", " "), exitUsage, "sweep: -hidden is empty: give at least one hidden size"},
		{append(s, "-hidden", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17"), exitUsage, "-hidden has 17 different sizes; a sweep tries at most 16"},
		{append(s, "-epochs", "0"), exitUsage, "sweep: -epochs must be 1..100000, not 0"},
		{append(s, "-lr", "0"), exitUsage, "sweep: -lr must be a number above 0"},
		{append(s, "-batch", "0"), exitUsage, "sweep: -batch must be at least 1"},
		{append(s, "-decay", "0"), exitUsage, "sweep: -decay must be above 0"},
		{append(s, "-min-lr", "-1"), exitUsage, "sweep: -min-lr must be 0 or more"},
		{append(s, "-l2", "-1"), exitUsage, "sweep: -l2 must be 0 or more"},
		{append(s, "-val", "1"), exitUsage, "sweep: -val must be between 0 and 0.9"},
		{append(s, "-classes", "1"), exitUsage, "sweep: -classes must be 2..10"},
		{append(s, "-classes", "3"), exitUsage, "sweep: the starter set has 2 or 10 classes, not 3"},
		{append(s, "-activation", "gelu"), exitUsage, `sweep: -activation must be sigmoid, tanh or relu, not "gelu"`},
		{append(s, "-csv", filepath.Join(dir, "t.txt")), exitUsage, "sweep: -csv must end in .csv"},
		{append(s, "-out", "m.safetensors"), exitUsage, "flag provided but not defined: -out"},
		{append(s, "24"), exitUsage, `sweep: unexpected argument "24"`},
		{[]string{"sweep", "-data", filepath.Join(dir, "none.csv")}, exitError, "none.csv: no such file"},
		{append(s, "-hidden", "2", "-csv", filepath.Join(dir, "no", "s.csv")), exitError, "no such file"},
	})
}
