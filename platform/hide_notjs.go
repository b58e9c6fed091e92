//go:build !js

package platform

// OnHide does nothing on the desktop: the app saves when its window is
// closed (ebiten.IsWindowBeingClosed).
func OnHide(func(gone bool)) {}
