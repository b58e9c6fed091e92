//go:build js

package platform

import (
	"errors"
	"strings"
	"syscall/js"

	"digittrainer/i18n"
)

var errNoPage = errors.New("platform: " + i18n.Mark("no page to show the text in"))

// Fragment is the page address's fragment without its "#": a lesson link's
// payload, or "". A "lang=" parameter in it (the fragment's parts are
// separated by "&": "#lang=de", "#v1.…&lang=de") names the language, not
// a lesson, and is left out (see fragmentLang).
func Fragment() string {
	frag, _ := hash()
	return frag
}

// hash is the page address's fragment without its "#", split by
// splitFragmentLang into the rest and its "lang=" value (index.html's
// loading page reads the same).
func hash() (frag, lang string) {
	loc := js.Global().Get("location")
	if !loc.Truthy() {
		return "", ""
	}
	return splitFragmentLang(strings.TrimPrefix(loc.Get("hash").String(), "#"))
}

// PageURL is the page's address without its fragment: where a lesson link
// points (the served page, or the classroom file wherever it was opened).
func PageURL() string {
	loc := js.Global().Get("location")
	if !loc.Truthy() {
		return "digit-trainer.html"
	}
	href := loc.Get("href").String()
	if i := strings.IndexByte(href, '#'); i >= 0 {
		href = href[:i]
	}
	return href
}

// OfferText shows text in a box over the page, selected, with a Copy
// button and a Close button, and reports where it went. The clipboard is
// written by the Copy button's own click (browsers allow it only inside a
// user's gesture, which a frame of the game is not); where the clipboard is
// refused (a file:// page, an old browser), the text stays selected in the
// box for Ctrl+C.
func OfferText(title, text string) (string, error) {
	doc := js.Global().Get("document")
	if !doc.Truthy() || !doc.Get("body").Truthy() {
		return "", errNoPage
	}
	closeOffer()
	box := doc.Call("createElement", "div")
	box.Set("id", "dt-offer")
	box.Set("role", "dialog")
	box.Get("style").Set("cssText", "position:fixed;left:50%;top:50%;transform:translate(-50%,-50%);z-index:10;"+
		"background:#fff;color:#1c2333;border:1px solid #c9d0dc;border-radius:12px;padding:16px;"+
		"font:15px system-ui,sans-serif;width:min(560px,90vw);box-shadow:0 8px 30px rgba(0,0,0,.25)")
	head := doc.Call("createElement", "div")
	head.Set("textContent", title)
	head.Get("style").Set("cssText", "font-weight:600;margin-bottom:8px")
	area := doc.Call("createElement", "textarea")
	area.Set("readOnly", true)
	area.Set("value", text)
	area.Get("style").Set("cssText", "width:100%;height:7em;box-sizing:border-box;font:12px monospace;word-break:break-all")
	note := doc.Call("createElement", "div")
	note.Get("style").Set("cssText", "margin:6px 0;color:#5b6478;font-size:13px")
	note.Set("textContent", i18n.T("Copy it, or select it and press Ctrl+C."))
	row := doc.Call("createElement", "div")
	row.Get("style").Set("cssText", "display:flex;gap:8px;justify-content:flex-end")
	copyBtn, closeBtn := doc.Call("createElement", "button"), doc.Call("createElement", "button")
	copyBtn.Set("textContent", i18n.T("Copy"))
	closeBtn.Set("textContent", i18n.T("Close"))
	for _, b := range []js.Value{copyBtn, closeBtn} {
		// The colour is set: the page's color-scheme makes a browser's
		// own button text light, unreadable on this light grey.
		b.Get("style").Set("cssText", "font:600 15px system-ui,sans-serif;padding:8px 16px;min-height:44px;border-radius:8px;border:1px solid #c9d0dc;background:#eef1f6;color:#1c2333")
	}
	offerFuncs = []js.Func{
		js.FuncOf(func(js.Value, []js.Value) any {
			area.Call("select")
			clip := js.Global().Get("navigator").Get("clipboard")
			ok := func(js.Value, []js.Value) any {
				note.Set("textContent", i18n.T("Copied to the clipboard."))
				return nil
			}
			fail := func(js.Value, []js.Value) any {
				note.Set("textContent", i18n.T("This page may not use the clipboard: the text is selected, press Ctrl+C."))
				return nil
			}
			if !clip.Truthy() {
				fail(js.Undefined(), nil)
				return nil
			}
			// Not released with the box: the promise may settle after it
			// closed, and calling a released function panics. Two small
			// functions a copy is nothing.
			clip.Call("writeText", text).Call("then", js.FuncOf(ok), js.FuncOf(fail))
			return nil
		}),
		js.FuncOf(func(js.Value, []js.Value) any { closeOffer(); return nil }),
		// Escape closes the box as it closes every card (the box has the
		// keyboard: the app never sees the key).
		js.FuncOf(func(_ js.Value, args []js.Value) any {
			if len(args) > 0 && args[0].Get("key").String() == "Escape" {
				closeOffer()
			}
			return nil
		}),
	}
	copyBtn.Call("addEventListener", "click", offerFuncs[0])
	closeBtn.Call("addEventListener", "click", offerFuncs[1])
	box.Call("addEventListener", "keydown", offerFuncs[2])
	row.Call("append", copyBtn, closeBtn)
	box.Call("append", head, area, note, row)
	doc.Get("body").Call("appendChild", box)
	area.Call("focus")
	area.Call("select")
	offer = box
	return i18n.T("a box to copy from"), nil
}

// offer is the box OfferText shows, and offerFuncs its listeners.
var (
	offer      = js.Undefined()
	offerFuncs []js.Func
)

// CloseOffer closes the box OfferText showed, if it is open: the app
// asks before it puts a card where the box would hide it, or changes the
// language the box was written in.
func CloseOffer() { closeOffer() }

// closeOffer removes the box and releases its listeners.
func closeOffer() {
	if offer.Truthy() {
		offer.Call("remove")
	}
	offer = js.Undefined()
	for _, f := range offerFuncs {
		f.Release()
	}
	offerFuncs = nil
}
