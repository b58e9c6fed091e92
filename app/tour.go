package app

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"digittrainer/render"
	"digittrainer/tour"
)

// tourSlot plugs package tour's state machine into the game: T starts,
// leaves or resumes it, arrows and PageUp/PageDown step it, K skips it,
// Escape leaves it. When the tour asks for its iteration, the slot runs
// nn.TraceStep on the live network — the tour's one real update — and
// hands the record back. Every tick it fetches the tour's View, turns its
// highlight into the network view's, and lays out the card (tourview.go)
// in the free area beside the network, so Draw only replays it.
type tourSlot struct {
	t    *tour.Tour
	view tour.View
	hl   render.Highlight // the view's highlight in render's terms
	err  error

	card           tourCard
	hover, pressed int // card buttons under the mouse / pressed this tick (−1: none)
}

func (ts *tourSlot) ensure() bool {
	if ts.t == nil && ts.err == nil {
		ts.t, ts.err = tour.NewDefault()
	}
	return ts.t != nil
}

func (ts *tourSlot) active() bool { return ts.t != nil && ts.t.Active() }

// resumable reports whether a left tour can be resumed (the Tour button says so).
func (ts *tourSlot) resumable() bool { return ts.t != nil && ts.t.Resumable() }

// input is what the tour sees of the screen.
func (ts *tourSlot) input(s *Session) tour.Input {
	in := tour.Input{Grid: append([]float64(nil), s.State.X...), Label: s.Grid.Label, ClassNames: s.Data.Classes}
	if s.train.Len() > 0 {
		in.Fallback = &tour.Example{X: s.train.Input(0), Label: s.train.Y[0]}
	}
	return in
}

func (ts *tourSlot) toggle(g *Game) {
	if !ts.ensure() {
		g.s.Fail("The tour could not start: %v", ts.err)
		return
	}
	g.s.Pause()
	ts.t.Toggle(ts.input(g.s))
}

func (ts *tourSlot) next(g *Game) {
	if ts.active() {
		ts.t.Next()
	}
}

func (ts *tourSlot) back(g *Game) {
	if ts.active() {
		ts.t.Back()
	}
}

func (ts *tourSlot) skip(g *Game) {
	if ts.t != nil {
		ts.t.Skip()
	}
}

// leave hides an active tour (Escape) and reports whether there was one.
func (ts *tourSlot) leave() bool {
	return ts.active() && ts.t.Leave()
}

// capture handles the pointer while the tour is on screen, before the
// panels see it: a press on a card button does what it says, a click on a
// hidden neuron picks it on the steps that explain one, and any press on
// the card is the card's. Presses it uses are taken out of in, and the
// mouse over the card hovers nothing below it.
func (ts *tourSlot) capture(g *Game, in *Input) {
	ts.hover, ts.pressed = -1, -1
	if !ts.active() || ts.card.rect.Empty() {
		return
	}
	c := &ts.card
	if x, y, ok := in.Hover(); ok {
		if i, ok := c.buttonAt(x, y); ok {
			ts.hover = i
		}
		if c.rect.Contains(x, y) {
			in.HasHover = false
		}
	}
	kept := in.Pointers[:0]
	for _, p := range in.Pointers {
		switch {
		case !c.rect.Contains(p.X, p.Y):
			if p.Just && ts.view.PickNeuron && g.lay.Net.Contains(p.X, p.Y) {
				if h, ok := hiddenAt(&g.inspect.view, p.X, p.Y); ok {
					ts.t.SelectNeuron(h)
					continue
				}
			}
			kept = append(kept, p)
		case p.Just:
			if i, ok := c.buttonAt(p.X, p.Y); ok {
				ts.pressed = i
				ts.press(g, i)
			}
		}
	}
	in.Pointers = kept
}

// press does what card button i says.
func (ts *tourSlot) press(g *Game, i int) {
	switch i {
	case btnBack:
		g.do(Command{Act: ActTourBack})
	case btnNext:
		g.do(Command{Act: ActTourNext})
	case btnSkip:
		g.do(Command{Act: ActTourSkip})
	case btnHide:
		ts.leave()
	}
}

