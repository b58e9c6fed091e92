//go:build !unix && !js

package nn

import "time"

// cpuTime is not available on this platform: the benchmarks report wall-clock
// rates only.
func cpuTime() (time.Duration, bool) { return 0, false }
