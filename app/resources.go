package app

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
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
	g.modal.ask(i18n.Mark("Which resource does it use most?"), "", Command{},
		choice{label: i18n.Mark("Next to ChatGPT (G)"), key: ebiten.KeyG, cmd: Command{Act: ActGPTCard}})
	g.modal.question.cancelLabel = i18n.Mark("Close (Esc)")
	g.modal.question.refresh = func(q *question) {
		if now := g.now(); now.Sub(at) >= resourcesEvery {
			r, at = g.s.Resources(), now
		}
		q.text, q.table = resourcesText(g.s, r), resourcesTable(g.s, r)
	}
}

// resourcesText gives the talk's answer and what the figures say of it.
func resourcesText(s *session.Session, r session.Resources) string {
	text := i18n.Sprintf("The talk: \"It is CPU bound and uses about 1 MB of memory.\" Here, measured now: the network's weights are "+
		"%s and your drawings %s. The page holds %s of live data and has taken %s of memory in all; the weights are %s of that.",
		session.BytesText(r.WeightBytes), session.BytesText(r.DataBytes), session.BytesText(int(r.HeapBytes)),
		session.BytesText(int(r.SysBytes)), share(r.WeightBytes, r.SysBytes))
	if r.PerEpoch > 0 {
		text += " " + i18n.Sprintf("Training is pure arithmetic: %s per drawing, %s per epoch, so yes, the processor is what it waits for.",
			session.DurationText(r.PerSample), session.DurationText(r.PerEpoch))
	} else {
		text += " " + i18n.T("Train a little to measure the time per drawing.")
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
		Columns: []string{"", i18n.T("here"), i18n.T("grows with")},
		Rows: [][]string{
			{i18n.T("weights"), strconv.Itoa(r.Weights), fmt.Sprintf("%d·H + %d", nn.Inputs+1+c, c)},
			{i18n.T("their memory"), session.BytesText(r.WeightBytes), i18n.T("8 bytes each")},
			{i18n.T("drawings"), session.BytesText(r.DataBytes), i18n.Sprintf("82 bytes × %d", r.Drawings)},
			{i18n.T("one drawing"), per, i18n.T("the weights")},
			{i18n.T("one epoch"), epoch, i18n.T("weights × drawings")},
			{i18n.T("a snapshot"), session.DurationText(r.SnapTime) + ", " + session.BytesText(r.SnapBytes), i18n.T("the weights")},
			{i18n.T("a saved file"), session.DurationText(r.FileTime) + ", " + session.BytesText(r.FileBytes), i18n.T("weights + drawings")},
			{i18n.T("page memory"), session.BytesText(int(r.SysBytes)), "—"},
		},
	}
}

// share writes part/whole as a percentage with the digits it needs.
func share(part int, whole uint64) string {
	if whole == 0 {
		return "—"
	}
	return i18n.Sprintf("%.2g%%", 100*float64(part)/float64(whole))
}

// askGPT opens the card that sets this network beside published GPT
// models, on a scale a student can picture.
func (g *Game) askGPT() {
	n := g.s.Net()
	w := n.NumParams()
	g.modal.ask(i18n.Mark("How big is this next to ChatGPT?"), i18n.Sprintf("This network has %s weights in 1 hidden layer of %d neurons, and reads 81 pixels. "+
		"GPT models read text as tokens through dozens of layers, each thousands of numbers wide. "+
		"If every weight took one second to count: this network %s, GPT-2 %s, GPT-3 %s. "+
		"Sources: Radford et al., \"Language Models are Unsupervised Multitask Learners\" (OpenAI, 2019) for GPT-2; "+
		"Brown et al., \"Language Models are Few-Shot Learners\" (2020) for GPT-3. ChatGPT's own models are newer, and their sizes are not published.",
		i18n.Int(w), n.Hidden, countTime(float64(w)), countTime(gpt2Params), countTime(gpt3Params)), Command{})
	g.modal.question.cancelLabel = i18n.Mark("Close (Esc)")
	g.modal.question.table = &render.Table{
		Columns: []string{"", i18n.T("weights"), i18n.T("layers"), i18n.T("width"), i18n.T("reads")},
		Rows: [][]string{
			{i18n.T("this one"), strconv.Itoa(w), "1", strconv.Itoa(n.Hidden), i18n.T("81 pixels")},
			{"GPT-2", billion(gpt2Params), "48", i18n.Int(1600), i18n.Sprintf("%s tokens", i18n.Int(1024))},
			{"GPT-3", billion(gpt3Params), "96", i18n.Int(12288), i18n.Sprintf("%s tokens", i18n.Int(2048))},
		},
	}
}

// billion writes n in billions, with the decimals it needs: "1.5 billion".
func billion(n float64) string {
	return i18n.Sprintf("%s billion", i18n.Float(n/1e9, -1))
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
		return i18n.Plural(roundInt(n/minute), "%d minute", "%d minutes")
	case n < 2*day:
		return i18n.Plural(roundInt(n/hour), "%d hour", "%d hours")
	case n < 2*year:
		return i18n.Plural(roundInt(n/day), "%d day", "%d days")
	}
	y := int(n/year + 0.5)
	return i18n.Plural(y, "%s year", "%s years", i18n.Int(y))
}

// roundInt rounds x as %.0f does (half to even), for a count said in words.
func roundInt(x float64) int { return int(math.RoundToEven(x)) }
