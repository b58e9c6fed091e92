package render

import (
	"image"
	"image/color"
	"math"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/nn"
)

// colourTol is the per-channel difference allowed between an expected
// colour and a pixel in a solid area: GPU blending rounds each channel.
const colourTol = 3

// canvas returns a w×h image filled with the panel colour.
func canvas(w, h int) *ebiten.Image {
	img := ebiten.NewImage(w, h)
	img.Fill(Current.Panel)
	return img
}

func pixels(img *ebiten.Image) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	img.ReadPixels(out.Pix)
	return out
}

func near(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) <= tol && int(y)-int(x) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}

func dist(a, b color.RGBA) float64 {
	return math.Abs(float64(a.R)-float64(b.R)) + math.Abs(float64(a.G)-float64(b.G)) + math.Abs(float64(a.B)-float64(b.B))
}

// tinyNet is 81→1→2 with W2 = [w0, w1] and every other weight zero, so
// the two hidden→output edges are the only strong ones.
func tinyNet(t *testing.T, w0, w1 float64) *nn.Network {
	t.Helper()
	net, err := nn.Zero(nn.Config{Hidden: 1, Classes: 2, Activation: nn.Sigmoid})
	if err != nil {
		t.Fatal(err)
	}
	net.W2[0], net.W2[1] = w0, w1
	return net
}

// sampleEdge reads pixels along the middle 60% of an edge every half pixel.
func sampleEdge(p *image.RGBA, v *NetworkView, e Edge) []color.RGBA {
	p0, p1 := v.edgeEnds(e)
	l := math.Hypot(p1.x-p0.x, p1.y-p0.y)
	var out []color.RGBA
	for s := 0.2 * l; s < 0.8*l; s += 0.5 {
		x := p0.x + (p1.x-p0.x)*s/l
		y := p0.y + (p1.y-p0.y)*s/l
		out = append(out, p.RGBAAt(int(x), int(y)))
	}
	return out
}

func TestEdgePixelsSignAndDash(t *testing.T) {
	img := canvas(600, 300)
	var v NetworkView
	v.Layout(Rect{0, 0, 600, 300}, nn.Config{Hidden: 1, Classes: 2}, 1)
	v.Draw(img, tinyNet(t, 1, -1), nil, nil)
	p := pixels(img)

	pos := sampleEdge(p, &v, Edge{2, 0, 0})
	for i, c := range pos {
		if !near(c, Current.Positive, 40) {
			t.Fatalf("positive edge sample %d = %v, want about %v (solid)", i, c, Current.Positive)
		}
	}
	ink, gap := 0, 0
	for _, c := range sampleEdge(p, &v, Edge{2, 0, 1}) {
		switch {
		case near(c, Current.Negative, 40):
			ink++
		case near(c, Current.Panel, 40):
			gap++
		}
	}
	// dashOn/dashPeriod = 60% inked; anti-aliased dash ends fall in neither class.
	if f := float64(ink) / float64(ink+gap); gap == 0 || f < 0.45 || f > 0.75 {
		t.Errorf("negative edge: %d inked, %d gap samples; want dashes of about 60%%", ink, gap)
	}
}

func TestNeuronFillPixels(t *testing.T) {
	img := canvas(600, 300)
	var v NetworkView
	net := tinyNet(t, 0, 0)
	v.Layout(Rect{0, 0, 600, 300}, net.Config, 1)
	st := nn.NewState(net.Config)
	st.X[10], st.H[0], st.P[0], st.P[1] = 1, 0, 1, 0
	v.Draw(img, net, st, nil)
	p := pixels(img)
	at := func(n Neuron) color.RGBA { x, y := v.NeuronPos(n); return p.RGBAAt(int(x), int(y)) }
	for _, c := range []struct {
		n    Neuron
		want color.RGBA
	}{
		{Neuron{0, 10}, Current.Ink}, {Neuron{0, 11}, Current.Cell},
		{Neuron{1, 0}, Current.Cell}, {Neuron{2, 0}, Current.Ink}, {Neuron{2, 1}, Current.Cell},
	} {
		if got := at(c.n); !near(got, c.want, colourTol) {
			t.Errorf("%v filled %v, want %v", c.n, got, c.want)
		}
	}
}

func TestHighlightPixels(t *testing.T) {
	img := canvas(600, 300)
	var v NetworkView
	v.Layout(Rect{0, 0, 600, 300}, nn.Config{Hidden: 1, Classes: 2}, 1)
	hl := &Highlight{Dim: true, EdgeValues: map[Edge]float64{{2, 0, 1}: -2}}
	v.Draw(img, tinyNet(t, 1, 1), nil, hl)
	p := pixels(img)
	// The dimmed edge is much nearer the panel than the positive colour.
	for _, c := range sampleEdge(p, &v, Edge{2, 0, 0}) {
		if dist(c, Current.Panel) >= dist(c, Current.Positive) {
			t.Fatalf("dimmed edge pixel %v is not faded", c)
		}
	}
	// The edge with a value is drawn by that value: negative, dashed.
	neg := 0
	for _, c := range sampleEdge(p, &v, Edge{2, 0, 1}) {
		if near(c, Current.Negative, 40) {
			neg++
		}
	}
	if neg == 0 {
		t.Error("edge coloured by a negative EdgeValue shows no negative colour")
	}
}

