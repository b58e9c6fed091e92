package session

import (
	"strings"

	"digittrainer/i18n"
)

// Message is the last thing the session said: what an action did, or why
// it could not.
type Message struct {
	Text string
	Err  bool
	Seq  int // counts messages, so a banner knows a new one arrived (even a repeat)
}

// Message returns the last message.
func (s *Session) Message() Message { return s.msg }

// Say shows an informative message; Fail shows an error. The format is a
// catalog key: it is said in the language in use, its numbers written the
// language's way.
func (s *Session) Say(format string, a ...any)  { s.say(false, format, a...) }
func (s *Session) Fail(format string, a ...any) { s.say(true, format, a...) }

func (s *Session) say(isErr bool, format string, a ...any) {
	s.msg = Message{Text: i18n.Sprintf(format, a...), Err: isErr, Seq: s.msg.Seq + 1}
}

// pkgPrefixes name the package an error came from; they help on stderr and
// in logs, but a student reading the screen only needs what went wrong.
var pkgPrefixes = []string{"checkpoint: ", "data: ", "platform: ", "nn: ", "session: ", "experiment: ", "lesson: "}

// Plain returns err's text without its leading package prefixes, for the
// screen, in the language in use: an error whose text is fixed (a
// sentinel made at init, in English) is translated here; one made with
// i18n.Sprintf already is.
func Plain(err error) string {
	msg := err.Error()
	for again := true; again; {
		again = false
		for _, p := range pkgPrefixes {
			if rest, ok := strings.CutPrefix(msg, p); ok {
				msg, again = rest, true
			}
		}
	}
	return i18n.T(msg)
}
