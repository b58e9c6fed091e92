package app

import (
	"math"

	"digittrainer/render"
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
	numPanels
	PanelTop Panel = -1 // the top bar (no panel)
)

var panelTitles = [numPanels]string{"Draw", "Prediction", "Network", "Training", "Dataset", "Progress"}

// panelHelp are the help card ids of the panels (assets/help/<id>.txt).
var panelHelp = [numPanels]string{"grid", "predict", "network", "controls", "dataset", "plots"}

// Sizes in CSS pixels at zoom 1; Layout multiplies them by S.
const (
	gap       = 10 // between panels
	pad       = 10 // inside panels
	topH      = 48 // top bar
	headerH   = 30 // panel title row
	rowH      = 30 // a row of buttons
	rowGap    = 6
	countsH   = 24 // the dataset counts line
	minLabelW = 30 // narrowest label button before they wrap to two rows
	progressH = 24 // the training progress bar
	// helpIconRoom is kept free at the right of the inspector strip and
	// the speed line for their small "?" icons.
	helpIconRoom = 26
	// designW×designH is the CSS size at which zoom is 1; the UI grows up
	// to maxZoom on large screens (projectors) and shrinks to minZoom at 800×600.
	designW, designH = 900, 650
	minZoom, maxZoom = 0.85, 1.6
	// A window narrower than portraitMaxW CSS pixels and taller than wide
	// (a phone, a tablet upright) stacks the panels in rows instead of
	// three columns, at a zoom that gives it portraitDesignW of room.
	portraitMaxW    = 700
	portraitDesignW = 500
	portraitMinZoom = 0.7
	wideTrainW      = 420 // a Training panel this wide lays its controls out in more columns
)

// Control is a button or stepper: where it is, what it does, and the name
// the status JSON gives its rect.
type Control struct {
	Name    string
	Label   string
	Panel   Panel
	Rect    render.Rect
	Cmd     Command
	Stepper bool
	Setting Setting
	Primary bool
}

// Layout is where everything is, in device pixels, for one window size.
type Layout struct {
	W, H     float64 // device pixels
	DSF      float64 // device pixels per CSS pixel
	S        float64 // size scale: DSF × zoom
	Top      render.Rect
	Panels   [numPanels]render.Rect
	Grid     render.Rect
	Bars     render.Rect
	Net      render.Rect // the network drawing
	Inspect  render.Rect // the inspector strip under it
	Strip    render.Rect // dataset thumbnails
	Counts   render.Rect // the counts line above them
	Progress render.Rect
	Speed    render.Rect
	Plots    [2]render.Rect
	Legend   render.Rect // the plots' shared legend, in the progress panel's title row
	Confuse  render.Rect
	Controls []Control
	Classes  int // the label buttons laid out: a new class count needs a new layout
}

// Font sizes in CSS pixels.
const (
	fontBody  = render.BodySize
	fontSmall = render.SmallSize
	fontTitle = render.TitleSize
)

// NewLayout lays the screen out for w×h device pixels at dsf device pixels
// per CSS pixel and the given number of classes.
func NewLayout(w, h, dsf float64, classes int) *Layout {
	if dsf <= 0 {
		dsf = 1
	}
	zoom := min(max(math.Min(w/dsf/designW, h/dsf/designH), minZoom), maxZoom)
	S := dsf * zoom
	l := &Layout{W: w, H: h, DSF: dsf, S: S, Classes: classes}
	u := func(v float64) float64 { return v * S }

	portrait := w/dsf < portraitMaxW && h > w
	if portrait {
		zoom := min(max(w/dsf/portraitDesignW, portraitMinZoom), 1)
		S = dsf * zoom
		l.S = S
	}

	screen := render.Rect{W: w, H: h}.Inset(u(gap))
	l.Top, screen = screen.SplitTop(u(topH))
	_, screen = screen.SplitTop(u(gap))
	if portrait {
		l.Panels = portraitPanels(screen, u(gap))
	} else {
		l.Panels = landscapePanels(screen, classes, u)
	}

	l.layoutDraw(classes)
	l.Bars = l.content(PanelPredict)
	net := l.content(PanelNetwork)
	l.Inspect, l.Net = net.SplitBottom(min(u(96), 0.3*net.H))
	l.layoutTrain()
	l.layoutData()
	l.layoutMetrics()
	l.layoutTop()
	return l
}

func (l *Layout) u(v float64) float64 { return v * l.S }

// content is a panel's inside, below its title.
func (l *Layout) content(p Panel) render.Rect {
	return render.PanelBody(l.Panels[p], l.S)
}

func (l *Layout) add(c Control) { l.Controls = append(l.Controls, c) }

