package app

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/nn"
	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/session"
	"digittrainer/tour"
)

// tourSlot plugs package tour's state machine into the game: T starts,
// leaves or resumes it, arrows and PageUp/PageDown step it, K skips it,
// Escape leaves it. When the tour asks for its iteration, the slot has the
// session make it on a copy of the network (Session.Preview) and hands the
// record back; the network takes its weights (Session.Apply: the tour's one
// real update) only when the tour reaches the step that shows the update,
// so leaving before changes nothing. Every tick it fetches the tour's View
// and lays out its card, so Draw only replays it.
type tourSlot struct {
	t       *tour.Tour
	pending *session.Iteration // made, not yet applied
	view    tour.View
	hl      render.Highlight // the view's highlight in render's terms
	err     error

	// leftNet and leftVersion are the network as the tour last saw it
	// (updated every tick it is on): Resume picks up only where they
	// still hold.
	leftNet     *nn.Network
	leftVersion uint64

	cache          render.CardCache
	card           *render.Card // nil while the tour is off
	hover, pressed int          // card buttons under the mouse / pressed this tick (−1: none)
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
func tourInput(s *session.Session) tour.Input {
	in := tour.Input{Grid: append([]float64(nil), s.Forward().X...), Label: s.Label(), ClassNames: s.Data().Classes}
	if train, _ := s.Examples(); train.Len() > 0 {
		in.Fallback = &tour.Example{X: train.Input(0), Label: train.Y[0]}
	}
	return in
}

// toggle starts, leaves or resumes the tour; it stops training first.
func (ts *tourSlot) toggle(s *session.Session) error {
	if !ts.ensure() {
		return ts.err
	}
	s.Pause()
	if net := s.Net(); !ts.t.Active() && ts.t.Resumable() && (ts.leftNet != net || ts.leftVersion != net.Version()) {
		// Trained, reset or reshaped while the tour was away: its numbers
		// are no longer this network's, so it starts again rather than
		// show a sigmoid beside a tanh panel.
		ts.t.Start(tourInput(s))
		s.Say("The network changed while the tour was away, so the tour starts again with this one.")
		return nil
	}
	ts.t.Toggle(tourInput(s))
	return nil
}

func (ts *tourSlot) next() {
	if ts.active() {
		ts.t.Next()
	}
}

func (ts *tourSlot) back() {
	if ts.active() {
		ts.t.Back()
	}
}

func (ts *tourSlot) skip() {
	if ts.t != nil {
		ts.t.Skip()
	}
}

// leave hides an active tour (Escape) and reports whether there was one.
func (ts *tourSlot) leave() bool {
	return ts.active() && ts.t.Leave()
}

// capture handles the pointer while the tour is on screen, before the
// panels see it: a press on a card button asks for what it says, a click on
// a hidden neuron picks it on the steps that explain one, and any press on
// the card is the card's. Presses it uses are taken out of in, and the
// mouse over the card hovers nothing below it.
func (ts *tourSlot) capture(in *Input, l *screen.Layout, nv *render.NetworkView, cmds []Command) []Command {
	ts.hover, ts.pressed = -1, -1
	c := ts.card
	if !ts.active() || c == nil {
		return cmds
	}
	if x, y, ok := in.Hover(); ok {
		if i, ok := c.ButtonAt(x, y); ok {
			ts.hover = i
		}
		if c.Rect.Contains(x, y) {
			in.HasHover = false
		}
	}
	kept := in.Pointers[:0]
	for _, p := range in.Pointers {
		switch {
		case !c.Rect.Contains(p.X, p.Y):
			if p.Just && ts.view.PickNeuron && l.Net.Contains(p.X, p.Y) {
				if n, ok := nv.NeuronAt(p.X, p.Y); ok && n.Layer == 1 {
					ts.t.SelectNeuron(n.Index)
					continue
				}
			}
			kept = append(kept, p)
		case p.Just:
			if i, ok := c.ButtonAt(p.X, p.Y); ok {
				ts.pressed = i
				cmds = append(cmds, Command{Act: tourButtonActs[i]})
			}
		}
	}
	in.Pointers = kept
	return cmds
}

// update feeds the tour what is on screen, has the session make the
// iteration it asks for, and lays out what Draw shows.
func (ts *tourSlot) update(s *session.Session, l *screen.Layout) {
	if !ts.active() {
		ts.view, ts.card = tour.View{}, nil
		if !ts.resumable() {
			ts.pending = nil // skipped or finished before the update: nothing changes
		}
		return
	}
	net := s.Net()
	ts.leftNet, ts.leftVersion = net, net.Version() // the network as the tour last saw it
	if ts.t.Waiting() != tour.NotWaiting {
		ts.t.Observe(tourInput(s))
	}
	if x, label, ok := ts.t.Request(); ok {
		ts.pending = s.Preview(x, label)
		if ts.t.SetTrace(ts.pending.Trace) != nil {
			ts.pending = nil // refused (a NaN, say): the tour says why
		}
	}
	ts.view = ts.t.View()
	if ts.view.Updated && ts.pending != nil {
		s.Apply(ts.pending)
		ts.pending = nil
	}
	ts.hl = render.TourHighlight(ts.view.Highlight)
	spec := render.TourCard(ts.view)
	for i := range spec.Buttons {
		spec.Buttons[i].Label = l.ButtonText(spec.Buttons[i].Label)
	}
	ts.card = ts.cache.Layout(spec, render.Placement{Regions: l.TourRegions(), MaxW: render.TourMaxW, Fits: render.TourFits, MinButton: l.MinButton()}, l.S)
}

// status returns the tour fields of the status JSON.
func (ts *tourSlot) status() TourStatus {
	return TourStatus{Active: ts.view.Active, Step: ts.view.Number, Steps: tour.Steps, Title: ts.view.Title}
}

// shows reports whether the network picture shows the tour's iteration
// (its weights and forward pass) instead of the live network.
func (ts *tourSlot) shows() bool {
	v := ts.view
	return v.Active && v.Net != nil && v.State != nil
}

// draw fades the panels the step is not about, writes the step's values
// on the network picture (drawn with the step's weights and highlight),
// points at what a waiting step asks for and draws the card.
func (ts *tourSlot) draw(dst *ebiten.Image, l *screen.Layout, nv *render.NetworkView) {
	v := ts.view
	if !v.Active {
		return
	}
	for _, r := range l.TourWash() {
		render.Wash(dst, r)
	}
	if ts.shows() {
		nv.DrawValues(dst, render.TourValues(v))
	}
	for _, r := range askRects(v.Reason, l) {
		render.DrawOutline(dst, r, l.S)
	}
	ts.card.Draw(dst, ts.hover, ts.pressed)
}

// tourButtonActs are what the card's buttons do, in the order
// render.TourCard lists them: Back, Next, Skip, Hide.
var tourButtonActs = [...]Action{ActTourBack, ActTourNext, ActTourSkip, ActTour}

// askRects are what a waiting step asks the user to use: the grid, or the
// label buttons.
func askRects(w tour.Wait, l *screen.Layout) []render.Rect {
	switch w {
	case tour.WaitDrawing, tour.WaitDrawingOrSample:
		return []render.Rect{l.Grid}
	case tour.WaitLabel:
		var out []render.Rect
		for _, c := range l.Controls {
			if c.ID == screen.CtlLabel {
				out = append(out, c.Rect)
			}
		}
		return out
	}
	return nil
}
