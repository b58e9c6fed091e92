package app

import (
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/session"
)

// drawSimilar draws, where the network usually is, the drawings most like
// the one on the grid: by pixels and by the network's hidden vector
// (session.Similar), with the grid's own hidden vector above them. They
// follow the pen.
func drawSimilar(dst *ebiten.Image, l *screen.Layout, s *session.Session) {
	byInk, byVec := s.Similar()
	if len(byInk) == 0 {
		r := l.Net.Inset(l.U(8))
		render.TextIn(dst, r, i18n.T("No drawings in the dataset to compare yours with: add some, or load a dataset."), l.U(render.BodySize), render.Current.Muted, render.AlignLeft, false)
		return
	}
	names := s.Data().Classes
	row := func(title string, m []session.Match, note func(float64) string) render.SimilarRow {
		r := render.SimilarRow{Title: title}
		for _, x := range m {
			smp := &s.Data().Samples[x.Index]
			r.Pixels = append(r.Pixels, &smp.Pixels)
			r.Names = append(r.Names, names[smp.Label])
			r.Notes = append(r.Notes, note(x.Distance))
		}
		return r
	}
	h := s.Forward().H[:s.Net().Hidden]
	rows := []render.SimilarRow{
		row(i18n.T("Nearest by pixels (squares that differ)"), byInk, func(d float64) string { return strconv.Itoa(int(d)) }),
		row(i18n.T("Nearest by hidden vector (distance between the lists)"), byVec, func(d float64) string { return i18n.Float(d, 2) }),
	}
	title := i18n.Sprintf("Your drawing as the network sees it: a list of %d numbers (its vector)", len(h))
	render.DrawSimilar(dst, l.Net.Inset(l.U(8)), h, title, rows, l.S)
}
