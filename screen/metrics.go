package screen

import (
	"digittrainer/i18n"
	"digittrainer/render"
)

// layoutMetrics lays out the Progress panel: the two plots, the confusion
// matrix and the time travel button.
func (l *Layout) layoutMetrics() {
	if !l.Visible(PanelMetrics) {
		return
	}
	r := l.content(PanelMetrics)
	l.Legend = render.PanelHeaderSpace(l.Panels[PanelMetrics], PanelMetrics.Label(), l.S)
	inTitle := l.timeTravelInTitleRow()
	if r.H > r.W { // a phone's tab or the projector's column: the plots side by side above the matrix
		var plots render.Rect
		plots, l.Confuse = r.SplitTop(min(r.H*0.45, r.W*0.6))
		_, l.Confuse = l.Confuse.SplitTop(l.u(2 * Gap))
		if !inTitle { // a row of its own, a finger's height
			var row render.Rect
			row, l.Confuse = l.Confuse.SplitTop(l.u(l.row))
			_, l.Confuse = l.Confuse.SplitTop(l.u(2 * Gap))
			row.W = min(row.W, l.u(220))
			l.add(Control{ID: CtlTimeTravel, Panel: PanelMetrics, Rect: row, Short: true})
		}
		l.Confuse.W = min(l.Confuse.W, l.Confuse.H*1.6)
		cols := plots.Columns(2, l.u(Gap+Pad))
		l.Plots = [2]render.Rect{cols[0], cols[1]}
		return
	}
	w := min(r.H+l.u(20), 0.34*r.W) // square cells
	if l.Classes > 2 {
		// Cells up to twice as wide as tall (render.LayoutConfusion), so
		// ten classes' counts are readable in a panel's height.
		w = min(l.u(50)+2*(r.H-l.u(30)), 0.45*r.W)
	}
	l.Confuse, r = r.SplitRight(w)
	r.W -= l.u(Gap)
	cols := r.Columns(2, l.u(Gap+Pad))
	l.Plots = [2]render.Rect{cols[0], cols[1]}
}

// legendNames are the plots' legend entries, for the room they need, in
// the language in use.
func legendNames() []render.Series {
	return []render.Series{{Name: i18n.T("train")}, {Name: i18n.T("validation")}}
}

// timeTravelInTitleRow puts CtlTimeTravel in the Progress panel's title
// row, left of the legend, with its short label if need be, and reports
// whether it fits there (on a phone the row is too short for a finger).
func (l *Layout) timeTravelInTitleRow() bool {
	head := l.Legend
	if l.Tabbed {
		return false
	}
	room := head
	room.W -= render.PlotLegendWidth(legendNames(), l.S) + l.u(2*Gap)
	ids := []ControlID{CtlTimeTravel}
	for i, cols := range [][]render.Rect{l.fitButtons(room, ids, false), l.fitButtons(room, ids, true), l.fitButtonsTight(room, ids)} {
		if short := i > 0; cols != nil {
			b := cols[0]
			b.X = head.X + l.u(Gap) // just after the title
			l.add(Control{ID: CtlTimeTravel, Panel: PanelMetrics, Rect: b, Short: short})
			l.Legend.X, l.Legend.W = b.X+b.W, head.X+head.W-(b.X+b.W)
			return true
		}
	}
	return false
}
