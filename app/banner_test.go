package app

import (
	"testing"

	"digittrainer/i18n"
	"digittrainer/screen"
)

// TestSidewaysBannerClearsTheGrid: on a phone on its side the Draw tab's
// message stands under the prediction, not over the grid or the Draw
// panel's buttons, in every language (the welcome message is the longest
// a first look meets).
func TestSidewaysBannerClearsTheGrid(t *testing.T) {
	defer i18n.Set(i18n.English)
	for _, lang := range i18n.Languages {
		i18n.Set(lang.Code)
		g := newTestGame(t, memStore{})
		g.dsf = 2
		g.tab = screen.TabDraw
		g.relayout(844*2, 390*2)
		g.tick(&Input{})
		msg := g.s.Message()
		b, ok := g.banner.rect(g.lay, msg, false)
		if !g.lay.Sideways || !ok || msg.Text == "" {
			t.Fatalf("%s: sideways %v, banner %v, message %q", lang.Code, g.lay.Sideways, ok, msg.Text)
		}
		if draw := g.lay.Panels[screen.PanelDraw]; overlaps(b, draw) {
			t.Errorf("%s: the banner %v covers the Draw panel %v", lang.Code, b, draw)
		}
		if b.Y < g.lay.TabArea.Y {
			t.Errorf("%s: the banner %v runs above the tabs' area %v", lang.Code, b, g.lay.TabArea)
		}
	}
}
