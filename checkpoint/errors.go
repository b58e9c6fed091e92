package checkpoint

// FormatError reports a file that is damaged or is not the format it claims
// to be. Err, when set, is the underlying cause (io.ErrUnexpectedEOF for a
// file cut short), so errors.Is works through it.
type FormatError struct {
	Msg string
	Err error
}

func (e *FormatError) Error() string { return "checkpoint: " + e.Msg }

// Unwrap returns the underlying cause, if any.
func (e *FormatError) Unwrap() error { return e.Err }

// UnsupportedError reports a well-formed file, or a model, that this version
// cannot use (a newer format version, a feature the original app lacks).
type UnsupportedError struct {
	Msg string
}

func (e *UnsupportedError) Error() string { return "checkpoint: " + e.Msg }

// formatErr and unsupported make the errors of a message already said in
// the language in use: callers write formatErr(i18n.Sprintf(format, ...)),
// so the app shows it translated and the CLI, whose language is English,
// reads it as before.
func formatErr(msg string) error { return &FormatError{Msg: msg} }

func unsupported(msg string) error { return &UnsupportedError{Msg: msg} }
