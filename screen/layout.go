package screen

import (
	"math"
	"strings"

	"digittrainer/i18n"
	"digittrainer/render"
	"digittrainer/tour"
)

// Sizes in CSS pixels at zoom 1; Layout multiplies them by S. Gap, Pad,
// RowGap and HelpIconRoom are the app's too, for what its parts place
// inside the rects of the layout.
const (
	Gap       = 10 // between panels
	Pad       = 10 // inside panels
	RowGap    = 6  // between rows of controls
	topH      = 48 // top bar
	headerH   = 30 // panel title row
	rowH      = 30 // a row of buttons
	countsH   = 24 // the dataset counts line
	minLabelW = 30 // narrowest label button before they wrap to two rows
	progressH = 24 // the training progress bar
	// HelpIconRoom is kept free at the right of the readout and the speed
	// line for their small "?" icons.
	HelpIconRoom = 26
	// designW×designH is the CSS size at which zoom is 1; the UI grows up
	// to maxZoom on large screens (projectors) and shrinks to minZoom at 800×600.
	designW, designH = 900, 650
	minZoom, maxZoom = 0.85, 1.6
	// The projector view's design size is smaller, so the same screen gets
	// larger type: 1280×720 at zoom 1.3, 1920×1080 at 2.
	projDesignW, projDesignH = 960, 540
	projMaxZoom              = 2.4
	// A window narrower than portraitMaxW CSS pixels and taller than wide
	// (a phone, a tablet upright) shows the panels a tab at a time (tabs.go),
	// at a zoom that gives it portraitDesignW of room, with rows of
	// touchRowH: a finger needs 40 CSS pixels or more.
	portraitMaxW    = 700
	portraitDesignW = 390
	portraitMinZoom = 0.9
	portraitMaxZoom = 1.25
	// A window shorter than sidewaysMaxH CSS pixels (a phone on its side,
	// a short browser window) has no room for the panels one above the
	// other either: it takes the tabs too, each laid out across
	// (sideways), at a zoom that gives it sidewaysDesignH of height.
	sidewaysMaxH    = 480
	sidewaysDesignH = 390
	sidewaysTabW    = 110 // the tabs stand in a column on the left, leaving the height to the panels
	touchRowH       = 48
	wideTrainW      = 420 // a Training panel this wide lays its controls out in more columns
)

// Layout is where everything is, in device pixels, for one window size.
type Layout struct {
	W, H     float64 // device pixels
	DSF      float64 // device pixels per CSS pixel
	S        float64 // size scale: DSF × zoom
	Top      render.Rect
	Panels   [NumPanels]render.Rect
	Grid     render.Rect
	GridHead render.Rect // the Draw panel's title row beside its title: what slow motion shows
	Bars     render.Rect
	Net      render.Rect // the network drawing
	Readout  render.Rect // the inspector's strip under it: what is under the pointer
	Gallery  render.Rect // the dataset's thumbnails
	Counts   render.Rect // the counts line above them
	Progress render.Rect
	Speed    render.Rect
	Plots    [2]render.Rect
	Legend   render.Rect // the plots' shared legend, in the progress panel's title row
	Confuse  render.Rect
	Controls []Control
	Icons    []HelpIcon // the "?" of parts of panels; the panels' own are render.HelpIconRect
	Options
	Paged  bool // the settings do not all fit: CtlMore switches between the groups
	Tabbed bool // a phone: one tab's panels at a time (tabs.go)
	// Sideways is a tabbed layout of a short, wide window (a phone on its
	// side): a tab's parts stand side by side.
	Sideways bool
	TabBar   render.Rect // the tabs, when Tabbed
	// TabArea is where a tab's panels go, when Tabbed.
	TabArea render.Rect
	// MessageArea is where a message stands on a sideways Draw tab: right
	// of the grid, under its buttons and the prediction. Empty elsewhere.
	MessageArea render.Rect
	row         float64 // a row of buttons, in CSS pixels at zoom 1
	// Lang is the language the layout was made in (i18n.Current): it
	// measures the labels in that language, so a new language needs a new
	// layout.
	Lang string
}

// Options are what a layout depends on besides the window.
type Options struct {
	Classes int  // the label buttons laid out: a new class count needs a new layout
	More    bool // the Training panel shows its second group of settings where they do not all fit (layoutTrain)
	Tab     Tab  // the tab shown on a phone
	Tour    bool // the tour runs: on a phone its card needs room under the network
	// Projector enlarges what a class looks at together (the network, the
	// curves and matrix, the prediction) with large type for a beamer, the
	// grid beside them for the teacher; the dataset and the settings make
	// way (panels.go). A phone ignores it.
	Projector bool
	// Hide names the panels (by title, lower case) and controls (by
	// Control.Name) a teacher's lesson link hides, comma-separated.
	Hide string
}

