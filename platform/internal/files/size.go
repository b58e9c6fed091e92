package files

import (
	"math"
	"strconv"

	"digittrainer/i18n"
)

// MaxFileSize is the largest file the app loads: 32 MiB, the same limit as
// data.MaxFileSize and checkpoint.MaxFileSize. The biggest real file (a
// checkpoint with a 10-class dataset of thousands of drawings) is well under
// 1 MiB, so anything near the limit is the wrong file; refusing it before it
// is read keeps it out of wasm memory, which never shrinks.
const MaxFileSize = 32 << 20

// TooLargeError reports a file refused by its size before it was read.
type TooLargeError struct {
	Name  string
	Size  int64
	Limit int64
}

// Error says it in the language in use.
func (e *TooLargeError) Error() string {
	return "platform: " + i18n.Sprintf("%s is %s; the largest file Digit Trainer can load is %s",
		e.Name, SizeText(e.Size), SizeText(e.Limit))
}

// CheckSize returns a *TooLargeError when size is over MaxFileSize, else nil.
func CheckSize(name string, size int64) error {
	if size > MaxFileSize {
		return &TooLargeError{Name: name, Size: size, Limit: MaxFileSize}
	}
	return nil
}

// SizeText writes a byte count for people: "512 bytes", "3 KB", "50 MB",
// "32.1 MB", in the language in use (the units are the same in every
// language; the decimal separator is the language's). Units are powers of
// 1024 (as file managers on most systems count). The tenths are rounded
// up, so a file just over the limit never shows the same number as the
// limit.
func SizeText(n int64) string {
	switch {
	case n < 1<<10:
		return i18n.Sprintf("%d bytes", n)
	case n < 1<<20:
		return tenths(float64(n)/(1<<10)) + " KB"
	case n < 1<<30:
		return tenths(float64(n)/(1<<20)) + " MB"
	default:
		return tenths(float64(n)/(1<<30)) + " GB"
	}
}

// tenths formats v rounded up to one decimal, without a trailing ".0".
func tenths(v float64) string {
	v = math.Ceil(v*10) / 10
	if v >= 100 || v == math.Trunc(v) {
		return strconv.FormatFloat(math.Ceil(v), 'f', 0, 64)
	}
	return i18n.Float(v, 1)
}
