package data

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"digittrainer/i18n"
)

// ReadCSV reads a dataset written one sample a line as `label,p0,…,p80`:
// the label is a digit 0..9 and each pixel 0 or 1 (0.0 and 1.0 are also
// accepted, as spreadsheets write them). A first line starting with "label"
// is a header and is skipped, as are blank lines; CRLF line ends and a
// UTF-8 byte-order mark are fine.
//
// The dataset has two classes ("0", "1") when every label is 0 or 1 and all
// ten digits otherwise. Errors are *FormatError with the line number, or
// ErrTooLarge for input over MaxFileSize.
func ReadCSV(r io.Reader) (*Dataset, error) {
	b, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var samples []Sample
	maxLabel := 0
	seenData := false
	for n, line := range bytes.Split(b, []byte("\n")) {
		lineNo := n + 1
		text := strings.TrimSpace(string(line))
		if text == "" {
			continue
		}
		fields := strings.Split(text, ",")
		if !seenData && strings.EqualFold(strings.TrimSpace(fields[0]), "label") {
			seenData = true // a header line
			continue
		}
		seenData = true
		s, err := parseCSVLine(fields)
		if err != nil {
			return nil, &FormatError{Line: lineNo, Msg: err.Error()}
		}
		maxLabel = max(maxLabel, s.Label)
		samples = append(samples, s)
	}
	return &Dataset{Classes: DefaultClasses(classesFor(maxLabel)), Samples: samples}, nil
}

// parseCSVLine turns one line's fields into a sample, checking the count
// before parsing anything.
func parseCSVLine(fields []string) (Sample, error) {
	var s Sample
	switch {
	case len(fields) == Pixels:
		return s, errors.New(i18n.Sprintf("sample has no label (%d values, want a label and %d pixels)", len(fields), Pixels))
	case len(fields) != Pixels+1:
		return s, errors.New(i18n.Sprintf("%d values, want a label and %d pixels", len(fields), Pixels))
	}
	lab := strings.TrimSpace(fields[0])
	if lab == "" {
		return s, errors.New(i18n.T("sample has no label"))
	}
	l, err := strconv.Atoi(lab)
	if err != nil {
		return s, errors.New(i18n.Sprintf("label %q is not a whole number 0..9", lab))
	}
	if l < 0 || l > 9 {
		return s, errors.New(i18n.Sprintf("label %d is outside 0..9", l))
	}
	s.Label = l
	for i, f := range fields[1:] {
		v, err := parsePixel(strings.TrimSpace(f))
		if err != nil {
			return s, errors.New(i18n.Sprintf("pixel %d: %v", i, err))
		}
		s.Pixels[i] = v
	}
	return s, nil
}

// parsePixel accepts "0" and "1" and any number equal to them ("0.0", "1e0").
func parsePixel(f string) (uint8, error) {
	switch f {
	case "0":
		return 0, nil
	case "1":
		return 1, nil
	case "":
		return 0, errors.New(i18n.T("empty value, want 0 or 1"))
	}
	v, err := strconv.ParseFloat(f, 64)
	switch {
	case err == nil && v == 0:
		return 0, nil
	case err == nil && v == 1:
		return 1, nil
	}
	return 0, errors.New(i18n.Sprintf("%q is not 0 or 1", f))
}

// WriteCSV writes d with a header line `label,p0,…,p80`, one sample a line.
// Class names are not stored: ReadCSV gives back "0".."9" names by label.
// It refuses a dataset with a label outside its classes or a pixel not 0/1.
func WriteCSV(w io.Writer, d *Dataset) error {
	if err := d.check(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("label")
	for i := range Pixels {
		bw.WriteString(",p")
		bw.WriteString(strconv.Itoa(i))
	}
	bw.WriteByte('\n')
	for i := range d.Samples {
		s := &d.Samples[i]
		bw.WriteString(strconv.Itoa(s.Label))
		for _, p := range s.Pixels {
			bw.WriteByte(',')
			bw.WriteByte('0' + p)
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("data: writing CSV: %w", err)
	}
	return nil
}

// check reports the first sample a writer cannot store faithfully.
func (d *Dataset) check() error {
	if len(d.Classes) < 2 || len(d.Classes) > 10 {
		return errors.New("data: " + i18n.Sprintf("%d classes, want 2..10", len(d.Classes)))
	}
	for i := range d.Samples {
		s := &d.Samples[i]
		if s.Label < 0 || s.Label >= len(d.Classes) {
			return &FormatError{Sample: i + 1, Msg: i18n.Sprintf("label %d is not one of the %d classes", s.Label, len(d.Classes))}
		}
		for j, p := range s.Pixels {
			if p > 1 {
				return &FormatError{Sample: i + 1, Msg: i18n.Sprintf("pixel %d is %d, want 0 or 1", j, p)}
			}
		}
	}
	return nil
}
