package screen

import (
	"slices"

	"digittrainer/render"
	"digittrainer/session"
)

// The Training panel's settings, in two groups: what a lesson changes, and
// what it rarely does. Where the panel has room for both they stand one
// under the other; where not, CtlMore shows one group at a time.
var (
	lessonSettings = []session.Setting{session.SetPace, session.SetLR, session.SetEpochs, session.SetPatience, session.SetHidden}
	moreSettings   = []session.Setting{session.SetActivation, session.SetDecay, session.SetBatch, session.SetSeed}
)

// minRowShare is how small the rows may get (of rowH) before the settings
// are paged: smaller, a button is hard to hit and its text hard to read.
const minRowShare = 0.85

func (l *Layout) layoutTrain() {
	if !l.Visible(PanelTrain) {
		return
	}
	r := l.content(PanelTrain)
	if l.Sideways {
		l.layoutTrainSideways(r)
		return
	}
	// A wide panel (the portrait layout gives it the screen's width) puts
	// four buttons and two settings on a row instead of two and one.
	bcols, scols := 2, 1
	switch {
	case l.Tabbed:
		bcols = 3 // a phone: the panel has the screen's width and its own tab
	case r.W > l.u(wideTrainW):
		bcols, scols = 4, 2
	}
	buttons := []ControlID{CtlTrain, CtlStepSample, CtlStepEpoch, CtlTrainN, CtlReset, CtlMode}
	if l.Tabbed {
		buttons = append(buttons, CtlExperiments) // the top bar has no room for it
	}
	bRows := (len(buttons) + bcols - 1) / bcols
	settings := append(slices.Clone(lessonSettings), moreSettings...)
	h := l.trainRowH(r, bRows, (len(settings)+scols-1)/scols)
	share := minRowShare
	if l.Tabbed {
		share = 1 // a finger needs the whole row
	}
	if l.Paged = h < share*l.u(l.row)-0.01; l.Paged {
		settings = lessonSettings
		if l.More {
			settings = moreSettings
		}
		if l.Tabbed { // a phone: More joins the buttons, the title row is too short for a finger
			buttons = append(buttons, CtlMore)
			bRows = (len(buttons) + bcols - 1) / bcols
		}
		h = l.trainRowH(r, bRows, (len(lessonSettings)+scols-1)/scols)
		if !l.Tabbed {
			l.moreInTitleRow()
		}
	}
	sRows := (len(settings) + scols - 1) / scols
	btnRows := splitRows(r, bRows, h, l.u(RowGap))
	for i, row := range btnRows.rows {
		for j, c := range row.Columns(bcols, l.u(RowGap)) {
			if k := i*bcols + j; k < len(buttons) {
				l.add(Control{ID: buttons[k], Panel: PanelTrain, Rect: c})
			}
		}
	}
	rest := btnRows.rest
	_, rest = rest.SplitTop(l.u(RowGap + 2))
	stRows := splitRows(rest, sRows, h, l.u(RowGap))
	for i, k := range settings {
		cell := stRows.rows[i/scols]
		if scols > 1 {
			cell = cell.Columns(scols, l.u(2*Gap))[i%scols]
		}
		l.add(Control{ID: CtlSetting, Arg: int(k), Panel: PanelTrain, Rect: cell})
	}
	rest = stRows.rest
	_, rest = rest.SplitTop(l.u(RowGap + 2))
	l.Progress, rest = rest.SplitTop(l.u(progressH))
	_, rest = rest.SplitTop(l.u(RowGap))
	l.Speed, _ = rest.SplitTop(l.u(18))
}

// layoutTrainSideways lays the Training panel out across, for a phone on
// its side: the buttons three to a row with the progress bar and speed line
// under them on the left, the settings one group at a time (CtlMore among
// the buttons) on the right.
func (l *Layout) layoutTrainSideways(r render.Rect) {
	gap := l.u(RowGap)
	left, right := r.SplitLeft((r.W - l.u(2*Gap)) / 2)
	_, right = right.SplitLeft(l.u(2 * Gap))
	buttons := []ControlID{CtlTrain, CtlStepSample, CtlStepEpoch, CtlTrainN, CtlReset, CtlMode, CtlExperiments, CtlMore}
	const bcols = 3
	bRows := (len(buttons) + bcols - 1) / bcols
	settings := lessonSettings
	if l.More {
		settings = moreSettings
	}
	l.Paged = true
	n := len(lessonSettings)
	h := min(l.u(l.row), (right.H-float64(n-1)*gap)/float64(n))
	h = min(h, (left.H-l.u(progressH+18+RowGap+2)-float64(bRows)*gap)/float64(bRows))
	btn := splitRows(left, bRows, h, gap)
	for i, row := range btn.rows {
		for j, c := range row.Columns(bcols, gap) {
			if k := i*bcols + j; k < len(buttons) {
				l.add(Control{ID: buttons[k], Panel: PanelTrain, Rect: c})
			}
		}
	}
	for i, c := range splitRows(right, len(settings), h, gap).rows {
		l.add(Control{ID: CtlSetting, Arg: int(settings[i]), Panel: PanelTrain, Rect: c})
	}
	_, rest := btn.rest.SplitTop(l.u(RowGap + 2))
	l.Progress, rest = rest.SplitTop(l.u(progressH))
	_, rest = rest.SplitTop(l.u(RowGap))
	l.Speed, _ = rest.SplitTop(l.u(18))
}

// moreInTitleRow puts CtlMore in the Training panel's title row, with its
// short label if need be.
func (l *Layout) moreInTitleRow() {
	head := render.PanelHeaderSpace(l.Panels[PanelTrain], PanelTrain.Label(), l.S)
	for _, short := range []bool{false, true} {
		if cols := l.fitButtons(head, []ControlID{CtlMore}, short); cols != nil {
			l.add(Control{ID: CtlMore, Panel: PanelTrain, Rect: cols[0], Short: short})
			return
		}
	}
	if cols := l.fitButtonsTight(head, []ControlID{CtlMore}); cols != nil {
		l.add(Control{ID: CtlMore, Panel: PanelTrain, Rect: cols[0], Short: true})
	}
}

// trainRowH is the height of a row of the Training panel when it holds
// rows rows of buttons and settings above the progress bar and speed line,
// up to rowH.
func (l *Layout) trainRowH(r render.Rect, bRows, sRows int) float64 {
	rows := bRows + sRows
	free := r.H - l.u(progressH+18+2*(RowGap+2)+RowGap) - float64(rows-1)*l.u(RowGap)
	return min(l.u(l.row), free/float64(rows))
}
