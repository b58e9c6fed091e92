//go:build js

package platform

import "syscall/js"

// The status as last published. Only the game loop calls SetStatus.
var (
	lastJSON, lastLive string
	liveSet            bool
	api, liveRegion    js.Value
)

// liveID is the id of the aria-live element; index.html may provide it.
const liveID = "status-live"

// SetStatus publishes the app's status. window.digitTrainer.status() then
// returns statusJSON parsed, as a fresh object on every call: status is
// JSON.parse bound to the string, a plain JavaScript function, so tests and
// assistive tools never call into Go (which could deadlock or see a frame
// mid-update). liveText goes into the aria-live="polite" element id
// "status-live" (created if the page has none), only when it changed, so a
// screen reader speaks each change once.
func SetStatus(statusJSON, liveText string) {
	g := js.Global()
	if !api.Truthy() {
		api = g.Get("digitTrainer")
		if api.Type() != js.TypeObject {
			api = g.Get("Object").New()
			g.Set("digitTrainer", api)
		}
	}
	if statusJSON != lastJSON || api.Get("status").Type() != js.TypeFunction {
		parse := g.Get("JSON").Get("parse")
		api.Set("status", parse.Call("bind", g.Get("JSON"), statusJSON))
		lastJSON = statusJSON
	}
	if liveSet && liveText == lastLive {
		return
	}
	if el := live(); el.Truthy() {
		el.Set("textContent", liveText)
		lastLive, liveSet = liveText, true
	}
}

// live returns the aria-live element, creating a visually hidden one at
// the end of the body when the page has none.
func live() js.Value {
	if liveRegion.Truthy() {
		return liveRegion
	}
	doc := js.Global().Get("document")
	if !doc.Truthy() {
		return js.Undefined()
	}
	el := doc.Call("getElementById", liveID)
	if !el.Truthy() {
		body := doc.Get("body")
		if !body.Truthy() {
			return js.Undefined()
		}
		el = doc.Call("createElement", "div")
		el.Set("id", liveID)
		el.Call("setAttribute", "aria-live", "polite")
		el.Call("setAttribute", "role", "status")
		// Visually hidden yet read: the usual "sr-only" recipe.
		el.Call("setAttribute", "style", "position:absolute;width:1px;height:1px;overflow:hidden;"+
			"clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0;padding:0;margin:-1px")
		body.Call("appendChild", el)
	}
	liveRegion = el
	return el
}

// Status returns the last values given to SetStatus.
func Status() (statusJSON, liveText string) { return lastJSON, lastLive }

// Drawn tells the page's loader that the first frame has been drawn, so
// that it hides its loading screen at once instead of at its next poll
// (index.html, digitTrainer.drawn). Pages without a loader ignore it.
func Drawn() {
	dt := js.Global().Get("digitTrainer")
	if dt.Type() != js.TypeObject {
		return
	}
	if f := dt.Get("drawn"); f.Type() == js.TypeFunction {
		f.Invoke()
	}
}
