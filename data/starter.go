package data

import (
	"bytes"
	"errors"
	"fmt"

	"digittrainer/assets"
	"digittrainer/i18n"
)

// Starter returns a fresh copy of the built-in starter set: for classes 2,
// 150 drawings each of 0 and 1; for 10, 50 of each digit. They are drawn by
// a generator in the repository (data/internal/genstarter) from strokes of
// varied size, slant, width and position, not copied from anyone's
// drawings. Other class counts are an error.
func Starter(classes int) (*Dataset, error) {
	var b []byte
	switch classes {
	case 2:
		b = assets.Starter2
	case 10:
		b = assets.Starter10
	default:
		return nil, errors.New("data: " + i18n.Sprintf("no starter set for %d classes (there is one for 2 and one for 10)", classes))
	}
	d, err := ReadCSV(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("data: built-in starter set is broken: %w", err)
	}
	d.Classes = DefaultClasses(classes)
	return d, nil
}
