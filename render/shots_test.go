package render

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/nn"
)

// TestScreenshots renders a sample of every drawing to PNG files for a
// person to look at. It runs only when RENDER_SHOTS names a directory:
//
//	RENDER_SHOTS=/tmp/shots xvfb-run -a go test -run Screenshots ./render/
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("RENDER_SHOTS")
	if dir == "" {
		t.Skip("set RENDER_SHOTS=dir to write screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, th := range []struct {
		name  string
		theme Theme
	}{{"light", Light}, {"dark", Dark}} {
		SetTheme(th.theme)
		for _, h := range []int{24, 128} {
			img := sampleScreen(t, h, 1)
			writePNG(t, filepath.Join(dir, th.name+"-h"+strconv.Itoa(h)+".png"), img)
		}
	}
	SetTheme(Light)
	writePNG(t, filepath.Join(dir, "light-tour.png"), sampleTour(t))
}

func writePNG(t *testing.T, path string, img *ebiten.Image) {
	t.Helper()
	b := img.Bounds()
	pix := make([]byte, 4*b.Dx()*b.Dy())
	img.ReadPixels(pix)
	out := &image.RGBA{Pix: pix, Stride: 4 * b.Dx(), Rect: image.Rect(0, 0, b.Dx(), b.Dy())}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, out); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}

// sampleDigit is a drawn "1".
var sampleDigit = func() (p [81]uint8) {
	for y := 1; y < 8; y++ {
		p[y*9+4] = 1
	}
	p[2*9+3], p[1*9+3] = 1, 0
	p[7*9+3], p[7*9+5] = 1, 1
	return p
}()

func sampleNet(t *testing.T, hidden, classes int) (*nn.Network, *nn.State) {
	t.Helper()
	net, err := nn.NewSeeded(nn.Config{Hidden: hidden, Classes: classes, Activation: nn.Sigmoid}, 7)
	if err != nil {
		t.Fatal(err)
	}
	st := nn.NewState(net.Config)
	x := make([]float64, 81)
	for i, v := range sampleDigit {
		x[i] = float64(v)
	}
	net.Forward(st, x)
	return net, st
}

