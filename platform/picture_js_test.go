//go:build js

package platform

import (
	"syscall/js"
	"testing"
)

// TestSamePictureTellsThePageOnChange checks what the loader reads
// (digitTrainer.samePicture) follows the app, and that the page is touched
// only when the answer changes: a value the page set in between survives a
// repeat of the same answer.
func TestSamePictureTellsThePageOnChange(t *testing.T) {
	dt := js.Global().Get("Object").New()
	js.Global().Set("digitTrainer", dt)
	defer js.Global().Delete("digitTrainer")
	told = false

	SamePicture(false)
	if got := dt.Get("samePicture"); got.Type() != js.TypeBoolean || got.Bool() {
		t.Fatalf("after a paint: samePicture = %v, want false", got)
	}
	SamePicture(true)
	if got := dt.Get("samePicture"); !got.Truthy() {
		t.Fatalf("after an unchanged frame: samePicture = %v, want true", got)
	}
	dt.Set("samePicture", "page's own")
	SamePicture(true)
	if got := dt.Get("samePicture"); got.Type() != js.TypeString {
		t.Errorf("a repeated answer touched the page: samePicture = %v", got)
	}
	SamePicture(false)
	if got := dt.Get("samePicture"); got.Type() != js.TypeBoolean || got.Bool() {
		t.Errorf("after the next paint: samePicture = %v, want false", got)
	}
}
