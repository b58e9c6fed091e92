package data

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"digittrainer/i18n"
)

// ReadJSON reads the original Binary Digit Trainer's dataset file:
//
//	[{"input": [81 × 0|1, row-major], "target": [one-hot]}, …]
//
// The target's length is the number of classes (2..10) and must be the same
// for every sample; it must hold a single 1 and zeros. Other keys in a
// sample are ignored. The file is read as a stream of tokens so that an
// array longer than it should be is refused as soon as it overflows rather
// than after it has been allocated. Errors are *FormatError with the
// 1-based sample number, or ErrTooLarge for input over MaxFileSize.
func ReadJSON(r io.Reader) (*Dataset, error) {
	b, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := expectDelim(dec, '['); err != nil {
		return nil, &FormatError{Msg: i18n.Sprintf("want a list of samples [{\"input\":…,\"target\":…}]: %v", err)}
	}
	var samples []Sample
	classes := 0
	for dec.More() {
		n := len(samples) + 1
		s, c, err := readJSONSample(dec)
		if err != nil {
			return nil, &FormatError{Sample: n, Msg: err.Error()}
		}
		if classes == 0 {
			classes = c
		} else if c != classes {
			return nil, &FormatError{Sample: n, Msg: i18n.Sprintf("target has %d values but earlier samples have %d", c, classes)}
		}
		samples = append(samples, s)
	}
	if err := expectDelim(dec, ']'); err != nil {
		return nil, &FormatError{Msg: i18n.Sprintf("unterminated list of samples: %v", err)}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &FormatError{Msg: i18n.T("unexpected data after the list of samples")}
	}
	if classes == 0 {
		classes = 2
	}
	return &Dataset{Classes: DefaultClasses(classes), Samples: samples}, nil
}

// readJSONSample reads one {"input":…,"target":…} object and returns the
// sample and the length of its target.
func readJSONSample(dec *json.Decoder) (Sample, int, error) {
	var s Sample
	if err := expectDelim(dec, '{'); err != nil {
		return s, 0, errors.New(i18n.T("want an object with \"input\" and \"target\""))
	}
	var target [10]float64
	nIn, nTarget := -1, -1
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return s, 0, syntaxError(err)
		}
		switch tok {
		case "input":
			var in [Pixels]float64
			if nIn, err = readNumbers(dec, in[:], "input"); err != nil {
				return s, 0, err
			}
			if nIn != Pixels {
				return s, 0, errors.New(i18n.Sprintf("input has %d values, want %d", nIn, Pixels))
			}
			for i, v := range in {
				if v != 0 && v != 1 {
					return s, 0, errors.New(i18n.Sprintf("input value %d is %v, want 0 or 1", i, v))
				}
				s.Pixels[i] = uint8(v)
			}
		case "target":
			if nTarget, err = readNumbers(dec, target[:], "target"); err != nil {
				return s, 0, err
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return s, 0, syntaxError(err)
			}
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return s, 0, err
	}
	switch {
	case nIn < 0:
		return s, 0, errors.New(i18n.T("no \"input\""))
	case nTarget < 0:
		return s, 0, errors.New(i18n.T("sample has no label (no \"target\")"))
	case nTarget < 2:
		return s, 0, errors.New(i18n.Sprintf("target has %d values, want one per class (2..10)", nTarget))
	}
	label := -1
	for i, v := range target[:nTarget] {
		switch {
		case v == 1 && label < 0:
			label = i
		case v != 0:
			return s, 0, errors.New(i18n.Sprintf("target %v is not one-hot (a single 1, the rest 0)", target[:nTarget]))
		}
	}
	if label < 0 {
		return s, 0, errors.New(i18n.Sprintf("sample has no label (target %v is all zeros)", target[:nTarget]))
	}
	s.Label = label
	return s, nTarget, nil
}

// readNumbers reads a JSON array of finite numbers into dst and returns how
// many it held, failing as soon as it holds more than len(dst).
func readNumbers(dec *json.Decoder, dst []float64, name string) (int, error) {
	if err := expectDelim(dec, '['); err != nil {
		return 0, errors.New(i18n.Sprintf("%s: want a list of numbers", name))
	}
	n := 0
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return 0, syntaxError(err)
		}
		num, ok := tok.(json.Number)
		if !ok {
			return 0, errors.New(i18n.Sprintf("%s value %d is %s, want a number", name, n, describe(tok)))
		}
		if n == len(dst) {
			return 0, errors.New(i18n.Sprintf("%s has more than %d values", name, len(dst)))
		}
		v, err := strconv.ParseFloat(string(num), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, errors.New(i18n.Sprintf("%s value %d (%s) is not a finite number", name, n, num))
		}
		dst[n] = v
		n++
	}
	if err := expectDelim(dec, ']'); err != nil {
		return 0, err
	}
	return n, nil
}

// expectDelim reads the next token and checks that it is d.
func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return syntaxError(err)
	}
	if tok != d {
		return errors.New(i18n.Sprintf("found %s, want %q", describe(tok), string(d)))
	}
	return nil
}

func syntaxError(err error) error {
	if err == io.EOF {
		return errors.New(i18n.T("file ends too early (truncated?)"))
	}
	return errors.New(i18n.Sprintf("not valid JSON: %v", err))
}

// describe names a JSON token for an error message.
func describe(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		return strconv.Quote(t.String())
	case string:
		return i18n.Sprintf("the text %s", strconv.Quote(t))
	case json.Number:
		return i18n.Sprintf("the number %s", string(t))
	case bool:
		return strconv.FormatBool(t)
	case nil:
		return "null"
	}
	return fmt.Sprint(tok)
}

// WriteJSON writes d in the original app's dataset format, one sample a
// line, with one-hot targets as long as d has classes. Class names are not
// stored: the original app knows only class indices.
func WriteJSON(w io.Writer, d *Dataset) error {
	if err := d.check(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("[")
	for i := range d.Samples {
		s := &d.Samples[i]
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n  {\"input\": [")
		for j, p := range s.Pixels {
			if j > 0 {
				bw.WriteByte(',')
			}
			bw.WriteByte('0' + p)
		}
		bw.WriteString("], \"target\": [")
		for c := range d.Classes {
			if c > 0 {
				bw.WriteByte(',')
			}
			if c == s.Label {
				bw.WriteByte('1')
			} else {
				bw.WriteByte('0')
			}
		}
		bw.WriteString("]}")
	}
	bw.WriteString("\n]\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("data: writing JSON: %w", err)
	}
	return nil
}
