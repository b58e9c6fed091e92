// Package render draws Digit Trainer: the network with every weight as an
// edge, the 9×9 drawing grid, prediction bars, training curves, the
// confusion matrix, panels, buttons, and every card — help cards,
// questions and the guided tour's steps — through one card engine
// (card.go, cardlayout.go: a CardSpec laid out into a Card that is drawn
// and hit-tested as laid out).
//
// It only reads what it is given (nn.Network, nn.State, a tour.View, a
// tour.HelpText, slices of numbers) and never mutates the model; numbers
// it shows come from the caller, and the tour's from its trace (tour.go
// turns a step's description into a card, a highlight and the values
// written beside the neurons). Coordinates are device pixels of the
// destination image; callers pass a scale factor (the device scale factor
// times any UI zoom) that multiplies text sizes, line widths and paddings
// so the picture stays readable on a projector and crisp on HiDPI screens.
//
// Geometry and colour helpers (Rect, the weight colour and width scales,
// hit testing, the dash pattern, text fitting) are pure functions.
// Anything that touches Ebiten is batched: all edges of the network go out
// in one DrawTriangles call per 16k edges (the uint16 index limit of
// Ebiten v2.8), neurons in another, from buffers reused across frames; the
// edges are cached as a picture until the weights' version changes.
//
// Importing Ebiten panics without a display, so the tests run under
// `xvfb-run -a go test ./render/`.
package render