// TestManyEdgesSplitDraws checks the largest net, whose edges need more
// than one DrawTriangles call: the hidden→output edges come last, in the
// second call, and must still be drawn.
func TestManyEdgesSplitDraws(t *testing.T) {
	net, err := nn.Zero(nn.Config{Hidden: nn.MaxHidden, Classes: 2, Activation: nn.Sigmoid})
	if err != nil {
		t.Fatal(err)
	}
	for i := range net.W2 {
		net.W2[i] = 1
	}
	var v NetworkView
	v.Layout(Rect{0, 0, 900, 600}, net.Config, 1)
	v.buildEdges(net, nil)
	if n := len(v.edges.vs); n <= maxBatchVertices {
		t.Fatalf("%d vertices fit one call; the test needs more", n)
	}
	img := canvas(900, 600)
	v.Draw(img, net, nil, nil)
	p := pixels(img)
	// Near output 0 every incoming edge is a strong positive one.
	x, y := v.NeuronPos(Neuron{2, 0})
	c := p.RGBAAt(int(x-v.rOut-6), int(y))
	if !(int(c.B) > int(c.R)+40) {
		t.Errorf("pixel left of output 0 = %v, want the positive blue", c)
	}
}

func TestBuildEdgesDoesNotAllocate(t *testing.T) {
	net, st := sampleNet(t, 24, 2)
	_ = st
	var v NetworkView
	v.Layout(Rect{0, 0, 900, 600}, net.Config, 1)
	hl := &Highlight{Dim: true, Edges: EdgesInto(Neuron{1, 3}, net.Config)}
	v.buildEdges(net, hl) // grow the buffers once
	if n := testing.AllocsPerRun(10, func() { v.buildEdges(net, hl); v.edges.vs = v.edges.vs[:0] }); n != 0 {
		t.Errorf("building edges allocates %v times per frame", n)
	}
}

func TestGridPixels(t *testing.T) {
	img := canvas(200, 200)
	r := Rect{10, 10, 180, 180}
	DrawGrid(img, r, &sampleDigit, 0, 0, false, 1)
	p := pixels(img)
	for i, v := range sampleDigit {
		x, y := gridCell(r, i%9, i/9).Center()
		want := Current.Cell
		if v != 0 {
			want = Current.Ink
		}
		if got := p.RGBAAt(int(x), int(y)); !near(got, want, colourTol) {
			t.Errorf("cell %d = %v, want %v", i, got, want)
		}
	}
}

func TestBarsPixels(t *testing.T) {
	img := canvas(400, 100)
	r := Rect{0, 0, 400, 100}
	probs := []float64{0.25, 0.75}
	DrawBars(img, r, probs, []string{"0", "1"}, 1)
	p := pixels(img)
	for i, want := range []color.RGBA{Current.Muted, Current.Accent} {
		y := int(r.H / 2 * (float64(i) + 0.5))
		bar, track := 0, 0
		for x := range 400 {
			c := p.RGBAAt(x, y)
			if near(c, want, colourTol) {
				bar++
			} else if near(c, Current.Cell, colourTol) {
				track++
			}
		}
		// Two anti-aliased bar ends of ~1 px each on a track of ~250 px.
		const tol = 0.02
		if f := float64(bar) / float64(bar+track); math.Abs(f-probs[i]) > tol {
			t.Errorf("bar %d fills %.3f of its track, want %.2f", i, f, probs[i])
		}
	}
}

func TestTextPixels(t *testing.T) {
	img := canvas(300, 80)
	const x, y, size = 20, 10, 24
	s := "Loss 0.25"
	Text(img, s, x, y, size, Current.Text, AlignLeft)
	w, h := MeasureText(s, size)
	p := pixels(img)
	ink := 0
	for py := range 80 {
		for px := range 300 {
			if !near(p.RGBAAt(px, py), Current.Panel, colourTol) {
				ink++
				if float64(px) < x-1 || float64(px) > x+w+1 || float64(py) < y-1 || float64(py) > y+h+1 {
					t.Fatalf("ink at (%d, %d) outside the measured box %v×%v at (%v, %v)", px, py, w, h, x, y)
				}
			}
		}
	}
	if ink < 100 {
		t.Errorf("text drew only %d pixels", ink)
	}
}
