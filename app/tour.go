package app

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/render"
	"digittrainer/tour"
)

// tourSlot plugs package tour's state machine into the game: T starts or
// leaves it, arrows and PageUp/PageDown step it, K skips it. When the tour
// asks for its iteration, the slot runs nn.TraceStep on the live network —
// the tour's one real update — and hands the record back. The tour's View
// is fetched in Update and drawn as a card over the training panel, with
// the network panel showing the weights of the step.
//
// This is the hook for the tour helper and the lead: a richer drawing of
// tour.View (formula layout, tables, highlights) belongs in render.
type tourSlot struct {
	t    *tour.Tour
	view tour.View
	hl   render.Highlight // the view's highlight in render's terms
	err  error
}

func (ts *tourSlot) ensure() bool {
	if ts.t == nil && ts.err == nil {
		ts.t, ts.err = tour.NewDefault()
	}
	return ts.t != nil
}

func (ts *tourSlot) active() bool { return ts.t != nil && ts.t.Active() }

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

// update feeds the tour what is on screen and runs the iteration it asks for.
func (ts *tourSlot) update(g *Game) {
	if !ts.active() {
		ts.view = tour.View{}
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
}

// convert translates the tour's highlight into the network view's.
func (ts *tourSlot) convert() {
	h := ts.view.Highlight
	ts.hl = render.Highlight{Dim: h.Dim}
	layer := map[tour.Part]int{tour.InputLayer: 0, tour.HiddenLayer: 1, tour.OutputLayer: 2, tour.Edges1: 1, tour.Edges2: 2}
	for _, n := range h.Neurons {
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

func (ts *tourSlot) draw(dst *ebiten.Image, g *Game) {
	v := ts.view
	if !v.Active {
		return
	}
	l := g.lay
	lines := append([]string(nil), v.Body...)
	if len(v.Formula) > 0 {
		lines = append(lines, "")
		lines = append(lines, v.Formula...)
	}
	if v.Table != nil {
		lines = append(lines, "")
		for _, r := range v.Table.Rows {
			row := r.Label
			for _, c := range r.Cells {
				row += "   " + c
			}
			lines = append(lines, row)
		}
	}
	nav := "← Back · → Next · K skip · T leave"
	if v.NextText != "" {
		nav = "← Back · → " + v.NextText + " · K skip · T leave"
	}
	lines = append(lines, "", nav)
	title := v.Title
	if v.Number > 0 {
		title = "Step " + itoa(v.Number) + " of " + itoa(v.Total) + ": " + v.Title
	}
	area := l.Panels[PanelTrain]
	area.H = l.Panels[PanelMetrics].Y + l.Panels[PanelMetrics].H - area.Y
	render.DrawCardIn(dst, area, title, lines, l.S)
}

func itoa(n int) string {
	if n < 10 && n >= 0 {
		return string(rune('0' + n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}
