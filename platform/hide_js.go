//go:build js

package platform

import "syscall/js"

// OnHide calls f as the page goes out of sight (another tab, a minimised
// window: gone is false) or away (a reload, a closed tab, a navigation:
// gone is true). Both events are the last moment a page is sure to run, and
// synchronous: f runs within the event, before the page is frozen or
// unloaded, so it can save what changed in the last seconds. f must not
// block (no channel waits): the program's other goroutines are parked.
func OnHide(f func(gone bool)) {
	win, doc := js.Global(), js.Global().Get("document")
	if !win.Get("addEventListener").Truthy() || !doc.Truthy() {
		return
	}
	win.Call("addEventListener", "pagehide", js.FuncOf(func(js.Value, []js.Value) any {
		f(true)
		return nil
	}))
	doc.Call("addEventListener", "visibilitychange", js.FuncOf(func(js.Value, []js.Value) any {
		if doc.Get("visibilityState").String() == "hidden" {
			f(false)
		}
		return nil
	}))
}
