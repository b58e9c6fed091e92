package app

import (
	"testing"

	"digittrainer/session"
)

// stagedStates are the states of the game the screenshots and the fit
// tests show: fresh, trained, ten classes, the inspector's maps, a rewound
// run, and each card of the experiments.
var stagedStates = []string{"fresh", "trained", "ten", "maps", "rewound", "timetravel", "sweep", "bias", "resources", "gpt", "experiments", "similar", "baddata", "suspects", "projector", "slowmotion"}

// stagedGame returns a new test game brought into one of stagedStates.
func stagedGame(t *testing.T, state string) *Game {
	t.Helper()
	g := newTestGame(t, memStore{})
	if state == "ten" {
		g.do(Command{Act: ActMode})
	}
	if state != "fresh" {
		for range 5 {
			g.s.StepEpoch()
		}
		for y := 1; y < 8; y++ {
			g.s.Paint(4, y, true)
		}
		g.s.Paint(3, 2, true)
		g.s.Select(3)
		g.tick(&Input{})
		g.banner.hide() // show the readout under it
		g.inspector.showMaps = state == "maps"
	}
	if state == "rewound" || state == "timetravel" { // 25 epochs, back to 10, 3 on with a higher rate
		for range 20 {
			g.s.StepEpoch()
		}
		g.s.Rewind(10)
		g.s.Adjust(session.SetLR, 1)
		for range 3 {
			g.s.StepEpoch()
		}
		g.banner.hide()
	}
	if state == "timetravel" {
		g.do(Command{Act: ActTimeTravel})
	}
	switch state {
	case "resources":
		g.do(Command{Act: ActResources})
	case "gpt":
		g.do(Command{Act: ActGPTCard})
	case "experiments":
		g.do(Command{Act: ActExperiments})
	case "baddata", "suspects":
		g.s.FlipLabels(0.1)
		g.s.StartSuspects()
		for g.s.ExperimentSome(1000) {
		}
		if state == "suspects" {
			g.do(Command{Act: ActShowSuspects})
		} else {
			g.do(Command{Act: ActBadData})
		}
	case "projector":
		g.projector = true
	case "slowmotion": // the grid's heading with a drawing numbered 100 or more (its longer forms)
		g.s.SetPace(1)
		g.s.Play()
		for i := 0; i < 400 && g.s.Selected() < 99; i++ {
			g.s.ShowNext()
			g.s.TrainSome(1)
		}
		if !g.s.Watching() || g.s.Selected() < 99 {
			t.Fatalf("slow motion shows drawing %d, watching %v", g.s.Selected()+1, g.s.Watching())
		}
		g.banner.hide()
	case "similar":
		g.s.FillMode(session.Digits) // ten classes, where pixels and meaning part ways
		for range 15 {
			g.s.StepEpoch()
		}
		g.s.Select(417)
		g.do(Command{Act: ActSimilar})
		g.banner.hide()
	}
	if state == "bias" {
		g.s.StartImbalance()
		for g.s.ExperimentSome(1000) {
		}
		g.do(Command{Act: ActBiasCard})
	}
	if state == "sweep" { // a whole sweep
		g.s.StartSweep()
		for g.s.SweepSome(1000) {
		}
		g.do(Command{Act: ActSweepCard})
	}
	return g
}
