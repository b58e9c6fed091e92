// Package files holds the parts of the platform layer that are plain Go and
// need neither a browser nor a display: the file-size limit and its message,
// atomic writes, the desktop key-value store and reading dropped files from an
// fs.FS.
//
// It lives apart from package platform because that package imports Ebiten on
// the desktop, and Ebiten panics at init without a display; here the logic is
// tested with a plain `go test`.
package files
