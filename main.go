// Command digittrainer is Digit Trainer: draw digits on a 9×9 grid, label
// them, and watch a small neural network learn them. The same program runs
// in the browser (GOOS=js GOARCH=wasm) and on the desktop.
package main

import (
	"flag"
	"fmt"
	"log"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/app"
)

func main() {
	var opts app.Options
	flag.StringVar(&opts.Load, "load", "", "load a checkpoint or dataset file at start")
	flag.StringVar(&opts.Link, "link", "", "open a lesson link (the whole link, or what follows its #) at start")
	flag.IntVar(&opts.Frames, "frames", 0, "run this many frames and exit (for smoke tests)")
	flag.StringVar(&opts.Screenshot, "screenshot", "", "with -frames: save the last frame as this PNG")
	flag.BoolVar(&opts.Reset, "reset", false, "start fresh: forget the autosaved work")
	flag.StringVar(&opts.Lang, "lang", "", "the language to speak: en, es, fr, de or pt (default: the one picked before, else the system's)")
	flag.StringVar(&opts.Keys, "keys", "", `play key presses and clicks, e.g. "T,Right,shot,Right" (see app/script.go); with -frames, the screenshot is taken after them`)
	size := flag.String("window", "1280x800", "window size WIDTHxHEIGHT in screen points")
	flag.Parse()
	var w, h int
	if _, err := fmt.Sscanf(*size, "%dx%d", &w, &h); err != nil || w < 320 || h < 240 {
		log.Fatalf("-window %q: want e.g. 1280x800", *size)
	}

	g, err := app.New(opts)
	if err != nil {
		log.Fatal(err)
	}
	ebiten.SetWindowSize(w, h)
	ebiten.SetWindowTitle("Digit Trainer")
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if err := ebiten.RunGame(g); err != nil {
		log.Fatal(err)
	}
}
