package main

import "syscall/js"

// status is the object window.digitTrainer.status() returns; the e2e and perf harnesses
// read "frame" and "fps" from it exactly as they do from the real app.
var status = js.Global().Get("Object").New()

func init() {
	dt := js.Global().Get("digitTrainer")
	if dt.IsUndefined() {
		dt = js.Global().Get("Object").New()
		js.Global().Set("digitTrainer", dt)
	}
	dt.Set("status", js.FuncOf(func(js.Value, []js.Value) any { return status }))
}

func publishStatus(frame int, fps float64) {
	status.Set("frame", frame)
	status.Set("fps", fps)
}
