package screen

import (
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
	PanelTop Panel = -1 // the top bar (no panel)
)

var panelTitles = [NumPanels]string{"Draw", "Prediction", "Network", "Training", "Dataset", "Progress"}

// panelHelp are the help cards of the panels.
var panelHelp = [NumPanels]tour.CardID{tour.CardGrid, tour.CardPredict, tour.CardNetwork, tour.CardControls, tour.CardDataset, tour.CardPlots}

// Title is the panel's title.
func (p Panel) Title() string { return panelTitles[p] }

// Card is the help card the panel's "?" opens.
func (p Panel) Card() tour.CardID { return panelHelp[p] }

// The two arrangements of the six panels: three columns for a landscape
// window, rows for a narrow, tall one (NewLayout chooses).

// landscapePanels puts Draw and Prediction on the left, the network in the
// middle and Training on the right, with Dataset and Progress below.
func landscapePanels(screen render.Rect, classes int, u func(float64) float64) [NumPanels]render.Rect {
	bottomH := min(max(0.28*screen.H, u(140)), u(300))
	bottom, main := screen.SplitBottom(bottomH)
	main.H -= u(Gap)

	leftW := min(max(0.25*main.W, u(200)), u(420))
	rightW := min(max(0.26*main.W, u(230)), u(440))
	left, rest := main.SplitLeft(leftW)
	right, center := rest.SplitRight(rightW)
	center = center.InsetXY(u(Gap), 0)

	// Ten bars fit in five rows of two columns (see render.DrawBars).
	predH := u(headerH + Pad + 24*float64((min(classes, 10)+1)/2) + 8)
	if classes <= 2 {
		predH = u(headerH + Pad + 70)
	}
	predH = min(predH, 0.42*left.H)
	draw, pred := left.SplitTop(left.H - predH - u(Gap))
	_, pred = pred.SplitTop(u(Gap))
	dataW := bottom.W * 0.45
	data, metrics := bottom.SplitLeft(dataW)
	_, metrics = metrics.SplitLeft(u(Gap))
	return [NumPanels]render.Rect{draw, pred, center, right, data, metrics}
}

// portraitShares are the heights of the portrait layout's rows: Draw and
// Prediction side by side, then the network, Training, Dataset and
// Progress each across the whole width, so the plots keep their room.
var portraitShares = [5]float64{0.22, 0.23, 0.25, 0.14, 0.16}

// portraitPanels stacks the panels in rows for a narrow, tall window.
func portraitPanels(screen render.Rect, g float64) [NumPanels]render.Rect {
	var rows [len(portraitShares)]render.Rect
	free := screen.H - float64(len(rows)-1)*g
	rest := screen
	for i, share := range portraitShares {
		rows[i], rest = rest.SplitTop(share * free)
		_, rest = rest.SplitTop(g)
	}
	draw, pred := rows[0].SplitLeft(0.55 * (rows[0].W - g))
	_, pred = pred.SplitLeft(g)
	return [NumPanels]render.Rect{draw, pred, rows[1], rows[2], rows[3], rows[4]}
}
