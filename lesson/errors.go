package lesson

import (
	"io"

	"digittrainer/i18n"
)

// Error is a link (or a lesson to encode) refused. Msg is one line for a
// teacher, without the package prefix, for the app to show as it is: said
// in the language in use when the error was made (errCutShort's, made at
// start, is a catalog key that session.Plain translates). Err is
// io.ErrUnexpectedEOF when the link is cut short, as image/png reports a
// truncated file.
type Error struct {
	Msg string
	Err error
}

func (e *Error) Error() string { return "lesson: " + e.Msg }

func (e *Error) Unwrap() error { return e.Err }

// errorf makes an *Error of a message already said in the language in use:
// callers write errorf(i18n.Sprintf(format, ...)), so the app shows it
// translated and the CLI, whose language is English, reads it as before.
func errorf(msg string) *Error { return &Error{Msg: msg} }

// errCutShort is the one message for every way a link can end early: a
// mail program or a chat cutting a long line is the usual cause. Made once,
// its text is a catalog key, translated where it is shown.
var errCutShort = &Error{Msg: i18n.Mark("the link is cut short: copy the whole link"), Err: io.ErrUnexpectedEOF}

// kb writes a byte count in kilobytes of 1,024 bytes with one decimal
// ("3.2 KB"), so that MaxLinkLen reads as the 64 KB it is. The unit is the
// same in every language; the decimal separator is the language's.
func kb(n int) string { return i18n.Float(float64(n)/1024, 1) + " KB" }
