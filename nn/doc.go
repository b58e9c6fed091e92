// Package nn is the engine of Digit Trainer: a feed-forward network with one
// hidden layer (81 → H → C), a sigmoid, tanh or ReLU hidden activation, a
// softmax output and cross-entropy loss, trained by backpropagation and
// gradient descent.
//
// It follows the shape of TensorFlow Playground's nn.ts: free functions and
// methods over plain slices, importing nothing but the standard library and
// gonum. Forward, Backward and Apply are separate steps so that a UI can
// show the gradients before the weights move, and Trace records every
// intermediate value of one iteration for the guided tour.
//
// Results are bit-for-bit reproducible across linux/amd64, linux/arm64 and
// js/wasm: the package uses its own pure-Go exp (math.Exp is assembly on
// amd64 and arm64), writes every product that feeds an addition as
// float64(x*y) so that arm64 cannot fuse it into an FMA, and sums in one
// fixed order.
//
// Buffers are owned by the caller (a State, a Gradients, a Trainer), so a
// training step allocates nothing. Functions panic with a message starting
// with "nn:" when handed buffers of the wrong length, as gonum does.
package nn
