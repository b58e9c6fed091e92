//go:build !js

package platform

import "sync"

var status struct {
	sync.Mutex
	json, live string
}

// SetStatus records the app's status JSON and its spoken summary. The
// desktop has no page to publish them to; Status returns them for tests.
func SetStatus(statusJSON, liveText string) {
	status.Lock()
	status.json, status.live = statusJSON, liveText
	status.Unlock()
}

// Status returns the last values given to SetStatus.
func Status() (statusJSON, liveText string) {
	status.Lock()
	defer status.Unlock()
	return status.json, status.live
}

// Drawn does nothing on the desktop: the window shows the first frame
// itself.
func Drawn() {}

// SamePicture does nothing on the desktop, whose swap chain needs each
// buffer redrawn (Ebiten does so).
func SamePicture(bool) {}
