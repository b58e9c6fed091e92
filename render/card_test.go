package render

import (
	"math"
	"strings"
	"testing"

	"digittrainer/tour"
)

// longSpec is a card with more text than a small screen holds.
func longSpec(paragraphs int) *CardSpec {
	s := &CardSpec{Kicker: "Step 3 of 10", Dots: 3, DotsOf: 10, Title: "The output layer"}
	for i := range paragraphs {
		s.Blocks = append(s.Blocks, Block{Text: strings.Repeat("Each output adds up the hidden activations, each times its weight. ", 3), Kind: BlockKind(i % 4)})
	}
	s.Formula = []string{"s₀ = b₀ + Σₖ w₀ₖ·hₖ = 0.1234 + 0.5678 + 0.9 = 1.5912"}
	s.Table = &Table{Columns: []string{"weight", "before", "after"}, Rows: [][]string{{"w₀₁", "0.5", "0.49"}, {"w₁₁", "−0.25", "−0.24"}}}
	s.Buttons = []CardButton{{Label: "← Back", Disabled: true}, {Label: "Next →", Primary: true, MinW: 120}, {Label: "Skip tour (K)"}}
	s.Foot = "Keys: → next · ← back"
	return s
}

// TestCardFitsItsRegion: the card lies in the region that took it, its
// buttons lie inside the card, and it shrinks its text before it is cut.
func TestCardFitsItsRegion(t *testing.T) {
	for _, sz := range []struct{ w, h, scale float64 }{{1280, 800, 1}, {800, 600, 1}, {390, 844, 2}, {1920, 1080, 1.6}} {
		screen := Rect{W: sz.w * sz.scale, H: sz.h * sz.scale}
		for _, paras := range []int{1, 4, 30} {
			c := LayoutCard(longSpec(paras), Placement{Regions: []Rect{screen.Inset(8)}, MaxW: 620, Centre: true}, sz.scale)
			if !inside(c.Rect, screen) {
				t.Errorf("%gx%g, %d paragraphs: card %v is off the screen", sz.w, sz.h, paras, c.Rect)
			}
			if len(c.Buttons) != 3 {
				t.Fatalf("%d buttons laid out, want 3", len(c.Buttons))
			}
			for i, b := range c.Buttons {
				if !inside(b, c.Rect) {
					t.Errorf("%gx%g, %d paragraphs: button %d at %v is outside the card %v", sz.w, sz.h, paras, i, b, c.Rect)
				}
			}
			if c.Buttons[1].W < 120*sz.scale*0.55 {
				t.Errorf("Next is %v wide, below its minimum", c.Buttons[1].W)
			}
		}
	}
	// One paragraph fits a laptop screen at full size; thirty do not.
	screen := Rect{W: 1280, H: 800}
	if c := LayoutCard(longSpec(1), Placement{Regions: []Rect{screen}, MaxW: 620}, 1); c.scale != 1 {
		t.Errorf("a short card was shrunk to %v", c.scale)
	}
	if c := LayoutCard(longSpec(30), Placement{Regions: []Rect{screen}, MaxW: 620}, 1); c.scale != DefaultFits[len(DefaultFits)-1] || c.Rect.H != 800 {
		t.Errorf("a card too long for the screen: scale %v, height %v", c.scale, c.Rect.H)
	}
}

// TestCardTakesTheFirstRegionItFits: a card goes to the first region
// where it fits, and sits at its top unless centred.
func TestCardTakesTheFirstRegionItFits(t *testing.T) {
	small, big := Rect{X: 0, Y: 0, W: 300, H: 150}, Rect{X: 400, Y: 100, W: 800, H: 600}
	c := LayoutCard(longSpec(2), Placement{Regions: []Rect{small, big}, MaxW: 1150}, 1)
	if !inside(c.Rect, big) || c.Rect.Y != big.Y {
		t.Errorf("card at %v, want at the top of %v", c.Rect, big)
	}
	// Wide enough, the maths stands beside the text: the card is shorter.
	narrow := LayoutCard(longSpec(2), Placement{Regions: []Rect{{W: 600, H: 2000}}, MaxW: 1150}, 1)
	wide := LayoutCard(longSpec(2), Placement{Regions: []Rect{{W: 1150, H: 2000}}, MaxW: 1150}, 1)
	if wide.Rect.H >= narrow.Rect.H {
		t.Errorf("two columns (%v tall) are not shorter than one (%v)", wide.Rect.H, narrow.Rect.H)
	}
}

