package main

import (
	"bytes"
	"testing"

	"digittrainer/assets"
)

// TestCommittedFilesMatch regenerates the starter sets in memory and
// compares them with the files embedded in assets/, byte for byte, so the
// shipped data always comes from the generator in the repository.
func TestCommittedFilesMatch(t *testing.T) {
	committed := map[string][]byte{"starter2.csv": assets.Starter2, "starter10.csv": assets.Starter10}
	for _, s := range sets {
		b, err := encode(generate(s.classes, s.perClass, s.seed))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, committed[s.file]) {
			t.Errorf("assets/%s differs from a fresh run; run `go generate ./assets`", s.file)
		}
	}
}

func TestRasteriseLine(t *testing.T) {
	// A one-cell pen down the middle column sets exactly that column.
	p := placement{w: 8, h: 8, cx: 4.5, cy: 4.5, pen: 1}
	px := rasterise([]stroke{{{0, -1}, {0, 1}}}, p)
	for i, v := range px {
		if want := i%9 == 4; (v == 1) != want {
			t.Fatalf("pixel %d = %d", i, v)
		}
	}
}
