package app

import (
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"digittrainer/platform"
)

// Key auto-repeat, in ticks at 60 TPS: a held arrow key starts repeating
// after a quarter second and then moves ten cells a second.
const (
	repeatDelay = 15
	repeatEvery = 6
)

// repeating are the keys that repeat while held.
var repeating = []ebiten.Key{ebiten.KeyArrowLeft, ebiten.KeyArrowRight, ebiten.KeyArrowUp, ebiten.KeyArrowDown}

// Pointer is one press on the screen: the mouse while a button is held, or
// one finger. Mouse and touch look the same to the parts.
type Pointer struct {
	ID    int     // touch ID, or mouseLeft / mouseRight
	X, Y  float64 // device pixels, the coordinates of the layout
	Just  bool    // went down this tick
	Erase bool    // the right mouse button: paints with "off"
}

// Pointer IDs of the mouse buttons; Ebiten's touch IDs are never negative.
const (
	mouseLeft  = -1
	mouseRight = -2
)

// Input is everything the user did this tick, read once in Update and then
// asked questions by meaning. Tests fill it directly.
type Input struct {
	Keys        []ebiten.Key // pressed this tick (and auto-repeats of held arrows)
	Chars       []rune       // characters typed this tick (for "?")
	Shift, Ctrl bool
	Pointers    []Pointer // every press held down this tick
	HoverX      float64   // the mouse position, for hover, when HasHover
	HoverY      float64
	HasHover    bool
	Touched     bool    // a finger is on the screen: hover makes no sense then
	WheelX      float64 // mouse wheel or touchpad scroll this tick, in notches
	WheelY      float64
}

// tapTouchID is the pointer ID of a quick touch tap (platform.Taps), apart
// from Ebiten's touch IDs.
const tapTouchID = 1 << 20

// Read fills in from Ebiten's input state, and the quick taps Ebiten
// missed (platform.Taps) as presses of this tick; dsf converts their CSS
// pixels to the layout's.
func (in *Input) Read(dsf float64) {
	in.Keys = inpututil.AppendJustPressedKeys(in.Keys[:0])
	for _, k := range repeating {
		if d := inpututil.KeyPressDuration(k); d > repeatDelay && (d-repeatDelay)%repeatEvery == 0 {
			in.Keys = append(in.Keys, k)
		}
	}
	in.Keys = logicalKeys(in.Keys, ebiten.KeyName) // the letter on the key, not its US place
	in.Chars = ebiten.AppendInputChars(in.Chars[:0])
	in.Shift = ebiten.IsKeyPressed(ebiten.KeyShift)
	in.Ctrl = ebiten.IsKeyPressed(ebiten.KeyControl) || ebiten.IsKeyPressed(ebiten.KeyMeta)

	in.WheelX, in.WheelY = ebiten.Wheel()
	x, y := ebiten.CursorPosition()
	in.HoverX, in.HoverY = float64(x), float64(y)
	in.Pointers = in.Pointers[:0]
	for _, b := range []struct {
		btn ebiten.MouseButton
		id  int
	}{{ebiten.MouseButtonLeft, mouseLeft}, {ebiten.MouseButtonRight, mouseRight}} {
		if ebiten.IsMouseButtonPressed(b.btn) {
			in.Pointers = append(in.Pointers, Pointer{ID: b.id, X: in.HoverX, Y: in.HoverY,
				Just: inpututil.IsMouseButtonJustPressed(b.btn), Erase: b.id == mouseRight})
		}
	}
	var ids []ebiten.TouchID
	ids = ebiten.AppendTouchIDs(ids)
	just := inpututil.AppendJustPressedTouchIDs(nil)
	for _, id := range ids {
		tx, ty := ebiten.TouchPosition(id)
		in.Pointers = append(in.Pointers, Pointer{ID: int(id), X: float64(tx), Y: float64(ty), Just: slices.Contains(just, id)})
	}
	in.Touched = len(ids) > 0
	in.HasHover = !in.Touched && x >= 0 && y >= 0
	for _, t := range platform.Taps() {
		p := Pointer{ID: mouseLeft, X: t.X * dsf, Y: t.Y * dsf, Just: true}
		switch {
		case t.Touch:
			p.ID = tapTouchID
		case t.Right:
			p.ID, p.Erase = mouseRight, true
		}
		in.Pointers = append(in.Pointers, p)
	}
}

// Typed reports whether the character r was typed this tick.
func (in *Input) Typed(r rune) bool { return slices.Contains(in.Chars, r) }

// Tapped returns the first press that began this tick, if any.
func (in *Input) Tapped() (Pointer, bool) {
	for _, p := range in.Pointers {
		if p.Just {
			return p, true
		}
	}
	return Pointer{}, false
}

// Hover returns where the pointer points at: the mouse, or the first
// finger on a touch screen.
func (in *Input) Hover() (x, y float64, ok bool) {
	if in.HasHover {
		return in.HoverX, in.HoverY, true
	}
	if len(in.Pointers) > 0 {
		return in.Pointers[0].X, in.Pointers[0].Y, true
	}
	return 0, 0, false
}
