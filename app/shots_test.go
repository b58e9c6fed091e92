package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/render"
	"digittrainer/screen"
)

// shotsEnv names the directory TestScreenshots writes to; without it the
// test is skipped and TestMain runs the tests without a game loop.
const shotsEnv = "APP_SHOTS"

// TestMain runs the tests inside an Ebiten game loop when screenshots are
// wanted (reading pixels back needs a running loop); otherwise it runs them
// as usual.
func TestMain(m *testing.M) {
	if os.Getenv(shotsEnv) == "" {
		os.Exit(m.Run())
	}
	g := &loopGame{m: m, code: 1}
	ebiten.SetWindowSize(64, 64)
	if err := ebiten.RunGame(g); err != nil {
		panic(err)
	}
	os.Exit(g.code)
}

type loopGame struct {
	m    *testing.M
	code int
}

func (g *loopGame) Update() error {
	g.code = g.m.Run()
	return ebiten.Termination
}

func (*loopGame) Draw(*ebiten.Image)         {}
func (*loopGame) Layout(int, int) (int, int) { return 64, 64 }

// shotSizes are the window sizes, in CSS pixels, and device scales the
// screenshots and the layout tests cover: the smallest supported window,
// laptops, a projector, a high-DPI screen and a phone held upright.
var shotSizes = []struct{ w, h, dsf float64 }{{800, 600, 1}, {1024, 768, 1}, {1280, 800, 1}, {1366, 768, 1}, {1280, 720, 1}, {1920, 1080, 1}, {1280, 800, 2}, {1024, 640, 1.5}, {390, 844, 2}, {844, 390, 2}}

// TestScreenshots renders the whole game to PNG files for a person to look
// at: fresh, and after a few epochs with a "1" drawn and a hidden neuron
// inspected, at several window sizes and at 2× device scale:
//
//	APP_SHOTS=/tmp/shots xvfb-run -a go test -run '^TestScreenshots$' ./app/
//
// APP_SHOTS_ONLY=text keeps only the files whose name contains text;
// SHOTS_LANG=de draws them in German.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv(shotsEnv)
	if dir == "" {
		t.Skip("set " + shotsEnv + "=dir to write screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if lang := os.Getenv("SHOTS_LANG"); lang != "" {
		if !i18n.Set(lang) {
			t.Fatalf("SHOTS_LANG: no language %q", lang)
		}
		defer i18n.Set(i18n.English)
	}
	for _, state := range stagedStates {
		g := stagedGame(t, state)
		for _, sz := range shotSizes {
			for tab := range screen.NumTabs { // a phone: each tab
				g.tab = tab
				g.dsf = sz.dsf
				g.relayout(sz.w*sz.dsf, sz.h*sz.dsf)
				in := &Input{}
				if state == "trained" && !g.lay.Net.Empty() {
					// hover the third hidden neuron
					x, y := g.net.NeuronPos(render.Neuron{Layer: 1, Index: 2})
					in = &Input{HoverX: x, HoverY: y, HasHover: true}
				}
				g.tick(in)
				img := ebiten.NewImage(int(sz.w*sz.dsf), int(sz.h*sz.dsf))
				g.Draw(img)
				name := fmt.Sprintf("%s-%gx%g@%gx.png", state, sz.w, sz.h, sz.dsf)
				if g.lay.Tabbed {
					name = fmt.Sprintf("%s-%gx%g@%gx-%s.png", state, sz.w, sz.h, sz.dsf, tab.Title())
				}
				if only := os.Getenv("APP_SHOTS_ONLY"); only == "" || strings.Contains(name, only) {
					writeShot(t, filepath.Join(dir, name), img)
				}
				if !g.lay.Tabbed {
					break
				}
			}
			g.tab = screen.TabDraw
		}
	}
}

func writeShot(t *testing.T, path string, img *ebiten.Image) {
	t.Helper()
	if err := savePNG(img, path); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}
