package screen

import (
	"digittrainer/i18n"
	"digittrainer/render"
)

// A row of buttons gets equal columns where every label fits its own, as
// English labels do. A longer translation ("Hinzufügen" beside "Stift")
// gets the room the others can spare instead of being cut.

// spread cuts r into columns gap apart for buttons with the given labels
// (as shown: in the language in use): equal columns when each label fits
// its own (shrunk as far as render.DrawButton shrinks one), as English
// labels do, else each column as wide as its widest label needs (widest:
// a label the app may show instead, nil for none) plus an equal share of
// what is left, else columns in proportion to what they need. ok is false
// when even that cuts a label.
func (l *Layout) spread(r render.Rect, labels, widest []string, gap float64) (cols []render.Rect, ok bool) {
	n := len(labels)
	avail := r.W - gap*float64(n-1)
	fitEqual := true
	for _, s := range labels {
		fitEqual = fitEqual && l.buttonNeed(s, r.H, render.MinFit) <= avail/float64(n)
	}
	if fitEqual || n < 2 || avail <= 0 {
		return r.Columns(n, gap), fitEqual
	}
	if widest == nil {
		widest = labels
	}
	full, least := make([]float64, n), make([]float64, n)
	sumFull, sumLeast := 0.0, 0.0
	for i, s := range widest {
		full[i], least[i] = l.buttonNeed(s, r.H, 1), l.buttonNeed(s, r.H, render.MinFit)
		sumFull += full[i]
		sumLeast += least[i]
	}
	ws := make([]float64, n)
	for i := range ws {
		if sumFull <= avail {
			ws[i] = full[i] + (avail-sumFull)/float64(n)
		} else {
			ws[i] = least[i] * avail / sumLeast
		}
	}
	cols = make([]render.Rect, n)
	x := r.X
	for i, w := range ws {
		cols[i] = render.Rect{X: x, Y: r.Y, W: w, H: r.H}
		x += w + gap
	}
	return cols, sumLeast <= avail
}

// buttonNeed is the width of a button h tall that render.DrawButton can
// write s in at k times its text size: the text and its padding.
func (l *Layout) buttonNeed(s string, h, k float64) float64 {
	tw, _ := render.MeasureBold(s, render.ButtonTextSize(h, l.S)*k)
	return tw + min(12*l.S, tw/3) // DrawButton keeps min(12·S, W/4) free
}

// widestOf is control id's label as shown, or the text the app shows in
// its place where that is wider (the eraser for the pen).
func widestOf(id ControlID) string {
	s := i18n.T(controlKinds[id].label)
	if id == CtlTool {
		e := i18n.T("Eraser")
		if we, ws := widthOf(e), widthOf(s); we > ws {
			s = e
		}
	}
	return s
}

func widthOf(s string) float64 {
	w, _ := render.MeasureBold(s, render.BodySize)
	return w
}
