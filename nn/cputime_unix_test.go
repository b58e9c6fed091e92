//go:build unix

package nn

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used so far. The benchmarks
// report samples per CPU-second next to samples per wall-second, because on
// a machine shared with other jobs the wall clock also counts the time the
// benchmark waited for a core.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
