// Package session is the lesson a user works on and every operation on it:
// the drawing on the grid, the dataset, the network and its trainer, the
// settings, the learning curves, the divergence guard, the training
// scheduler and the autosave. The app's UI parts read a Session to draw
// and call its methods to act; the command-line trainer can use it too.
//
// It is pure Go: no Ebiten, no syscall/js (`make lint-deps` checks), so it
// is tested natively, as js/wasm under node, without a display.
//
// # One home for each fact
//
// A Session keeps each fact once and derives the rest. The learning rate
// set and the one in use are the trainer's (Trainer.Hyper.LR and
// Trainer.LR); the hidden size and activation are the network's Config;
// the prediction is the forward pass of the drawing, the evaluation the
// network's metrics on the two splits. What is derived is cached by the
// versions nn.Network.Version and data.Dataset.Version, which every write
// of the weights or the dataset changes in one place: there is no
// counter to bump by hand, and a cache cannot miss a change (a tour step,
// a rollback, a load).
//
// # Files
//
// session.go the Session and its accessors; drawing.go the grid (pen and
// eraser); edits.go the dataset's edits and the class count; undo.go undo
// and redo; training.go training, stepping and the rollback; pace.go the
// pace, slow motion and the early stop; settings.go the steppers;
// measure.go the evaluation, prediction and confusion-cell caches;
// learned.go what the hidden neurons learned; history.go the curves;
// guard.go the divergence guard; files.go checkpoints and exports; load.go
// reading a file and replacing or adding to the drawings; autosave.go the
// autosave, owner.go which tab owns it; scheduler.go how much to train
// each frame; status.go the status JSON's session part and the spoken
// summary; describe.go the texts of the counts, progress and speed lines;
// message.go what the session says.
package session
