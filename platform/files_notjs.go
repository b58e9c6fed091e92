//go:build !js

package platform

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/platform/internal/files"
)

// Poll moves files dropped on the window this tick into PendingFiles. Call
// it once per Update: ebiten.DroppedFiles only holds a drop during the tick
// it arrives in.
func Poll() {
	batch++
	for _, f := range files.ReadTop(ebiten.DroppedFiles()) {
		f.Batch = batch
		pending.push(f)
	}
}

// OpenFilePicker reports false on the desktop: a native file dialog would
// need cgo or a toolkit. The app then tells the user to drop the file on the
// window or start with -load FILE.
func OpenFilePicker() bool { return false }

// IsBrowser reports whether the app runs in a web page.
func IsBrowser() bool { return false }
