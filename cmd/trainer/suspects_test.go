package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// suspectRows returns suspects' table: each row's fields after the rank
// (drawing, label, predicted, score and any check), in order.
func suspectRows(t *testing.T, stdout string) [][]string {
	t.Helper()
	_, table, ok := strings.Cut(stdout, "  rank  drawing  label  predicted  score  check\n")
	if !ok {
		t.Fatalf("no table in\n%s", stdout)
	}
	var rows [][]string
	for l := range strings.Lines(table) {
		f := strings.Fields(l)
		if len(f) < 5 || f[0] != strconv.Itoa(len(rows)+1) {
			break
		}
		rows = append(rows, f[1:])
	}
	return rows
}

// TestSuspects: with a tenth of the starter set's training labels flipped
// by trainer poison, the defaults rank at least 0.8 of them (20 of 24) in
// the top 24, as experiment's test asks, each predicted as the class it
// was before; -csv writes every drawing in the same order.
func TestSuspects(t *testing.T) {
	dir := t.TempDir()
	poisoned, table := filepath.Join(dir, "flipped.csv"), filepath.Join(dir, "suspects.csv")
	r := trainer(t, "poison", "-data", "starter", "-flip", "0.1", "-out", poisoned)
	if r.code != exitOK {
		t.Fatalf("poison: exit %d, %s", r.code, r.stderr)
	}
	changed := changedOf(t, r.stdout)
	r = trainer(t, "suspects", "-data", poisoned, "-top", "24", "-csv", table)
	if r.code != exitOK || r.stderr != "" || !strings.Contains(r.stdout, "suspects among 300 drawings: 81-24-2 sigmoid, 5 folds × 3 rounds, each trained 10 epochs") {
		t.Fatalf("exit %d, stderr %q, stdout\n%s", r.code, r.stderr, r.stdout)
	}
	rows := suspectRows(t, r.stdout)
	if len(rows) != 24 {
		t.Fatalf("%d rows, want 24:\n%s", len(rows), r.stdout)
	}
	hit := 0
	for _, row := range rows {
		n, _ := strconv.Atoi(row[0])
		for _, i := range changed {
			if i == n-1 {
				hit++
				if row[1] == row[2] {
					t.Errorf("flipped drawing %s: predicted its wrong label %s", row[0], row[1])
				}
			}
		}
	}
	if hit < 20 {
		t.Errorf("%d of the 24 flipped drawings in the top 24, want ≥ 20\n%s", hit, r.stdout)
	}
	b, err := os.ReadFile(table)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 301 || lines[0] != "rank,drawing,label,predicted,score,check" {
		t.Fatalf("%s: %d lines, header %q", table, len(lines), lines[0])
	}
	for k, row := range rows {
		f := strings.Split(lines[k+1], ",")
		if f[0] != strconv.Itoa(k+1) || f[1] != row[0] || f[2] != row[1] || f[3] != row[2] || !strings.HasPrefix(f[4], row[3][:4]) {
			t.Errorf("CSV line %d %q, table row %v", k+2, lines[k+1], row)
		}
	}
}

// TestSuspectsChecks: the dataset check's findings show in the check
// column, and those outside the listed rows after the table.
func TestSuspectsChecks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.csv")
	r := trainer(t, "starter", "-out", path)
	if r.code != exitOK {
		t.Fatal(r.stderr)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	empty := "0" + strings.Repeat(",0", 81)
	other := map[byte]string{'0': "1", '1': "0"}[lines[2][0]] + lines[2][1:] // drawing 2 again, labelled otherwise: a conflict
	lines = append(lines, empty, other)
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = trainer(t, "suspects", "-data", path, "-top", "0", "-rounds", "1", "-epochs", "2")
	if r.code != exitOK {
		t.Fatalf("exit %d, %s", r.code, r.stderr)
	}
	checks := map[string]string{}
	for _, row := range suspectRows(t, r.stdout) {
		checks[row[0]] = strings.Join(row[4:], " ")
	}
	if len(checks) != 302 || checks["301"] != "empty" || checks["2"] != "conflict" || checks["302"] != "conflict" {
		t.Errorf("%d rows; checks of 301, 2, 302: %q, %q, %q", len(checks), checks["301"], checks["2"], checks["302"])
	}
	r = trainer(t, "suspects", "-data", path, "-top", "1", "-rounds", "1", "-epochs", "2")
	if !strings.Contains(r.stdout, "the dataset check also found drawings ") || !strings.Contains(r.stdout, "301 (empty)") {
		t.Errorf("-top 1: no list of the check's other findings in\n%s", r.stdout)
	}
}

func TestSuspectsErrors(t *testing.T) {
	s := []string{"suspects", "-data", "starter"}
	checkErrors(t, []errCase{
		{[]string{"suspects"}, exitUsage, "suspects needs -data"},
		{append(s, "-folds", "1"), exitUsage, "suspects: -folds must be 2..20, not 1"},
		{append(s, "-folds", "21"), exitUsage, "suspects: -folds must be 2..20, not 21"},
		{append(s, "-rounds", "0"), exitUsage, "suspects: -rounds must be 1..10, not 0"},
		{append(s, "-rounds", "11"), exitUsage, "suspects: -rounds must be 1..10, not 11"},
		{append(s, "-top", "-1"), exitUsage, "suspects: -top must be 0 (all) or more, not -1"},
		{append(s, "-epochs", "0"), exitUsage, "suspects: -epochs must be 1..100000, not 0"},
		{append(s, "-hidden", "300"), exitUsage, "suspects: -hidden must be 1..256, not 300"},
		{append(s, "-lr", "0"), exitUsage, "suspects: -lr must be a number above 0, not 0"},
		{append(s, "-classes", "1"), exitUsage, "suspects: -classes must be 2..10, not 1"},
		{append(s, "-classes", "3"), exitUsage, "suspects: the starter set has 2 or 10 classes, not 3"},
		{append(s, "-csv", "x.txt"), exitUsage, `suspects: -csv must end in .csv, not "x.txt"`},
		{append(s, "-augment=maybe"), exitUsage, "suspects: invalid boolean value"},
		{append(s, "-epochs", "1", "-lr", "1e308"), exitError, "a fold's network diverged after epoch 1"},
		{[]string{"suspects", "-data", "no-such.json"}, exitError, "no-such.json: no such file"},
		{append(s, "extra"), exitUsage, `unexpected argument "extra"`},
	})
}
