package app

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"

	"digittrainer/nn"
	"digittrainer/platform"
)

// Status is the JSON the page publishes as window.digitTrainer.status().
// Its fields are the contract with the end-to-end tests in e2e/ and are
// described in the README. Pointers are null when there is no value yet.
type Status struct {
	Frame         int                   `json:"frame"` // ticks (Updates): input is read once a tick
	Draws         int                   `json:"draws"` // frames shown (Draw calls): the frame rate's unit
	FPS           float64               `json:"fps"`
	Counts        []int                 `json:"counts"`
	Total         int                   `json:"total"`
	Classes       int                   `json:"classes"`
	ClassNames    []string              `json:"classNames"`
	Epoch         int                   `json:"epoch"`
	Seen          int                   `json:"seen"`
	Loss          *float64              `json:"loss"`
	TrainAcc      *float64              `json:"trainAcc"`
	ValAcc        *float64              `json:"valAcc"`
	Probs         []float64             `json:"probs"`
	Ink           int                   `json:"ink"`
	Label         int                   `json:"label"`
	Hidden        int                   `json:"hidden"`
	Activation    string                `json:"activation"`
	Seed          uint64                `json:"seed"`
	LR            float64               `json:"lr"`
	Batch         int                   `json:"batch"`
	Training      bool                  `json:"training"`
	Progress      float64               `json:"progress"`
	Message       string                `json:"message"`
	MessageKind   string                `json:"messageKind"`
	ModelHash     string                `json:"modelHash"`
	DataHash      string                `json:"dataHash"`
	SamplesPerSec float64               `json:"samplesPerSec"`
	TrainShare    float64               `json:"trainShare"` // Scheduler.Share
	FollowMs      float64               `json:"followMs"`   // Scheduler.Follow
	Tour          TourStatus            `json:"tour"`
	Help          HelpStatus            `json:"help"`
	Rects         map[string][4]float64 `json:"rects"`
}

// TourStatus and HelpStatus are the nested objects of Status.
type TourStatus struct {
	Active bool   `json:"active"`
	Step   int    `json:"step"`
	Steps  int    `json:"steps"`
	Title  string `json:"title"`
}
type HelpStatus struct {
	Open bool   `json:"open"`
	ID   string `json:"id"`
}

// status publishes Status every tick and the spoken summary when it changes.
type status struct {
	last Status
	live string
	hash hashCache
}

// hashCache keeps the last ModelHash and DataHash: hashing every weight and
// pixel each tick was most of an idle tick. The keys are what every edit
// bumps: the weights change only by training (Seen grows), by a new network
// (a new pointer) or by a tour step, a rollback or a load (Version grows);
// the dataset only by the edits in dataset.go and files.go, which all bump
// Version, or by "start fresh", which brings a new Session.
type hashCache struct {
	net          *nn.Network
	seen, netVer int
	model        string
	sess         *Session
	dataVer      int
	data         string
}

// hashes returns the model and data hashes of s, hashing again only what
// changed since the last call.
func (c *hashCache) hashes(s *Session) (model, data string) {
	if c.net != s.Net || c.seen != s.Trainer.Seen || c.netVer != s.Version {
		c.net, c.seen, c.netVer = s.Net, s.Trainer.Seen, s.Version
		c.model = ModelHash(s.Net)
	}
	if c.sess != s || c.dataVer != s.Version {
		c.sess, c.dataVer = s, s.Version
		c.data = DataHash(s)
	}
	return c.model, c.data
}

func (st *status) update(g *Game) {
	st.last = g.Status()
	b, err := json.Marshal(&st.last)
	if err != nil {
		b = []byte(fmt.Sprintf(`{"error":%q}`, err.Error()))
	}
	st.live = liveText(g.s)
	platform.SetStatus(string(b), st.live)
}

// Status builds the status of this tick.
func (g *Game) Status() Status {
	s := g.s
	active, step, steps, title := g.tour.status()
	modelHash, dataHash := g.status.hash.hashes(s)
	st := Status{
		Frame: g.frame, Draws: g.draws, FPS: finite(g.fps), Counts: s.Data.Counts(), Total: s.Data.Len(),
		Classes: s.Classes(), ClassNames: s.Data.Classes, Epoch: s.Trainer.Epoch, Seen: s.Trainer.Seen,
		Probs: make([]float64, len(s.Probs)), Ink: s.Ink(), Label: s.Grid.Label,
		Hidden: s.Net.Hidden, Activation: s.Net.Activation.String(), Seed: s.Settings.Seed,
		LR: s.Trainer.LR, Batch: s.Settings.Hyper.Batch, Training: s.Running, Progress: s.Progress(),
		Message: s.Message, MessageKind: "info",
		ModelHash: modelHash, DataHash: dataHash, SamplesPerSec: finite(g.sched.Rate),
		TrainShare: g.sched.Share, FollowMs: float64(g.sched.Follow.Milliseconds()),
		Tour:  TourStatus{Active: active, Step: step, Steps: steps, Title: title},
		Help:  HelpStatus{Open: g.cards.open, ID: g.cards.id},
		Rects: map[string][4]float64{},
	}
	for i, p := range s.Probs {
		st.Probs[i] = finite(p)
	}
	if s.MessageErr {
		st.MessageKind = "error"
	}
	if s.HasEval {
		st.Loss, st.TrainAcc = ptr(s.TrainLoss), ptr(s.TrainAcc)
	}
	if s.HasVal {
		st.ValAcc = ptr(s.ValAcc)
	}
	l := g.lay
	css := func(r [4]float64) [4]float64 {
		for i := range r {
			r[i] = math.Round(r[i]/l.DSF*10) / 10
		}
		return r
	}
	st.Rects["grid"] = css(l.Grid.Array())
	for _, c := range l.Controls {
		st.Rects[c.Name] = css(c.Rect.Array())
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

func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// ModelHash is the FNV-1a hash of the network's shape and parameter bits,
// in hex: equal hashes mean bit-identical weights.
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

// DataHash is the FNV-1a hash of the class names, labels and pixels.
func DataHash(s *Session) string {
	h := fnv.New64a()
	for _, c := range s.Data.Classes {
		h.Write([]byte(c))
		h.Write([]byte{0})
	}
	for i := range s.Data.Samples {
		smp := &s.Data.Samples[i]
		h.Write([]byte{byte(smp.Label)})
		h.Write(smp.Pixels[:])
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

// liveText is the aria-live summary: the prediction and the training
// state, in words, rounded so that it changes only when something a
// listener cares about changes.
func liveText(s *Session) string {
	text := ""
	if s.Ink() > 0 {
		best := 0
		for c, p := range s.Probs {
			if p > s.Probs[best] {
				best = c
			}
		}
		text = fmt.Sprintf("Prediction: %s (%.0f%%). ", s.Data.Classes[best], 100*finite(s.Probs[best]))
	}
	switch {
	case s.Running && s.HasEval:
		// No epoch number while training: it would change many times a second.
		text += fmt.Sprintf("Training, accuracy %.0f%%.", 100*finite(s.TrainAcc))
	case s.Running:
		text += "Training."
	case s.HasEval:
		text += fmt.Sprintf("Epoch %d, accuracy %.0f%%.", s.Trainer.Epoch, 100*finite(s.TrainAcc))
	default:
		text += fmt.Sprintf("Epoch %d, not trained yet.", s.Trainer.Epoch)
	}
	return text
}
