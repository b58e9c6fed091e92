package app

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/i18n"
	"digittrainer/lesson"
	"digittrainer/nn"
	"digittrainer/platform"
	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/session"
)

// Options are the command-line choices of the desktop app.
type Options struct {
	Load       string // a file to load at start
	Link       string // a lesson link to open at start (the browser takes the page's own)
	Frames     int    // run this many frames, then exit (0: run until closed)
	Screenshot string // with Frames: save a PNG of the last frame here
	Reset      bool   // start fresh: ignore and delete the autosave
	Keys       string // a script of key presses and clicks to play (script.go), e.g. "T,Right,shot"
	Lang       string // the language to speak (-lang): before the one picked and the system's
}

// Game is the ebiten.Game: it reads the input once a tick, hands each part
// what it needs, carries out the commands they return on the session, and
// paints the parts when the picture changed.
type Game struct {
	opts     Options
	s        *session.Session
	sched    *session.Scheduler
	auto     session.Autosave
	in       Input
	lay      *screen.Layout
	backdrop backdrop            // the background and the empty panels, drawn once per layout
	net      *render.NetworkView // the network picture: its geometry, for every part that points into it
	cmds     []Command           // this tick's, reused

	// measured is the evaluation the screen shows: refreshed whenever the
	// picture is, so the status and the panels agree (see tick).
	measured  *session.Measurement
	drawnHash session.NetHash // of the network as drawn, for the status

	outW, outH, dsf float64           // from LayoutF
	more            bool              // the Training panel's second group of settings (screen.Layout.More)
	projector       bool              // the projector view (screen.Options.Projector)
	tab             screen.Tab        // the tab a phone shows (screen.Layout.Tab)
	incoming        *session.Incoming // a file waiting for the user's answer (receive)
	arrived         []platform.File   // files in, waiting for the rest of their batch (pool.go)
	pendingLink     *lesson.Lesson    // a lesson link waiting for the user's answer (link.go)
	lessonRun       bool              // the lesson's training started: its end brings "What happened?" (lessons.go)
	frame           int
	fps             float64

	canvas    canvas
	gallery   gallery
	controls  controls
	inspector inspector
	curves    curves
	modal     modal
	tour      tourSlot
	banner    banner
	redraw    redraw

	shotDone  bool
	announced bool    // platform.Drawn was called
	draws     int     // Draw calls: Ebiten runs several Updates per frame when frames are late
	script    *script // -keys, or nil
	now       func() time.Time
}

// platformStore adapts platform's store functions to session.Store.
type platformStore struct{}

func (platformStore) Get(k string) ([]byte, bool)  { return platform.StoreGet(k) }
func (platformStore) Put(k string, b []byte) error { return platform.StorePut(k, b) }
func (platformStore) Delete(k string)              { platform.StoreDelete(k) }

// New builds the game: the autosaved session if there is one (unless
// opts.Reset), else the starter set; then the -load file, if any.
func New(opts Options) (*Game, error) {
	startLanguage(opts.Lang)
	g, err := newGame(opts, platformStore{})
	if err != nil {
		return nil, err
	}
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetWindowClosingHandled(true) // save first (Update)
	platform.OnHide(g.hidden)
	g.redraw.retained = true
	return g, nil
}

// hidden saves what changed as the page goes out of sight or away, and
// lets go of the autosave when it goes (session.Autosave.Release). It runs
// inside the browser's event, between ticks.
func (g *Game) hidden(gone bool) {
	g.auto.FlushChanged(g.s)
	if gone {
		g.auto.Release()
	}
}

func newGame(opts Options, store session.Store) (*Game, error) {
	s, err := session.New(session.Binary)
	if err != nil {
		return nil, err
	}
	where := "window"
	if platform.IsBrowser() {
		where = "tab"
	}
	g := &Game{opts: opts, s: s, sched: session.NewScheduler(), auto: session.Autosave{Store: store, Where: where},
		net: &render.NetworkView{}, now: time.Now, dsf: 1, controls: controls{focus: -1}}
	if opts.Reset {
		g.auto.Forget()
		s.Say("Started fresh with the starter set.")
	}
	restored := !opts.Reset && g.auto.Restore(s)
	if !opts.Reset && !restored {
		s.Say("Draw a digit, pick its label and add it — or press Train to learn from the starter set.")
	}
	if opts.Load != "" {
		if b, err := os.ReadFile(opts.Load); err != nil {
			s.Fail("Could not read %s: %v", opts.Load, err)
		} else {
			s.LoadFile(opts.Load, b)
		}
	}
	if opts.Keys != "" {
		if g.script, err = parseScript(opts.Keys, opts.Screenshot); err != nil {
			return nil, err
		}
		if g.opts.Frames > 0 {
			g.opts.Frames = max(g.opts.Frames, g.script.end()+scriptEvery)
		}
	}
	asked := g.auto.Claim(g.now())
	if asked {
		g.askOtherTab()
	}
	g.relayout(1280, 800)
	g.openLinkAtStart(restored || opts.Load != "", asked)
	return g, nil
}

