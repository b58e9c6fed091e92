package lesson

import (
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// invalidLinks maps each hostile link of makeInvalid to the error it gives.
var invalidLinks = map[string]string{
	"empty":              "lesson: the link holds no lesson: nothing follows its #",
	"no fragment":        "lesson: this is not a Digit Trainer lesson link: it should start with v1.",
	"newer version":      "lesson: this link was made by a newer Digit Trainer (lesson format v2): open it there, or update this one",
	"version byte":       "lesson: the link is damaged: its text says lesson format v1, its data v7",
	"truncated text":     "lesson: the link is cut short: copy the whole link",
	"truncated odd":      "lesson: the link is cut short: copy the whole link",
	"truncated data":     "lesson: the link is cut short: copy the whole link",
	"claims 5000":        "lesson: the link is cut short: copy the whole link",
	"million drawings":   "lesson: the link holds 1,000,000 drawings; at most 5,000 fit in a link",
	"bad base64":         `lesson: the link has a character that does not belong in it ("*", character 11 after v1.): copy it again`,
	"random bytes":       "lesson: the link is damaged (it does not unpack): copy the whole link again",
	"bomb":               "lesson: the link unpacks to more than 60.9 KB, more than any lesson holds: it was not made by Digit Trainer",
	"overlong":           "lesson: the link is 68.4 KB long; a lesson link is at most 64.0 KB",
	"trailing text":      "lesson: the link is damaged: 3 bytes follow its lesson",
	"trailing data":      "lesson: the link is damaged: 2 bytes follow its drawings",
	"flags":              "lesson: the link has options this Digit Trainer does not know (flags 0x80): it may come from a newer version",
	"classes 11":         "lesson: the link has 11 classes; a lesson has 2 to 10",
	"name utf8":          "lesson: class 1's name is not valid text (UTF-8)",
	"name empty":         "lesson: class 0's name is empty",
	"hidden 0":           "lesson: the hidden size 0 is outside 1..256",
	"activation":         "lesson: the link asks for activation number 7; this Digit Trainer knows sigmoid, tanh and relu",
	"NaN rate":           "lesson: the learning rate NaN is not a number above 0",
	"decay 2":            "lesson: the learning-rate decay 2 is not above 0 and at most 1",
	"batch 0":            "lesson: the batch size 0 is outside 1..1,048,576",
	"epochs 5000":        "lesson: the epochs a click trains, 5000, are outside 1..1,000",
	"Inf pace":           "lesson: the pace +Inf is not 0 (full speed) or a number of drawings a second",
	"fixed":              "lesson: the link fixes settings this Digit Trainer does not know (mask 0x0400): it may come from a newer version",
	"open":               `lesson: the lesson to open "../x" has a character other than letters, digits, '-', '_' and '.'`,
	"hide":               `lesson: a hidden panel's name "<script>" has a character other than letters, digits, '-', '_' and '.'`,
	"title":              "lesson: the title has a control character; it must be one line of text",
	"label":              "lesson: drawing 4 is labelled 2, but the lesson has only 2 classes (0..1)",
	"pixel past grid":    "lesson: drawing 1 has pixels past the 81 of its 9×9 grid",
	"sides past the end": "lesson: the link is damaged: it holds validation marks past its last drawing",
	"sides unsided":      "lesson: drawing 1 is held out for validation, but the link says its drawings have no sides",
}

// makeInvalid builds each hostile link from the good one, one fault each:
// the binary is changed field by field (goodRaw) before it is packed, so
// only the intended check can fail.
func makeInvalid(t testing.TB) map[string]string {
	good := pack(goodRaw(t).bytes())
	mut := func(f func(r *raw)) string {
		r := goodRaw(t)
		f(&r)
		return pack(r.bytes())
	}
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 512)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	cut := func(n int) string { // good without its last n characters, n%4 != 1 left
		return good[:len(good)-n]
	}
	if (len(good)-len(Prefix)-7)%4 == 1 {
		t.Fatal("the truncated link would have an impossible base64 length; pick another cut")
	}
	return map[string]string{
		"empty":          "",
		"no fragment":    "https://example.org/digit-trainer.html",
		"newer version":  "v2." + strings.TrimPrefix(good, Prefix),
		"version byte":   mut(func(r *raw) { r.version = 7 }),
		"truncated text": cut(7),
		"truncated odd": func() string {
			s := good
			for (len(s)-len(Prefix))%4 != 1 {
				s = s[:len(s)-1]
			}
			return s
		}(),
		"truncated data":   func() string { b := goodRaw(t).bytes(); return pack(b[:len(b)-5]) }(),
		"claims 5000":      mut(func(r *raw) { r.n = 5000 }),
		"million drawings": mut(func(r *raw) { r.n = 1_000_000 }),
		"bad base64":       good[:len(Prefix)+10] + "*" + good[len(Prefix)+11:],
		"random bytes":     Prefix + encoding.EncodeToString(random),
		"bomb":             pack(make([]byte, 10<<20)),
		"overlong":         Prefix + strings.Repeat("A", 70000),
		"trailing text": func() string {
			var z bytes.Buffer
			w, _ := flate.NewWriter(&z, flate.BestCompression)
			w.Write(goodRaw(t).bytes())
			w.Close()
			return Prefix + encoding.EncodeToString(append(z.Bytes(), 1, 2, 3))
		}(),
		"trailing data":      mut(func(r *raw) { r.trailer = []byte{0, 0} }),
		"flags":              mut(func(r *raw) { r.flags |= 0x80 }),
		"classes 11":         mut(func(r *raw) { r.classes = append(r.classes, make([]string, 9)...) }),
		"name utf8":          mut(func(r *raw) { r.classes[1] = "\xffne" }),
		"name empty":         mut(func(r *raw) { r.classes[0] = "" }),
		"hidden 0":           mut(func(r *raw) { r.hidden = 0 }),
		"activation":         mut(func(r *raw) { r.act = 7 }),
		"NaN rate":           mut(func(r *raw) { r.lr = math.NaN() }),
		"decay 2":            mut(func(r *raw) { r.decay = 2 }),
		"batch 0":            mut(func(r *raw) { r.batch = 0 }),
		"epochs 5000":        mut(func(r *raw) { r.epochsN = 5000 }),
		"Inf pace":           mut(func(r *raw) { r.pace = math.Inf(1) }),
		"fixed":              mut(func(r *raw) { r.fixed |= 1 << 10 }),
		"open":               mut(func(r *raw) { r.open = "../x" }),
		"hide":               mut(func(r *raw) { r.hide[1] = "<script>" }),
		"title":              mut(func(r *raw) { r.title = "line\nbreak" }),
		"label":              mut(func(r *raw) { r.labels[3] = 2 }),
		"pixel past grid":    mut(func(r *raw) { r.pixels[10] |= 0x02 }),
		"sides past the end": mut(func(r *raw) { r.sides[len(r.sides)-1] |= 0x80 }),
		"sides unsided":      mut(func(r *raw) { r.flags &^= flagSided; r.sides[0] = 1 }),
	}
}

