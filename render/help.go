package render

import (
	"slices"
	"strings"

	"digittrainer/tour"
)

// cardTitles name the cards on link buttons.
var cardTitles = map[tour.CardID]string{
	tour.CardGrid: "Drawing grid", tour.CardPredict: "Prediction", tour.CardDataset: "Dataset",
	tour.CardControls: "Training", tour.CardNetwork: "Network", tour.CardInspector: "Inspector",
	tour.CardPlots: "Progress", tour.CardSpeed: "Speed", tour.CardTour: "Tour", tour.CardCheckpoint: "Checkpoints",
	tour.CardGlossary: "Glossary (G)", tour.CardKeys: "Keys (?)",
}

// HelpCard is the card of help text h, with buttons for its "See also"
// cards, the glossary and the keys: the cards they open, in order.
func HelpCard(h *tour.HelpText) (*CardSpec, []tour.CardID) {
	spec := &CardSpec{Title: h.Title, Foot: "Tab: next card · Shift+Tab: previous · Escape or a click outside closes"}
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
		spec.Buttons = append(spec.Buttons, CardButton{Label: cardTitles[id]})
	}
	return spec, links
}