// NewLayout lays the screen out for w×h device pixels at dsf device pixels
// per CSS pixel, with the labels of the language in use (Lang).
func NewLayout(w, h, dsf float64, o Options) *Layout {
	if dsf <= 0 {
		dsf = 1
	}
	zoom := min(max(math.Min(w/dsf/designW, h/dsf/designH), minZoom), maxZoom)
	S := dsf * zoom
	l := &Layout{W: w, H: h, DSF: dsf, S: S, Options: o, row: rowH, Lang: i18n.Current()}
	u := func(v float64) float64 { return v * S }

	l.Sideways = h/dsf < sidewaysMaxH && w > h
	l.Tabbed = w/dsf < portraitMaxW && h > w || l.Sideways
	l.Projector = o.Projector && !l.Tabbed
	if l.Projector {
		zoom := min(max(math.Min(w/dsf/projDesignW, h/dsf/projDesignH)*1.15, minZoom), projMaxZoom)
		S = dsf * zoom
		l.S = S
	}
	if l.Tabbed {
		zoom := min(max(w/dsf/portraitDesignW, portraitMinZoom), portraitMaxZoom)
		if l.Sideways {
			zoom = min(max(h/dsf/sidewaysDesignH, portraitMinZoom), portraitMaxZoom)
		}
		S = dsf * zoom
		l.S, l.row = S, touchRowH
	}

	screen := render.Rect{W: w, H: h}.Inset(u(Gap))
	l.Top, screen = screen.SplitTop(u(topH))
	_, screen = screen.SplitTop(u(Gap))
	if l.Tabbed {
		if l.Sideways {
			l.TabBar, screen = screen.SplitLeft(u(sidewaysTabW))
			_, screen = screen.SplitLeft(u(Gap))
		} else {
			l.TabBar, screen = screen.SplitBottom(u(touchRowH))
			screen.H -= u(Gap)
		}
		l.TabArea = screen
		l.Panels = tabPanels(screen, o, l.Sideways, u)
	} else if l.Projector {
		l.Panels = projectorPanels(screen, o.Classes, u)
	} else {
		l.Panels = landscapePanels(screen, o.Classes, u)
	}

	for p := range l.Panels {
		if l.hidden(strings.ToLower(Panel(p).Title())) {
			l.Panels[p] = render.Rect{}
		}
	}
	l.layoutDraw(o.Classes)
	if l.Visible(PanelDraw) {
		l.GridHead = render.PanelHeaderSpace(l.Panels[PanelDraw], PanelDraw.Label(), l.S)
	}
	l.Bars = l.content(PanelPredict)
	net := l.content(PanelNetwork)
	l.Readout, l.Net = net.SplitBottom(min(u(96), 0.3*net.H))
	l.layoutTrain()
	l.layoutData()
	l.layoutMetrics()
	l.layoutTop()
	l.layoutTabs()
	l.layoutIcons()
	return l
}

// HelpIcon is the "?" of a part of a panel with a help card of its own.
type HelpIcon struct {
	Card tour.CardID
	Rect render.Rect
}

// layoutIcons puts the readout's "?" at its top right and the speed
// line's at its end, in the room each keeps free (HelpIconRoom).
func (l *Layout) layoutIcons() {
	if r, s := l.Readout, l.u(22); !r.Empty() {
		l.Icons = append(l.Icons, HelpIcon{tour.CardInspector, render.Rect{X: r.X + r.W - s, Y: r.Y + l.u(2), W: s, H: s}})
	}
	if r := l.Speed; !r.Empty() {
		s := min(r.H+l.u(2), l.u(20))
		l.Icons = append(l.Icons, HelpIcon{tour.CardSpeed, render.Rect{X: r.X + r.W - s, Y: r.Y + (r.H-s)/2, W: s, H: s}})
	}
}

func (l *Layout) u(v float64) float64 { return v * l.S }

// U converts CSS pixels at zoom 1 to the layout's device pixels.
func (l *Layout) U(v float64) float64 { return v * l.S }

// content is a panel's inside, below its title; empty for a panel not on
// screen (another tab's).
func (l *Layout) content(p Panel) render.Rect {
	if !l.Visible(p) {
		return render.Rect{}
	}
	return render.PanelBody(l.Panels[p], l.S)
}

// Visible reports whether panel p is on screen (on a phone, only the
// current tab's are).
func (l *Layout) Visible(p Panel) bool { return !l.Panels[p].Empty() }

// HelpHit is where a tap opens panel p's help: its "?" icon, grown on a
// phone to a finger's reach.
func (l *Layout) HelpHit(p Panel) render.Rect {
	r := render.HelpIconRect(l.Panels[p], l.S)
	if l.Tabbed {
		r = r.Inset(-max(l.u(finger)-r.W, 0) / 2)
	}
	return r
}

