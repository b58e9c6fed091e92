//go:build js

package platform

import "syscall/js"

// downs are the presses in progress, by pointerId, with the frame count
// they began at (see the init below).
var downs = map[int]tapDown{}

type tapDown struct {
	frame int
	tap   Tap
}

// frame counts the app's ticks (Poll), so a press and its release can be
// told to have fallen between two of them: Ebiten reads its input at the
// start of a tick, and browser events never run during one.
var frame int

// init listens to pointer events on the window (passive: the page's own
// handling is untouched) and queues every press released before the next
// tick: the ones Ebiten misses.
func init() {
	win := js.Global()
	if !win.Get("addEventListener").Truthy() {
		return
	}
	opts := map[string]any{"passive": true, "capture": true}
	win.Call("addEventListener", "pointerdown", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		if x, y, ok := onCanvas(e); ok {
			downs[e.Get("pointerId").Int()] = tapDown{frame, Tap{X: x, Y: y, Right: e.Get("button").Int() == 2,
				Touch: e.Get("pointerType").String() == "touch"}}
		}
		return nil
	}), opts)
	up := js.FuncOf(func(_ js.Value, args []js.Value) any {
		id := args[0].Get("pointerId").Int()
		if d, ok := downs[id]; ok && d.frame == frame && args[0].Get("type").String() == "pointerup" {
			taps.add(d.tap)
		}
		delete(downs, id)
		return nil
	})
	win.Call("addEventListener", "pointerup", up, opts)
	win.Call("addEventListener", "pointercancel", up, opts)
}

// onCanvas returns where event e is on the page's canvas, in CSS pixels
// from its top left, if it is on it.
func onCanvas(e js.Value) (x, y float64, ok bool) {
	c := js.Global().Get("document").Call("querySelector", "canvas")
	if !c.Truthy() {
		return 0, 0, false
	}
	r := c.Call("getBoundingClientRect")
	x = e.Get("clientX").Float() - r.Get("left").Float()
	y = e.Get("clientY").Float() - r.Get("top").Float()
	return x, y, x >= 0 && y >= 0 && x < r.Get("width").Float() && y < r.Get("height").Float()
}

// add queues a tap (tap.go).
func (q *tapQueue) add(t Tap) {
	q.mu.Lock()
	q.taps = append(q.taps, t)
	q.mu.Unlock()
}
