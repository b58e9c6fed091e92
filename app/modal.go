package app

import (
	"slices"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/tour"
)

// modal is the card on top of everything: a help card from assets/help (a
// panel's, the key list, the glossary) or a question waiting for Yes.
// Escape or a click outside closes it; on a help card Tab and Shift+Tab
// page through every card, so each is reachable from the keyboard, and the
// buttons at its foot open related cards.
type modal struct {
	router   *tour.Router
	err      error
	question *question // the question asked, or nil

	cache render.CardCache
	card  *render.Card // laid out for this tick; nil when closed
	links []link       // what each of the card's buttons does
	hover int
}

// question is a card that waits for an answer: one of its choices, or
// Cancel (Escape), which runs cancel if it is set. Its title, text and
// labels are shown through i18n.T (questionSpec), so each may be a catalog
// key marked where it is written (i18n.Mark), translated in the language
// in use when shown, or text made in it already (i18n.Sprintf).
type question struct {
	title, text string
	choices     []choice
	cancel      Command
	cancelLabel string         // "" for cancelLabel
	figure      *render.Figure // a chart under the text, or nil
	table       *render.Table  // numbers beside or under the text, or nil
	// refresh, if set, renews the text, chart and table every tick: the
	// card shows something that goes on (a sweep, training).
	refresh func(q *question)
	// disabled greys out the choices at the same index (a refresh sets it).
	disabled []bool
}

// choice is an answer: its button's label, the key that gives it, and the
// command it runs.
type choice struct {
	label string
	key   ebiten.Key
	cmd   Command
}

// cancelLabel is the last button of every question.
var cancelLabel = i18n.Mark("Cancel (Esc)")

// cancelText is the label of the question's last button, as shown.
func (q *question) cancelText() string {
	if q.cancelLabel != "" {
		return i18n.T(q.cancelLabel)
	}
	return i18n.T(cancelLabel)
}

// yes is the one answer of a question that only confirms.
func yes(cmd Command) choice { return choice{label: i18n.Mark("Yes (Y)"), key: ebiten.KeyY, cmd: cmd} }

// link is what a card button does: open a card, give an answer, or close.
type link struct {
	act    linkAct
	card   tour.CardID
	answer int // linkAnswer: the index of the choice
}

type linkAct uint8

const (
	linkCard linkAct = iota
	linkAnswer
	linkClose
)

// helpOrder is the order Tab pages through the cards: the panels in the
// order a student meets them, then the cards opened by a key or a link.
var helpOrder = append(slices.Clone(tour.DefaultFocus), tour.CardTour, tour.CardCheckpoint, tour.CardSnapshots, tour.CardBias, tour.CardSimilar, tour.CardGlossary, tour.CardKeys)

// Help card measures in CSS pixels at zoom 1.
const (
	helpMaxW   = 620
	helpMargin = 8
)

func (m *modal) ensure() bool {
	if m.router == nil && m.err == nil {
		var all map[tour.CardID]*tour.HelpText
		if all, m.err = tour.DefaultHelp(); m.err == nil {
			m.router, m.err = tour.NewRouter(all, helpOrder)
		}
	}
	return m.router != nil
}

// open reports whether a card is open.
func (m *modal) open() bool {
	return m.question != nil || (m.router != nil && m.router.OpenID() != "")
}

// openCard opens help card id and gives it the focus, so Tab pages on from
// it. An unknown id changes nothing; help that cannot load is an error.
func (m *modal) openCard(id tour.CardID) error {
	if !m.ensure() {
		return m.err
	}
	m.question = nil
	m.router.SetFocus(id)
	m.router.Open(id)
	return nil
}

// toggle opens card id, or closes it if it is the one open (? and G).
func (m *modal) toggle(id tour.CardID) error {
	if m.question == nil && m.router != nil && m.router.OpenID() == id {
		m.close()
		return nil
	}
	return m.openCard(id)
}

// ask shows a question; each choice's button or key runs its command,
// Escape or Cancel closes it and runs cancel (ActNone: nothing).
func (m *modal) ask(title, text string, cancel Command, choices ...choice) {
	m.close()
	m.question = &question{title: title, text: text, choices: choices, cancel: cancel}
}

// dismiss closes the card; a question's cancel command is queued.
func (m *modal) dismiss(cmds []Command) []Command {
	if q := m.question; q != nil && q.cancel.Act != ActNone {
		cmds = append(cmds, q.cancel)
	}
	m.close()
	return cmds
}

// close closes the card, reporting whether one was open.
func (m *modal) close() bool {
	was := m.open()
	m.question = nil
	if m.router != nil {
		m.router.Close()
	}
	return was
}

// page shows the next (d = 1) or previous help card in helpOrder.
func (m *modal) page(d int) {
	if d > 0 {
		m.router.FocusNext()
	} else {
		m.router.FocusPrev()
	}
}

