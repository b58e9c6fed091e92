package render

import (
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/tour"
)

// TestNumbersInOtherLanguages: axis ticks and shares are written with the
// language's decimal separator, integers as they are.
func TestNumbersInOtherLanguages(t *testing.T) {
	defer i18n.Set(i18n.English)
	want := map[string][3]string{"en": {"0.5", "0.5%", "2"}, "de": {"0,5", "0,5%", "2"}, "fr": {"0,5", "0,5%", "2"}}
	for lang, w := range want {
		i18n.Set(lang)
		if got := [3]string{fmtTick(0.5), shareText(0.005), fmtTick(2)}; got != w {
			t.Errorf("%s: %q, want %q", lang, got, w)
		}
	}
}

// TestCardsInOtherLanguages: the tour's card and a help card say their
// fixed words in the language in use, and the charts with words of their
// own draw in every language without a panic.
func TestCardsInOtherLanguages(t *testing.T) {
	defer i18n.Set(i18n.English)
	v := tour.View{Active: true, Number: 3, Total: 10, Title: "t", Body: []string{"b"}, CanNext: true, PickNeuron: true}
	help := &tour.HelpText{ID: tour.CardGrid, Title: "t", SeeAlso: []tour.CardID{tour.CardNetwork}}
	dst := ebiten.NewImage(400, 300)
	defer dst.Deallocate()
	for _, l := range i18n.Languages {
		i18n.Set(l.Code)
		spec := TourCard(v)
		if spec.Kicker != i18n.Sprintf("Step %d of %d", 3, 10) || spec.Buttons[1].Label != i18n.T("Next")+" →" {
			t.Errorf("%s: kicker %q, buttons %+v", l.Code, spec.Kicker, spec.Buttons)
		}
		if n := len(spec.Blocks); n != 2 {
			t.Errorf("%s: %d blocks, want the body and the tip", l.Code, n)
		}
		hs, _ := HelpCard(help)
		if hs.Buttons[0].Label != i18n.T("Network") || !strings.Contains(hs.Foot, "Shift+Tab") {
			t.Errorf("%s: help card buttons %+v, foot %q", l.Code, hs.Buttons, hs.Foot)
		}
		if l.Code != i18n.English && spec.Kicker == "Step 3 of 10" {
			t.Errorf("%s: the kicker is not translated", l.Code)
		}
		r := Rect{W: 400, H: 300}
		DrawTradeoff(dst, r, &Tradeoff{K: []float64{0.1, 1, 10}, Snap: []float64{0.3, 0.03, 0.003}, Lost: []float64{0.001, 0.01, 0.1}, Best: 2.5, Every: 5}, 1)
		DrawSweep(dst, r, &SweepChart{Sizes: []int{8, 24}, TrainAcc: []float64{0.5, 0.9}, ValAcc: []float64{0.4, 0.8}, TrainLoss: []float64{1, 0.5}, ValLoss: []float64{1.2, 0.6}}, 1)
		DrawLegend(dst, r, 1)
		c := LayoutConfusion(r, 2, nil, 1)
		DrawConfusion(dst, &c, [][]int{{1, 2}, {3, 4}}, nil, "t", [2]int{-1, -1})
		DrawPlot(dst, r, "t", nil, nil, 0, 1, "", 1)
	}
}
