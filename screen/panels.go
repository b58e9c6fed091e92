package screen

import (
	"digittrainer/i18n"
	"digittrainer/render"
	"digittrainer/tour"
)

// Panel names a panel of the screen.
type Panel int

const (
	PanelDraw Panel = iota
	PanelPredict
	PanelNetwork
	PanelTrain
	PanelData
	PanelMetrics
	NumPanels
	PanelTop  Panel = -1 // the top bar (no panel)
	PanelTabs Panel = -2 // a phone's tab bar (no panel)
)

// panelTitles are in English: a teacher's link hides a panel by its title
// (lower case), whatever the language; i18n.T gives the title shown.
var panelTitles = [NumPanels]string{
	i18n.Mark("Draw"), i18n.Mark("Prediction"), i18n.Mark("Network"),
	i18n.Mark("Training"), i18n.Mark("Dataset"), i18n.Mark("Progress"),
}

// panelHelp are the help cards of the panels.
var panelHelp = [NumPanels]tour.CardID{tour.CardGrid, tour.CardPredict, tour.CardNetwork, tour.CardControls, tour.CardDataset, tour.CardPlots}

// Title is the panel's title in English, as a lesson link names it.
func (p Panel) Title() string { return panelTitles[p] }

// Label is the panel's title as shown, in the language in use.
func (p Panel) Label() string { return i18n.T(panelTitles[p]) }

// Card is the help card the panel's "?" opens.
func (p Panel) Card() tour.CardID { return panelHelp[p] }

// The two arrangements of the six panels: three columns for a landscape
// window, a tab at a time for a narrow, tall one (NewLayout chooses;
// tabs.go).

// predictH is the Prediction panel's height for the bars of classes: ten
// fit in five rows of two columns (see render.DrawBars).
func predictH(classes int, u func(float64) float64) float64 {
	if classes <= 2 {
		return u(headerH + Pad + 70)
	}
	return u(headerH + Pad + 24*float64((min(classes, 10)+1)/2) + 8)
}

// landscapePanels puts Draw and Prediction on the left, the network in the
// middle and Training on the right, with Dataset and Progress below.
// projectorPanels lays the projector view out: the grid and the
// prediction in a narrow left column, the network in the middle, the
// curves and the matrix on the right, each as tall as the screen; the
// dataset and the Training panel are not shown.
func projectorPanels(screen render.Rect, classes int, u func(float64) float64) [NumPanels]render.Rect {
	leftW := min(max(0.19*screen.W, u(170)), u(300))
	rightW := 0.33 * screen.W
	left, rest := screen.SplitLeft(leftW)
	right, center := rest.SplitRight(rightW)
	center = center.InsetXY(u(Gap), 0)
	predH := min(predictH(classes, u), 0.45*left.H)
	draw, pred := left.SplitTop(left.H - predH - u(Gap))
	_, pred = pred.SplitTop(u(Gap))
	return [NumPanels]render.Rect{PanelDraw: draw, PanelPredict: pred, PanelNetwork: center, PanelMetrics: right}
}

func landscapePanels(screen render.Rect, classes int, u func(float64) float64) [NumPanels]render.Rect {
	share := 0.28
	if classes > 2 {
		share = 0.34 // ten rows of the confusion matrix with their counts
	}
	bottomH := min(max(share*screen.H, u(140)), u(300))
	bottom, main := screen.SplitBottom(bottomH)
	main.H -= u(Gap)

	leftW := min(max(0.25*main.W, u(200)), u(420))
	rightW := min(max(0.26*main.W, u(230)), u(440))
	left, rest := main.SplitLeft(leftW)
	right, center := rest.SplitRight(rightW)
	center = center.InsetXY(u(Gap), 0)

	predH := min(predictH(classes, u), 0.42*left.H)
	draw, pred := left.SplitTop(left.H - predH - u(Gap))
	_, pred = pred.SplitTop(u(Gap))
	dataW := bottom.W * 0.45
	data, metrics := bottom.SplitLeft(dataW)
	_, metrics = metrics.SplitLeft(u(Gap))
	return [NumPanels]render.Rect{draw, pred, center, right, data, metrics}
}
