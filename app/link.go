package app

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/lesson"
	"digittrainer/platform"
	"digittrainer/screen"
	"digittrainer/session"
)

// Lesson links in the app: the page's own fragment (or -link) opens a
// lesson at start, asking first when there is work of one's own; "Lesson
// link" offers the session's link to copy; status().shareLink holds it.

// openLinkAtStart opens the lesson link the page was opened with, if any.
// With work of one's own (restored or loaded) it asks whether to keep it;
// a reload of the lesson's own page takes only its teacher's options.
// asked: a question is already up (another tab), which comes first.
func (g *Game) openLinkAtStart(ownWork, asked bool) {
	text := g.opts.Link
	if text == "" {
		text = platform.Fragment()
	}
	if text == "" {
		return
	}
	l, err := g.s.ReadLink(text)
	switch {
	case err != nil: // said; nothing changed
	case g.s.LinkIsHere(l):
		g.s.AdoptTeacher(l)
		g.applyLinkView(l, false)
	case ownWork && !asked:
		g.pendingLink = l
		drawings := i18n.Plural(l.Data.Len(), "%d drawing", "%d drawings")
		text := i18n.Sprintf("This page was opened with a lesson (%s), "+
			"and you have work of your own here. Start from the link (Undo brings your work back), or keep your work?", drawings)
		if l.Title != "" {
			text = i18n.Sprintf("This page was opened with the lesson \u201c%s\u201d (%s), "+
				"and you have work of your own here. Start from the link (Undo brings your work back), or keep your work?", l.Title, drawings)
		}
		g.modal.ask(i18n.Mark("Open the lesson link?"), text,
			Command{Act: ActLinkKeep}, choice{label: i18n.Mark("Start from the link (L)"), key: ebiten.KeyL, cmd: Command{Act: ActLinkOpen}})
		g.modal.question.cancelLabel = i18n.Mark("Keep my work (Esc)")
	default:
		g.openLink(l)
	}
}

// openLink opens l and what it asks to show.
func (g *Game) openLink(l *lesson.Lesson) {
	if g.s.OpenLink(l) == nil {
		g.applyLinkView(l, true)
	}
}

// applyLinkView shows what the link asks: the maps or the similar
// drawings, a phone's tab, and (when just opened) the tour or a lesson.
func (g *Game) applyLinkView(l *lesson.Lesson, opened bool) {
	g.inspector.showMaps, g.inspector.similar = l.View.Maps, l.View.Similar && !l.View.Maps
	for t := range screen.NumTabs {
		if t.Title() == l.View.Tab {
			g.tab = t
		}
	}
	if !opened {
		return
	}
	switch open := l.Teacher.Open; {
	case open == "tour":
		g.report(g.tour.toggle(g.s), i18n.T("The tour could not start"))
	case open != "":
		g.startLesson(open)
	}
}

// answerLink does what the user chose for the link waiting.
func (g *Game) answerLink(a Action) {
	l := g.pendingLink
	g.pendingLink = nil
	switch {
	case l == nil:
	case a == ActLinkOpen:
		g.openLink(l)
	default:
		g.s.Say("Kept your work; the lesson link was not opened. Reload the page to be asked again.")
	}
}

// shareLink is the session's lesson link, the full address, or "" when
// it cannot be made (too many drawings for a link).
func (g *Game) shareLink() string {
	url, err := g.linkURL()
	if err != nil {
		return ""
	}
	return url
}

// linkURL is the session's lesson link: the page's address with the
// language in use (withLang) and the session as its fragment.
func (g *Game) linkURL() (string, error) {
	p, err := g.s.LinkPayload(g.linkView())
	if err != nil {
		return "", err
	}
	return withLang(platform.PageURL()) + "#" + p, nil
}

// linkView is what the screen shows, for the link.
func (g *Game) linkView() lesson.View {
	v := lesson.View{Maps: g.inspector.showMaps, Similar: g.inspector.similar}
	if g.lay != nil && g.lay.Tabbed {
		v.Tab = g.tab.Title()
	}
	return v
}

// copyLink offers the lesson link to copy.
func (g *Game) copyLink() {
	url, err := g.linkURL()
	if err != nil {
		g.s.Fail("No link: %v. Save a file to share instead.", session.Plain(err))
		return
	}
	where, err := platform.OfferText(i18n.T("Lesson link"), url)
	if err != nil {
		g.s.Fail("Could not show the link: %v.", session.Plain(err))
		return
	}
	if platform.IsBrowser() { // where is the box it shows, in English: the whole sentence is translated instead
		g.s.Say("The lesson link (%s) is in a box to copy from. Whoever opens it starts where you are now: these drawings, settings and seed.",
			session.BytesText(len(url)))
		return
	}
	g.s.Say("The lesson link (%s) is in %s. Whoever opens it starts where you are now: these drawings, settings and seed.",
		session.BytesText(len(url)), where)
}
