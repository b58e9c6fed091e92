package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/tour"
)

// TestTourScreenshots renders every tour step and every help card to PNG
// files for a person to look at (the run-time loop comes from
// shots_test.go's TestMain):
//
//	APP_SHOTS=/tmp/shots xvfb-run -a go test -run TourScreenshots ./app/
//
// TOUR_SHOTS_LANGS=all (or "de,fr") takes them in those languages too,
// named tour-<lang>-….
func TestTourScreenshots(t *testing.T) {
	dir := os.Getenv(shotsEnv)
	if dir == "" {
		t.Skip("set " + shotsEnv + "=dir to write screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	sizes := []struct{ w, h float64 }{{1280, 800}, {800, 600}}
	if os.Getenv("TOUR_SHOTS_ALL") == "" {
		sizes = sizes[:1]
		if os.Getenv("TOUR_SHOTS_SMALL") != "" {
			sizes = []struct{ w, h float64 }{{800, 600}}
		}
	}
	langs := []string{i18n.English}
	switch v := os.Getenv("TOUR_SHOTS_LANGS"); v {
	case "":
	case "all":
		langs = nil
		for _, l := range i18n.Languages {
			langs = append(langs, l.Code)
		}
	default:
		langs = strings.Split(v, ",")
	}
	defer i18n.Set(i18n.English)
	for _, lang := range langs {
		if !i18n.Set(lang) {
			t.Fatalf("TOUR_SHOTS_LANGS: no language %q", lang)
		}
		prefix := "tour-"
		if lang != i18n.English {
			prefix += lang + "-"
		}
		tourShots(t, dir, prefix, sizes)
	}
}

// tourShots writes the tour's steps and five help cards at each size, in
// the language in use.
func tourShots(t *testing.T, dir, prefix string, sizes []struct{ w, h float64 }) {
	for _, sz := range sizes {
		g := newTestGame(t, memStore{})
		g.relayout(sz.w, sz.h)
		shot := func(name string) {
			g.tick(&Input{})
			img := ebiten.NewImage(int(sz.w), int(sz.h))
			g.Draw(img)
			writeShot(t, filepath.Join(dir, fmt.Sprintf("%s%gx%g-%s.png", prefix, sz.w, sz.h, name)), img)
		}
		g.tick(keys(ebiten.KeyT))
		shot("00-wait")
		for step := 1; step <= 10; step++ {
			g.tick(keys(ebiten.KeyArrowRight))
			shot(fmt.Sprintf("%02d", step))
		}
		g.tick(keys(ebiten.KeyArrowRight))
		for _, id := range []tour.CardID{tour.CardGrid, tour.CardNetwork, tour.CardGlossary, tour.CardKeys, tour.CardInspector} {
			g.modal.openCard(id)
			shot("help-" + string(id))
			g.modal.close()
		}
	}
}
