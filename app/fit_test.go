package app

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/tour"
)

// fitSizes are the windows every language must fit: the two laptop sizes
// a class meets most and a phone held upright (390×844 CSS px at 2×) and
// on its side.
var fitSizes = []struct{ w, h, dsf float64 }{{1280, 800, 1}, {1024, 768, 1}, {390, 844, 2}, {844, 390, 2}}

// TestTextFitsEveryLanguage draws every staged state, every tour step and
// every help card in every language at fitSizes (each tab on the phone)
// and fails on any text the renderer had to cut with "…", leave out, or
// let run past its box: a German button label is measured, not guessed.
// FIT_LANG=de limits it to one language.
func TestTextFitsEveryLanguage(t *testing.T) {
	if testing.Short() {
		t.Skip("draws every screen in every language")
	}
	defer i18n.Set(i18n.English)
	for _, l := range i18n.Languages {
		if only := os.Getenv("FIT_LANG"); only != "" && only != l.Code {
			continue
		}
		t.Run(l.Code, func(t *testing.T) {
			i18n.Set(l.Code)
			cuts := map[string][]string{} // cut text → where
			note := func(where string, got []string) {
				for _, c := range got {
					cuts[c] = append(cuts[c], where)
				}
			}
			for _, state := range stagedStates {
				g := stagedGame(t, state)
				drawFitSizes(g, state, note)
			}
			// Paused inside an epoch after many: the longest progress line.
			mid := stagedGame(t, "trained")
			for range 95 {
				mid.s.StepEpoch()
			}
			for range 3 {
				mid.s.StepSample()
			}
			drawFitSizes(mid, "mid-epoch", note)
			for _, act := range fitQuestions {
				g := stagedGame(t, "trained")
				g.do(Command{Act: act})
				drawFitSizes(g, fmt.Sprintf("question %d", act), note)
			}
			g := newTestGame(t, memStore{})
			g.tick(keys(ebiten.KeyT))
			drawFitSizes(g, "tour-wait", note)
			for step := 1; step <= 10; step++ {
				g.tick(keys(ebiten.KeyArrowRight))
				drawFitSizes(g, fmt.Sprintf("tour-%02d", step), note)
			}
			g.tick(keys(ebiten.KeyArrowRight))
			for _, id := range tour.CardIDs {
				g.modal.openCard(id)
				drawFitSizes(g, "help-"+string(id), note)
				g.modal.close()
			}
			var keys []string
			for c := range cuts {
				keys = append(keys, c)
			}
			slices.Sort(keys)
			for _, c := range keys {
				where := cuts[c]
				if len(where) > 4 {
					where = append(where[:4:4], fmt.Sprintf("and %d more", len(cuts[c])-4))
				}
				t.Errorf("cut to fit: %q (%s)", c, strings.Join(where, ", "))
			}
		})
	}
}

// fitQuestions open the questions and menus the staged states do not.
var fitQuestions = []Action{ActExport, ActFiles, ActLessons, ActLanguage, ActClearData, ActStartFresh, ActMode, ActKeyList, ActGlossary}

// drawFitSizes draws g at each of fitSizes (each tab on a phone) and hands
// note what the renderer cut in each.
func drawFitSizes(g *Game, state string, note func(where string, cuts []string)) {
	for _, sz := range fitSizes {
		img := ebiten.NewImage(int(sz.w*sz.dsf), int(sz.h*sz.dsf))
		for tab := range screen.NumTabs {
			render.RecordCuts(true) // cards are laid out in the tick, drawn in Draw
			g.tab = tab
			g.dsf = sz.dsf
			g.relayout(sz.w*sz.dsf, sz.h*sz.dsf)
			g.tick(&Input{})
			g.Draw(img)
			where := fmt.Sprintf("%s %gx%g", state, sz.w, sz.h)
			if g.lay.Tabbed {
				where += " " + tab.Title()
			}
			note(where, render.RecordCuts(false))
			if !g.lay.Tabbed {
				break
			}
		}
		img.Deallocate()
		g.tab = screen.TabDraw
	}
}