// update feeds the tour what is on screen, runs the iteration it asks for,
// and lays out what Draw shows.
func (ts *tourSlot) update(g *Game) {
	if !ts.active() {
		ts.view, ts.card = tour.View{}, tourCard{}
		return
	}
	s := g.s
	if ts.t.Waiting() != tour.NotWaiting {
		ts.t.Observe(ts.input(s))
	}
	if x, label, ok := ts.t.Request(); ok {
		s.Pause()
		tr := s.Net.TraceStep(x, label, s.Trainer.LR, s.Settings.Hyper.L2)
		if err := ts.t.SetTrace(tr); err != nil {
			s.Net.CopyFrom(tr.Before)
		} else {
			s.Trainer.Seen++
			s.Version++
		}
		s.Predict()
	}
	ts.view = ts.t.View()
	ts.convert()
	if key := tourCardKey(ts.view, g.lay); key != ts.card.key {
		ts.card = layoutTourCard(ts.view, g.lay)
		ts.card.key = key
	}
}

// convert translates the tour's highlight into the network view's: the
// neurons it names are ringed (inputs only when inked or selected, so a
// step about the drawing rings the drawing), its edges drawn on top, and
// gradients and error signals colour their edges instead of the weights.
func (ts *tourSlot) convert() {
	h := ts.view.Highlight
	ts.hl = render.Highlight{Dim: h.Dim}
	layer := map[tour.Part]int{tour.InputLayer: 0, tour.HiddenLayer: 1, tour.OutputLayer: 2, tour.Edges1: 1, tour.Edges2: 2}
	for _, n := range h.Neurons {
		switch {
		case n.Layer == tour.InputLayer && !n.Selected && n.Value == 0:
			continue // an empty square
		case n.Layer == tour.HiddenLayer && n.Kind == tour.KindError && !n.Selected:
			continue // the error of every neuron is there, the step explains one
		}
		ts.hl.Neurons = append(ts.hl.Neurons, render.Neuron{Layer: layer[n.Layer], Index: n.Index})
	}
	for _, e := range h.Edges {
		re := render.Edge{Layer: layer[e.Layer], From: e.From, To: e.To}
		ts.hl.Edges = append(ts.hl.Edges, re)
		if e.Kind == tour.KindGradient || e.Kind == tour.KindSignal || e.Kind == tour.KindError {
			if ts.hl.EdgeValues == nil {
				ts.hl.EdgeValues = map[render.Edge]float64{}
			}
			ts.hl.EdgeValues[re] = e.Value
		}
	}
}

// status returns the tour fields of the status JSON.
func (ts *tourSlot) status() (active bool, step, steps int, title string) {
	return ts.view.Active, ts.view.Number, tour.Steps, ts.view.Title
}

// draw fades the panels the step is not about, labels the network
// picture (drawn by the inspector with the step's weights and highlight)
// and draws the card.
func (ts *tourSlot) draw(dst *ebiten.Image, g *Game) {
	v := ts.view
	if !v.Active {
		return
	}
	l := g.lay
	wash := withAlpha(render.Current.Background, 0.72)
	for _, r := range washRects(l) {
		fillRect(dst, r, wash)
	}
	if v.Net != nil && v.State != nil {
		drawOverlay(dst, v, &g.inspect.view, l)
	}
	// Point at what a waiting step asks for: the grid, or the label buttons.
	var ask []render.Rect
	switch v.Reason {
	case tour.WaitDrawing, tour.WaitDrawingOrSample:
		ask = append(ask, l.Grid)
	case tour.WaitLabel:
		for _, c := range g.labelControls() {
			ask = append(ask, c.Rect)
		}
	}
	for _, r := range ask {
		r = r.Inset(-l.u(4))
		vector.StrokeRect(dst, float32(r.X), float32(r.Y), float32(r.W), float32(r.H), float32(l.u(3)), render.Current.Accent, true)
	}
	ts.card.draw(dst, l, ts.hover, ts.pressed)
}
