package screen

import (
	"strings"

	"digittrainer/i18n"
	"digittrainer/render"
)

// The top bar: the app's name at the left, the buttons that act on the
// whole lesson (tour, experiments, files, keys) at the right, and the
// language button at the right end.

// AppName is the name the top bar shows; NameSize is its text size.
const AppName = "Digit Trainer"

// NameSize is the size the top bar writes AppName at.
func (l *Layout) NameSize() float64 { return l.u(render.TitleSize + 3) }

// layoutTop lays out the top bar's buttons: on a phone its own few
// (layoutPhoneTop), in the projector view Train beside them.
func (l *Layout) layoutTop() {
	r := l.Top.InsetXY(l.u(Pad), l.u(7))
	ids := []ControlID{CtlTour, CtlExperiments, CtlLoad, CtlSave, CtlExport, CtlKeys}
	switch {
	case l.Tabbed:
		l.layoutPhoneTop()
		return
	case l.Projector: // the Training panel made way: its first button comes up here
		ids = []ControlID{CtlTrain, CtlStepEpoch, CtlTour, CtlExperiments, CtlProjector}
	default:
		// The language button sits at the right end, as narrow as its
		// code ("DE"): a person who cannot read the language in use still
		// finds it where language buttons usually are.
		var lang render.Rect
		lang, r = r.SplitRight(l.langWidth(r.H))
		r.W -= l.u(RowGap)
		l.add(Control{ID: CtlLang, Panel: PanelTop, Rect: lang, Short: true})
	}
	w := min(r.W-l.u(150), l.u(float64(len(ids))*150))
	short := w/float64(len(ids)) < l.u(135)
	bar, _ := r.SplitRight(w)
	for i, c := range bar.Columns(len(ids), l.u(RowGap)) {
		l.add(Control{ID: ids[i], Panel: PanelTop, Rect: c, Short: short})
	}
}

// layoutPhoneTop lays out a phone's top bar: Tour, Files… and the language
// button, each as wide as its words need (the tour's button says "Leave
// tour" while it runs), beside the app's name when there is room for it,
// else over its place: the name is what a phone can spare.
func (l *Layout) layoutPhoneTop() {
	r := l.Top.InsetXY(l.u(Pad), l.u(2))
	langR, rest := r.SplitRight(l.langWidth(r.H))
	rest.W -= l.u(RowGap)
	labels := []string{i18n.T(controlKinds[CtlTour].short), i18n.T(controlKinds[CtlFiles].label)}
	widest := []string{longer(labels[0], longer(i18n.T("Leave tour"), i18n.T("Resume tour"))), labels[1]}
	need := l.buttonNeed(widest[0], rest.H, 1) + l.buttonNeed(widest[1], rest.H, 1) + l.u(RowGap)
	title, _ := render.MeasureBold(AppName, l.NameSize())
	w := max(min(rest.W-title-l.u(Gap), l.u(2*150)), min(need, rest.W))
	bar, _ := rest.SplitRight(w)
	cols, _ := l.spread(bar, widest, widest, l.u(RowGap)) // widths for the longest the tour's button says
	l.add(Control{ID: CtlTour, Panel: PanelTop, Rect: cols[0], Short: true})
	l.add(Control{ID: CtlFiles, Panel: PanelTop, Rect: cols[1], Short: true})
	l.add(Control{ID: CtlLang, Panel: PanelTop, Rect: langR, Short: true})
}

// longer returns the wider of two labels in the bold face.
func longer(a, b string) string {
	if widthOf(b) > widthOf(a) {
		return b
	}
	return a
}

// MinTouch is the width the language button keeps on a phone, in CSS
// pixels: a fingertip, with room over the 40 TestPhoneFitsAFinger asks.
const MinTouch = 44

// langWidth is the language button's width: its widest code, "PT", with
// a button's padding, and at least a finger's width (MinTouch).
func (l *Layout) langWidth(h float64) float64 {
	w := l.u(MinTouch)
	for _, lang := range i18n.Languages {
		w = max(w, l.buttonNeed(strings.ToUpper(lang.Code), h, 1)+l.u(8))
	}
	return w
}
