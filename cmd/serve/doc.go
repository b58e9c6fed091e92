// Command serve is the small static file server behind `make run`.
//
// It exists so that trying Digit Trainer needs nothing but Go: browsers refuse to
// instantiate WebAssembly from file:// with the right MIME type, and `python -m http.server`
// is not on every school laptop. It serves one folder (dist/web by default from the
// Makefile) on the loopback interface, sends application/wasm for .wasm files, and gzips
// responses when the browser accepts it — from a precompressed name.gz beside the file when
// one is present and up to date, otherwise on the fly — because school networks are slow
// and the wasm shrinks about four times.
//
// Usage:
//
//	serve [-addr 127.0.0.1:8080] [-dir folder]
//
// It never lists folders, never serves dot files, and cannot reach outside -dir (os.Root).
package main
