package app

import (
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/experiment"
	"digittrainer/i18n"
	"digittrainer/render"
	"digittrainer/session"
)

// tableSuspects is how many of the ranking the bad-data card lists; the
// dataset panel shows as many as were poisoned, at least this many.
const tableSuspects = 8

// askBadData opens the bad-data card: poison the drawings (flip labels,
// plant a backdoor), search for the suspicious ones, and the ranking so far.
func (g *Game) askBadData() {
	g.modal.ask(i18n.Mark("Bad data"), "", Command{},
		choice{label: i18n.Sprintf("Flip %d%% of labels (1)", 10), key: ebiten.KeyDigit1, cmd: Command{Act: ActFlip, Arg: 10}},
		choice{label: i18n.Sprintf("Flip %d%% (3)", 30), key: ebiten.KeyDigit3, cmd: Command{Act: ActFlip, Arg: 30}},
		choice{label: i18n.Mark("Plant a backdoor (P)"), key: ebiten.KeyP, cmd: Command{Act: ActBackdoor}},
		choice{label: i18n.Mark("Add the mark to the grid (M)"), key: ebiten.KeyM, cmd: Command{Act: ActAddMark}},
		choice{label: i18n.Mark("Find suspicious drawings (F)"), key: ebiten.KeyF, cmd: Command{Act: ActSuspects}},
		choice{label: i18n.Mark("Show them in the dataset (D)"), key: ebiten.KeyD, cmd: Command{Act: ActShowSuspects}},
		choice{label: i18n.Mark("Undo (U)"), key: ebiten.KeyU, cmd: Command{Act: ActUndo}})
	g.modal.question.cancelLabel = i18n.Mark("Close (Esc)")
	g.modal.question.refresh = func(q *question) {
		s := g.s
		q.text = badDataText(s)
		list, findings := s.SuspectList()
		q.table = suspectTable(s, list, findings)
		q.choices[4].label = searchLabel(s)
		q.disabled = []bool{false, false, false, false, false, list == nil, !s.CanUndo()}
	}
}

// searchLabel is the bad-data card's search button: Find, or Stop while
// the search runs.
func searchLabel(s *session.Session) string {
	if s.Searching() {
		return i18n.Mark("Stop the search (F)")
	}
	return i18n.Mark("Find suspicious drawings (F)")
}

// badDataText says what the card does and where the experiment stands.
func badDataText(s *session.Session) string {
	text := i18n.T("The talk's answer to bad data: check the data, look for outliers, test the model. Poison your drawings on purpose, then see whether " +
		"the app can find what you did: networks that never trained on a drawing say how strongly they disagree with its label.")
	if p := s.Poisoned(); len(p) > 0 {
		text += " " + i18n.Plural(len(p), "%d drawing is poisoned (marked ! in the dataset).", "%d drawings are poisoned (marked ! in the dataset).")
	}
	switch list, _ := s.SuspectList(); {
	case s.Searching():
		text += " " + i18n.Sprintf("Searching: %.0f%% done.", 100*s.SearchProgress())
	case list != nil:
		text += " " + i18n.T("The most suspicious, by score (1: the networks are sure the label is wrong):")
	}
	return text
}

// suspectTable is the top of the ranking with the dataset check's words.
func suspectTable(s *session.Session, list []experiment.Suspect, f []experiment.Finding) *render.Table {
	if list == nil {
		return nil
	}
	names := s.Data().Classes
	t := &render.Table{Columns: []string{i18n.T("drawing"), i18n.T("label"), i18n.T("read as"), i18n.T("score"), i18n.T("also")}}
	for _, sp := range list[:min(tableSuspects, len(list))] {
		label := strconv.Itoa(sp.Index + 1)
		if s.IsPoisoned(sp.Index) {
			label += " !"
		}
		t.Rows = append(t.Rows, []string{label, names[sp.Label], names[sp.Predicted], i18n.Float(sp.Score, 2), experiment.Checks(f, sp.Index)})
	}
	return t
}

// suspectsShown is how many suspects the dataset panel shows: as many as
// were poisoned, at least tableSuspects.
func suspectsShown(s *session.Session) int { return max(len(s.Poisoned()), tableSuspects) }
