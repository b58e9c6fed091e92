// Package lesson is a whole starting point in a link: the drawings with
// their labels, class names and sides, the settings, the seed, the view and
// a teacher's options (panels hidden, settings fixed, a lesson or the tour
// to open). It lives in the link's fragment, after the '#', which a browser
// never sends to a server, so a lesson travels by e-mail or a class page
// without any server keeping it.
//
// A link is text from anyone, so Decode checks it as carefully as the
// checkpoint and data readers check files: sizes are bounded before
// anything is allocated, every number is range-checked, and every refusal
// is an *Error with one line a teacher can act on (see invalid_test.go).
//
// It imports nn and data only, never Ebiten or syscall/js, so the app and
// `trainer link` make the same links.
package lesson