// layoutDraw places the grid as large as it can be, the label buttons
// and Add / Clear. Many labels (10 classes) either wrap to two rows under
// the grid or, when that leaves a bigger grid (short windows), stand in
// two columns beside it.
func (l *Layout) layoutDraw(classes int) {
	r := l.content(PanelDraw)
	bottom, top := r.SplitBottom(l.u(rowH))
	_, top = top.SplitBottom(l.u(rowGap))
	cols := bottom.Columns(2, l.u(rowGap))

	perRow := classes
	if (r.W+l.u(4))/float64(classes) < l.u(minLabelW) {
		perRow = (classes + 1) / 2
	}
	labelRows := (classes + perRow - 1) / perRow
	under := l.u(float64(labelRows) * (rowH + rowGap))
	side := max(min(top.W, top.H-under), 0)
	cells := make([]render.Rect, 0, classes)
	besideW := l.u(2*minLabelW + 4)
	if sideB := max(min(top.H, top.W-besideW-l.u(gap)), 0); classes > 2 && sideB > side*1.15 {
		side = sideB
		grid := render.Rect{X: top.X, Y: top.Y, W: side, H: side}
		_, col := top.SplitLeft(side + l.u(gap))
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
		labels := render.Rect{X: top.X, Y: top.Y + top.H - under + l.u(rowGap), W: top.W, H: under - l.u(rowGap)}
		rows := labels.Rows(labelRows, l.u(rowGap))
		for i := range classes {
			cells = append(cells, rows[i/perRow].Columns(perRow, l.u(4))[i%perRow])
		}
	}
	for i, cell := range cells {
		l.add(Control{Name: "label" + string(rune('0'+i)), Label: string(rune('0' + i)), Panel: PanelDraw,
			Rect: cell, Cmd: Command{Act: ActLabel, Arg: i}})
	}
	l.add(Control{Name: "add", Label: "Add", Panel: PanelDraw, Rect: cols[0], Cmd: Command{Act: ActAdd}, Primary: true})
	l.add(Control{Name: "clear", Label: "Clear", Panel: PanelDraw, Rect: cols[1], Cmd: Command{Act: ActClearGrid}})
}

func (l *Layout) layoutTrain() {
	r := l.content(PanelTrain)
	// A wide panel (the portrait layout gives it the screen's width) puts
	// four buttons and two settings on a row instead of two and one.
	bcols, scols := 2, 1
	if r.W > l.u(wideTrainW) {
		bcols, scols = 4, 2
	}
	settings := []Setting{SetLR, SetDecay, SetBatch, SetEpochs, SetHidden, SetActivation, SetSeed}
	type b struct {
		name, label string
		act         Action
		primary     bool
	}
	buttons := []b{
		{"train", "Train", ActPlay, true}, {"pause", "Pause", ActPause, false},
		{"stepSample", "Step 1 sample", ActStepSample, false}, {"stepEpoch", "Step 1 epoch", ActStepEpoch, false},
		{"trainN", "Train N epochs", ActTrainN, false}, {"reset", "Reset weights", ActReset, false},
		{"newSeed", "New seed", ActNewSeed, false}, {"mode", "10 classes", ActMode, false},
	}
	bRows := (len(buttons) + bcols - 1) / bcols
	sRows := (len(settings) + scols - 1) / scols
	// The rows of buttons and settings share what the progress bar and
	// speed line leave, up to rowH each.
	rows := bRows + sRows
	free := r.H - l.u(progressH+18+2*(rowGap+2)+rowGap) - float64(rows-1)*l.u(rowGap)
	h := min(l.u(rowH), free/float64(rows))
	btnRows := splitRows(r, bRows, h, l.u(rowGap))
	for i, row := range btnRows.rows {
		for j, c := range row.Columns(bcols, l.u(rowGap)) {
			bt := buttons[i*bcols+j]
			l.add(Control{Name: bt.name, Label: bt.label, Panel: PanelTrain, Rect: c, Cmd: Command{Act: bt.act}, Primary: bt.primary})
		}
	}
	rest := btnRows.rest
	_, rest = rest.SplitTop(l.u(rowGap + 2))
	stRows := splitRows(rest, sRows, h, l.u(rowGap))
	for i, k := range settings {
		cell := stRows.rows[i/scols]
		if scols > 1 {
			cell = cell.Columns(scols, l.u(2*gap))[i%scols]
		}
		l.add(Control{Name: "set" + k.Name(), Label: k.Name(), Panel: PanelTrain, Rect: cell, Stepper: true, Setting: k})
	}
	rest = stRows.rest
	_, rest = rest.SplitTop(l.u(rowGap + 2))
	l.Progress, rest = rest.SplitTop(l.u(progressH))
	_, rest = rest.SplitTop(l.u(rowGap))
	l.Speed, _ = rest.SplitTop(l.u(18))
}

