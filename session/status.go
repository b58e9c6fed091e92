package session

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"

	"digittrainer/data"
	"digittrainer/i18n"
	"digittrainer/nn"
)

// Status is the session's part of the status JSON the page publishes for
// assistive technology and the end-to-end tests (app.Status adds the
// screen's part). Pointers are null when there is no value. Field names
// and machine values ("info", "balanced", "relu") are the same in every
// language; Message is the text on screen, in the language in use, which
// Lang names.
type Status struct {
	Lang        string           `json:"lang"` // the language in use: "en", "de"
	Counts      []int            `json:"counts"`
	Total       int              `json:"total"`
	Classes     int              `json:"classes"`
	ClassNames  []string         `json:"classNames"`
	Epoch       int              `json:"epoch"`
	Seen        int              `json:"seen"`
	Loss        *float64         `json:"loss"`
	TrainAcc    *float64         `json:"trainAcc"`
	ValAcc      *float64         `json:"valAcc"`
	Probs       []float64        `json:"probs"`
	Ink         int              `json:"ink"`
	Label       int              `json:"label"`
	Hidden      int              `json:"hidden"`
	Activation  string           `json:"activation"`
	Seed        uint64           `json:"seed"`
	LR          float64          `json:"lr"` // in use
	Batch       int              `json:"batch"`
	Training    bool             `json:"training"`
	Progress    float64          `json:"progress"`
	Pace        float64          `json:"pace"`     // drawings a second; 0 for full speed
	Patience    int              `json:"patience"` // epochs without improvement that stop Train; 0 never
	Watching    bool             `json:"watching"` // slow motion: the grid shows the drawing being learned
	LR0         float64          `json:"lr0"`      // the learning rate set (lr is the one in use)
	Eraser      bool             `json:"eraser"`   // strokes erase: the eraser is chosen
	CanUndo     bool             `json:"canUndo"`
	CanRedo     bool             `json:"canRedo"`
	Message     string           `json:"message"`
	MessageKind string           `json:"messageKind"` // "info" or "error"
	ModelHash   string           `json:"modelHash"`
	DataHash    string           `json:"dataHash"`
	ValHash     string           `json:"valHash"` // the validation drawings as a set: equal while none changes side
	ValCount    int              `json:"valCount"`
	TimeTravel  TimeTravelStatus `json:"timeTravel"`
	Sweep       SweepStatus      `json:"sweep"`
	Bias        BiasStatus       `json:"bias"`
	BadData     BadDataStatus    `json:"badData"`
}

// BadDataStatus is the bad-data experiment's part of the status: the
// drawings the last poisoning changed (while the dataset is the one it
// made) and the suspicious-drawings search, indices from 0.
type BadDataStatus struct {
	Poisoned  []int          `json:"poisoned"`
	Searching bool           `json:"searching"`
	Progress  float64        `json:"progress"`
	Suspects  []SuspectEntry `json:"suspects"` // the top of the finished ranking
}

// SuspectEntry is one ranked drawing.
type SuspectEntry struct {
	Index     int     `json:"index"`
	Label     int     `json:"label"`
	Predicted int     `json:"predicted"`
	Score     float64 `json:"score"`
}

// statusSuspects is how many of the ranking the status lists.
const statusSuspects = 50

// BiasStatus is the biased-data experiment's part of the status.
type BiasStatus struct {
	Running bool      `json:"running"`
	Class   int       `json:"class"` // of the last run
	Share   float64   `json:"share"`
	Runs    []BiasRun `json:"runs"` // finished: balanced, then thinned
}

// BiasRun is one network of the experiment, measured on a set.
type BiasRun struct {
	Run      string    `json:"run"` // "balanced" or "thinned"
	On       string    `json:"on"`  // "validation" or "training"
	Accuracy float64   `json:"accuracy"`
	PerClass []float64 `json:"perClass"`
	Trained  []int     `json:"trained"` // drawings of each class trained on
}

// SweepStatus is the hidden-size sweep's part of the status.
type SweepStatus struct {
	Running  bool       `json:"running"`
	Progress float64    `json:"progress"`
	Rows     []SweepRow `json:"rows"` // finished, ascending hidden size
}

// SweepRow is one size's result; the validation values are null without a
// validation set.
type SweepRow struct {
	Hidden    int      `json:"hidden"`
	Params    int      `json:"params"`
	TrainAcc  float64  `json:"trainAcc"`
	TrainLoss float64  `json:"trainLoss"`
	ValAcc    *float64 `json:"valAcc"`
	ValLoss   *float64 `json:"valLoss"`
	Diverged  int      `json:"diverged"`
}