// TestInvalidLinks: every hostile link gives its one-line *Error and no
// lesson; a cut one wraps io.ErrUnexpectedEOF, as a truncated file does.
func TestInvalidLinks(t *testing.T) {
	if _, err := Decode(pack(goodRaw(t).bytes())); err != nil {
		t.Fatalf("the good link the table starts from: %v", err)
	}
	links := makeInvalid(t)
	if len(links) != len(invalidLinks) {
		t.Errorf("%d links made, %d in the table", len(links), len(invalidLinks))
	}
	for name, link := range links {
		want, ok := invalidLinks[name]
		if !ok {
			t.Errorf("%s has no expected error", name)
			continue
		}
		l, err := Decode(link)
		var le *Error
		if l != nil || !errors.As(err, &le) || err.Error() != want {
			t.Errorf("%s: got %v (%T), want %q", name, err, err, want)
			continue
		}
		if strings.ContainsAny(err.Error(), "\n\r") {
			t.Errorf("%s: the error is not one line", name)
		}
		if cut := strings.Contains(want, "cut short"); cut != errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("%s: wraps io.ErrUnexpectedEOF: %v, want %v", name, !cut, cut)
		}
	}
}

// TestDecodeBoundsMemory: a link that unpacks to 10 MB, and one claiming
// a million drawings, cost Decode far less than the claim: it reads at
// most maxRaw bytes and allocates for drawings only once they are there.
func TestDecodeBoundsMemory(t *testing.T) {
	links := makeInvalid(t)
	for _, name := range []string{"bomb", "million drawings", "claims 5000"} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		Decode(links[name])
		runtime.ReadMemStats(&after)
		// maxRaw (61 KB) read through a doubling buffer, DEFLATE's 32 KB
		// window and tables, the link's bytes: under 4 × maxRaw.
		if got := after.TotalAlloc - before.TotalAlloc; got > 4*maxRaw {
			t.Errorf("%s: Decode allocated %d bytes", name, got)
		} else {
			t.Logf("%s: Decode allocated %s", name, kb(int(got)))
		}
	}
}
