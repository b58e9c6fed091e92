package render

import (
	"os"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// Reading pixels back (ReadPixels, At) needs a running Ebiten loop, so
// TestMain starts one and runs every test from the game's first Update,
// on the game thread, then ends the loop. Run under `xvfb-run -a` where
// there is no display.
type testGame struct {
	m    *testing.M
	code int
}

func (g *testGame) Update() error {
	g.code = g.m.Run()
	return ebiten.Termination
}

func (*testGame) Draw(*ebiten.Image)         {}
func (*testGame) Layout(int, int) (int, int) { return 64, 64 }

func TestMain(m *testing.M) {
	g := &testGame{m: m, code: 1}
	ebiten.SetWindowSize(64, 64)
	if err := ebiten.RunGame(g); err != nil {
		panic(err)
	}
	os.Exit(g.code)
}
