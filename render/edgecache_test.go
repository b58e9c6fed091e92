package render

import (
	"testing"

	"digittrainer/nn"
)

// cacheTol is the per-channel difference allowed between edges composed
// through the cache image and edges drawn straight onto the panel: one
// extra 8-bit rounding of each blended pixel. A pixel where a dash starts
// or ends may differ more, because the last bit of its texture coordinate
// picks the texel (nearest filtering); at most one channel value in
// cacheFlips may.
const (
	cacheTol   = 2
	cacheFlips = 10000
)

// TestEdgeCacheMatchesDirectDrawing draws the same net through the cache
// and directly, in a view that does not start at the origin, and compares
// every pixel; then changes one weight and checks the cached picture
// follows.
func TestEdgeCacheMatchesDirectDrawing(t *testing.T) {
	net, err := nn.NewSeeded(nn.DefaultConfig, 3)
	if err != nil {
		t.Fatal(err)
	}
	r := Rect{37.5, 21, 500, 260}
	draw := func(noCache bool) []byte {
		img := canvas(600, 300)
		v := NetworkView{noCache: noCache}
		v.Layout(r, net.Config, 1)
		v.Draw(img, net, nil, &Highlight{}) // the app passes an empty highlight when nothing is hovered
		return pixels(img).Pix
	}
	cached, direct := draw(false), draw(true)
	worst, over := 0, 0
	for i := range cached {
		d := max(int(cached[i])-int(direct[i]), int(direct[i])-int(cached[i]))
		worst = max(worst, d)
		if d > cacheTol {
			over++
		}
	}
	if over > len(cached)/cacheFlips {
		t.Errorf("cached edges differ from direct drawing by more than %d in %d of %d channel values (up to %d), want at most 1 in %d",
			cacheTol, over, len(cached), worst, cacheFlips)
	}

	// One view drawn twice: the second frame must show a changed weight.
	img := canvas(600, 300)
	var v NetworkView
	v.Layout(r, net.Config, 1)
	v.Draw(img, net, nil, nil)
	e := Edge{2, 0, 0}
	before := sampleEdge(pixels(img), &v, e)
	net.W2[0] = -net.W2[0] * 50 // now the strongest weight, and of the other sign
	net.Touch()
	img.Fill(Current.Panel)
	v.Draw(img, net, nil, nil)
	after := sampleEdge(pixels(img), &v, e)
	changed := 0
	for i := range before {
		if dist(before[i], after[i]) > 30 {
			changed++
		}
	}
	if changed < len(before)/3 {
		t.Errorf("after a weight changed, only %d of %d pixels along its edge changed: the cache is stale", changed, len(before))
	}
}
