package lesson

import (
	"errors"
	"strings"
	"testing"
)

// FuzzDecode: whatever the link, Decode gives a lesson or a one-line
// *Error, never a panic; a lesson it gives encodes (unless packing it
// again is longer than a link may be) and decodes to itself.
func FuzzDecode(f *testing.F) {
	f.Add(pack(goodRaw(f).bytes()))
	if s, err := Encode(&Lesson{Data: starter(f, 2), Settings: DefaultSettings()}); err == nil {
		f.Add(s)
	}
	for _, link := range makeInvalid(f) {
		if len(link) < 20000 { // the corpus is kept small: no bomb, no overlong text
			f.Add(link)
		}
	}
	f.Fuzz(func(t *testing.T, link string) {
		l, err := Decode(link)
		if err != nil {
			var le *Error
			if l != nil || !errors.As(err, &le) || !strings.HasPrefix(err.Error(), "lesson: ") || strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("Decode gave %v, %v (%T): want nil and a one-line *Error", l, err, err)
			}
			return
		}
		s, err := Encode(l)
		if err != nil {
			if strings.Contains(err.Error(), "the link would be") {
				return // a better packer than ours made it
			}
			t.Fatalf("a decoded lesson does not encode: %v", err)
		}
		back, err := Decode(s)
		if err != nil {
			t.Fatalf("a re-encoded lesson does not decode: %v", err)
		}
		sameLesson(t, back, l)
	})
}
