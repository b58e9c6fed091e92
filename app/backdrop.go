package app

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/render"
	"digittrainer/screen"
)

// backdropKey is everything the backdrop (render.Backdrop) shows depends
// on: where the panels are and how large, the language of their titles
// and the theme.
type backdropKey struct {
	scale  float64
	panels [screen.NumPanels]render.Rect
	lang   string
	theme  render.Theme
}

// drawBackdrop paints the background and the empty panels of layout l
// over the whole of dst, from the picture kept in g.backdrop.
func (g *Game) drawBackdrop(dst *ebiten.Image, l *screen.Layout) {
	key := backdropKey{l.S, l.Panels, i18n.Current(), render.Current}
	g.backdrop.Draw(dst, key, func(img *ebiten.Image) {
		img.Fill(render.Current.Background)
		for p := screen.Panel(0); p < screen.NumPanels; p++ {
			if l.Visible(p) {
				render.DrawPanel(img, l.Panels[p], p.Label(), l.S)
			}
		}
	})
}
