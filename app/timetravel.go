package app

import (
	"fmt"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/render"
	"digittrainer/session"
	"digittrainer/tour"
)

// tradeoffH is the height of the trade-off chart in the time travel card,
// at scale 1.
const tradeoffH = 150

// askTimeTravel opens the time travel card: what the snapshots hold and
// cost, the trade-off chart measured on this machine, and the buttons that
// crash, rewind and change the interval. Changing an interval opens it
// again with the new figures.
func (g *Game) askTimeTravel() {
	s := g.s
	save := i18n.Mark("Save with snapshots")
	_, added, err := s.EncodeWithSnapshots()
	if err == nil {
		save = i18n.Sprintf("Save with snapshots (file +%s)", session.BytesText(added))
	}
	g.modal.ask(i18n.Mark("Time travel: snapshots and crashes"), "", Command{},
		choice{label: i18n.Mark("Simulate a crash (C)"), key: ebiten.KeyC, cmd: Command{Act: ActCrash}},
		choice{label: i18n.Mark("Back one snapshot (B)"), key: ebiten.KeyB, cmd: Command{Act: ActRewindBack}},
		choice{label: i18n.Mark("Snapshots more often (−)"), key: ebiten.KeyMinus, cmd: Command{Act: ActSnapEvery, Arg: -1}},
		choice{label: i18n.Mark("Snapshots rarer (+)"), key: ebiten.KeyEqual, cmd: Command{Act: ActSnapEvery, Arg: 1}},
		choice{label: i18n.Mark("Crashes more often (,)"), key: ebiten.KeyComma, cmd: Command{Act: ActMTBF, Arg: -1}},
		choice{label: i18n.Mark("Crashes rarer (.)"), key: ebiten.KeyPeriod, cmd: Command{Act: ActMTBF, Arg: 1}},
		choice{label: save, key: ebiten.KeyS, cmd: Command{Act: ActSaveSnapshots}},
		choice{label: i18n.Mark("Explain (H)"), key: ebiten.KeyH, cmd: Command{Act: ActCard, Card: tour.CardSnapshots}})
	g.modal.question.cancelLabel = i18n.Mark("Close (Esc)")
	g.modal.question.refresh = func(q *question) {
		tr := g.s.Tradeoff()
		q.text = g.s.TimeTravelText(tr)
		q.disabled = make([]bool, len(q.choices))
		q.disabled[6] = err != nil || added == 0 // nothing to add before the first snapshot
		chart := tradeoffChart(tr)
		q.figure = &render.Figure{H: tradeoffH, Key: fmt.Sprint(chart), Draw: func(dst *ebiten.Image, r render.Rect, scale float64) {
			render.DrawTradeoff(dst, r, chart, scale)
		}}
	}
}

// saveSnapshots saves a checkpoint with every snapshot inside, saying what
// they added.
func (g *Game) saveSnapshots() {
	b, added, err := g.s.EncodeWithSnapshots()
	if err != nil {
		g.s.Fail("Could not save: %v", session.Plain(err))
		return
	}
	g.write(session.FileName(session.ExportCheckpoint, g.now()), b, i18n.Sprintf("the checkpoint with its snapshots (they add %s)", session.BytesText(added)))
}

// tradeoffChart turns the trade-off into the chart's series.
func tradeoffChart(tr *session.Tradeoff) *render.Tradeoff {
	c := &render.Tradeoff{Best: tr.Best, Every: float64(tr.Every)}
	for _, p := range tr.Points {
		c.K = append(c.K, p.Every)
		c.Snap = append(c.Snap, p.Snap)
		c.Lost = append(c.Lost, p.Lost)
	}
	return c
}
