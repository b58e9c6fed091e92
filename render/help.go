package render

import (
	"slices"
	"strings"

	"digittrainer/i18n"
	"digittrainer/tour"
)

// cardTitles name the cards on link buttons, in English (i18n.T gives the
// label shown).
var cardTitles = map[tour.CardID]string{
	tour.CardGrid: i18n.Mark("Drawing grid"), tour.CardPredict: i18n.Mark("Prediction"), tour.CardDataset: i18n.Mark("Dataset"),
	tour.CardControls: i18n.Mark("Training"), tour.CardNetwork: i18n.Mark("Network"), tour.CardInspector: i18n.Mark("Inspector"),
	tour.CardPlots: i18n.Mark("Progress"), tour.CardSpeed: i18n.Mark("Speed"), tour.CardTour: i18n.Mark("Tour"),
	tour.CardCheckpoint: i18n.Mark("Checkpoints"), tour.CardGlossary: i18n.Mark("Glossary (G)"), tour.CardKeys: i18n.Mark("Keys (?)"),
	tour.CardSnapshots: i18n.Mark("Time travel"), tour.CardBias: i18n.Mark("Biased data"), tour.CardSimilar: i18n.Mark("Similar drawings"),
}

// HelpCard is the card of help text h, with buttons for its "See also"
// cards, the glossary and the keys: the cards they open, in order.
func HelpCard(h *tour.HelpText) (*CardSpec, []tour.CardID) {
	spec := &CardSpec{Title: h.Title, Foot: i18n.T("Tab: next card · Shift+Tab: previous · Escape or a click outside closes")}
	for _, s := range h.Sections {
		spec.Blocks = append(spec.Blocks, Block{Text: s.Heading, Kind: Heading})
		for _, p := range s.Paragraphs {
			if rest, ok := strings.CutPrefix(p, "• "); ok {
				spec.Blocks = append(spec.Blocks, Block{Text: rest, Kind: Bullet})
			} else {
				spec.Blocks = append(spec.Blocks, Block{Text: p})
			}
		}
	}
	links := slices.Clone(h.SeeAlso)
	for _, id := range []tour.CardID{tour.CardGlossary, tour.CardKeys} {
		if h.ID != id && !slices.Contains(links, id) {
			links = append(links, id)
		}
	}
	for _, id := range links {
		spec.Buttons = append(spec.Buttons, CardButton{Label: i18n.T(cardTitles[id])})
	}
	return spec, links
}
