package platform

import "sync"

// Tap is a press that began and ended between two frames: a finger's
// quick tap, or a trackpad's tap-to-click. Ebiten v2.8 reads the mouse and
// the touches as states once a frame, so such a press is never seen
// (hajimehoshi/ebiten#3249, fixed after v2.8): a button tapped on a phone or
// a Mac's trackpad would do nothing. The page records them (taps_js.go) and
// the app plays each as a press of one frame.
type Tap struct {
	X, Y  float64 // CSS pixels from the canvas's top left
	Right bool    // the right mouse button
	Touch bool
}

// tapQueue holds the taps seen since the last Taps call. Browser callbacks
// add to it; Update drains it: a mutex keeps them apart.
type tapQueue struct {
	mu   sync.Mutex
	taps []Tap
}

var taps tapQueue

// Taps returns the quick taps since the last call (none on the desktop,
// where the window system keeps a press until it is read).
func Taps() []Tap {
	taps.mu.Lock()
	defer taps.mu.Unlock()
	out := taps.taps
	taps.taps = nil
	return out
}
