//go:build js

package platform

import (
	"errors"
	"syscall/js"
)

// jsText describes a thrown JavaScript value: its name and message when it
// is an Error or DOMException, else its string form.
func jsText(v js.Value) string {
	if v.Type() == js.TypeObject {
		name, msg := v.Get("name"), v.Get("message")
		if name.Type() == js.TypeString && msg.Type() == js.TypeString {
			return name.String() + ": " + msg.String()
		}
	}
	return js.Global().Get("String").Invoke(v).String()
}

// jsName returns the name of a thrown DOMException or Error ("QuotaExceededError").
func jsName(v js.Value) string {
	if v.Type() == js.TypeObject {
		if n := v.Get("name"); n.Type() == js.TypeString {
			return n.String()
		}
	}
	return ""
}

// catch turns a JavaScript exception (syscall/js panics with js.Error) into
// *err, so a browser quirk becomes an error message instead of a crash. Other
// panics go on. Use as: defer catch(&err).
func catch(err *error) {
	r := recover()
	if r == nil {
		return
	}
	je, ok := r.(js.Error)
	if !ok {
		panic(r)
	}
	*err = &jsException{name: jsName(je.Value), text: jsText(je.Value)}
}

// jsException is a JavaScript exception caught by catch.
type jsException struct{ name, text string }

func (e *jsException) Error() string { return "platform: " + e.text }

// exceptionName returns the JavaScript name of a caught exception, or "".
func exceptionName(err error) string {
	var je *jsException
	if errors.As(err, &je) {
		return je.name
	}
	return ""
}
