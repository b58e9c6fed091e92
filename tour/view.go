package tour

import "digittrainer/nn"

// Part is a bit set of the parts of the network picture a step talks about.
type Part uint8

const (
	InputLayer  Part = 1 << iota // the 81 input neurons (the grid)
	HiddenLayer                  // the hidden neurons
	OutputLayer                  // the output neurons
	Edges1                       // input → hidden weights (W1)
	Edges2                       // hidden → output weights (W2)
)

// Has reports whether p includes every part of q.
func (p Part) Has(q Part) bool { return p&q == q }

// Kind says what a highlighted value is, so render can pick a scale:
// weights and gradients have very different sizes.
type Kind uint8

const (
	KindInput       Kind = iota // a pixel value, 0..1
	KindActivation              // a hidden activation h
	KindLogit                   // an output score z
	KindProbability             // a softmax output p, 0..1
	KindError                   // an error signal δ (p − y, or δ_h)
	KindWeight                  // a weight
	KindGradient                // ∂L/∂w
	KindSignal                  // w·δ, the error an edge carries backwards
)

// Name is how the tour's formulas write the neuron's value: x₄₁ for an
// input square, h₃ and δh₃ for a hidden neuron (numbered from 1, as the
// texts count them), s₁, p₁ and δ₁ for an output (numbered by its class).
// δ with an h is a hidden neuron's error, without one an output's, so the
// two never share a name on one screen.
func (n NeuronRef) Name() string {
	switch n.Layer {
	case InputLayer:
		return "x" + Sub(n.Index+1)
	case HiddenLayer:
		if n.Kind == KindError {
			return "δh" + Sub(n.Index+1)
		}
		return "h" + Sub(n.Index+1)
	}
	switch n.Kind {
	case KindLogit:
		return "s" + Sub(n.Index)
	case KindProbability:
		return "p" + Sub(n.Index)
	}
	return "δ" + Sub(n.Index)
}

// NeuronRef points at one neuron the step talks about.
type NeuronRef struct {
	Layer    Part    // InputLayer, HiddenLayer or OutputLayer
	Index    int     // 0-based within the layer (inputs row-major)
	Value    float64 // what to colour it by
	Kind     Kind
	Selected bool // the neuron the step explains (step 2's neuron, the label's output)
}

// EdgeRef points at one weight. For Edges1, From is the input and To the
// hidden neuron; for Edges2, From is the hidden neuron and To the output.
type EdgeRef struct {
	Layer         Part // Edges1 or Edges2
	From, To      int
	Value         float64 // what to colour it by (see Kind)
	Kind          Kind
	Before, After float64 // the weight before and after the update
	Top           bool    // one of the rows of the step's table or formula: draw it stronger
}

// Highlight tells render what to emphasise. With Dim set, everything not in
// Focus, Neurons or Edges is drawn faded.
type Highlight struct {
	Focus   Part
	Neurons []NeuronRef
	Edges   []EdgeRef
	Dim     bool
}

// Table is a small before → after table. Columns[0] heads the row labels.
// Cells hold numbers formatted by the tour; labels hold names only.
type Table struct {
	Columns []string
	Rows    []Row
}

// Row is one line of a Table.
type Row struct {
	Label string
	Cells []string
}

// View is everything the app shows for the tour's current state. It is a
// description, not a drawing: render lays it out at any window size.
type View struct {
	Active  bool // false when the tour is off or left; the app draws nothing
	Number  int  // 1..Total; 0 while waiting for the input or the trace
	Total   int  // Steps
	Title   string
	Body    []string // short paragraphs of plain language
	Formula []string // lines with this iteration's numbers
	Table   *Table   // nil when the step has none

	// Waiting is set when the tour needs the user to act (draw, pick a
	// label); Reason says what, and Body repeats it in full.
	Waiting bool
	Reason  Wait

	Highlight Highlight

	// Updated is set from UpdateStep on: the view shows the weights after
	// the iteration's update, which the app then applies to its network.
	Updated bool

	// Net and State are what the network picture should show: the weights
	// before the update and the forward pass on them up to step 6, the
	// weights after the update from step 7 on, and the forward pass on the
	// updated weights at step 10. Nil while waiting (draw the live network).
	// Read only: they belong to the Trace.
	Net   *nn.Network
	State *nn.State

	CanBack  bool
	CanNext  bool
	NextText string // the label for the Next button: "Next", "Use a sample", "Finish"

	// PickNeuron is set on steps where clicking a hidden neuron (which the
	// app passes to SelectNeuron) changes what the step explains.
	PickNeuron bool
}