// layoutData puts the dataset buttons in the panel's title row when they
// fit there (short labels if need be), so the thumbnails get the height.
func (l *Layout) layoutData() {
	r := l.content(PanelData)
	names := [3]string{"relabel", "delete", "clearData"}
	acts := [3]Action{ActRelabel, ActDeleteSample, ActClearData}
	var cols []render.Rect
	head := render.PanelHeaderSpace(l.Panels[PanelData], panelTitles[PanelData], l.S)
	labels := [3]string{"Relabel", "Delete", "Clear dataset"}
	for _, try := range [][3]string{labels, {"Relabel", "Delete", "Clear all"}} {
		if cols = l.fitButtons(head, try[:]); cols != nil {
			labels = try
			break
		}
	}
	if cols == nil {
		var top render.Rect
		top, r = r.SplitTop(l.u(rowH))
		_, r = r.SplitTop(l.u(rowGap))
		cols = top.Columns(3, l.u(rowGap))
	}
	for i := range names {
		l.add(Control{Name: names[i], Label: labels[i], Panel: PanelData, Rect: cols[i], Cmd: Command{Act: acts[i]}})
	}
	l.Counts, l.Strip = r.SplitTop(l.u(countsH))
	_, l.Strip = l.Strip.SplitTop(l.u(rowGap))
}

// fitButtons right-aligns buttons for labels in r, each as wide as its
// label needs, or returns nil when they do not fit.
func (l *Layout) fitButtons(r render.Rect, labels []string) []render.Rect {
	size, padX := render.ButtonTextSize(r.H, l.S), l.u(12)
	ws := make([]float64, len(labels))
	total := l.u(rowGap) * float64(len(labels)-1)
	for i, s := range labels {
		w, _ := render.MeasureBold(s, size)
		ws[i] = w + 2*padX
		total += ws[i]
	}
	if total > r.W || r.H <= 0 {
		return nil
	}
	out := make([]render.Rect, len(labels))
	x := r.X + r.W - total
	for i, w := range ws {
		out[i] = render.Rect{X: x, Y: r.Y, W: w, H: r.H}
		x += w + l.u(rowGap)
	}
	return out
}

func (l *Layout) layoutMetrics() {
	r := l.content(PanelMetrics)
	l.Legend = render.PanelHeaderSpace(l.Panels[PanelMetrics], panelTitles[PanelMetrics], l.S)
	l.Confuse, r = r.SplitRight(min(r.H+l.u(20), 0.34*r.W))
	r.W -= l.u(gap)
	cols := r.Columns(2, l.u(gap+pad))
	l.Plots = [2]render.Rect{cols[0], cols[1]}
}

func (l *Layout) layoutTop() {
	r := l.Top.InsetXY(l.u(pad), l.u(7))
	items := []struct{ name, label, short string }{
		{"tour", "Tour (T)", "Tour"}, {"load", "Load… (O)", "Load…"}, {"save", "Save (Ctrl+S)", "Save"},
		{"exportBDT", "Original app (X)", "App JSON"}, {"exportCSV", "Dataset CSV (D)", "CSV"}, {"keys", "Keys (?)", "Keys"},
	}
	acts := []Action{ActTour, ActLoad, ActSave, ActExportBDT, ActExportCSV, ActKeyList}
	w := min(r.W-l.u(150), l.u(float64(len(items))*150))
	short := w/float64(len(items)) < l.u(135)
	bar, _ := r.SplitRight(w)
	for i, c := range bar.Columns(len(items), l.u(rowGap)) {
		label := items[i].label
		if short {
			label = items[i].short
		}
		l.add(Control{Name: items[i].name, Label: label, Panel: PanelTop, Rect: c,
			Cmd: Command{Act: acts[i]}, Primary: items[i].name == "tour"})
	}
}

// rowsOf is a stack of equal rows cut from the top of a rect.
type rowsOf struct {
	rows []render.Rect
	rest render.Rect
}

// splitRows cuts n rows of height h with gaps between them from the top of r.
func splitRows(r render.Rect, n int, h, gap float64) rowsOf {
	var out rowsOf
	for i := 0; i < n; i++ {
		if i > 0 {
			_, r = r.SplitTop(gap)
		}
		var row render.Rect
		row, r = r.SplitTop(h)
		out.rows = append(out.rows, row)
	}
	out.rest = r
	return out
}

// ControlAt returns the control under (x, y).
func (l *Layout) ControlAt(x, y float64) (int, bool) {
	for i, c := range l.Controls {
		if c.Rect.Contains(x, y) {
			return i, true
		}
	}
	return 0, false
}

// Control returns the control with the given name.
func (l *Layout) Control(name string) (Control, bool) {
	for _, c := range l.Controls {
		if c.Name == name {
			return c, true
		}
	}
	return Control{}, false
}

// PanelAt returns the panel under (x, y).
func (l *Layout) PanelAt(x, y float64) (Panel, bool) {
	for p, r := range l.Panels {
		if r.Contains(x, y) {
			return Panel(p), true
		}
	}
	return 0, false
}
