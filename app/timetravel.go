package app

import (
	"fmt"

	"github.com/hajimehoshi/ebiten/v2"

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
	tr := s.Tradeoff()
	g.modal.ask("Time travel: snapshots and crashes", s.TimeTravelText(tr), Command{},
		choice{label: "Simulate a crash (C)", key: ebiten.KeyC, cmd: Command{Act: ActCrash}},
		choice{label: "Back one snapshot (B)", key: ebiten.KeyB, cmd: Command{Act: ActRewindBack}},
		choice{label: "Snapshots more often (−)", key: ebiten.KeyMinus, cmd: Command{Act: ActSnapEvery, Arg: -1}},
		choice{label: "Snapshots rarer (+)", key: ebiten.KeyEqual, cmd: Command{Act: ActSnapEvery, Arg: 1}},
		choice{label: "Crashes more often (,)", key: ebiten.KeyComma, cmd: Command{Act: ActMTBF, Arg: -1}},
		choice{label: "Crashes rarer (.)", key: ebiten.KeyPeriod, cmd: Command{Act: ActMTBF, Arg: 1}},
		choice{label: "Explain (H)", key: ebiten.KeyH, cmd: Command{Act: ActCard, Card: tour.CardSnapshots}})
	g.modal.question.cancelLabel = "Close (Esc)"
	chart := tradeoffChart(tr)
	g.modal.question.figure = &render.Figure{H: tradeoffH, Key: fmt.Sprint(chart), Draw: func(dst *ebiten.Image, r render.Rect, scale float64) {
		render.DrawTradeoff(dst, r, chart, scale)
	}}
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
