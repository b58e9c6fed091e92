package app

import (
	"fmt"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/experiment"
	"digittrainer/render"
	"digittrainer/session"
)

// tableSuspects is how many of the ranking the bad-data card lists; the
// dataset panel shows as many as were poisoned, at least this many.
const tableSuspects = 8

// askBadData opens the bad-data card: poison the drawings (flip labels,
// plant a backdoor), search for the suspicious ones, and the ranking so far.
func (g *Game) askBadData() {
	g.modal.ask("Bad data", "", Command{},
		choice{label: "Flip 10% of labels (1)", key: ebiten.KeyDigit1, cmd: Command{Act: ActFlip, Arg: 10}},
		choice{label: "Flip 30% (3)", key: ebiten.KeyDigit3, cmd: Command{Act: ActFlip, Arg: 30}},
		choice{label: "Plant a backdoor (P)", key: ebiten.KeyP, cmd: Command{Act: ActBackdoor}},
		choice{label: "Add the mark to the grid (M)", key: ebiten.KeyM, cmd: Command{Act: ActAddMark}},
		choice{label: "Find suspicious drawings (F)", key: ebiten.KeyF, cmd: Command{Act: ActSuspects}},
		choice{label: "Show them in the dataset (D)", key: ebiten.KeyD, cmd: Command{Act: ActShowSuspects}},
		choice{label: "Undo (U)", key: ebiten.KeyU, cmd: Command{Act: ActUndo}})
	g.modal.question.cancelLabel = "Close (Esc)"
	g.modal.question.refresh = func(q *question) {
		s := g.s
		q.text = badDataText(s)
		list, findings := s.SuspectList()
		q.table = suspectTable(s, list, findings)
		q.choices[4].label = "Find suspicious drawings (F)"
		if s.Searching() {
			q.choices[4].label = "Stop the search (F)"
		}
		q.disabled = []bool{false, false, false, false, false, list == nil, !s.CanUndo()}
	}
}

// badDataText says what the card does and where the experiment stands.
func badDataText(s *session.Session) string {
	text := "The talk's answer to bad data: check the data, look for outliers, test the model. Poison your drawings on purpose, then see whether " +
		"the app can find what you did: networks that never trained on a drawing say how strongly they disagree with its label."
	if p := s.Poisoned(); len(p) > 0 {
		text += fmt.Sprintf(" %d drawings are poisoned (marked ! in the dataset).", len(p))
	}
	switch list, _ := s.SuspectList(); {
	case s.Searching():
		text += fmt.Sprintf(" Searching: %.0f%% done.", 100*s.SearchProgress())
	case list != nil:
		text += " The most suspicious, by score (1: the networks are sure the label is wrong):"
	}
	return text
}

// suspectTable is the top of the ranking with the dataset check's words.
func suspectTable(s *session.Session, list []experiment.Suspect, f []experiment.Finding) *render.Table {
	if list == nil {
		return nil
	}
	names := s.Data().Classes
	t := &render.Table{Columns: []string{"drawing", "label", "read as", "score", "also"}}
	for _, sp := range list[:min(tableSuspects, len(list))] {
		label := strconv.Itoa(sp.Index + 1)
		if s.IsPoisoned(sp.Index) {
			label += " !"
		}
		t.Rows = append(t.Rows, []string{label, names[sp.Label], names[sp.Predicted], strconv.FormatFloat(sp.Score, 'f', 2, 64), experiment.Checks(f, sp.Index)})
	}
	return t
}

// suspectsShown is how many suspects the dataset panel shows: as many as
// were poisoned, at least tableSuspects.
func suspectsShown(s *session.Session) int { return max(len(s.Poisoned()), tableSuspects) }