// TimeTravelStatus is the snapshots' part of the status.
type TimeTravelStatus struct {
	Snapshots   []int `json:"snapshots"`   // their epochs, oldest first
	Every       int   `json:"every"`       // epochs between two
	Bytes       int   `json:"bytes"`       // what those kept hold
	Ghost       int   `json:"ghost"`       // points of the curves a rewind left behind
	Crashes     int   `json:"crashes"`     // simulated so far
	CrashArmed  bool  `json:"crashArmed"`  // one is on its way
	LostSamples int   `json:"lostSamples"` // by the last crash
	Restored    int   `json:"restored"`    // the epoch the last crash went back to
}

// Status returns the session's status, with m the measurement on screen.
func (s *Session) Status(m *Measurement) Status {
	t := s.trainer
	st := Status{
		Counts: s.data.Counts(), Total: s.data.Len(), Classes: s.Classes(), ClassNames: s.data.Classes,
		Epoch: t.Epoch, Seen: t.Seen, Ink: s.Ink(), Label: s.grid.Label,
		Hidden: s.net.Hidden, Activation: s.net.Activation.String(), Seed: s.seed,
		LR: t.LR, Batch: t.Hyper.Batch, Training: s.run.active, Progress: s.Progress(),
		Lang: i18n.Current(), Message: s.msg.Text, MessageKind: "info", ModelHash: s.ModelHash(), DataHash: s.DataHash(),
		ValHash: s.ValHash(), ValCount: s.ValSize(),
		Patience: s.Patience(), Watching: s.Watching(), LR0: t.Hyper.LR,
		Eraser: s.eraser, CanUndo: s.CanUndo(), CanRedo: s.CanRedo(),
	}
	_, _, kept := s.SnapCost()
	last, crashes := s.LastCrash()
	st.TimeTravel = TimeTravelStatus{Snapshots: []int{}, Every: s.snaps.every, Bytes: kept, Ghost: s.snaps.ghost.Len(),
		Crashes: crashes, CrashArmed: s.CrashArmed(), LostSamples: last.LostSamples, Restored: last.Restored}
	for _, sn := range s.snaps.list {
		st.TimeTravel.Snapshots = append(st.TimeTravel.Snapshots, sn.Epoch)
	}
	st.Bias = BiasStatus{Running: s.Imbalancing(), Runs: []BiasRun{}}
	if run, class, share := s.Imbalance(); run != nil {
		st.Bias.Class, st.Bias.Share = class, share
		for _, r := range run.Results() {
			b := BiasRun{Run: r.Run, On: r.On, Accuracy: Finite(r.Metrics.Accuracy), Trained: r.Trained}
			for _, a := range r.Metrics.PerClass() {
				b.PerClass = append(b.PerClass, Finite(a))
			}
			st.Bias.Runs = append(st.Bias.Runs, b)
		}
	}
	st.BadData = BadDataStatus{Poisoned: append([]int{}, s.Poisoned()...), Searching: s.Searching(), Progress: s.SearchProgress(), Suspects: []SuspectEntry{}}
	if list, _ := s.SuspectList(); list != nil {
		for _, sp := range list[:min(len(list), statusSuspects)] {
			st.BadData.Suspects = append(st.BadData.Suspects, SuspectEntry{sp.Index, sp.Label, sp.Predicted, Finite(sp.Score)})
		}
	}
	st.Sweep = SweepStatus{Running: s.Sweeping(), Rows: []SweepRow{}}
	if run := s.sweep.run; run != nil {
		st.Sweep.Progress = run.Progress()
		for _, r := range run.Rows() {
			row := SweepRow{Hidden: r.Hidden, Params: r.Params, TrainAcc: Finite(r.TrainAcc), TrainLoss: Finite(r.TrainLoss), Diverged: r.Diverged}
			if !math.IsNaN(r.ValAcc) {
				row.ValAcc, row.ValLoss = ptr(r.ValAcc), ptr(r.ValLoss)
			}
			st.Sweep.Rows = append(st.Sweep.Rows, row)
		}
	}
	if p := s.Pace(); !math.IsInf(p, 1) {
		st.Pace = p
	}
	for _, p := range s.Probs() {
		st.Probs = append(st.Probs, Finite(p))
	}
	if s.msg.Err {
		st.MessageKind = "error"
	}
	if m != nil && m.Train.N > 0 {
		st.Loss, st.TrainAcc = ptr(m.Train.Loss), ptr(m.Train.Accuracy)
	}
	if m != nil && m.HasVal() {
		st.ValAcc = ptr(m.Val.Accuracy)
	}
	return st
}

