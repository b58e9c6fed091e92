//go:build js

package platform

import "syscall/js"

var samePicture = -1 // as last told to the page: -1 not yet, 0 false, 1 true

// SamePicture tells the page, once a frame, whether the app's picture is
// the one already on the canvas: while it is, the loader drops Ebiten's
// copies of it to the canvas (index.html, onlyNewFrames), each of which
// would make the browser composite the same picture again. It touches the
// page only when the answer changes.
func SamePicture(same bool) {
	v := 0
	if same {
		v = 1
	}
	if v == samePicture {
		return
	}
	dt := js.Global().Get("digitTrainer")
	if dt.Type() != js.TypeObject {
		return
	}
	dt.Set("samePicture", same)
	samePicture = v
}
