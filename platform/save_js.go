//go:build js

package platform

import (
	"errors"
	"path"
	"syscall/js"

	"digittrainer/i18n"
	"digittrainer/platform/internal/files"
)

// revokeDelayMS is how long a download's object URL lives. Revoking it at
// once can cancel the download in some browsers; a minute is ample for the
// browser to have taken the bytes, and the Blob is freed after it.
const revokeDelayMS = 60_000

// SaveDir is "" in the browser: files go wherever the browser puts
// downloads.
func SaveDir() string { return "" }

// Save offers data as a download named name (the browser may rename it to
// avoid overwriting) and returns the name. The bytes go Uint8Array → Blob →
// object URL → a hidden <a download> that is clicked and removed.
func Save(name string, data []byte) (where string, err error) {
	defer catch(&err)
	name, err = files.CleanName(name)
	if err != nil {
		return "", err
	}
	g := js.Global()
	doc := g.Get("document")
	if !doc.Truthy() || !doc.Get("body").Truthy() {
		return "", errors.New("platform: " + i18n.Mark("no page to download from"))
	}
	arr := g.Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	blob := g.Get("Blob").New([]any{arr}, map[string]any{"type": mimeType(name)})
	url := g.Get("URL").Call("createObjectURL", blob)

	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")

	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		g.Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	g.Call("setTimeout", revoke, revokeDelayMS)
	return name, nil
}

// mimeType picks the download's type by extension, so the browser offers
// the right program to open it.
func mimeType(name string) string {
	switch path.Ext(name) {
	case ".json":
		return "application/json"
	case ".csv":
		return "text/csv"
	default:
		return "application/octet-stream"
	}
}
