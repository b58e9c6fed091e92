package render

import (
	"image"
	"math"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// inkSlop is how far outside its rect a drawing may put a pixel: text and
// anti-aliased shapes are placed at whole pixels and may bleed into one.
const inkSlop = 1

// TestDrawingsStayInside draws each widget in narrow and roomy rects at 1×
// and 2× onto a transparent image and checks that nothing lands outside
// the rect: titles, legends, placeholders and labels must shrink, wrap or
// be cut rather than run into their neighbours.
func TestDrawingsStayInside(t *testing.T) {
	plot := func(values []float64) func(*ebiten.Image, Rect, float64) {
		return func(dst *ebiten.Image, r Rect, s float64) {
			// A long run: the points thinned to every 16th epoch after the
			// first, up to a wide label.
			epochs := []int{1}
			for i := 1; i < len(values); i++ {
				epochs = append(epochs, 16*99999*i/(len(values)-1))
			}
			DrawPlot(dst, r, "Accuracy", []Series{
				{"train", Current.Train, values}, {"validation", Current.Val, values},
			}, epochs, 0, 1, "", s)
		}
	}
	probs := []float64{0.05, 0.6, 0.05, 0.05, 0.05, 0.05, 0.05, 0.04, 0.03, 0.03}
	confusion := make([][]int, 10)
	for i := range confusion {
		confusion[i] = make([]int, 10)
		confusion[i][i] = 40
	}
	widgets := []struct {
		name string
		draw func(*ebiten.Image, Rect, float64)
	}{
		{"empty plot", plot(nil)},
		{"plot", plot([]float64{0.5, 0.7, 0.8, 0.9})},
		{"plot legend", func(dst *ebiten.Image, r Rect, s float64) {
			DrawPlotLegend(dst, r, []Series{{"train", Current.Train, nil}, {"validation", Current.Val, nil}}, s)
		}},
		{"legend", func(dst *ebiten.Image, r Rect, s float64) { DrawLegend(dst, r, s) }},
		{"progress", func(dst *ebiten.Image, r Rect, s float64) {
			DrawProgress(dst, r, 0.4, "Training 10 epochs: 40%", s)
		}},
		{"button", func(dst *ebiten.Image, r Rect, s float64) {
			DrawButton(dst, r, "Train 10 epochs", ButtonState{}, s)
		}},
		{"stepper", func(dst *ebiten.Image, r Rect, s float64) {
			DrawStepper(dst, r, "Learning rate", "sigmoid", "now 0.0951", ButtonState{}, s)
		}},
		{"bars", func(dst *ebiten.Image, r Rect, s float64) { DrawBars(dst, r, probs, nil, s) }},
		{"confusion", func(dst *ebiten.Image, r Rect, s float64) {
			c := LayoutConfusion(r, len(confusion), nil, s)
			DrawConfusion(dst, &c, confusion, nil, "Validation set (57)", [2]int{2, 3})
		}},
	}
	// Each widget gets the size it is given in the smallest window and a
	// roomier one, in CSS pixels.
	sizes := map[string][2][2]float64{
		"empty plot":  {{110, 80}, {300, 140}},
		"plot":        {{110, 80}, {300, 140}},
		"plot legend": {{160, 24}, {300, 30}},
		"legend":      {{200, 60}, {560, 30}},
		"progress":    {{180, 22}, {300, 26}},
		"button":      {{120, 24}, {200, 36}},
		"stepper":     {{180, 22}, {300, 36}},
		"bars":        {{150, 100}, {260, 200}},
		"confusion":   {{120, 110}, {220, 200}},
	}
	for _, w := range widgets {
		for _, sz := range sizes[w.name] {
			for _, s := range []float64{1, 2} {
				W, H := math.Round(sz[0]*s), math.Round(sz[1]*s)
				img := ebiten.NewImage(int(W)+40, int(H)+40)
				r := Rect{20, 20, W, H}
				w.draw(img, r, s)
				if x, y, ok := inkOutside(pixelsOf(img), r); ok {
					t.Errorf("%s in %gx%g at %g×: a pixel at (%d, %d) is outside %v", w.name, sz[0], sz[1], s, x, y, r)
				}
			}
		}
	}
}

// TestNetworkStaysInside checks the whole network drawing, captions and
// output labels included, for 2 and 10 classes.
func TestNetworkStaysInside(t *testing.T) {
	for _, classes := range []int{2, 10} {
		for _, sz := range [][2]float64{{330, 220}, {560, 300}} {
			net, st := sampleNet(t, 24, classes)
			img := ebiten.NewImage(int(sz[0])+40, int(sz[1])+40)
			r := Rect{20, 20, sz[0], sz[1]}
			var v NetworkView
			v.Layout(r, net.Config, 1)
			v.Draw(img, net, st, nil)
			if x, y, ok := inkOutside(pixelsOf(img), r); ok {
				t.Errorf("%d classes in %v: a pixel at (%d, %d) is outside %v", classes, sz, x, y, r)
			}
			gr := v.GridRect()
			if h := v.hid[0]; h.x-v.rHid*3 < gr.X+gr.W {
				t.Errorf("%d classes in %v: hidden column at %.0f crowds the input grid ending at %.0f", classes, sz, h.x, gr.X+gr.W)
			}
		}
	}
}

func pixelsOf(img *ebiten.Image) []byte {
	b := img.Bounds()
	pix := make([]byte, 4*b.Dx()*b.Dy())
	img.ReadPixels(pix)
	return pix
}

// inkOutside returns the first pixel with any alpha outside r (+inkSlop).
func inkOutside(pix []byte, r Rect) (x, y int, ok bool) {
	w := int(r.X*2 + r.W) // the images above have r centred with equal margins
	for i := 3; i < len(pix); i += 4 {
		if pix[i] == 0 {
			continue
		}
		px, py := (i/4)%w, (i/4)/w
		if float64(px) < r.X-inkSlop || float64(px) >= r.X+r.W+inkSlop || float64(py) < r.Y-inkSlop || float64(py) >= r.Y+r.H+inkSlop {
			return px, py, true
		}
	}
	return 0, 0, false
}

func TestFitSize(t *testing.T) {
	const size = 20.0
	if got := fitSize("Hi", size, 1000, true); got != size {
		t.Errorf("text that fits: size %g, want %g", got, size)
	}
	w, _ := MeasureBold("Train 10 epochs", size)
	got := fitSize("Train 10 epochs", size, w*0.9, true)
	if got >= size || got < size*MinFit {
		t.Errorf("10%% too wide: size %g, want between %g and %g", got, size*MinFit, size)
	}
	if fw, _ := MeasureBold("Train 10 epochs", got); fw > w*0.9 {
		t.Errorf("shrunk text is %g wide, room %g", fw, w*0.9)
	}
	if got := fitSize("Train 10 epochs", size, w*0.3, true); got != size*MinFit {
		t.Errorf("far too wide: size %g, want the floor %g", got, size*MinFit)
	}
}

func TestLegendRows(t *testing.T) {
	items, note := legendWidths(1)
	for _, c := range []struct {
		w    float64
		want int
	}{{items[0] + items[1] + note + 100, 1}, {items[0] + items[1] + 30, 2}, {items[0] + 10, 3}} {
		if got := legendRows(c.w, 1); got != c.want {
			t.Errorf("legendRows(%g) = %d, want %d", c.w, got, c.want)
		}
	}
	if w := PlotLegendWidth([]Series{{Name: ""}}, 1); w != 0 {
		t.Errorf("unnamed series take %g px of legend", w)
	}
	one := PlotLegendWidth([]Series{{Name: "train"}}, 1)
	two := PlotLegendWidth([]Series{{Name: "train"}, {Name: "validation"}}, 1)
	if !(one > 0 && two > one) {
		t.Errorf("legend widths %g (one) and %g (two)", one, two)
	}
}

// TestBoldEllipsizeFits checks that bold text cut with "…" is measured in
// the bold face: bold is some 8% wider than regular, so cutting it to the
// regular width runs it into whatever is beside it.
func TestBoldEllipsizeFits(t *testing.T) {
	const s = "Validation accuracy over the whole run"
	for _, size := range []float64{13, 17, 19.55} {
		full, _ := MeasureBold(s, size)
		for w := 4.0; w < full; w += full / 23 {
			got := ellipsizeBold(s, size, w)
			if gw, _ := MeasureBold(got, size); gw > w {
				t.Errorf("size %g, width %.1f: %q is %.1f wide in bold", size, w, got, gw)
			}
			if got != "" && got != s && !strings.HasSuffix(got, "…") {
				t.Errorf("size %g, width %.1f: %q has no ellipsis", size, w, got)
			}
		}
	}
	if got := ellipsizeBold("+", 15, 1); got != "+" {
		t.Errorf("a lone character became %q; it should be kept whole", got)
	}

	// The widgets that draw a bold title or label cut it to their room.
	const title = "Validation accuracy of the network, every epoch of the run"
	for _, W := range []float64{160, 240, 320, 480} {
		for _, sc := range []float64{1, 2} {
			w := W * sc
			// A panel title stops short of the "?" icon.
			img := canvas(int(w)+40, int(100*sc)+40)
			r := Rect{20, 20, w, 100 * sc}
			DrawPanel(img, r, title, sc)
			hr := HelpIconRect(r, sc)
			gap := image.Rect(int(math.Ceil(hr.X-panelPad*sc))+inkSlop, int(hr.Y), int(hr.X)-inkSlop, int(hr.Y+hr.H))
			if n := inkPixels(pixels(img), gap); n > 0 {
				t.Errorf("panel %g wide at %g×: the title puts %d pixels between its room and the icon", W, sc, n)
			}
			// A card title stays inside the card's padding.
			img = canvas(int(w)+40, int(400*sc)+40)
			c := LayoutCard(&CardSpec{Title: title}, Placement{Regions: []Rect{{20, 20, w, 400 * sc}}, MaxW: 1e4}, sc)
			c.Draw(img, -1, -1)
			r = c.Rect
			cp := cardPad * c.scale
			pad := image.Rect(int(math.Ceil(r.X+r.W-cp))+inkSlop, int(r.Y+cp), int(r.X+r.W-2*sc), int(r.Y+r.H-cp))
			if n := inkPixels(pixels(img), pad); n > 0 {
				t.Errorf("card %g wide at %g×: the title puts %d pixels in the padding", W, sc, n)
			}
			// Progress labels and plot titles stay inside their rect (an
			// empty bar, whose label is not clipped to the fill).
			for name, draw := range map[string]func(*ebiten.Image, Rect){
				"progress": func(dst *ebiten.Image, r Rect) { DrawProgress(dst, r, 0, title, sc) },
				"plot":     func(dst *ebiten.Image, r Rect) { DrawPlot(dst, r, title, nil, nil, 0, 1, "", sc) },
			} {
				img := ebiten.NewImage(int(w)+40, int(120*sc)+40)
				r := Rect{20, 20, w, 120 * sc}
				draw(img, r)
				if x, y, ok := inkOutside(pixelsOf(img), r); ok {
					t.Errorf("%s %g wide at %g×: a pixel at (%d, %d) is outside %v", name, W, sc, x, y, r)
				}
			}
		}
	}
}

// inkPixels counts the pixels of box that are not the panel colour.
func inkPixels(p *image.RGBA, box image.Rectangle) int {
	n := 0
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			if !near(p.RGBAAt(x, y), Current.Panel, colourTol) {
				n++
			}
		}
	}
	return n
}
