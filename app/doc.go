// Package app is Digit Trainer's ebiten.Game: the wiring between the
// input, the lesson a user works on (package session), where things are
// (package screen) and the drawing (package render).
//
// Each tick the Game reads the input once (input.go), lets each UI part
// look at it — the drawing grid (canvas.go), the buttons and steppers
// (controls.go), the dataset's gallery (gallery.go), the network's
// inspector and readout (inspector.go, readout.go), the guided tour
// (tour.go), the help cards and questions (modal.go; what is asked is in
// questions.go), the curves and the confusion matrix (curves.go) — and
// carries out the Commands they return (commands.go, keys.go for the key
// bindings).
// Then the session's scheduler trains its slice, and what the screen shows
// is brought up to date: the banner (banner.go), the status JSON for tests
// and assistive technology (status.go), and whether the next Draw paints
// (redraw.go). A part gets what it needs as arguments and never holds the
// Game or reads another part; Update changes state, Draw only reads.
//
// script.go plays the -keys scripts of the desktop build. Browser-only code
// is in package platform.
package app
