package app

import (
	"digittrainer/screen"
	"digittrainer/session"
)

// cardActs are the commands of the cards added for a class — the talk's
// experiments, time travel, bad data, lessons and links, the projector —
// each a step on the session and the card it came from opened again with
// the new figures, where there is one.
var cardActs = map[Action]func(g *Game, c Command){
	ActExperiments:   func(g *Game, _ Command) { g.askExperiments() },
	ActTimeTravel:    func(g *Game, _ Command) { g.askTimeTravel() },
	ActSaveSnapshots: func(g *Game, _ Command) { g.saveSnapshots() },
	ActSnapEvery:     func(g *Game, c Command) { g.s.SetSnapEvery(c.Arg); g.askTimeTravel() },
	ActMTBF:          func(g *Game, c Command) { g.s.SetMTBF(c.Arg); g.askTimeTravel() },
	ActSweepCard:     func(g *Game, _ Command) { g.askSweep() },
	ActSweepCSV:      func(g *Game, _ Command) { g.saveSweep() },
	ActSweep: func(g *Game, _ Command) {
		toggle(g.s.Sweeping(), g.s.StopSweep, g.s.StartSweep)
		g.askSweep()
	},
	ActBiasCard: func(g *Game, _ Command) { g.askBias() },
	ActBias: func(g *Game, _ Command) {
		toggle(g.s.Imbalancing(), g.s.StopImbalance, g.s.StartImbalance)
		g.askBias()
	},
	ActBiasClass: func(g *Game, _ Command) {
		c, _ := g.s.ImbalanceChoice()
		g.s.SetImbalanceClass((c + 1) % g.s.Classes())
		g.askBias()
	},
	ActBiasShare: func(g *Game, c Command) { g.s.SetImbalanceShare(c.Arg); g.askBias() },
	ActResources: func(g *Game, _ Command) { g.askResources() },
	ActGPTCard:   func(g *Game, _ Command) { g.askGPT() },
	ActBadData:   func(g *Game, _ Command) { g.askBadData() },
	ActFlip:      func(g *Game, c Command) { g.s.FlipLabels(float64(c.Arg) / 100); g.askBadData() },
	ActBackdoor:  func(g *Game, _ Command) { g.s.PlantBackdoor(0, 1%g.s.Classes(), 0.3); g.askBadData() },
	ActSuspects: func(g *Game, _ Command) {
		toggle(g.s.Searching(), g.s.StopSuspects, g.s.StartSuspects)
		g.askBadData()
	},
	ActShowSuspects: func(g *Game, _ Command) { g.gallery.showSuspects(); g.show(screen.PanelData) },
	ActSimilar:      func(g *Game, _ Command) { g.inspector.toggleSimilar(); g.show(screen.PanelNetwork) },
	ActCopyLink:     func(g *Game, _ Command) { g.copyLink() },
	ActLinkOpen:     func(g *Game, c Command) { g.answerLink(c.Act) },
	ActLinkKeep:     func(g *Game, c Command) { g.answerLink(c.Act) },
	ActLessons:      func(g *Game, _ Command) { g.askLessons() },
	ActLesson: func(g *Game, c Command) {
		if c.Arg >= 0 && c.Arg < len(session.Lessons) {
			g.startLesson(session.Lessons[c.Arg].ID)
		}
	},
	ActLessonStart: func(g *Game, _ Command) { g.lessonStart() },
	ActProjector:   func(g *Game, _ Command) { g.toggleProjector() },
	ActLanguage:    func(g *Game, _ Command) { g.askLanguage() },
	ActLanguageNow: func(g *Game, c Command) { g.setLanguage(c.Arg) },
}

// toggle calls stop while on, else start: a Start/Stop button.
func toggle(on bool, stop, start func()) {
	if on {
		stop()
	} else {
		start()
	}
}

// toggleProjector switches the projector view.
func (g *Game) toggleProjector() {
	g.projector = !g.projector
	g.relayout(g.lay.W, g.lay.H)
	if g.projector {
		g.s.Say("Projector view: large type for the class; the dataset and the settings make way. F (or the Projector button) goes back.")
	}
}
