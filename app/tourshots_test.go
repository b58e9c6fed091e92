package app

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/tour"
)

// TestTourScreenshots renders every tour step and every help card to PNG
// files for a person to look at (the run-time loop comes from
// shots_test.go's TestMain):
//
//	APP_SHOTS=/tmp/shots xvfb-run -a go test -run TourScreenshots ./app/
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
	for _, sz := range sizes {
		g := newTestGame(t, memStore{})
		g.relayout(sz.w, sz.h)
		shot := func(name string) {
			g.tick(&Input{})
			img := ebiten.NewImage(int(sz.w), int(sz.h))
			g.Draw(img)
			writeShot(t, filepath.Join(dir, fmt.Sprintf("tour-%gx%g-%s.png", sz.w, sz.h, name)), img)
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
