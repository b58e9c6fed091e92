package screen

import (
	"fmt"
	"testing"

	"digittrainer/i18n"
	"digittrainer/render"
)

// inEveryLanguage runs f once in each language, English last, and leaves
// the language English.
func inEveryLanguage(t *testing.T, f func(t *testing.T, lang string)) {
	t.Helper()
	defer i18n.Set(i18n.English)
	for _, l := range append(i18n.Languages[1:], i18n.Languages[0]) {
		i18n.Set(l.Code)
		t.Run(l.Code, func(t *testing.T) { f(t, l.Code) })
	}
}

// TestLayoutFitsInEveryLanguage: the layout measures the labels of the
// language in use; in each, nothing overlaps or leaves its panel.
func TestLayoutFitsInEveryLanguage(t *testing.T) {
	inEveryLanguage(t, func(t *testing.T, lang string) {
		for _, sz := range [][3]float64{{800, 600, 1}, {1280, 800, 1}, {1024, 768, 1}, {390, 844, 2}, {360, 740, 3}, {844, 390, 2}} {
			for _, proj := range []bool{false, true} {
				for _, l := range eachTab(sz[0]*sz[2], sz[1]*sz[2], sz[2], Options{Classes: 10, Projector: proj}) {
					fitsWithoutOverlap(t, sz, l)
					if l.Lang != lang {
						t.Errorf("%v: laid out in %q, the language is %q", sz, l.Lang, lang)
					}
				}
			}
		}
	})
}

// TestNamesStayEnglish: the status JSON, the -keys scripts and a lesson
// link name controls, tabs and panels in English whatever the language.
func TestNamesStayEnglish(t *testing.T) {
	names := func() (out []string) {
		for _, l := range eachTab(390*2, 844*2, 2, Options{Classes: 10}) {
			for _, c := range l.Controls {
				out = append(out, c.Name())
			}
		}
		for p := range NumPanels {
			out = append(out, p.Title())
		}
		return out
	}
	en := names()
	inEveryLanguage(t, func(t *testing.T, lang string) {
		got := names()
		if len(got) != len(en) {
			t.Fatalf("%d names, %d in English", len(got), len(en))
		}
		for i := range got {
			if got[i] != en[i] {
				t.Errorf("%q is %q in English", got[i], en[i])
			}
		}
		if lang != i18n.English && PanelDraw.Label() == PanelDraw.Title() {
			t.Errorf("the Draw panel's title is not translated: %q", PanelDraw.Label())
		}
	})
}

// TestButtonLabelsFitInEveryLanguage: at the sizes a class meets, each
// button's label as the app shows it (the long one, or the short one where
// the long one does not fit) fits its button at the smallest size
// render.DrawButton shrinks text to, so none is cut with "…". Train N
// epochs and the class-count button show the app's own texts.
func TestButtonLabelsFitInEveryLanguage(t *testing.T) {
	sizes := [][3]float64{{1280, 800, 1}, {1024, 768, 1}, {800, 600, 1}, {1920, 1080, 1}, {390, 844, 2}, {360, 740, 3}, {600, 960, 2}, {844, 390, 2}}
	inEveryLanguage(t, func(t *testing.T, lang string) {
		for _, sz := range sizes {
			for _, proj := range []bool{false, true} {
				for _, classes := range []int{2, 10} {
					for _, l := range eachTab(sz[0]*sz[2], sz[1]*sz[2], sz[2], Options{Classes: classes, Projector: proj}) {
						for _, c := range l.Controls {
							checkLabelFits(t, l, c, lang, sz, proj)
						}
					}
				}
			}
		}
	})
}

func checkLabelFits(t *testing.T, l *Layout, c Control, lang string, sz [3]float64, proj bool) {
	t.Helper()
	switch c.ID {
	case CtlLabel, CtlSetting, CtlTrainN, CtlMode:
		return
	}
	long, short := i18n.T(c.Label()), ""
	if c.ShortLabel() != "" {
		short = i18n.T(c.ShortLabel())
	}
	if c.ID == CtlTool && lang != i18n.English {
		// The eraser's name too (English's "Eraser" was cut in the
		// projector's narrow column before the translations; its layout
		// stays as it was).
		long = widestOf(CtlTool)
	}
	size := render.ButtonTextSize(c.Rect.H, l.S)
	room := c.Rect.W - min(12*l.S, c.Rect.W*0.25)
	fits := func(s string, k float64) bool {
		w, _ := render.MeasureBold(s, size*k)
		return w <= room
	}
	shown := long
	if short != "" && !fits(long, 1) {
		shown = short
	}
	if !fits(shown, render.MinFit) {
		t.Errorf("%v projector %v tab %d: %q does not fit %s (%.0f CSS px)", sz, proj, l.Tab, shown, c.Name(), c.Rect.W/l.DSF)
	}
	if c.ID == CtlTour && l.Tabbed { // a phone's tour button says these short forms too
		for _, s := range []string{i18n.T("Leave tour"), i18n.T("Resume tour")} {
			if !fits(s, render.MinFit) {
				t.Errorf("%v tab %d: %q does not fit %s (%.0f CSS px)", sz, l.Tab, s, c.Name(), c.Rect.W/l.DSF)
			}
		}
	}
}

// TestSameControlsInEveryLanguage: a longer label must never cost a
// control its place: every control English lays out (More settings, Time
// travel…) is there in every language, at every size and on each tab.
func TestSameControlsInEveryLanguage(t *testing.T) {
	sizes := [][3]float64{{800, 600, 1}, {1024, 768, 1}, {768, 1024, 1}, {1280, 800, 1}, {1366, 768, 1}, {390, 844, 2}, {360, 740, 3}}
	names := func(sz [3]float64, o Options) map[string]bool {
		seen := map[string]bool{}
		for _, l := range eachTab(sz[0]*sz[2], sz[1]*sz[2], sz[2], o) {
			for _, c := range l.Controls {
				seen[c.Name()] = true
			}
		}
		return seen
	}
	var opts []Options
	for _, classes := range []int{2, 10} {
		for _, more := range []bool{false, true} {
			opts = append(opts, Options{Classes: classes, More: more}, Options{Classes: classes, More: more, Projector: true})
		}
	}
	want := map[string]map[string]bool{}
	for _, sz := range sizes {
		for i, o := range opts {
			want[fmt.Sprint(sz, i)] = names(sz, o)
		}
	}
	inEveryLanguage(t, func(t *testing.T, lang string) {
		for _, sz := range sizes {
			for i, o := range opts {
				got := names(sz, o)
				for name := range want[fmt.Sprint(sz, i)] {
					if !got[name] {
						t.Errorf("%v %+v: no %s in %s", sz, o, name, lang)
					}
				}
			}
		}
	})
}
