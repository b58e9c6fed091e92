// Command minimal is the smallest Ebiten program that behaves like Digit Trainer from the
// outside: it opens a window (or fills the page), draws every frame, and reports
// window.digitTrainer.status() with a frame counter in the browser. It exists only as the
// baseline that `make size` and `make perf-web` compare the real app against, and as a
// stand-in for the app while testing the shipping pipeline (cmd/serve, cmd/bundle, e2e).
//
// It understands the same smoke-test flags as the app: -frames N -screenshot FILE runs N
// frames, writes the last one as a PNG and exits.
package main

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"log"
	"os"

	"github.com/hajimehoshi/ebiten/v2"
)

const (
	screenW = 640
	screenH = 480
	boxSize = 64
	tiles   = 16
	tileW   = screenW / tiles
)

// game counts frames and moves one box so that a screenshot proves frames advance.
type game struct {
	frame      int    // frames drawn so far
	stopAfter  int    // 0: run forever
	screenshot string // PNG path written after stopAfter frames
	saved      bool
	err        error
}

func (g *game) Update() error {
	if g.err != nil {
		return g.err
	}
	if g.stopAfter > 0 && g.frame >= g.stopAfter && (g.screenshot == "" || g.saved) {
		return ebiten.Termination
	}
	return nil
}

func (g *game) Draw(screen *ebiten.Image) {
	g.frame++
	screen.Fill(color.RGBA{0x1e, 0x27, 0x3a, 0xff})
	// A row of tiles in 16 colours: enough detail for the e2e "not blank" check.
	for i := 0; i < tiles; i++ {
		tile := screen.SubImage(image.Rect(i*tileW, 0, (i+1)*tileW, tileW)).(*ebiten.Image)
		tile.Fill(color.RGBA{uint8(i * 16), uint8(255 - i*12), uint8(64 + i*8), 0xff})
	}
	x := (g.frame * 4) % (screenW - boxSize)
	box := screen.SubImage(image.Rect(x, screenH/2-boxSize/2, x+boxSize, screenH/2+boxSize/2)).(*ebiten.Image)
	box.Fill(color.RGBA{0xf2, 0xa9, 0x3b, 0xff})
	publishStatus(g.frame, ebiten.ActualFPS())
	if g.screenshot != "" && !g.saved && g.stopAfter > 0 && g.frame >= g.stopAfter {
		g.err = writePNG(g.screenshot, screen)
		g.saved = true
	}
}

func (g *game) Layout(int, int) (int, int) { return screenW, screenH }

// writePNG copies the screen's pixels into an image.RGBA and encodes it to path.
func writePNG(path string, screen *ebiten.Image) error {
	b := screen.Bounds()
	img := image.NewRGBA(b)
	screen.ReadPixels(img.Pix)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func main() {
	g := &game{}
	flag.IntVar(&g.stopAfter, "frames", 0, "exit after this many frames (0: run until closed)")
	flag.StringVar(&g.screenshot, "screenshot", "", "write the last frame to this PNG file (needs -frames)")
	flag.Parse()
	ebiten.SetWindowSize(screenW, screenH)
	ebiten.SetWindowTitle("Ebiten minimal baseline")
	if err := ebiten.RunGame(g); err != nil {
		log.Fatal(err)
	}
}
