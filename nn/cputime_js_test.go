//go:build js

package nn

import (
	"syscall/js"
	"time"
)

// cpuTime returns the CPU time node has used so far (process.cpuUsage, in
// microseconds), so the wasm benchmarks can report samples per CPU-second
// like the native ones. Only the tests use syscall/js; the package does not.
func cpuTime() (time.Duration, bool) {
	proc := js.Global().Get("process")
	if proc.IsUndefined() || proc.Get("cpuUsage").IsUndefined() {
		return 0, false
	}
	u := proc.Call("cpuUsage")
	return time.Duration((u.Get("user").Float() + u.Get("system").Float()) * float64(time.Microsecond)), true
}
