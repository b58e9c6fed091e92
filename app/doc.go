// Package app is Digit Trainer's ebiten.Game: the state a user works on (a
// Session: drawing, dataset, network, settings), the input read once per
// tick, the training scheduler that trains in bounded slices so the canvas
// never freezes, the divergence guard, autosave, save and load, and the
// status JSON that assistive tech and the end-to-end tests read.
//
// It follows Ebiten's examples (2048, blocks): the Game is a thin composite
// of parts (canvas, collection, controls, network inspector, metrics, help),
// each with its own Update and Draw. Update changes state; Draw only reads.
// Every action has a key (keys.go), so the app can be used without a mouse
// and driven by tests. Drawing is done by package render; browser-only code
// sits in package platform.
package app