// ptr returns a pointer to v, or nil if v is not a finite number (JSON has
// no NaN, and no NaN is ever shown).
func ptr(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// Finite returns v, or 0 if it is not a finite number.
func Finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// Summary is the aria-live text: the prediction and the training state in
// words (in the language in use), rounded so that it changes only when
// something a listener cares about changes. m is the measurement on screen.
func (s *Session) Summary(m *Measurement) string {
	text := ""
	if s.Ink() > 0 {
		probs := s.Probs()
		best := 0
		for c, p := range probs {
			if p > probs[best] {
				best = c
			}
		}
		text = i18n.Sprintf("Prediction: %s (%.0f%%). ", s.data.Classes[best], 100*Finite(probs[best]))
	}
	measured := m != nil && m.Train.N > 0
	switch {
	case s.run.active && measured:
		// No epoch number while training: it would change many times a second.
		text += i18n.Sprintf("Training, accuracy %s.", Percent(m.Train.Accuracy))
	case s.run.active:
		text += i18n.T("Training.")
	case measured:
		text += i18n.Sprintf("Epoch %d, accuracy %s.", s.trainer.Epoch, Percent(m.Train.Accuracy))
	default:
		text += i18n.Sprintf("Epoch %d, not trained yet.", s.trainer.Epoch)
	}
	return text
}

// hashes caches ModelHash and DataHash by version: hashing every weight and
// pixel each tick was most of an idle tick.
type hashes struct {
	net               NetHash
	data, val         uint64
	dataHash, valHash string
}

// NetHash keeps ModelHash of a network until its version changes.
type NetHash struct {
	version uint64
	hash    string
}

// Of returns ModelHash(n), hashing again only after n changed.
func (c *NetHash) Of(n *nn.Network) string {
	if v := n.Version(); v != c.version || c.hash == "" {
		c.version, c.hash = v, ModelHash(n)
	}
	return c.hash
}

// ModelHash is the FNV-1a hash of the network's shape and parameter bits,
// in hex: equal hashes mean bit-identical weights.
func (s *Session) ModelHash() string { return s.hashes.net.Of(s.net) }

// DataHash is the FNV-1a hash of the class names, labels, sides and pixels.
func (s *Session) DataHash() string {
	if v := s.data.Version(); v != s.hashes.data || s.hashes.dataHash == "" {
		s.hashes.data, s.hashes.dataHash = v, DataHash(s.data)
	}
	return s.hashes.dataHash
}

// ValHash is the FNV-1a hash of the validation drawings (label and pixels)
// as a set: it changes only when a drawing joins or leaves the validation
// set, not when others are added, deleted or reordered.
func (s *Session) ValHash() string {
	if v := s.data.Version(); v != s.hashes.val || s.hashes.valHash == "" {
		var sum uint64 // a sum of per-drawing hashes: the order does not count
		for i := range s.data.Samples {
			if smp := &s.data.Samples[i]; smp.Val {
				h := fnv.New64a()
				h.Write([]byte{byte(smp.Label)})
				h.Write(smp.Pixels[:])
				sum += h.Sum64()
			}
		}
		s.hashes.val, s.hashes.valHash = v, fmt.Sprintf("%016x", sum)
	}
	return s.hashes.valHash
}

// ModelHash hashes n as Session.ModelHash does.
func ModelHash(n *nn.Network) string {
	h := fnv.New64a()
	var b [8]byte
	for _, v := range []int{n.Hidden, n.Classes, int(n.Activation)} {
		binary.LittleEndian.PutUint64(b[:], uint64(v))
		h.Write(b[:])
	}
	for _, p := range n.Params() {
		for _, v := range p {
			binary.LittleEndian.PutUint64(b[:], math.Float64bits(v))
			h.Write(b[:])
		}
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

// DataHash hashes d as Session.DataHash does.
func DataHash(d *data.Dataset) string {
	h := fnv.New64a()
	for _, c := range d.Classes {
		h.Write([]byte(c))
		h.Write([]byte{0})
	}
	for i := range d.Samples {
		smp := &d.Samples[i]
		side := byte(0)
		if smp.Val {
			side = 1
		}
		h.Write([]byte{byte(smp.Label), side})
		h.Write(smp.Pixels[:])
	}
	return fmt.Sprintf("%016x", h.Sum64())
}