// LayoutF returns the screen size in device pixels, so drawing is crisp
// on HiDPI screens; every size is scaled by the layout's S.
func (g *Game) LayoutF(w, h float64) (float64, float64) {
	dsf := ebiten.Monitor().DeviceScaleFactor()
	if dsf <= 0 {
		dsf = 1
	}
	g.outW, g.outH, g.dsf = w, h, dsf
	return w * dsf, h * dsf
}

// Layout is never called by Ebiten when LayoutF exists; it is here to
// satisfy ebiten.Game.
func (g *Game) Layout(w, h int) (int, int) {
	fw, fh := g.LayoutF(float64(w), float64(h))
	return int(fw), int(fh)
}

// Update reads the input once and runs one tick.
func (g *Game) Update() error {
	start := g.now()
	defer func() { g.sched.Busy += g.now().Sub(start) }()
	if !g.announced && g.redraw.paintedOn != nil {
		platform.Drawn() // this Update starts the frame after the first
		g.announced = true
	}
	platform.Poll()
	g.in.Read(g.dsf)
	if g.script != nil {
		g.script.apply(g, &g.in)
	}
	g.fps = ebiten.ActualFPS()
	if g.outW > 0 {
		g.relayout(g.outW*g.dsf, g.outH*g.dsf)
	}
	g.tick(&g.in)
	if ebiten.IsWindowBeingClosed() {
		g.hidden(true)
		return ebiten.Termination
	}
	if g.opts.Frames > 0 && g.shotDone {
		g.auto.Flush(g.s)
		g.auto.Release()
		return ebiten.Termination
	}
	return nil
}

// relayout rebuilds the layout, the network picture's geometry and the
// inspector's maps when the size, scale, class count, network shape or
// language (the labels' widths) changed.
func (g *Game) relayout(w, h float64) {
	cfg := g.s.Net().Config
	o := screen.Options{Classes: g.s.Classes(), More: g.more, Tab: g.tab, Tour: g.tour.active(), Projector: g.projector,
		Hide: strings.Join(g.s.Teacher().Hide, ",")}
	if l := g.lay; l != nil && l.W == w && l.H == h && l.DSF == g.dsf && l.Options == o && l.Lang == i18n.Current() && g.inspector.cfg == cfg {
		return
	}
	g.lay = screen.NewLayout(w, h, g.dsf, o)
	if !g.lay.Net.Empty() { // on a phone, the network is on its own tab
		g.net.Names = g.s.Data().Classes // Layout sizes the output labels by them
		g.net.Layout(g.lay.Net, cfg, g.lay.S)
	}
	g.inspector.relayout(g.lay, cfg)
	g.controls.focus = -1
}

// tick is one Update after the input was read; tests call it directly.
// The parts read the input first and return what they want done; then the
// commands run, training takes its slice, and what the screen shows is
// brought up to date.
func (g *Game) tick(in *Input) {
	g.arrived = append(g.arrived, platform.PendingFiles()...)
	g.receiveArrived()
	cmds, took := g.modal.update(in, g.lay, g.cmds[:0])
	if !took {
		cmds = g.tour.capture(in, g.lay, g.net, cmds)
		cmds = g.iconTaps(in, cmds)
		cmds = g.keyboard(in, cmds)
		cmds = g.controls.update(in, g.lay, cmds)
		cmds = g.canvas.update(in, g.lay, g.s.Eraser(), cmds)
		cmds = g.gallery.update(in, g.lay, cmds)
		cmds = g.curves.update(in, g.lay, g.s, cmds)
		g.inspector.update(in, g.lay, g.net)
	}
	for _, c := range cmds {
		g.do(c)
	}
	if g.tour.active() && g.lay.Tabbed && g.tab != screen.TabNetwork {
		g.tab = screen.TabNetwork // the tour is about the network: leave it to see the other tabs
		g.s.Say("The tour shows the Network tab. Leave the tour (Tour button) to see the others.")
	}
	g.cmds = cmds
	g.relayout(g.lay.W, g.lay.H)
	g.modal.layout(g.lay) // a card a command opened shows in this tick's paint
	trained := g.sched.Run(g.s, g.fps) > 0
	g.watchLesson()
	if g.modal.open() {
		g.modal.layout(g.lay) // "What happened?" shows in this tick's paint
	}
	now := g.now()
	g.tour.update(g.s, g.lay)
	g.banner.update(g.s.Message(), g.frame)
	g.auto.Tick(g.s, now)
	follow := g.sched.Follow
	if g.s.Watching() {
		follow = 0 // slow motion shows every step
	}
	g.inspector.follow(g.s.Net(), g.s.Running(), now, follow)
	key := sceneKey{g.s.Message().Seq, g.banner.shown, g.s.Running(), g.lay.W, g.lay.H, g.lay.S, g.s.Data().Version(),
		g.tour.view.Number, g.s.Grid().Pixels, g.modal.question}
	if g.redraw.update(key, in, trained, follow, now) || g.measured == nil || !g.s.Running() {
		g.measured = g.s.Measure() // while training, only as often as the picture follows
	}
	g.gallery.arrange(g.lay, g.s, g.measured) // a matrix cell's drawings: those of the matrix on screen
	g.publish()
	g.frame++
}

