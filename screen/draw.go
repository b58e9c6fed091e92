package screen

import (
	"digittrainer/i18n"
	"digittrainer/render"
)

// layoutDraw places the grid as large as it can be, the label buttons
// and Pen / Add / Clear. Many labels (10 classes) either wrap to two rows
// under the grid or, when that leaves a bigger grid (short windows), stand
// in two columns beside it. Where Pen, Add and Clear do not fit one row in
// the language in use (the projector's narrow column), Add gets a row of
// its own above the other two.
func (l *Layout) layoutDraw(classes int) {
	if !l.Visible(PanelDraw) {
		return
	}
	r := l.content(PanelDraw)
	ids := []ControlID{CtlTool, CtlAdd, CtlClear}
	labels := make([]string, len(ids))
	for i, id := range ids {
		labels[i] = i18n.T(Control{ID: id}.Label())
	}
	widest := []string{widestOf(CtlTool), labels[1], labels[2]}
	if l.Sideways {
		l.layoutDrawSideways(r, ids, labels, widest, classes)
		return
	}
	_, oneRow := l.spread(render.Rect{W: r.W, H: l.u(l.row)}, labels, widest, l.u(RowGap))
	var bottom, top render.Rect
	var cells []render.Rect // the buttons, as ids
	if oneRow {
		bottom, top = r.SplitBottom(l.u(l.row))
		cells, _ = l.spread(bottom, labels, widest, l.u(RowGap))
	} else {
		bottom, top = r.SplitBottom(l.u(2*l.row + RowGap))
		add, rest := bottom.SplitTop(l.u(l.row))
		_, rest = rest.SplitTop(l.u(RowGap))
		two, _ := l.spread(rest, []string{labels[0], labels[2]}, []string{widest[0], widest[2]}, l.u(RowGap))
		cells = []render.Rect{two[0], add, two[1]}
	}
	_, top = top.SplitBottom(l.u(RowGap))

	perRow := classes
	if (r.W+l.u(4))/float64(classes) < l.u(minLabelW) || l.Tabbed && classes > 2 {
		perRow = (classes + 1) / 2 // a phone: two rows of five, wide enough for a finger
	}
	labelRows := (classes + perRow - 1) / perRow
	under := l.u(float64(labelRows) * (l.row + RowGap))
	side := max(min(top.W, top.H-under), 0)
	labelCells := make([]render.Rect, 0, classes)
	besideW := l.u(2*minLabelW + 4)
	if sideB := max(min(top.H, top.W-besideW-l.u(Gap)), 0); classes > 2 && sideB > side*1.15 && !l.Tabbed {
		side = sideB
		grid := render.Rect{X: top.X, Y: top.Y, W: side, H: side}
		_, col := top.SplitLeft(side + l.u(Gap))
		rowsN := (classes + 1) / 2
		labels := render.Rect{X: col.X, Y: grid.Y, W: col.W, H: side}
		for i, row := range labels.Rows(rowsN, l.u(4)) {
			for j, c := range row.Columns(2, l.u(4)) {
				if 2*i+j < classes {
					labelCells = append(labelCells, c)
				}
			}
		}
		l.Grid = grid
	} else {
		l.Grid = render.Rect{X: top.X + (top.W-side)/2, Y: top.Y, W: side, H: side}
		labels := render.Rect{X: top.X, Y: top.Y + top.H - under + l.u(RowGap), W: top.W, H: under - l.u(RowGap)}
		rows := labels.Rows(labelRows, l.u(RowGap))
		for i := range classes {
			labelCells = append(labelCells, rows[i/perRow].Columns(perRow, l.u(4))[i%perRow])
		}
	}
	for i, cell := range labelCells {
		l.add(Control{ID: CtlLabel, Arg: i, Panel: PanelDraw, Rect: cell})
	}
	for i, id := range ids {
		l.add(Control{ID: id, Panel: PanelDraw, Rect: cells[i]})
	}
}

// layoutDrawSideways lays the Draw panel out across, for a phone on its
// side: the grid as tall as the panel on the left; right of it the label
// buttons, five to a row, and under them Pen, Add and Clear (Add on a row
// of its own when the three do not fit on one). Rows shrink, never below
// what they must show, when the panel is too short for them all. What is
// left right of the grid and under the prediction is the MessageArea.
func (l *Layout) layoutDrawSideways(r render.Rect, ids []ControlID, labels, widest []string, classes int) {
	side := max(min(r.H, r.W-l.u(Gap+sidewaysDrawW)), 0)
	l.Grid = render.Rect{X: r.X, Y: r.Y + (r.H-side)/2, W: side, H: side}
	_, col := r.SplitLeft(side + l.u(Gap))
	perRow := min(classes, 5)
	labelRows := (classes + perRow - 1) / perRow
	_, oneRow := l.spread(render.Rect{W: col.W, H: l.u(l.row)}, labels, widest, l.u(RowGap))
	buttonRows := 1
	if !oneRow {
		buttonRows = 2
	}
	rows := labelRows + buttonRows
	h := min(l.u(l.row), (col.H-float64(rows)*l.u(RowGap))/float64(rows))
	y := col.Y
	row := func() render.Rect {
		c := render.Rect{X: col.X, Y: y, W: col.W, H: h}
		y += h + l.u(RowGap)
		return c
	}
	for i := range labelRows {
		cells := row().Columns(perRow, l.u(4))
		for j, c := range cells {
			if k := i*perRow + j; k < classes {
				l.add(Control{ID: CtlLabel, Arg: k, Panel: PanelDraw, Rect: c})
			}
		}
	}
	y += l.u(RowGap) // the buttons apart from the labels
	var cells []render.Rect
	if oneRow {
		cells, _ = l.spread(row(), labels, widest, l.u(RowGap))
	} else {
		add := row()
		two, _ := l.spread(row(), []string{labels[0], labels[2]}, []string{widest[0], widest[2]}, l.u(RowGap))
		cells = []render.Rect{two[0], add, two[1]}
	}
	for i, id := range ids {
		l.add(Control{ID: id, Panel: PanelDraw, Rect: cells[i]})
	}
	p, a := l.Panels[PanelPredict], l.TabArea
	top := max(y-l.u(RowGap), p.Y+p.H) + l.u(Gap) // y is past the last row and its gap
	l.MessageArea = render.Rect{X: col.X, Y: top, W: a.X + a.W - col.X, H: a.Y + a.H - top}
}
