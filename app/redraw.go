package app

import (
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// Why the screen is not painted every frame: in a software-rendered
// browser (SwiftShader, and weak integrated GPUs) painting the whole UI
// costs several times what Ebiten's own per-frame work does, so a page that
// repaints an unchanged picture 60 times a second runs at a fraction of
// the frame rate it could. With the screen kept between frames
// (ebiten.SetScreenClearedEveryFrame(false)), Update decides whether the
// picture changed and Draw paints only then.
//
// What changes the picture: any input (keys, typing, a pointer held, moved
// or released, the wheel), anything the session says or switches without
// input (a message, a banner coming or going, training starting or
// stopping, a loaded file, a new layout), and training itself, which is
// shown at most every Scheduler.Follow so that it leaves most frames to
// the browser: each paint costs a software renderer several frames (on the
// desktop Ebiten presents a changed screen on four frames in a row; in the
// browser the page keeps only the first, see platform.SamePicture). Whatever this
// list misses is painted within maxStale: longer than slow motion's step
// (a second), which paints anyway, so that the two never make two paints
// a second between them.
const maxStale = 2 * time.Second

// redraw is the bookkeeping of that decision.
type redraw struct {
	retained bool // the screen keeps its pixels between frames (set by New)

	version   int // bumped by Update when the picture must change
	painted   int // the version on screen
	paintedOn *ebiten.Image
	key       sceneKey
	at        time.Time // when version last changed
	trainedAt time.Time // when training last caused a repaint
	hover     [2]float64
	pointers  int
}

// sceneKey is what Draw shows that can change without input or training.
type sceneKey struct {
	message  int
	banner   bool
	running  bool
	w, h, s  float64
	data     uint64 // the dataset's version
	tourStep int
	grid     [81]uint8 // what the grid shows (slow motion changes it without input)
	question *question // a question asked without input (a dropped file's)
}

// update runs at the end of each tick with what the scene shows, the
// tick's input, whether training ran in it and how often the drawn network
// follows training; it reports whether the next Draw paints.
func (r *redraw) update(key sceneKey, in *Input, trained bool, follow time.Duration, now time.Time) bool {
	dirty := len(in.Keys) > 0 || len(in.Chars) > 0 || len(in.Pointers) > 0 || len(in.Pointers) != r.pointers ||
		in.WheelX != 0 || in.WheelY != 0 || [2]float64{in.HoverX, in.HoverY} != r.hover ||
		key != r.key || now.Sub(r.at) >= maxStale
	if trained && now.Sub(r.trainedAt) >= follow {
		dirty = true
		r.trainedAt = now
	}
	r.hover, r.pointers, r.key = [2]float64{in.HoverX, in.HoverY}, len(in.Pointers), key
	if dirty {
		r.version++
		r.at = now
	}
	return dirty
}

// needsPaint reports whether Draw must paint screen: always unless the
// screen is retained, is the one painted last, and nothing changed since.
func (r *redraw) needsPaint(screen *ebiten.Image) bool {
	return !r.retained || screen != r.paintedOn || r.painted != r.version
}

// done records that screen shows the current version. Besides counters
// for the scheduler and the status, it is the one piece of state Draw
// writes, like a cache: what is on screen.
func (r *redraw) done(screen *ebiten.Image) {
	r.painted, r.paintedOn = r.version, screen
}
