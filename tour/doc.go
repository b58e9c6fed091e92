// Package tour is the guided walk through one complete training iteration
// and the router of the "?" help cards. It is pure: no Ebiten, no
// syscall/js, tested without a display. The app drives it and package
// render draws what it describes.
//
// # The tour
//
// A Tour is a state machine over Steps = 10 steps: the input; one hidden
// neuron's weighted sum and activation; all hidden activations; the
// output scores and softmax; the loss; the output error p − y; the
// output-layer gradients and updates; backpropagation to the hidden layer;
// the hidden-layer gradients and updates; and the new prediction on the
// same input. It is driven by an *nn.Trace and never recomputes the maths:
// every number it shows is formatted (by Num, Pair, Setting) from the
// Trace, or from nn for f′(z). The tests compare every displayed number
// with an independent computation of the same iteration.
//
// The app's session owns the network. Each tick while the tour is active:
//
//	t.Observe(input)                       // what is on screen (only matters while waiting)
//	if x, y, ok := t.Request(); ok {       // once per tour
//		it := s.Preview(x, y)              // the iteration, on a copy of the network
//		if err := t.SetTrace(it.Trace); err != nil {
//			it = nil                       // refused (e.g. NaN): nothing to apply
//		}
//	}
//	v := t.View()                          // render draws v (render.TourCard, TourHighlight, TourValues)
//	if v.Updated && it != nil {            // UpdateStep reached: the only update
//		s.Apply(it)
//	}
//
// Keys: T → Toggle(input); Right/PageDown → Next; Left/PageUp → Back;
// K → Skip; a click on a hidden neuron while View.PickNeuron →
// SelectNeuron. Back and Next only change the view: the weights were
// updated once, when the Trace was made. A tour that is left (Leave) can be
// resumed on the same iteration; Skip and finishing end it.
//
// # Help
//
// The help texts are plain text files in assets/help, one per panel (see
// CardIDs), parsed by ParseHelp into a HelpText; render.HelpCard makes the
// card that shows one. A Router holds the keyboard focus among
// the panels (Tab / Shift+Tab) and the open card (F1, "?", Escape).
// The tour's own words live in assets/help/tour-steps.txt, with
// {placeholders} checked when they are loaded.
package tour
