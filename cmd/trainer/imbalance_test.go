package main

import (
	"strconv"
	"strings"
	"testing"
)

// imbalanceRows returns imbalance's per-class table by class name: each
// run's accuracy in percent and drawings trained on, balanced run first.
func imbalanceRows(t *testing.T, stdout string) map[string][4]float64 {
	t.Helper()
	_, table, ok := strings.Cut(stdout, "class          balanced           thinned\n")
	if !ok {
		t.Fatalf("no per-class table in\n%s", stdout)
	}
	rows := map[string][4]float64{}
	for l := range strings.Lines(table) {
		f := strings.Fields(strings.NewReplacer("%", "", "(", "", ")", "").Replace(l))
		if len(f) != 5 {
			break
		}
		var row [4]float64
		for i := range row {
			v, err := strconv.ParseFloat(f[i+1], 64)
			if err != nil {
				t.Fatalf("row %q: %v", l, err)
			}
			row[i] = v
		}
		rows[f[0]] = row
	}
	return rows
}

// TestImbalance: a tenth of class 0 left, and the thinned run trains on 12
// of its 120 drawings and reads fewer of the held-out ones (3 of 30 at
// least, as experiment's test asks) than the balanced run; with -share 1
// the two columns are the same.
func TestImbalance(t *testing.T) {
	flags := []string{"imbalance", "-data", "starter", "-val", "0.2", "-epochs", "10", "-seed", "3"}
	r := trainer(t, append(flags, "-class", "0", "-share", "0.1")...)
	if r.code != exitOK || r.stderr != "" || !strings.Contains(r.stdout, "thinned run: confusion matrix") {
		t.Fatalf("exit %d, stderr %q, stdout\n%s", r.code, r.stderr, r.stdout)
	}
	rows := imbalanceRows(t, r.stdout)
	if c0, c1 := rows["0"], rows["1"]; c0[1] != 120 || c0[3] != 12 || c1[1] != 120 || c1[3] != 120 || !(c0[2] <= c0[0]-10) {
		t.Errorf("-share 0.1 of class 0: rows %v\n%s", rows, r.stdout)
	}
	r = trainer(t, append(flags, "-class", "1", "-share", "1")...)
	for c, row := range imbalanceRows(t, r.stdout) {
		if row[0] != row[2] || row[1] != row[3] {
			t.Errorf("-share 1: class %s reads %v", c, row)
		}
	}
}

func TestImbalanceErrors(t *testing.T) {
	checkErrors(t, []errCase{
		{[]string{"imbalance"}, exitUsage, "imbalance needs -data"},
		{[]string{"imbalance", "-data", "starter", "-share", "0"}, exitUsage, "imbalance: -share must be more than 0 and at most 1, not 0"},
		{[]string{"imbalance", "-data", "starter", "-share", "1.5"}, exitUsage, "-share must be more than 0 and at most 1, not 1.5"},
		{[]string{"imbalance", "-data", "starter", "-class", "2"}, exitUsage, "imbalance: -class must be 0..1, not 2"},
		{[]string{"imbalance", "-data", "starter", "-class", "-1"}, exitUsage, "-class must be 0..1, not -1"},
		{[]string{"imbalance", "-data", "starter", "-hidden", "0"}, exitUsage, "imbalance: -hidden must be 1..256, not 0"},
		{[]string{"imbalance", "-data", "starter", "-epochs", "0"}, exitUsage, "imbalance: -epochs must be 1.."},
		{[]string{"imbalance", "-data", "starter", "-epochs", "1", "-lr", "1e308"}, exitError, "the balanced run diverged after epoch 1"},
	})
}
