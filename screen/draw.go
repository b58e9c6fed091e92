package screen

import "digittrainer/render"

// layoutDraw places the grid as large as it can be, the label buttons
// and Add / Clear. Many labels (10 classes) either wrap to two rows under
// the grid or, when that leaves a bigger grid (short windows), stand in
// two columns beside it.
func (l *Layout) layoutDraw(classes int) {
	if !l.Visible(PanelDraw) {
		return
	}
	r := l.content(PanelDraw)
	bottom, top := r.SplitBottom(l.u(l.row))
	_, top = top.SplitBottom(l.u(RowGap))
	cols := bottom.Columns(3, l.u(RowGap))

	perRow := classes
	if (r.W+l.u(4))/float64(classes) < l.u(minLabelW) || l.Tabbed && classes > 2 {
		perRow = (classes + 1) / 2 // a phone: two rows of five, wide enough for a finger
	}
	labelRows := (classes + perRow - 1) / perRow
	under := l.u(float64(labelRows) * (l.row + RowGap))
	side := max(min(top.W, top.H-under), 0)
	cells := make([]render.Rect, 0, classes)
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
					cells = append(cells, c)
				}
			}
		}
		l.Grid = grid
	} else {
		l.Grid = render.Rect{X: top.X + (top.W-side)/2, Y: top.Y, W: side, H: side}
		labels := render.Rect{X: top.X, Y: top.Y + top.H - under + l.u(RowGap), W: top.W, H: under - l.u(RowGap)}
		rows := labels.Rows(labelRows, l.u(RowGap))
		for i := range classes {
			cells = append(cells, rows[i/perRow].Columns(perRow, l.u(4))[i%perRow])
		}
	}
	for i, cell := range cells {
		l.add(Control{ID: CtlLabel, Arg: i, Panel: PanelDraw, Rect: cell})
	}
	l.add(Control{ID: CtlTool, Panel: PanelDraw, Rect: cols[0]})
	l.add(Control{ID: CtlAdd, Panel: PanelDraw, Rect: cols[1]})
	l.add(Control{ID: CtlClear, Panel: PanelDraw, Rect: cols[2]})
}