// sampleScreen lays out a 1280×800 screen with every drawing on it.
func sampleScreen(t *testing.T, hidden int, scale float64) *ebiten.Image {
	W, H := 1280.0, 800.0
	img := ebiten.NewImage(int(W), int(H))
	img.Fill(Current.Background)
	s := scale
	screen := Rect{0, 0, W, H}.Inset(12 * s)
	left, rest := screen.SplitLeft(300 * s)
	right, mid := rest.SplitRight(330 * s)
	mid = mid.InsetXY(12*s, 0)

	// Left: drawing grid, buttons, stepper, progress.
	gp, lrest := left.SplitTop(420 * s)
	DrawPanel(img, gp, "Draw a digit", s)
	body := PanelBody(gp, s)
	gr, controls := body.SplitTop(body.W)
	DrawGrid(img, gr.Square(), &sampleDigit, 2, 3, true, s)
	_, controls = controls.SplitTop(10 * s)
	bs := controls.Columns(3, 8*s)
	DrawButton(img, bs[0], "Clear", ButtonState{}, s)
	DrawButton(img, bs[1], "Add as 1", ButtonState{Active: true}, s)
	DrawButton(img, bs[2], "Hover", ButtonState{Hover: true, Focused: true}, s)
	_, lrest = lrest.SplitTop(12 * s)
	tp, lrest := lrest.SplitTop(210 * s)
	DrawPanel(img, tp, "Train", s)
	tb := PanelBody(tp, s)
	rows := tb.Rows(4, 6*s)
	DrawButton(img, rows[0].Columns(2, 8*s)[0], "Play", ButtonState{Active: true}, s)
	DrawButton(img, rows[0].Columns(2, 8*s)[1], "Disabled", ButtonState{Disabled: true}, s)
	DrawStepper(img, rows[1], "Learning rate", "0.50", "now 0.4851", ButtonState{}, s)
	DrawStepper(img, rows[2], "Hidden", strconv.Itoa(hidden), "", ButtonState{Focused: true}, s)
	DrawProgress(img, rows[3], 0.4, "Epoch 4 of 10", s)
	_, lrest = lrest.SplitTop(12 * s)
	DrawMessage(img, lrest, "Learning rate too high: the loss exploded, weights rolled back.", true, s)

	// Middle: the network with legend.
	np, mrest := mid.SplitTop(520 * s)
	DrawPanel(img, np, "Network", s)
	nb := PanelBody(np, s)
	lg, nr := nb.SplitBottom(28 * s)
	net, st := sampleNet(t, hidden, 2)
	var v NetworkView
	v.Names = []string{"zero", "one"}
	v.Layout(nr, net.Config, s)
	v.Draw(img, net, st, nil)
	DrawLegend(img, lg, s)
	_, mrest = mrest.SplitTop(12 * s)
	thumbs, heat := mrest.SplitLeft(mrest.W / 2)
	DrawPanel(img, thumbs, "Dataset", s)
	tb = PanelBody(thumbs, s)
	strip, _ := tb.SplitTop(56 * s)
	for i, c := range strip.Columns(5, 8*s) {
		DrawThumb(img, c.Square(), &sampleDigit, i == 1, i == 2)
	}
	_, heat = heat.SplitLeft(12 * s)
	DrawPanel(img, heat, "Hidden 3", s)
	hb := PanelBody(heat, s)
	w := net.W1[3*81 : 4*81]
	DrawHeatMap(img, hb.Square(), w, MaxAbs(w))

	// Right: bars, plot, confusion.
	bp, rrest := right.SplitTop(150 * s)
	DrawPanel(img, bp, "Prediction", s)
	DrawBars(img, PanelBody(bp, s), st.P, []string{"0", "1"}, s)
	_, rrest = rrest.SplitTop(12 * s)
	pp, rrest := rrest.SplitTop(250 * s)
	DrawPanel(img, pp, "Loss", s)
	DrawPlot(img, PanelBody(pp, s), "", []Series{
		{"train", Current.Train, []float64{0.7, 0.5, 0.35, 0.3, 0.22, 0.2, 0.15}},
		{"validation", Current.Val, []float64{0.7, 0.55, 0.45, 0.4, 0.38, 0.36, 0.37}},
	}, nil, 0, 1, "", s)
	_, rrest = rrest.SplitTop(12 * s)
	DrawPanel(img, rrest, "Confusion", s)
	c := LayoutConfusion(PanelBody(rrest, s), 2, []string{"0", "1"}, s)
	DrawConfusion(img, &c, [][]int{{40, 3}, {5, 52}}, []string{"0", "1"}, "Validation set (100)", [2]int{-1, -1})
	return img
}

func sampleTour(t *testing.T) *ebiten.Image {
	img := ebiten.NewImage(1000, 640)
	img.Fill(Current.Background)
	net, st := sampleNet(t, 24, 10)
	var v NetworkView
	r := Rect{20, 20, 960, 600}
	DrawPanel(img, r, "Network", 1)
	v.Layout(PanelBody(r, 1), net.Config, 1)
	hl := &Highlight{Dim: true, Neurons: []Neuron{{1, 5}}, Edges: EdgesInto(Neuron{1, 5}, net.Config)}
	hl.EdgeValues = map[Edge]float64{{2, 5, 3}: 0.5, {2, 5, 4}: -0.2}
	hl.Edges = append(hl.Edges, Edge{2, 5, 3}, Edge{2, 5, 4})
	v.Draw(img, net, st, hl)
	spec := &CardSpec{Title: "A hidden neuron", Blocks: []Block{
		{Text: "This neuron adds up the pixels, each times the weight of its edge. Blue solid edges push it up; orange dashed edges push it down."},
		{Text: "Press → for the next step, Esc to leave the tour.", Kind: Tip},
	}, Buttons: []CardButton{{Label: "Next →", Primary: true}}}
	LayoutCard(spec, Placement{Regions: []Rect{{0, 0, 1000, 640}}, MaxW: 560, Centre: true}, 1).Draw(img, -1, -1)
	return img
}
