// Package screen is where everything is on Digit Trainer's screen, for
// any window size and device scale: the six panels (three columns on a
// landscape window, a tab at a time on a phone: tabs.go), the drawing grid, the network
// picture and its readout, the dataset's gallery, the plots, and every
// button and stepper with the name the status JSON gives it.
//
// It only computes rects (NewLayout, once per size): the app's parts place
// their drawing in them and hit-test against them. It measures text with
// package render, so its tests, like render's, run under a display
// (`xvfb-run -a go test ./screen/`).
package screen
