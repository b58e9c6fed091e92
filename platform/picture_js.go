//go:build js

package platform

import "syscall/js"

// told and shown are whether the page was told (SamePicture) and what.
var told, shown bool

// SamePicture tells the page, once a frame, whether the app's picture is
// the one already on the canvas: while it is, the loader drops Ebiten's
// copies of it to the canvas (index.html, onlyNewFrames), each of which
// would make the browser composite the same picture again. It touches the
// page only when the answer changes.
func SamePicture(same bool) {
	if told && same == shown {
		return
	}
	dt := js.Global().Get("digitTrainer")
	if dt.Type() != js.TypeObject {
		return
	}
	dt.Set("samePicture", same)
	told, shown = true, same
}
