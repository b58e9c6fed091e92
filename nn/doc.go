// Package nn is the engine of Digit Trainer: a feed-forward network with one
// hidden layer (81 → H → C), a sigmoid, tanh or ReLU hidden activation, a
// softmax output and cross-entropy loss, trained by backpropagation and
// gradient descent.
//
// It follows the shape of TensorFlow Playground's nn.ts: free functions and
// methods over plain slices, importing nothing but the standard library.
// Forward, Backward and Apply are separate steps so that a UI can show the
// gradients before the weights move, and Trace records every intermediate
// value of one iteration for the guided tour. Trainer, the loop the app and
// the CLI run, fuses Backward and Apply for plain SGD so that it only
// touches the weights of the pixels that are drawn; the result is the same
// bit for bit (see sgd.go and BENCHMARKS.md).
//
// Results are bit-for-bit reproducible across linux/amd64, linux/arm64 and
// js/wasm: the package uses its own pure-Go exp and log (math.Exp and
// math.Log are assembly on amd64, math.Exp on arm64), writes every product
// that feeds an addition as float64(x*y) so that arm64 (or GOAMD64=v3)
// cannot fuse it into an FMA, and sums in one fixed order.
//
// Every write of a network's parameters gives it a new Version (a Stamp,
// unique in the program), so what is derived from the weights — the app's
// evaluation, status hash and drawn edges — is cached by version instead of
// being recomputed or hashed every frame.
//
// Buffers are owned by the caller (a State, a Gradients, a Trainer), so a
// training step allocates nothing. Functions panic with a message starting
// with "nn:" when handed buffers of the wrong length, as gonum does.
package nn
