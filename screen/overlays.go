package screen

import "digittrainer/render"

// Where the app's overlays go: the hidden neurons' maps over the network
// picture, and the tour's card and the panels it washes out.

// Maps lays out n square maps (what a hidden neuron learned each) in a
// grid over the network picture, as large as they fit with a row for each
// map's label under it (MapLabel), clear of the next row.
func (l *Layout) Maps(n int) []render.Rect {
	r := l.Net
	lh := l.mapLabelH()
	best, bestSide := 1, 0.0
	for cols := 1; cols <= n; cols++ {
		rows := (n + cols - 1) / cols
		if side := min(r.W/float64(cols), (r.H-l.u(4))/float64(rows)-lh); side > bestSide {
			best, bestSide = cols, side
		}
	}
	out := make([]render.Rect, n)
	gap := max(bestSide*0.12, l.u(4))
	for h := range out {
		out[h] = render.Rect{X: r.X + float64(h%best)*bestSide, Y: r.Y + float64(h/best)*(bestSide+lh), W: bestSide - gap, H: bestSide - gap}
	}
	return out
}

// MapLabelSize is the text size of a map's label.
func (l *Layout) MapLabelSize() float64 { return l.u(render.SmallSize - 2) }

func (l *Layout) mapLabelH() float64 { return render.LineHeight(l.MapLabelSize()) }

// MapLabel is where the label of map m goes: the row under it.
func (l *Layout) MapLabel(m render.Rect) render.Rect {
	return render.Rect{X: m.X, Y: m.Y + m.H, W: m.W, H: l.mapLabelH()}
}

// TourRegions are the areas the tour's card may cover, best first:
// everything below the network drawing and the Draw panel (the Prediction,
// Dataset and Progress panels and the readout, none of which the tour
// talks about), and the column right of the network (Training and below).
// Neither touches the network drawing or the Draw panel, so the
// highlighted part and the grid the user may have to draw on stay in view.
func (l *Layout) TourRegions() []render.Rect {
	g := l.u(Gap)
	if l.Sideways { // right of the network (tabPanels), over the top bar too: the card has its own buttons
		n := l.Panels[PanelNetwork]
		return []render.Rect{{X: n.X + n.W + g, Y: g, W: l.W - g - (n.X + n.W + g), H: l.H - 2*g}}
	}
	draw := l.Panels[PanelDraw]
	top := max(l.Net.Y+l.Net.H, draw.Y+draw.H) + g
	bottom := l.H - g
	if l.Tabbed {
		bottom = l.TabArea.Y + l.TabArea.H // the tabs stay usable
	}
	below := render.Rect{X: g, Y: top, W: l.W - 2*g, H: bottom - top}
	if !l.Visible(PanelTrain) {
		return []render.Rect{below}
	}
	tr := l.Panels[PanelTrain]
	right := render.Rect{X: tr.X, Y: tr.Y, W: l.W - g - tr.X, H: l.H - g - tr.Y}
	return []render.Rect{below, right}
}

// TourWash are the parts of the screen the tour is not about, drawn faded
// under its card: Training, Dataset, Progress and the readout. (The Draw
// and Prediction panels show the tour's input and prediction.)
func (l *Layout) TourWash() []render.Rect {
	return []render.Rect{l.Panels[PanelTrain], l.Panels[PanelData], l.Panels[PanelMetrics], l.Readout}
}