func TestCardButtonAt(t *testing.T) {
	c := LayoutCard(longSpec(1), Placement{Regions: []Rect{{W: 1280, H: 800}}, MaxW: 620}, 1)
	for i, b := range c.Buttons {
		got, ok := c.ButtonAt(b.Center())
		switch {
		case i == 0 && ok:
			t.Error("a disabled button answers a click")
		case i > 0 && (!ok || got != i):
			t.Errorf("button %d: ButtonAt gave %d %v", i, got, ok)
		}
	}
	if _, ok := c.ButtonAt(c.Rect.X+1, c.Rect.Y+1); ok {
		t.Error("the card's corner is a button")
	}
	var none *Card
	if _, ok := none.ButtonAt(1, 1); ok {
		t.Error("no card has a button")
	}
}

func TestCardCache(t *testing.T) {
	var cc CardCache
	p := Placement{Regions: []Rect{{W: 1280, H: 800}}, MaxW: 620}
	a := cc.Layout(longSpec(1), p, 1)
	if b := cc.Layout(longSpec(1), p, 1); b != a {
		t.Error("the same card was laid out again")
	}
	s := longSpec(1)
	s.Table.Rows[0][2] = "0.48"
	if b := cc.Layout(s, p, 1); b == a {
		t.Error("a new number in the table kept the old layout")
	}
}

func TestWrapFormula(t *testing.T) {
	line := "z = 0.1234 + 0.5678 + 0.9012 + 0.3456 = 1.9380"
	full := FormulaWidth(line, 15)
	lines := WrapFormula(line, 15, full*0.6)
	if len(lines) < 2 || strings.Join(lines, "") == line {
		t.Fatalf("not wrapped: %q", lines)
	}
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "    ") {
			t.Errorf("continuation %q is not indented", l)
		}
	}
	if got := WrapFormula(line, 15, full); len(got) != 1 {
		t.Errorf("a line that fits was wrapped: %q", got)
	}
	// Items set three spaces apart stay whole (the tour's list of hidden
	// answers on a phone broke "h₄ = 0.6284" at its "=").
	items := "h₁ = 0.4078   h₂ = 0.3006   h₃ = 0.6914   h₄ = 0.6284"
	for _, l := range WrapFormula(items, 15, FormulaWidth(items, 15)*0.8) {
		for _, item := range strings.Split(strings.TrimSpace(l), "   ") {
			if !strings.Contains(item, " = ") {
				t.Errorf("an item was broken: %q", l)
			}
		}
	}
	if w := FormulaWidth("wᵢ", 15); w >= FormulaWidth("wi", 15) {
		t.Errorf("a lowered letter is %v wide, not narrower than a letter (%v)", w, FormulaWidth("wi", 15))
	}
}

func inside(a, b Rect) bool {
	const eps = 0.01
	return a.X >= b.X-eps && a.Y >= b.Y-eps && a.X+a.W <= b.X+b.W+eps && a.Y+a.H <= b.Y+b.H+eps
}

func TestFitLines(t *testing.T) {
	paras := []string{"Hidden neuron 3", strings.Repeat("a long line of words that wraps ", 6), "the end"}
	lh := LineHeight(13)
	box := Rect{X: 5, Y: 10, W: 180, H: 100 * lh}
	all := FitLines(paras, box, 13)
	if len(all) < 4 || all[0].Text != "Hidden neuron 3" || all[len(all)-1].Para != 2 {
		t.Fatalf("roomy box: %+v", all)
	}
	for i, ln := range all {
		if w, _ := MeasureText(ln.Text, 13); w > box.W || math.Abs(ln.Rect.Y-(box.Y+float64(i)*lh)) > 1e-9 {
			t.Errorf("line %d %q: %v wide at y %v", i, ln.Text, w, ln.Rect.Y)
		}
	}
	box.H = 2.5 * lh
	cut := FitLines(paras, box, 13)
	if len(cut) != 2 || !strings.HasSuffix(cut[1].Text, "…") {
		t.Errorf("two lines' room: %+v", cut)
	}
	box.H = lh / 2
	if got := FitLines(paras, box, 13); len(got) != 0 {
		t.Errorf("no room: %+v", got)
	}
}

