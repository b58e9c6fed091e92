// Package checkpoint saves and loads the files a Digit Trainer user keeps:
// the native safetensors checkpoint, the original Binary Digit Trainer's
// JSON checkpoint, and (through Load) the datasets the data package reads.
//
// Safetensors is the field's standard container: PyTorch, JAX and the
// Hugging Face tools read it without running any code from the file. The
// tensors are named like PyTorch's nn.Linear layers, so a student can load
// a saved net into torch.nn.Linear(81, H) and torch.nn.Linear(H, C).
//
// Every decoder treats its input as hostile: sizes and shapes are checked
// before anything is allocated, a header that claims gigabytes is refused,
// NaN or infinite weights are refused, and a file that ends early gives an
// error wrapping io.ErrUnexpectedEOF. Errors are *FormatError (the file is
// damaged or not what it claims) or *UnsupportedError (a valid file this
// version cannot use), and their text starts with "checkpoint: " and is
// written for a teacher, not a programmer.
//
// Load is the one entry point for the app and the command-line trainer: it
// sniffs which kind of file it was given.
package checkpoint
