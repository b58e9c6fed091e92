package tour

import (
	"errors"
	"fmt"
	"math"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// Steps is the number of steps in the tour.
const Steps = 10

// NoLabel in Input.Label means the user has not picked a label.
const NoLabel = -1

// Wait says what the tour is waiting for.
type Wait uint8

const (
	NotWaiting          Wait = iota
	WaitDrawing              // the grid is empty and there is no sample to offer: draw, then Next
	WaitDrawingOrSample      // the grid is empty: draw, then Next, or Next alone uses Input.Fallback
	WaitLabel                // there is a drawing but no label: picking one continues at once
	WaitTrouble              // the app's trace was refused (see View.Body); Next asks again
)

var waitNames = [...]string{"", "drawing", "drawing or sample", "label", "trouble"}

func (w Wait) String() string {
	if int(w) < len(waitNames) {
		return waitNames[w]
	}
	return fmt.Sprintf("Wait(%d)", w)
}

// Example is one input and its label.
type Example struct {
	X     []float64 // nn.Inputs values
	Label int
}

// Input is what the app has on screen. It passes it to Start, Toggle and,
// while the tour waits, to Observe.
type Input struct {
	Grid       []float64 // the drawing, nn.Inputs values; all zero is an empty grid
	Label      int       // the selected label, or NoLabel
	Fallback   *Example  // a sample the tour may use when the grid is empty; nil if there is none
	ClassNames []string  // class names for the texts; also bound Label, so pass them; "0", "1", … when nil
}

// UpdateStep is the step that shows the weights change (the output
// layer's update): before it the view shows the weights as they were, from
// it on as they are after the iteration. The app changes its network only
// when the tour first gets there, so a tour left before changes nothing.
const UpdateStep = 7

type phase uint8

const (
	phaseOff     phase = iota // not started, skipped or finished
	phaseWaiting              // needs the user to act
	phaseTracing              // has an input and label, needs the app's Trace
	phaseShowing              // steps 1..Steps over one Trace
)

// Tour is the guided walk through one training iteration. It is a state
// machine the app drives with the user's keys and clicks; it never touches
// the network. When it has an input and a label it asks for a Trace
// (Request), the app runs nn.TraceStep on a copy of its network and hands
// the record back (SetTrace); it gives its network the new weights when
// the view first says Updated (UpdateStep), the one update of the tour.
// Every step, forwards or backwards, only formats numbers from that record,
// so pressing Back and Next any number of times never changes a weight
// again.
//
// A Tour is not safe for concurrent use; the app calls it from Update.
type Tour struct {
	texts  *Texts
	phase  phase
	active bool // false when off or left (Leave); Resume sets it again
	wait   Wait
	// problem is why the last trace was refused, for WaitTrouble.
	problem error

	in       Input
	reqX     []float64
	reqLabel int

	trace  *nn.Trace
	step   int // 1..Steps while showing
	neuron int // the hidden neuron steps 2 and 8 explain

	view  View
	dirty bool
	lang  string // the language view was built in
}

// New returns a tour that is off, using texts (from DefaultTexts or
// LoadTexts). It panics if texts is nil.
func New(texts *Texts) *Tour {
	if texts == nil {
		panic("tour: New with nil Texts")
	}
	return &Tour{texts: texts, dirty: true}
}

// NewDefault returns a tour with the embedded texts.
func NewDefault() (*Tour, error) {
	t, err := DefaultTexts()
	if err != nil {
		return nil, err
	}
	return New(t), nil
}

// SetTexts makes the tour speak texts (the app's language changed): it
// keeps its place, and its view is built again in them.
func (t *Tour) SetTexts(texts *Texts) {
	if texts != nil {
		t.texts, t.dirty = texts, true
	}
}

// Start begins a new tour on in, forgetting any earlier one: straight to
// Request when the grid has ink and a label is picked, otherwise waiting.
func (t *Tour) Start(in Input) {
	*t = Tour{texts: t.texts, active: true, dirty: true}
	t.in = copyInput(in)
	t.settle()
}

// Toggle is the tour key: leave an active tour, resume a left one, or
// start a new one.
func (t *Tour) Toggle(in Input) {
	switch {
	case t.active:
		t.Leave()
	case t.Resumable():
		t.Resume()
	default:
		t.Start(in)
	}
}

// Observe tells a waiting tour what is on screen now; the app may call it
// every tick while the tour is active. Picking a label ends WaitLabel at
// once; a drawing only counts when the user presses Next, so the tour does
// not run on the first pixel of an unfinished drawing.
func (t *Tour) Observe(in Input) {
	t.in = copyInput(in)
	if !t.active || t.phase != phaseWaiting {
		return
	}
	t.dirty = true // the message names the class and the sample on offer
	switch t.wait {
	case WaitLabel:
		t.settle()
	case WaitDrawing, WaitDrawingOrSample:
		t.wait = t.emptyWait()
	}
}

// settle moves a waiting tour on as far as the current input allows.
func (t *Tour) settle() {
	t.dirty = true
	switch {
	case ink(t.in.Grid) == 0:
		t.phase, t.wait = phaseWaiting, t.emptyWait()
	case !t.validLabel(t.in.Label):
		t.phase, t.wait = phaseWaiting, WaitLabel
	default:
		t.request(t.in.Grid, t.in.Label)
	}
}

func (t *Tour) emptyWait() Wait {
	if t.in.Fallback != nil && len(t.in.Fallback.X) == nn.Inputs && t.validLabel(t.in.Fallback.Label) {
		return WaitDrawingOrSample
	}
	return WaitDrawing
}

func (t *Tour) validLabel(l int) bool {
	return l >= 0 && (len(t.in.ClassNames) == 0 || l < len(t.in.ClassNames))
}

func (t *Tour) request(x []float64, label int) {
	t.phase, t.wait, t.problem = phaseTracing, NotWaiting, nil
	t.reqX = append([]float64(nil), x...)
	t.reqLabel = label
	t.dirty = true
}

// Request returns the input and label the tour wants traced, when it wants
// one. The app then runs nn.TraceStep on a copy of its network and calls
// SetTrace.
// It returns ok only once per Start (or per retry after WaitTrouble).
func (t *Tour) Request() (x []float64, label int, ok bool) {
	if !t.active || t.phase != phaseTracing {
		return nil, 0, false
	}
	return append([]float64(nil), t.reqX...), t.reqLabel, true
}

// SetTrace hands the tour the record of the requested iteration and shows
// step 1. It returns an error, and waits with WaitTrouble, if no trace was
// requested (nothing changes then), or if tr is not the requested
// iteration, does not fit together or holds NaN or infinite numbers. On an
// error the app should put its network back to tr.Before.
func (t *Tour) SetTrace(tr *nn.Trace) error {
	if !t.active || t.phase != phaseTracing {
		return errors.New("tour: SetTrace without a pending Request")
	}
	if err := t.checkTrace(tr); err != nil {
		t.phase, t.wait, t.problem, t.dirty = phaseWaiting, WaitTrouble, err, true
		return err
	}
	t.trace, t.phase, t.step, t.dirty = tr, phaseShowing, 1, true
	t.neuron = defaultNeuron(tr)
	return nil
}

// defaultNeuron picks the hidden neuron with the largest |z|: the one whose
// weighted sum is most decided, so step 2 shows a sum that matters.
func defaultNeuron(tr *nn.Trace) int {
	best := 0
	for h, z := range tr.Forward.Z1 {
		if math.Abs(z) > math.Abs(tr.Forward.Z1[best]) {
			best = h
		}
	}
	return best
}

// Next moves one step on. While waiting for a drawing it takes the drawing
// on the grid, or the fallback sample when the grid is empty; after the
// last step it ends the tour. It reports whether anything changed.
func (t *Tour) Next() bool {
	if !t.active {
		return false
	}
	switch t.phase {
	case phaseWaiting:
		before := t.wait
		if t.wait == WaitDrawingOrSample && ink(t.in.Grid) == 0 {
			t.request(t.in.Fallback.X, t.in.Fallback.Label)
			return true
		}
		t.settle()
		return t.phase != phaseWaiting || t.wait != before
	case phaseShowing:
		if t.step < Steps {
			t.step++
		} else {
			t.finish()
		}
		t.dirty = true
		return true
	}
	return false
}

// Back shows the previous step again. The weights stay as they are: the
// view changes, nothing else.
func (t *Tour) Back() bool {
	if !t.active || t.phase != phaseShowing || t.step <= 1 {
		return false
	}
	t.step--
	t.dirty = true
	return true
}

// Skip ends the tour; it cannot be resumed.
func (t *Tour) Skip() bool {
	if t.phase == phaseOff {
		return false
	}
	t.finish()
	return true
}

func (t *Tour) finish() {
	*t = Tour{texts: t.texts, in: t.in, dirty: true}
}

// Leave hides the tour and keeps its place, for Resume.
func (t *Tour) Leave() bool {
	if !t.active {
		return false
	}
	t.active, t.dirty = false, true
	return true
}

// Resume shows a left tour again where it was left, on the same
// iteration even if the network has trained since: the tour is the record
// of one iteration.
func (t *Tour) Resume() bool {
	if !t.Resumable() {
		return false
	}
	t.active, t.dirty = true, true
	return true
}

// Active reports whether the tour is on screen (the app routes the arrow
// keys to it then).
func (t *Tour) Active() bool { return t.active }

// Resumable reports whether the tour was left part-way.
func (t *Tour) Resumable() bool { return !t.active && t.phase != phaseOff }

// Step returns the step shown, 1..Steps, or 0 when none is.
func (t *Tour) Step() int {
	if t.phase != phaseShowing {
		return 0
	}
	return t.step
}

// Waiting returns what the tour waits for, NotWaiting if nothing.
func (t *Tour) Waiting() Wait {
	if t.phase != phaseWaiting {
		return NotWaiting
	}
	return t.wait
}

// Trace returns the iteration the tour shows, or nil.
func (t *Tour) Trace() *nn.Trace { return t.trace }

// Neuron returns the hidden neuron (0-based) that steps 2 and 8 explain.
func (t *Tour) Neuron() int { return t.neuron }

// SelectNeuron makes steps 2 and 8 explain hidden neuron h (0-based), e.g.
// when the user clicks it. It fails before the trace exists or if h is out
// of range, and then changes nothing.
func (t *Tour) SelectNeuron(h int) error {
	if t.trace == nil {
		return errors.New("tour: no iteration to pick a neuron from yet")
	}
	if h < 0 || h >= t.trace.Before.Hidden {
		return fmt.Errorf("tour: hidden neuron %d is outside 0..%d", h, t.trace.Before.Hidden-1)
	}
	if h != t.neuron {
		t.neuron, t.dirty = h, true
	}
	return nil
}

// View returns the description of what to show now. It is rebuilt only
// after a change (or a change of language: its labels and numbers are
// written in the language in use), so calling it every frame is cheap; the
// slices in it are shared with later calls and must not be modified.
func (t *Tour) View() View {
	if lang := i18n.Current(); t.dirty || t.lang != lang {
		t.view = t.build()
		t.dirty, t.lang = false, lang
	}
	return t.view
}

func copyInput(in Input) Input {
	in.Grid = append([]float64(nil), in.Grid...)
	in.ClassNames = append([]string(nil), in.ClassNames...)
	if in.Fallback != nil {
		f := Example{X: append([]float64(nil), in.Fallback.X...), Label: in.Fallback.Label}
		in.Fallback = &f
	}
	return in
}

// ink counts the non-zero inputs; a grid of the wrong length counts as empty.
func ink(x []float64) int {
	if len(x) != nn.Inputs {
		return 0
	}
	n := 0
	for _, v := range x {
		if v != 0 {
			n++
		}
	}
	return n
}