// TestEveryCardHasALinkTitle: a "See also" button to a card without a
// title would be an empty button.
func TestEveryCardHasALinkTitle(t *testing.T) {
	for _, id := range tour.CardIDs {
		if cardTitles[id] == "" {
			t.Errorf("help card %q has no title for its link buttons", id)
		}
	}
}

// keysSpec is a card of headed lists of short lines, like the keys card.
func keysSpec(sections, items int) *CardSpec {
	s := &CardSpec{Title: "Keyboard keys", Buttons: []CardButton{{Label: "Glossary (G)"}}, Foot: "Escape closes"}
	for i := range sections {
		s.Blocks = append(s.Blocks, Block{Text: "Section " + strings.Repeat("I", i+1), Kind: Heading})
		for range items {
			s.Blocks = append(s.Blocks, Block{Text: "Ctrl+Z: undo the last change to the drawings", Kind: Bullet})
		}
	}
	return s
}

// TestLongCardTakesTwoColumns: a long card of headed lists that would
// shrink its text in one column keeps its size in two, split at a
// heading; a card that fits in one column stays in one, and a card with
// maths never splits its text.
func TestLongCardTakesTwoColumns(t *testing.T) {
	region := Rect{W: 1024, H: 720}
	p := Placement{Regions: []Rect{region}, MaxW: 700}
	secondColumn := func(c *Card) bool {
		for _, op := range c.ops {
			if op.kind == opText && op.x > c.Rect.W/2 {
				return true
			}
		}
		return false
	}
	long := keysSpec(4, 9)
	if one := buildCard(long, 700, 1, 1, 0, 1); one.Rect.H <= region.H {
		t.Fatalf("the test's long card fits in one column (%.0f px): make it longer", one.Rect.H)
	}
	c := LayoutCard(long, p, 1)
	if c.scale != 1 || !secondColumn(c) || c.Rect.H > region.H {
		t.Errorf("a long card: scale %v, second column %v, %.0f px high in %.0f", c.scale, secondColumn(c), c.Rect.H, region.H)
	}
	var top *cardOp // the second column's first line
	for i, op := range c.ops {
		if (op.kind == opText || op.kind == opBold) && op.x > c.Rect.W/2 && (top == nil || op.y < top.y) {
			top = &c.ops[i]
		}
	}
	if top == nil || top.kind != opBold || !strings.HasPrefix(top.s, "Section") {
		t.Errorf("the second column does not start with a heading: %+v", top)
	}
	if c := LayoutCard(keysSpec(2, 3), p, 1); secondColumn(c) {
		t.Error("a short card was split into two columns")
	}
	if textColumns(longSpec(30), 700, 1, 2) != nil {
		t.Error("a card with maths would split its text")
	}
	if textColumns(keysSpec(4, 9), 500, 1, 2) != nil {
		t.Error("columns narrower than cardMinCol")
	}
}

// TestShortWideCardTakesThreeColumns: in a short, wide window (a phone on
// its side) a long card of headed lists spreads into three columns, wider
// than one column may be, rather than being cut; each column starts with
// a heading.
func TestShortWideCardTakesThreeColumns(t *testing.T) {
	region := Rect{W: 1280, H: 360}
	RecordCuts(true)
	c := LayoutCard(keysSpec(6, 6), Placement{Regions: []Rect{region}, MaxW: 620}, 1)
	if cuts := RecordCuts(false); len(cuts) > 0 || c.Rect.H > region.H {
		t.Fatalf("the card is %.0f px high in %.0f, cut: %q", c.Rect.H, region.H, cuts)
	}
	var firsts [3]*cardOp // each third's first line
	for i, op := range c.ops {
		if op.kind != opText && op.kind != opBold {
			continue
		}
		k := min(int(3*op.x/c.Rect.W), 2)
		if f := firsts[k]; op.y > 0 && (f == nil || op.y < f.y) {
			firsts[k] = &c.ops[i]
		}
	}
	for k, f := range firsts[1:] {
		if f == nil || f.kind != opBold || !strings.HasPrefix(f.s, "Section") {
			t.Errorf("column %d does not start with a heading: %+v", k+2, f)
		}
	}
}
