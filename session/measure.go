package session

import (
	"math"
	"strconv"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// What the network makes of the data, derived on demand and cached by the
// versions of the weights and the dataset (and the drawing's pixels), so a
// change no one looks at costs nothing and a change no one announced is
// never missed.

// Measurement is the network, as it is now, run over both splits.
type Measurement struct {
	Train nn.Metrics // N = 0 when there is nothing to train on
	Val   nn.Metrics // N = 0 when there is no validation set

	train, val members // who was measured
}

// members are a set's examples as the dataset knows them: each one's index
// in it and its label.
type members struct{ idx, y []int }

// HasVal reports whether there is a validation set.
func (m *Measurement) HasVal() bool { return m.Val.N > 0 }

// Confusion is the matrix the Progress panel shows: the validation set's,
// or the training set's when there is no validation set.
func (m *Measurement) Confusion() [][]int {
	set, _ := m.shown()
	return set.Confusion
}

// shown is the set whose matrix is shown, with its members.
func (m *Measurement) shown() (nn.Metrics, members) {
	if m.HasVal() {
		return m.Val, m.val
	}
	return m.Train, m.train
}

// CellDrawings are the drawings matrix cell (truth, pred) counts, as
// dataset indices, so they can be selected, relabelled or deleted: the
// same measurement's, so the gallery and the matrix always agree.
func (m *Measurement) CellDrawings(truth, pred int) []int {
	set, who := m.shown()
	var out []int
	for i, p := range set.Predicted {
		if p == pred && who.y[i] == truth {
			out = append(out, who.idx[i])
		}
	}
	return out
}

// Point is the measurement as a point of the curves at epoch.
func (m *Measurement) Point(epoch int) Point {
	p := Point{Epoch: epoch, TrainLoss: m.Train.Loss, TrainAcc: m.Train.Accuracy, ValLoss: math.NaN(), ValAcc: math.NaN()}
	if m.HasVal() {
		p.ValLoss, p.ValAcc = m.Val.Loss, m.Val.Accuracy
	}
	return p
}

type measurement struct {
	net, data uint64
	m         *Measurement
	val       nn.Metrics // the validation set alone (valMetrics), for the same versions as valNet, valData
	valNet    uint64
	valData   uint64
}

// valMetrics is the validation set's metrics alone: what the early stop
// reads at the end of every epoch. A full Measure evaluates the training
// set too, four times as many drawings; the curves need it only for the
// epochs they keep (History.Due), the screen only when it repaints.
func (s *Session) valMetrics() nn.Metrics {
	c := &s.measure
	nv, dv := s.net.Version(), s.data.Version()
	if c.m != nil && c.net == nv && c.data == dv {
		return c.m.Val
	}
	if c.valNet != nv || c.valData != dv {
		_, val := s.Examples()
		c.val, c.valNet, c.valData = s.net.Evaluate(val), nv, dv
	}
	return c.val
}

// Measure returns the network's metrics on the training and validation
// sets, evaluating again only after the weights or the dataset changed.
// Train.N is 0 when there is nothing to train on. A Measurement is never
// changed once returned: a caller may keep it as what its screen shows.
func (s *Session) Measure() *Measurement {
	train, val := s.Examples()
	c := &s.measure
	if nv, dv := s.net.Version(), s.data.Version(); c.m == nil || c.net != nv || c.data != dv {
		c.net, c.data = nv, dv
		c.m = &Measurement{Train: s.net.Evaluate(train), Val: s.net.Evaluate(val),
			train: members{s.split.trainIdx, train.Y}, val: members{s.split.valIdx, val.Y}}
	}
	return c.m
}

type prediction struct {
	net    uint64
	pixels [81]uint8
	state  *nn.State
	input  []float64
}

// Forward is the drawing run through the network: every value of the
// forward pass, for the network picture. Its P is the prediction.
func (s *Session) Forward() *nn.State {
	c := &s.pred
	fits := c.state != nil && len(c.state.P) == s.net.Classes && len(c.state.H) == s.net.Hidden
	if fits && c.net == s.net.Version() && c.pixels == s.grid.Pixels {
		return c.state
	}
	if !fits {
		c.state, c.input = nn.NewState(s.net.Config), make([]float64, nn.Inputs)
	}
	s.grid.Inputs(c.input)
	s.net.Forward(c.state, c.input)
	c.net, c.pixels = s.net.Version(), s.grid.Pixels
	return c.state
}

// Probs is the prediction for the drawing: a probability per class.
func (s *Session) Probs() []float64 { return s.Forward().P }

// Percent writes a fraction as a percentage that never rounds a mistake
// away: 100% only when nothing was wrong, else at most 99.9% (99,9% in
// the languages that write a decimal comma).
func Percent(v float64) string {
	p := 100 * v
	switch {
	case math.IsNaN(p):
		return "—"
	case p >= 100:
		return "100%"
	case p >= 99.5:
		return i18n.Float(math.Floor(p*10)/10, 1) + "%"
	}
	return strconv.FormatFloat(math.Round(p), 'f', 0, 64) + "%"
}
