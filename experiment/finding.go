package experiment

import (
	"bytes"
	"encoding/csv"
	"sort"
	"strconv"
	"strings"

	"digittrainer/data"
	"digittrainer/i18n"
)

// The checks of data.Dataset.Quality a Finding names, in the order a
// drawing's findings are listed: the ones that stop learning first.
const (
	CheckConflict  = "conflict"     // the same drawing with another label too
	CheckEmpty     = "empty"        // no ink
	CheckSparse    = "nearly empty" // 1..data.SparseInk pixels
	CheckDuplicate = "duplicate"    // an extra copy of an earlier drawing with its label
)

// Finding is one of the dataset check's verdicts on one drawing, by the
// same 0-based index as a Suspect's, so the list of suspicious drawings can
// show both: a check catches what needs no training (an empty drawing, two
// copies labelled differently), the ranking what only a network can see (a
// 0 labelled 1).
type Finding struct {
	Index int
	Check string // CheckConflict, CheckEmpty, CheckSparse or CheckDuplicate
}

// Findings returns r's verdicts drawing by drawing, by Index and then in
// the order of the Check constants. Every drawing of a conflict is listed,
// since any of them may be the wrong one; of duplicates, every copy but
// the first, which is the one to keep.
func Findings(r data.Report) []Finding {
	var f []Finding
	for _, g := range r.Conflicts {
		for _, i := range g {
			f = append(f, Finding{i, CheckConflict})
		}
	}
	for _, i := range r.Empty {
		f = append(f, Finding{i, CheckEmpty})
	}
	for _, i := range r.Sparse {
		f = append(f, Finding{i, CheckSparse})
	}
	for _, g := range r.Duplicates {
		for _, i := range g[1:] {
			f = append(f, Finding{i, CheckDuplicate})
		}
	}
	sort.SliceStable(f, func(i, j int) bool { return f[i].Index < f[j].Index })
	return f
}

// SuspectsHeader names the columns of the suspects' CSV table: the rank
// (1 = most suspicious), the drawing's number counted from 1 as a teacher
// counts, its label and predicted class by name, the score in full, and
// what the dataset check says of it.
var SuspectsHeader = []string{"rank", "drawing", "label", "predicted", "score", "check"}

// SuspectsCSV renders list under SuspectsHeader, one drawing a line in
// list's order, with classes naming the labels and findings (see
// Findings) filling the check column. The CLI's -csv and a table the app
// saves are the same file.
func SuspectsCSV(list []Suspect, classes []string, findings []Finding) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(SuspectsHeader)
	for k, s := range list {
		w.Write([]string{strconv.Itoa(k + 1), strconv.Itoa(s.Index + 1),
			className(classes, s.Label), className(classes, s.Predicted),
			fullNum(s.Score), checks(findings, s.Index, false)})
	}
	w.Flush() // a bytes.Buffer does not fail
	return buf.Bytes()
}

// Checks returns what findings say of drawing i, joined by "; " ("" for
// nothing), in the language in use: the check column of SuspectsCSV (which
// keeps the English words of a file), for a table the caller draws.
func Checks(findings []Finding, i int) string { return checks(findings, i, true) }

func checks(findings []Finding, i int, translate bool) string {
	var s []string
	for _, f := range findings {
		if f.Index == i {
			c := f.Check
			if translate {
				c = checkText(c)
			}
			s = append(s, c)
		}
	}
	return strings.Join(s, "; ")
}

// checkText is a check's name in the language in use.
func checkText(check string) string {
	switch check {
	case CheckConflict:
		return i18n.T("conflict")
	case CheckEmpty:
		return i18n.T("empty")
	case CheckSparse:
		return i18n.T("nearly empty")
	case CheckDuplicate:
		return i18n.T("duplicate")
	}
	return check
}

// className returns class l's name, or its number if classes has none.
func className(classes []string, l int) string {
	if l >= 0 && l < len(classes) && classes[l] != "" {
		return classes[l]
	}
	return strconv.Itoa(l)
}
