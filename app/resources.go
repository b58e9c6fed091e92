package app

import (
	"fmt"
	"strconv"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/nn"
	"digittrainer/render"
	"digittrainer/session"
)

// resourcesEvery is how often the resources card measures again: reading
// the memory stops the program for a moment and the checkpoint figure
// encodes a file.
const resourcesEvery = time.Second

// askResources opens the resources card: what this network and page use,
// measured, beside the talk's answer, and how each grows.
func (g *Game) askResources() {
	var r session.Resources
	var at time.Time
	g.modal.ask("Which resource does it use most?", "", Command{},
		choice{label: "Next to ChatGPT (G)", key: ebiten.KeyG, cmd: Command{Act: ActGPTCard}})
	g.modal.question.cancelLabel = "Close (Esc)"
	g.modal.question.refresh = func(q *question) {
		if now := g.now(); now.Sub(at) >= resourcesEvery {
			r, at = g.s.Resources(), now
		}
		q.text, q.table = resourcesText(g.s, r), resourcesTable(g.s, r)
	}
}

// resourcesText gives the talk's answer and what the figures say of it.
func resourcesText(s *session.Session, r session.Resources) string {
	text := "The talk: \"It is CPU bound and uses about 1 MB of memory.\" Here, measured now: the network's weights are " +
		session.BytesText(r.WeightBytes) + " and your drawings " + session.BytesText(r.DataBytes) + ". The page holds " +
		session.BytesText(int(r.HeapBytes)) + " of live data and has taken " + session.BytesText(int(r.SysBytes)) +
		" of memory in all; the weights are " + share(r.WeightBytes, r.SysBytes) + " of that."
	if r.PerEpoch > 0 {
		text += fmt.Sprintf(" Training is pure arithmetic: %s per drawing, %s per epoch, so yes, the processor is what it waits for.",
			session.DurationText(r.PerSample), session.DurationText(r.PerEpoch))
	} else {
		text += " Train a little to measure the time per drawing."
	}
	return text
}

// resourcesTable lists each figure with how it grows.
func resourcesTable(s *session.Session, r session.Resources) *render.Table {
	c := s.Classes()
	per := "—"
	epoch := "—"
	if r.PerEpoch > 0 {
		per, epoch = session.DurationText(r.PerSample), session.DurationText(r.PerEpoch)
	}
	return &render.Table{
		Columns: []string{"", "here", "grows with"},
		Rows: [][]string{
			{"weights", strconv.Itoa(r.Weights), fmt.Sprintf("%d·H + %d", nn.Inputs+1+c, c)},
			{"their memory", session.BytesText(r.WeightBytes), "8 bytes each"},
			{"drawings", session.BytesText(r.DataBytes), fmt.Sprintf("82 bytes × %d", r.Drawings)},
			{"one drawing", per, "the weights"},
			{"one epoch", epoch, "weights × drawings"},
			{"a snapshot", session.DurationText(r.SnapTime) + ", " + session.BytesText(r.SnapBytes), "the weights"},
			{"a saved file", session.DurationText(r.FileTime) + ", " + session.BytesText(r.FileBytes), "weights + drawings"},
			{"page memory", session.BytesText(int(r.SysBytes)), "—"},
		},
	}
}

// share writes part/whole as a percentage with the digits it needs.
func share(part int, whole uint64) string {
	if whole == 0 {
		return "—"
	}
	return strconv.FormatFloat(100*float64(part)/float64(whole), 'g', 2, 64) + "%"
}

// askGPT opens the card that sets this network beside published GPT
// models, on a scale a student can picture.
func (g *Game) askGPT() {
	n := g.s.Net()
	w := n.NumParams()
	g.modal.ask("How big is this next to ChatGPT?", fmt.Sprintf("This network has %d weights in 1 hidden layer of %d neurons, and reads 81 pixels. "+
		"GPT models read text as tokens through dozens of layers, each thousands of numbers wide. "+
		"If every weight took one second to count: this network %s, GPT-2 %s, GPT-3 %s. "+
		"Sources: Radford et al., \"Language Models are Unsupervised Multitask Learners\" (OpenAI, 2019) for GPT-2; "+
		"Brown et al., \"Language Models are Few-Shot Learners\" (2020) for GPT-3. ChatGPT's own models are newer, and their sizes are not published.",
		w, n.Hidden, countTime(float64(w)), countTime(gpt2Params), countTime(gpt3Params)), Command{})
	g.modal.question.cancelLabel = "Close (Esc)"
	g.modal.question.table = &render.Table{
		Columns: []string{"", "weights", "layers", "width", "reads"},
		Rows: [][]string{
			{"this one", strconv.Itoa(w), "1", strconv.Itoa(n.Hidden), "81 pixels"},
			{"GPT-2", "1.5 billion", "48", "1,600", "1,024 tokens"},
			{"GPT-3", "175 billion", "96", "12,288", "2,048 tokens"},
		},
	}
}

// The published sizes of the largest GPT-2 and GPT-3 (see askGPT's sources).
const (
	gpt2Params = 1.5e9
	gpt3Params = 175e9
)

// countTime says how long counting n things at one a second takes:
// "34 minutes", "48 years".
func countTime(n float64) string {
	const minute, hour, day, year = 60.0, 3600.0, 86400.0, 365.25 * 86400
	switch {
	case n < 2*hour:
		return fmt.Sprintf("%.0f minutes", n/minute)
	case n < 2*day:
		return fmt.Sprintf("%.0f hours", n/hour)
	case n < 2*year:
		return fmt.Sprintf("%.0f days", n/day)
	}
	return fmt.Sprintf("%s years", groupThousands(int(n/year+0.5)))
}

// groupThousands writes n with commas: 5,545.
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
