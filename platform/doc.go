// Package platform is the app's only door to the world outside Go: files the
// user picks or drops, saving, autosave storage, the page going out of
// sight (OnHide), the quick taps Ebiten misses (Taps) and the status that
// assistive technology and tests read. It is the only package that imports
// syscall/js.
//
// Every function has two builds with one API: *_js.go for the browser
// (GOOS=js) and *_notjs.go for the desktop (or one file for both, as
// tap.go). The app calls Poll once per Update, then PendingFiles and Taps;
// nothing here blocks a frame.
//
// Browser notes:
//   - OpenFilePicker shows the browser's file dialog, which browsers allow
//     only during "transient activation": a short time after a click or key
//     press (about 5 s in Chrome). Ebiten runs Update on the next animation
//     frame, a few milliseconds after the event, so calling OpenFilePicker
//     from Update in response to a click or the O key works; calling it from
//     a timer or at start-up does not (the call is then silently ignored).
//   - Dropped files are read by our own listener on the window, which also
//     stops the drop from reaching Ebiten's listener on the canvas: Ebiten's
//     DroppedFiles uses the File System Entry API, which hangs or fails on
//     pages opened from file://.
//   - Files are copied into Go by JavaScript callbacks that never block: each
//     copies its bytes into a mutex-guarded queue that Poll/PendingFiles
//     drain on the game loop.
//   - Files over MaxFileSize are refused by their size and never read.
package platform
