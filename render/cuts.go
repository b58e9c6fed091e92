package render

import "sync"

// The renderer never lets text run out of its box: it shrinks it a little,
// then cuts it with "…", wraps it, or leaves lines out. That keeps a screen
// tidy, but a cut label in German is a label a student cannot read. Tests
// record the cuts while they draw every screen in every language and fail
// on the ones that matter; the app itself never turns this on.

// cutLog holds what was cut while recording is on.
var cutLog struct {
	sync.Mutex
	on   bool
	cuts []string
}

// RecordCuts starts (on) or stops recording the text the renderer had to
// cut to fit, and returns what was recorded since the last call: each
// string as it was before the cut, once per draw.
func RecordCuts(on bool) []string {
	cutLog.Lock()
	defer cutLog.Unlock()
	cuts := cutLog.cuts
	cutLog.on, cutLog.cuts = on, nil
	return cuts
}

// noteCut records s as cut, when recording.
func noteCut(s string) {
	cutLog.Lock()
	if cutLog.on {
		cutLog.cuts = append(cutLog.cuts, s)
	}
	cutLog.Unlock()
}
