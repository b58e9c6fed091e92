package lesson

import (
	"fmt"
	"io"
	"strconv"
)

// Error is a link (or a lesson to encode) refused. Msg is one line for a
// teacher, without the package prefix, for the app to show as it is; Err is
// io.ErrUnexpectedEOF when the link is cut short, as image/png reports a
// truncated file.
type Error struct {
	Msg string
	Err error
}

func (e *Error) Error() string { return "lesson: " + e.Msg }

func (e *Error) Unwrap() error { return e.Err }

func errorf(format string, args ...any) *Error {
	return &Error{Msg: fmt.Sprintf(format, args...)}
}

// errCutShort is the one message for every way a link can end early: a
// mail program or a chat cutting a long line is the usual cause.
var errCutShort = &Error{Msg: "the link is cut short: copy the whole link", Err: io.ErrUnexpectedEOF}

// thousands writes a count with commas between thousands ("1,000,000"),
// as a teacher reads it.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// itoa is strconv.Itoa, short for messages.
func itoa(n int) string { return strconv.Itoa(n) }

// kb writes a byte count in kilobytes of 1,024 bytes with one decimal
// ("3.2 KB"), so that MaxLinkLen reads as the 64 KB it is.
func kb(n int) string { return strconv.FormatFloat(float64(n)/1024, 'f', 1, 64) + " KB" }
