package screen

import (
	"digittrainer/i18n"
	"digittrainer/render"
)

// A phone held upright has room for one or two panels at a size a finger
// and an eye can use (a drawing grid at least 240 CSS pixels wide, rows of
// touchRowH), so it shows them a tab at a time, the tabs at the bottom
// where a thumb reaches them.

// Tab is a page of a phone's layout.
type Tab int

const (
	TabDraw     Tab = iota // Draw and Prediction
	TabNetwork             // the network, whole
	TabTrain               // Training, every setting
	TabProgress            // the curves and the confusion matrix
	TabData                // the dataset's drawings
	NumTabs
)

// tabTitles are in English: the status JSON and a lesson link name a tab
// by its title, whatever the language; i18n.T gives the label shown.
var tabTitles = [NumTabs]string{i18n.Mark("Draw"), i18n.Mark("Network"), i18n.Mark("Train"), i18n.Mark("Progress"), i18n.Mark("Data")}

// Title is the tab's name in English, as the status JSON and a lesson
// link write it.
func (t Tab) Title() string { return tabTitles[t] }

// Label is the tab's label as shown, in the language in use.
func (t Tab) Label() string { return i18n.T(tabTitles[t]) }

// TabOf is the tab that shows panel p.
func TabOf(p Panel) Tab {
	switch p {
	case PanelNetwork:
		return TabNetwork
	case PanelTrain:
		return TabTrain
	case PanelMetrics:
		return TabProgress
	case PanelData:
		return TabData
	}
	return TabDraw
}

// sidewaysDrawW is the width, in CSS pixels at zoom 1, of what stands
// beside the grid on a phone on its side: the label buttons, five to a
// row, and the Pen, Add and Clear buttons under them.
const sidewaysDrawW = 220

// tabPanels gives the panels of tab their places in screen (the others
// stay empty: not on screen); sideways, side by side.
func tabPanels(screen render.Rect, o Options, sideways bool, u func(float64) float64) [NumPanels]render.Rect {
	var p [NumPanels]render.Rect
	g, classes := u(Gap), o.Classes
	switch {
	case sideways && o.Tab == TabDraw:
		// The grid as tall as the panel, its buttons beside it, the
		// prediction on the right.
		side := screen.H - u(headerH+2*Pad)
		drawW := min(side+u(Gap+sidewaysDrawW+2*Pad), screen.W*0.78)
		p[PanelDraw], screen = screen.SplitLeft(drawW)
		_, screen = screen.SplitLeft(g)
		p[PanelPredict], _ = screen.SplitTop(min(predictH(classes, u), screen.H))
		return p
	case sideways && o.Tab == TabNetwork && o.Tour:
		// the tour's card goes right of the network (TourRegions)
		p[PanelNetwork], _ = screen.SplitLeft(0.42 * screen.W)
		return p
	}
	switch o.Tab {
	case TabDraw:
		predH := predictH(classes, u)
		// The grid as wide as the screen allows, its labels and buttons under it.
		labelRows := 1.0
		if classes > 2 {
			labelRows = 2
		}
		drawH := min(screen.W-u(2*Pad)+u(headerH+Pad+8)+(labelRows+1)*u(touchRowH+RowGap), screen.H-predH-g)
		p[PanelDraw], screen = screen.SplitTop(drawH)
		_, screen = screen.SplitTop(g)
		p[PanelPredict], _ = screen.SplitTop(predH)
	case TabNetwork:
		p[PanelNetwork] = screen
		if o.Tour { // the tour's card goes under the network (TourRegions)
			p[PanelNetwork], _ = screen.SplitTop(0.42 * screen.H)
		}
	case TabTrain:
		p[PanelTrain] = screen
	case TabProgress:
		p[PanelMetrics] = screen
	case TabData:
		p[PanelData] = screen
	}
	return p
}

// layoutTabs puts a button for each tab in the tab bar.
func (l *Layout) layoutTabs() {
	if !l.Tabbed {
		return
	}
	labels := make([]string, NumTabs)
	for t := range NumTabs {
		labels[t] = t.Label()
	}
	cols, _ := l.spread(l.TabBar, labels, nil, l.u(RowGap))
	if l.Sideways {
		cols = l.TabBar.Rows(int(NumTabs), l.u(RowGap))
	}
	for i, c := range cols {
		l.add(Control{ID: CtlTab, Arg: i, Panel: PanelTabs, Rect: c})
	}
}
