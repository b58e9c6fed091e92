package app

import (
	"testing"

	"digittrainer/i18n"
	"digittrainer/screen"
)

// TestSidewaysBannerClearsTheGrid: on a phone on its side the Draw tab's
// message stands right of the grid, under its buttons and the prediction,
// over none of them, in every language (the welcome message is the
// longest a first look meets).
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
		if overlaps(b, g.lay.Grid) {
			t.Errorf("%s: the banner %v covers the grid %v", lang.Code, b, g.lay.Grid)
		}
		for _, c := range g.lay.Controls {
			if (c.Panel == screen.PanelDraw || c.Panel == screen.PanelPredict) && overlaps(b, c.Rect) {
				t.Errorf("%s: the banner %v covers %s", lang.Code, b, c.Name())
			}
		}
		if bars := g.lay.Bars; overlaps(b, bars) {
			t.Errorf("%s: the banner %v covers the prediction %v", lang.Code, b, bars)
		}
		if b.Y < g.lay.TabArea.Y {
			t.Errorf("%s: the banner %v runs above the tabs' area %v", lang.Code, b, g.lay.TabArea)
		}
	}
}
