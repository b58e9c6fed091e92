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

// backdrop is the picture under everything else and what it shows.
type backdrop struct {
	render.Backdrop
	key backdropKey
}

// drawBackdrop paints the background and the empty panels of layout l
// over the whole of dst, from the picture kept in g.backdrop.
func (g *Game) drawBackdrop(dst *ebiten.Image, l *screen.Layout) {
	b := &g.backdrop
	key := backdropKey{l.S, l.Panels, i18n.Current(), render.Current}
	changed := key != b.key
	b.key = key
	b.Draw(dst, changed, func(img *ebiten.Image) {
		img.Fill(render.Current.Background)
		for p := screen.Panel(0); p < screen.NumPanels; p++ {
			if l.Visible(p) {
				render.DrawPanel(img, l.Panels[p], p.Label(), l.S)
			}
		}
	})
}