// update handles the input while a card is open and reports whether it
// did (the rest of the screen then ignores this tick's input), with the
// command a Yes asks for.
func (m *modal) update(in *Input, l *screen.Layout, cmds []Command) ([]Command, bool) {
	m.layout(l)
	m.hover = -1
	if !m.open() {
		return cmds, false
	}
	if x, y, ok := in.Hover(); ok {
		if i, ok := m.card.ButtonAt(x, y); ok {
			m.hover = i
		}
	}
	for _, k := range in.Keys {
		cmds = m.key(k, in.Shift, cmds)
	}
	if in.Typed('?') && m.question == nil {
		m.toggle(tour.CardKeys)
	}
	if p, ok := in.Tapped(); ok {
		switch i, onButton := m.card.ButtonAt(p.X, p.Y); {
		case onButton:
			cmds = m.press(m.links[i], cmds)
		case m.question != nil && m.card.Rect.Contains(p.X, p.Y):
			// a question is answered by its buttons or keys only
		default:
			cmds = m.dismiss(cmds)
			// The language button answers even over a card: someone who
			// cannot read the card must not need to know how to close it.
			if c, ok := l.ControlNamed("lang"); ok && c.Rect.Contains(p.X, p.Y) {
				cmds = append(cmds, Command{Act: ActLanguage})
			}
		}
	}
	m.layout(l)
	return cmds, true
}

// key handles one key while a card is open.
func (m *modal) key(k ebiten.Key, shift bool, cmds []Command) []Command {
	switch {
	case !m.open():
	case k == ebiten.KeyEscape:
		cmds = m.dismiss(cmds)
	case m.question != nil:
		for i, c := range m.question.choices {
			if k == c.key {
				cmds = m.press(link{act: linkAnswer, answer: i}, cmds)
			}
		}
	case k == ebiten.KeyTab && shift:
		m.page(-1)
	case k == ebiten.KeyTab:
		m.page(1)
	case k == ebiten.KeyG:
		m.toggle(tour.CardGlossary)
	case k == ebiten.KeyF1 || k == ebiten.KeyEnter:
		m.close()
	}
	return cmds
}

// press does what a card button says.
func (m *modal) press(ln link, cmds []Command) []Command {
	switch ln.act {
	case linkClose:
		cmds = m.dismiss(cmds)
	case linkAnswer:
		if q := m.question; q != nil && ln.answer < len(q.choices) {
			m.close()
			cmds = append(cmds, q.choices[ln.answer].cmd)
		}
	default:
		m.openCard(ln.card)
	}
	return cmds
}

// layout lays out the open card (the cache keeps it while nothing changes).
func (m *modal) layout(l *screen.Layout) {
	m.card, m.links = nil, m.links[:0]
	var spec *render.CardSpec
	switch {
	case m.question != nil:
		spec = m.questionSpec()
	case m.open():
		var cards []tour.CardID
		spec, cards = render.HelpCard(m.router.Card())
		for _, id := range cards {
			m.links = append(m.links, link{act: linkCard, card: id})
		}
	default:
		return
	}
	if l.Tabbed && m.question != nil {
		spec.Foot = "" // "Escape cancels." means nothing on a phone: its Cancel button says it
	}
	whole := render.Rect{W: l.W, H: l.H}.Inset(l.U(helpMargin))
	for i := range spec.Buttons {
		spec.Buttons[i].Label = l.ButtonText(spec.Buttons[i].Label)
	}
	m.card = m.cache.Layout(spec, render.Placement{Regions: []render.Rect{whole}, MaxW: helpMaxW, Centre: true, MinButton: l.MinButton()}, l.S)
}

// questionSpec is the question with a button for each choice, the first
// the primary one, and Cancel.
func (m *modal) questionSpec() *render.CardSpec {
	q := m.question
	if q.refresh != nil {
		q.refresh(q)
	}
	spec := &render.CardSpec{Title: i18n.T(q.title), Blocks: []render.Block{{Text: i18n.T(q.text)}}, Figure: q.figure, Table: q.table,
		Foot: i18n.T("Escape cancels.")}
	for i, c := range q.choices {
		m.links = append(m.links, link{act: linkAnswer, answer: i})
		spec.Buttons = append(spec.Buttons, render.CardButton{Label: i18n.T(c.label), Primary: i == 0, Disabled: i < len(q.disabled) && q.disabled[i]})
	}
	m.links = append(m.links, link{act: linkClose})
	spec.Buttons = append(spec.Buttons, render.CardButton{Label: q.cancelText()})
	return spec
}

// status is the help part of the status JSON.
func (m *modal) status() HelpStatus {
	switch {
	case m.question != nil:
		st := HelpStatus{Open: true, Question: true, Asking: i18n.T(m.question.title)}
		for _, c := range m.question.choices {
			st.Choices = append(st.Choices, i18n.T(c.label))
		}
		st.Choices = append(st.Choices, m.question.cancelText())
		return st
	case m.open():
		return HelpStatus{Open: true, ID: m.router.OpenID()}
	}
	return HelpStatus{}
}

func (m *modal) draw(dst *ebiten.Image, l *screen.Layout) {
	if m.card == nil {
		return
	}
	render.DrawScrim(dst, render.Rect{W: l.W, H: l.H})
	m.card.Draw(dst, m.hover, -1)
}
