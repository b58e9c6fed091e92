package checkpoint

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"unicode/utf8"

	"digittrainer/data"
	"digittrainer/i18n"
)

// Load reads any file a user may hand the app or the command-line trainer
// and reports what it was: a safetensors checkpoint (first 8 bytes a
// plausible header length, then '{'), an original-app checkpoint (a JSON
// object), a dataset in the original app's JSON (a JSON array), or a dataset
// CSV (text with commas). Dataset errors come from the data package and
// start with "data: ".
func Load(b []byte) (*Loaded, error) {
	if len(b) == 0 {
		return nil, formatErr(i18n.T("the file is empty"))
	}
	if len(b) > MaxFileSize {
		return nil, formatErr(i18n.Sprintf("the file is %s, larger than the %s limit; checkpoints and datasets are far smaller", sizeText(uint64(len(b))), sizeText(MaxFileSize)))
	}
	if isSafetensors(b) {
		m, err := DecodeSafetensors(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		return &Loaded{Kind: Safetensors, Model: m, Data: m.Data}, nil
	}
	text := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\uFEFF")), " \t\r\n")
	switch {
	case len(text) > 0 && text[0] == '{':
		m, err := DecodeBDT(bytes.NewReader(text))
		if err != nil {
			return nil, err
		}
		return &Loaded{Kind: BDTCheckpoint, Model: m}, nil
	case len(text) > 0 && text[0] == '[':
		d, err := data.ReadJSON(bytes.NewReader(text))
		if err != nil {
			return nil, err
		}
		return &Loaded{Kind: DatasetJSON, Data: d}, nil
	case looksLikeCSV(text):
		d, err := data.ReadCSV(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		return &Loaded{Kind: DatasetCSV, Data: d}, nil
	}
	return nil, formatErr(i18n.T("this file is not a Digit Trainer checkpoint, an original-app checkpoint or a dataset (CSV/JSON)"))
}

// isSafetensors reports whether b starts like a safetensors file: eight
// bytes of binary header length, then the header's opening brace. A length
// that does not fit the file still counts, so that DecodeSafetensors can
// say what is wrong with it rather than "not a checkpoint".
func isSafetensors(b []byte) bool {
	if len(b) < 9 || b[8] != '{' {
		return false
	}
	if n := binary.LittleEndian.Uint64(b); n >= 2 && n <= uint64(len(b)-8) {
		return true
	}
	return !utf8.Valid(b[:8]) || bytes.ContainsFunc(b[:8], func(r rune) bool {
		return r < 0x20 && r != '\t' && r != '\n' && r != '\r'
	})
}

// looksLikeCSV reports whether the first line is text with commas whose
// first field is a number (a label) or the header "label", so that a letter
// or a log file is not mistaken for a dataset with a confusing error.
func looksLikeCSV(b []byte) bool {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	first, _, ok := bytes.Cut(line, []byte(","))
	if !ok || !utf8.Valid(line) || bytes.IndexByte(line, 0) >= 0 {
		return false
	}
	first = bytes.TrimSpace(first)
	if bytes.EqualFold(first, []byte("label")) {
		return true
	}
	_, err := strconv.ParseFloat(string(first), 64)
	return err == nil
}
