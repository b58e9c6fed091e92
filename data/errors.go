package data

import (
	"errors"
	"fmt"
	"io"

	"digittrainer/i18n"
)

// MaxFileSize is the largest file the readers accept. A 9×9 dataset is
// about 170 bytes a sample in CSV, so 32 MiB is ~190,000 samples: far more
// than a class draws, small enough that a wrong file cannot exhaust a
// browser tab's memory.
const MaxFileSize = 32 << 20

// ErrTooLarge is returned (wrapped) by the readers for input over MaxFileSize.
//
// Its text after "data: " is a catalog key: the app translates it where it
// shows it.
var ErrTooLarge = errors.New("data: " + i18n.Mark("file is larger than 32 MiB; a dataset of 9×9 drawings is far smaller"))

// FormatError reports input that is not a valid dataset. Line is the 1-based
// line of a CSV file and Sample the 1-based sample of a JSON file, whichever
// applies (0 when neither does), so a teacher can find the bad entry. Msg
// is said in the language in use when the error was made; Error says the
// line or sample in the language in use.
type FormatError struct {
	Line   int
	Sample int
	Msg    string
}

func (e *FormatError) Error() string {
	switch {
	case e.Line > 0:
		return "data: " + i18n.Sprintf("line %d: %s", e.Line, e.Msg)
	case e.Sample > 0:
		return "data: " + i18n.Sprintf("sample %d: %s", e.Sample, e.Msg)
	}
	return "data: " + e.Msg
}

// readLimited reads all of r, refusing more than MaxFileSize bytes without
// reading past the limit.
func readLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("data: reading: %w", err)
	}
	if len(b) > MaxFileSize {
		return nil, ErrTooLarge
	}
	return b, nil
}

// classesFor returns how many classes labels up to maxLabel need: the
// two-class demo unless a label above 1 appears, then all ten digits.
func classesFor(maxLabel int) int {
	if maxLabel > 1 {
		return 10
	}
	return 2
}