// iconTaps opens the card of a "?" icon of a part of a panel.
func (g *Game) iconTaps(in *Input, cmds []Command) []Command {
	p, ok := in.Tapped()
	if !ok {
		return cmds
	}
	for _, ic := range g.lay.Icons {
		if ic.Rect.Contains(p.X, p.Y) {
			in.Pointers = in.Pointers[:0]
			return append(cmds, Command{Act: ActCard, Card: ic.Card})
		}
	}
	return cmds
}

// show brings panel p on screen: on a phone, its tab.
func (g *Game) show(p screen.Panel) {
	if g.lay.Tabbed {
		g.tab = screen.TabOf(p)
	}
}

// Draw paints the screen when Update said the picture changed (see
// redraw), then takes any screenshot a scripted run asked for.
func (g *Game) Draw(dst *ebiten.Image) {
	start := g.now()
	defer func() { g.sched.Busy += g.now().Sub(start) }()
	g.draws++
	painted := g.redraw.needsPaint(dst)
	if painted {
		g.paint(dst)
		g.redraw.done(dst)
		g.sched.Paints++
	}
	platform.SamePicture(!painted)
	g.script.draw(dst)
	if g.opts.Frames > 0 && g.frame >= g.opts.Frames && !g.shotDone {
		g.screenshot(dst)
	}
}

// paint draws every part.
func (g *Game) paint(dst *ebiten.Image) {
	l, s, msg := g.lay, g.s, g.s.Message()
	g.drawBackdrop(dst, l)
	g.drawTitle(dst)
	var tourState *nn.State
	if g.tour.shows() {
		tourState = g.tour.view.State
	}
	g.canvas.draw(dst, l, s, g.controls.focus < 0, tourState)
	g.gallery.draw(dst, l, s)
	g.controls.draw(dst, l, s, screenState{tourActive: g.tour.active(), tourResumable: g.tour.resumable(), more: g.more, tab: g.tab, fps: g.fps, sched: g.sched})
	inspecting := g.inspector.inspecting()
	if g.tour.shows() && g.tour.view.Net.Config == g.inspector.cfg {
		g.net.Draw(dst, g.tour.view.Net, g.tour.view.State, &g.tour.hl)
		g.inspector.drawReadout(dst, l, s, g.banner.top(l, msg, inspecting))
	} else {
		g.inspector.draw(dst, l, s, g.net, g.banner.top(l, msg, inspecting))
	}
	g.curves.draw(dst, l, s, g.measured, g.gallery.cellShown())
	for _, ic := range l.Icons {
		render.DrawHelpIcon(dst, ic.Rect, l.S)
	}
	if !(l.Tabbed && g.tour.shows()) { // a phone's tour card covers where a message goes
		g.banner.draw(dst, l, msg, inspecting)
	}
	g.tour.draw(dst, l, g.net)
	g.modal.draw(dst, l)
}

// drawTitle draws the app's name in the top bar and, while this tab leaves
// the autosave to another one, says so under it where there is room (the
// message saying it is gone after a few seconds).
func (g *Game) drawTitle(dst *ebiten.Image) {
	l := g.lay
	r := l.Top.InsetXY(l.U(screen.Pad), 0)
	for _, c := range l.Controls {
		if c.Panel == screen.PanelTop {
			r.W = min(r.W, c.Rect.X-r.X-l.U(screen.Gap))
		}
	}
	size := l.NameSize()
	if g.auto.Off {
		size *= 0.85 // a note goes under it
	}
	if w, _ := render.MeasureBold(screen.AppName, size); w > r.W {
		return // a phone whose buttons took the name's place (screen.layoutPhoneTop)
	}
	if !g.auto.Off {
		render.TextIn(dst, r, screen.AppName, size, render.Current.Text, render.AlignLeft, true)
		return
	}
	title, note := r.SplitTop(r.H * 0.62)
	render.TextIn(dst, title, screen.AppName, size, render.Current.Text, render.AlignLeft, true)
	small := l.U(render.SmallSize)
	render.TextIn(dst, note, render.Ellipsize(g.notAutosaving(), small, note.W), small, render.Current.Error, render.AlignLeft, false)
}

// notAutosaving is the note under the title while another window or tab
// autosaves.
func (g *Game) notAutosaving() string {
	if g.auto.Where == "tab" {
		return i18n.T("not autosaving: another tab does")
	}
	return i18n.T("not autosaving: another window does")
}

// screenshot saves the screen for the scripted smoke test. It is the one
// write Draw makes: the PNG must show a drawn frame, which only Draw has.
func (g *Game) screenshot(dst *ebiten.Image) {
	g.shotDone = true
	if g.opts.Screenshot == "" {
		return
	}
	if err := savePNG(dst, g.opts.Screenshot); err != nil {
		fmt.Fprintln(os.Stderr, "screenshot:", err)
	}
}
