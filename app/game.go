package app

import (
	"fmt"
	"os"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/platform"
	"digittrainer/render"
)

// Options are the command-line choices of the desktop app.
type Options struct {
	Load       string // a file to load at start
	Frames     int    // run this many frames, then exit (0: run until closed)
	Screenshot string // with Frames: save a PNG of the last frame here
	Reset      bool   // start fresh: ignore and delete the autosave
	Keys       string // a script of key presses and clicks to play (script.go), e.g. "T,Right,shot"
}

// Game is the ebiten.Game: a thin composite of parts, each with its own
// update and draw, over one Session.
type Game struct {
	opts  Options
	s     *Session
	sched *Scheduler
	auto  Autosave
	in    Input
	lay   *Layout

	outW, outH, dsf float64 // from LayoutF
	frame           int
	fps             float64

	canvas  canvas
	strip   collection
	panel   controls
	inspect inspector
	metrics metrics
	cards   cards
	tour    tourSlot
	status  status
	banner  banner
	redraw  redraw

	shotDone  bool
	announced bool    // platform.Drawn was called
	draws     int     // Draw calls: Ebiten runs several Updates per frame when frames are late
	script    *script // -keys, or nil
	now       func() time.Time
}

// platformStore adapts platform's store functions to Store.
type platformStore struct{}

func (platformStore) Get(k string) ([]byte, bool)  { return platform.StoreGet(k) }
func (platformStore) Put(k string, b []byte) error { return platform.StorePut(k, b) }
func (platformStore) Delete(k string)              { platform.StoreDelete(k) }

// New builds the game: the autosaved session if there is one (unless
// opts.Reset), else the starter set; then the -load file, if any.
func New(opts Options) (*Game, error) {
	g, err := newGame(opts, platformStore{})
	if err != nil {
		return nil, err
	}
	ebiten.SetScreenClearedEveryFrame(false)
	g.redraw.retained = true
	return g, nil
}

func newGame(opts Options, store Store) (*Game, error) {
	s, err := NewSession(2)
	if err != nil {
		return nil, err
	}
	g := &Game{opts: opts, s: s, sched: NewScheduler(), auto: Autosave{Store: store}, now: time.Now, dsf: 1}
	if opts.Reset {
		g.auto.Forget()
		s.Say("Started fresh with the starter set.")
	} else if !g.auto.Restore(s) {
		s.Say("Draw a digit, pick its label and add it — or press Train to learn from the starter set.")
	}
	if opts.Load != "" {
		b, err := os.ReadFile(opts.Load)
		if err != nil {
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
	g.relayout(1280, 800)
	return g, nil
}

// Session returns the session, for tests and the tour.
func (g *Game) Session() *Session { return g.s }

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

// errDone ends RunGame after a scripted run.
var errDone = ebiten.Termination

// Update reads the input once and runs one tick.
func (g *Game) Update() error {
	start := g.now()
	defer func() { g.sched.Busy += g.now().Sub(start) }()
	if !g.announced && g.redraw.paintedOn != nil {
		platform.Drawn() // this Update starts the frame after the first
		g.announced = true
	}
	platform.Poll()
	g.in.Read()
	if g.script != nil {
		g.script.apply(g, &g.in)
	}
	g.fps = ebiten.ActualFPS()
	if g.outW > 0 {
		g.relayout(g.outW*g.dsf, g.outH*g.dsf)
	}
	g.tick(&g.in)
	if g.opts.Frames > 0 && g.shotDone {
		g.auto.Flush(g.s)
		return errDone
	}
	return nil
}

// relayout rebuilds the layout when the size, scale or class count changed.
func (g *Game) relayout(w, h float64) {
	if l := g.lay; l != nil && l.W == w && l.H == h && l.DSF == g.dsf && l.Classes == g.s.Classes() {
		return
	}
	g.lay = NewLayout(w, h, g.dsf, g.s.Classes())
	g.inspect.relayout(g)
	g.panel.focus = -1
}

func (g *Game) labelControls() []Control {
	var out []Control
	for _, c := range g.lay.Controls {
		if c.Cmd.Act == ActLabel {
			out = append(out, c)
		}
	}
	return out
}

// tick is one Update after the input was read; tests call it directly.
func (g *Game) tick(in *Input) {
	for _, f := range platform.PendingFiles() {
		g.receive(f)
	}
	if !g.cards.update(g, in) {
		g.overlayInput(in)
		g.keyboard(in)
		g.panel.update(g, in)
		g.canvas.update(g, in)
		g.strip.update(g, in)
		g.inspect.update(g, in)
	}
	g.relayout(g.lay.W, g.lay.H)
	trained := g.sched.Run(g.s, g.fps) > 0
	g.tour.update(g)
	g.banner.update(g.s, g.frame)
	g.auto.Tick(g.s, g.now())
	g.strip.arrange(g)
	g.status.update(g)
	g.redraw.update(g, in, trained)
	g.frame++
}

// receive loads a picked or dropped file.
func (g *Game) receive(f platform.File) {
	if f.Err != nil {
		g.s.Fail("Could not read %s: %v. Nothing was changed.", f.Name, plain(f.Err))
		return
	}
	g.s.LoadFile(f.Name, f.Data)
}

// Draw paints the screen when Update said the picture changed (see
// redraw), then takes any screenshot a scripted run asked for.
func (g *Game) Draw(screen *ebiten.Image) {
	start := g.now()
	defer func() { g.sched.Busy += g.now().Sub(start) }()
	g.draws++
	if g.redraw.needsPaint(screen) {
		g.paint(screen)
		g.redraw.done(screen)
		g.sched.Paints++
	}
	g.script.draw(screen)
	if g.opts.Frames > 0 && g.frame >= g.opts.Frames && !g.shotDone {
		g.screenshot(screen)
	}
}

// paint draws every part.
func (g *Game) paint(screen *ebiten.Image) {
	screen.Fill(render.Current.Background)
	l := g.lay
	for p := Panel(0); p < numPanels; p++ {
		render.DrawPanel(screen, l.Panels[p], panelTitles[p], l.S)
	}
	g.drawTop(screen)
	g.canvas.draw(screen, g)
	g.strip.draw(screen, g)
	g.panel.draw(screen, g)
	g.inspect.draw(screen, g)
	g.metrics.draw(screen, g)
	g.cards.drawIcons(screen, g)
	g.banner.draw(screen, g)
	g.tour.draw(screen, g)
	g.cards.draw(screen, g)
}

// drawTop draws the title; the top-bar buttons are controls.
func (g *Game) drawTop(dst *ebiten.Image) {
	l := g.lay
	r := l.Top.InsetXY(l.u(pad), 0)
	render.TextIn(dst, r, "Digit Trainer", l.u(fontTitle+3), render.Current.Text, render.AlignLeft, true)
}

// screenshot saves the screen for the scripted smoke test. It is the one
// write Draw makes: the PNG must show a drawn frame, which only Draw has.
func (g *Game) screenshot(screen *ebiten.Image) {
	g.shotDone = true
	if g.opts.Screenshot == "" {
		return
	}
	if err := savePNG(screen, g.opts.Screenshot); err != nil {
		fmt.Fprintln(os.Stderr, "screenshot:", err)
	}
}
