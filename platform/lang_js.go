//go:build js

package platform

import "syscall/js"

// langKey is the localStorage key of the language picked in the app. It is
// a plain string, not under storePrefix's base64, because index.html reads
// it too: its loading page speaks the same language before the wasm runs.
const langKey = "digit-trainer-lang"

// LanguagePrefs returns the languages asked for, most wanted first: the
// page address's ?lang= (a lesson link carries the teacher's), a lang= in
// its fragment ("#lang=de"), the one picked in the app before, then the
// browser's (navigator.languages). i18n.Match picks the first it has.
// index.html's loading page picks its language by the same rules.
func LanguagePrefs() (prefs []string) {
	defer func() {
		if recover() != nil {
			prefs = nil // no window (a worker), or storage that throws: English
		}
	}()
	if loc := js.Global().Get("location"); loc.Truthy() {
		q := js.Global().Get("URLSearchParams").New(loc.Get("search"))
		if v := q.Call("get", "lang"); v.Type() == js.TypeString {
			prefs = append(prefs, v.String())
		}
	}
	if _, v := hash(); v != "" {
		prefs = append(prefs, v)
	}
	if ls, err := localStorage(); err == nil {
		if v := ls.Call("getItem", langKey); v.Type() == js.TypeString {
			prefs = append(prefs, v.String())
		}
	}
	if nav := js.Global().Get("navigator"); nav.Truthy() {
		if langs := nav.Get("languages"); langs.Truthy() {
			for i := range langs.Length() {
				prefs = append(prefs, langs.Index(i).String())
			}
		} else if l := nav.Get("language"); l.Type() == js.TypeString {
			prefs = append(prefs, l.String())
		}
	}
	return prefs
}

// SaveLanguage remembers code as the person's choice. Where the address
// has a ?lang= or a lang= in its fragment, it is changed to code as well
// (without a reload), so a reload keeps the choice instead of the
// address's.
func SaveLanguage(code string) (err error) {
	defer catch(&err)
	if doc := js.Global().Get("document"); doc.Truthy() {
		doc.Get("documentElement").Set("lang", code)
	}
	if loc := js.Global().Get("location"); loc.Truthy() {
		url := js.Global().Get("URL").New(loc.Get("href"))
		changed := false
		if q := url.Get("searchParams"); q.Call("has", "lang").Bool() {
			q.Call("set", "lang", code)
			changed = true
		}
		if rest, lang := hash(); lang != "" {
			if rest != "" {
				rest += "&"
			}
			url.Set("hash", rest+"lang="+code)
			changed = true
		}
		if changed {
			js.Global().Get("history").Call("replaceState", js.Null(), "", url.Call("toString"))
		}
	}
	ls, err := localStorage()
	if err != nil {
		return err
	}
	ls.Call("setItem", langKey, code)
	return nil
}