// MinButton is the least height of a card's buttons in device pixels: a
// finger's on a phone, none elsewhere.
func (l *Layout) MinButton() float64 {
	if l.Tabbed {
		return finger * l.DSF // CSS pixels whatever the zoom
	}
	return 0
}

// ButtonText is a card button's text as a layout shows it: a phone has no
// keys, so it leaves out the key in brackets ("Replace mine (R)").
func (l *Layout) ButtonText(s string) string {
	if i := strings.LastIndex(s, " ("); l.Tabbed && i > 0 && strings.HasSuffix(s, ")") {
		return s[:i]
	}
	return s
}

// Area is the rect a control of panel p must stay in: the panel, the top
// bar or the tab bar.
func (l *Layout) Area(p Panel) render.Rect {
	switch p {
	case PanelTop:
		return l.Top
	case PanelTabs:
		return l.TabBar
	}
	return l.Panels[p]
}

func (l *Layout) add(c Control) {
	if l.hidden(c.Name()) {
		return
	}
	l.Controls = append(l.Controls, c)
}

// hidden reports whether a teacher's link hides the panel or control name.
func (l *Layout) hidden(name string) bool {
	return l.Hide != "" && strings.Contains(","+l.Hide+",", ","+name+",")
}

// layoutData puts the dataset buttons in the panel's title row when they
// fit there (short labels if need be), so the thumbnails get the height.
func (l *Layout) layoutData() {
	if !l.Visible(PanelData) {
		return
	}
	r := l.content(PanelData)
	ids := []ControlID{CtlUndo, CtlRelabel, CtlDelete, CtlClearData}
	head := render.PanelHeaderSpace(l.Panels[PanelData], PanelData.Label(), l.S)
	var cols []render.Rect
	short := false
	for _, short = range []bool{false, true} {
		if l.Tabbed {
			break // a phone: the title row is too short for a finger
		}
		if cols = l.fitButtons(head, ids, short); cols != nil {
			break
		}
	}
	if cols == nil {
		var top render.Rect
		top, r = r.SplitTop(l.u(l.row))
		_, r = r.SplitTop(l.u(RowGap))
		labels := make([]string, len(ids))
		for i, id := range ids {
			labels[i] = i18n.T(Control{ID: id, Short: true}.Label())
		}
		cols, _ = l.spread(top, labels, nil, l.u(RowGap))
		short = true
	}
	for i, id := range ids {
		l.add(Control{ID: id, Panel: PanelData, Rect: cols[i], Short: short})
	}
	counts := float64(countsH)
	if l.Tabbed {
		counts = finger // its ‹ › buttons take a finger
	}
	l.Counts, l.Gallery = r.SplitTop(l.u(counts))
	_, l.Gallery = l.Gallery.SplitTop(l.u(RowGap))
}

// fitButtons right-aligns buttons for ids in r, each as wide as its
// label (the short one if short) needs, or returns nil when they do not fit.
func (l *Layout) fitButtons(r render.Rect, ids []ControlID, short bool) []render.Rect {
	return l.fitButtonsAt(r, ids, short, 1, l.u(12))
}

// fitButtonsTight is fitButtons for the short labels at the smallest size
// render.DrawButton shrinks a label to, with the least padding it keeps:
// a longer language's label still fits where the roomy size would not,
// rather than its button being left out.
func (l *Layout) fitButtonsTight(r render.Rect, ids []ControlID) []render.Rect {
	return l.fitButtonsAt(r, ids, true, render.MinFit, l.u(7))
}

// fitButtonsAt is fitButtons with the label's size scaled by k and padX
// on each side.
func (l *Layout) fitButtonsAt(r render.Rect, ids []ControlID, short bool, k, padX float64) []render.Rect {
	size := render.ButtonTextSize(r.H, l.S) * k
	ws := make([]float64, len(ids))
	total := l.u(RowGap) * float64(len(ids)-1)
	for i, id := range ids {
		w, _ := render.MeasureBold(i18n.T(Control{ID: id, Short: short}.Label()), size)
		ws[i] = w + 2*padX
		total += ws[i]
	}
	if total > r.W || r.H <= 0 {
		return nil
	}
	out := make([]render.Rect, len(ids))
	x := r.X + r.W - total
	for i, w := range ws {
		out[i] = render.Rect{X: x, Y: r.Y, W: w, H: r.H}
		x += w + l.u(RowGap)
	}
	return out
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

// ControlNamed returns the control with the given name (see Control.Name).
func (l *Layout) ControlNamed(name string) (Control, bool) {
	for _, c := range l.Controls {
		if c.Name() == name {
			return c, true
		}
	}
	return Control{}, false
}
