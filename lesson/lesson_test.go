package lesson

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"

	"digittrainer/data"
)

// TestRawIsTheLayout: appendLesson writes the layout format.go documents,
// as the tests' own writer reads it.
func TestRawIsTheLayout(t *testing.T) {
	if got, want := appendLesson(nil, smallLesson(t)), goodRaw(t).bytes(); !bytes.Equal(got, want) {
		t.Fatalf("appendLesson wrote %d bytes, the layout %d:\n%x\n%x", len(got), len(want), got, want)
	}
}

// TestRoundTrip: both starter sets with every option come back from their
// links as they went in, from the payload, "#payload" and a whole URL.
func TestRoundTrip(t *testing.T) {
	for _, classes := range []int{2, 10} {
		l := smallLesson(t)
		l.Data = starter(t, classes)
		l.View.Maps = true
		l.Teacher.Fixed = SettingKeys
		s, err := Encode(l)
		if err != nil {
			t.Fatal(err)
		}
		for _, link := range []string{s, "#" + s, "https://example.org/digit-trainer.html?x=1#" + s, s[:40] + "\n  " + s[40:]} {
			got, err := Decode(link)
			if err != nil {
				t.Fatalf("%d classes: %v", classes, err)
			}
			sameLesson(t, got, l)
		}
	}
}

// TestUnsided: a dataset without sides travels as one; its Val flags,
// meaningless there, are not sent.
func TestUnsided(t *testing.T) {
	l := smallLesson(t)
	l.Data.Sided = false
	s, err := Encode(l)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	if got.Data.Sided || got.Data.ValCounts()[0]+got.Data.ValCounts()[1] != 0 {
		t.Error("an unsided dataset came back with sides")
	}
}

// TestLinkSizes: the starter set's link is a few KB, as the issue asks: a
// link a teacher can paste in a chat. The 5,000-drawing limit fits too.
func TestLinkSizes(t *testing.T) {
	sizes := map[int]int{2: 8 << 10, 10: 16 << 10}
	for _, classes := range []int{2, 10} {
		l := &Lesson{Data: starter(t, classes), Settings: DefaultSettings()}
		s, err := Encode(l)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d-class starter set, %d drawings: link %s (%d characters)", classes, l.Data.Len(), kb(len(s)), len(s))
		sizes[0] = len(s) // the last, the 10-class set
		if len(s) > sizes[classes] {
			t.Errorf("%d-class starter link is %s, want under %s", classes, kb(len(s)), kb(sizes[classes]))
		}
	}
	// At the 10-class set's characters a drawing, MaxDrawings fit in a link
	// (the starter drawings are too alike to make 5,000 distinct ones to
	// try; random pixels, which no class draws, do not fit: TestEncodeRefuses).
	if n := sizes[0] * MaxDrawings / 500; n > MaxLinkLen {
		t.Errorf("%d drawings at the starter set's rate make %s, more than MaxLinkLen", MaxDrawings, kb(n))
	} else {
		t.Logf("%d drawings at the starter set's rate: about %s", MaxDrawings, kb(n))
	}
}

func TestEncodeRefuses(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(l *Lesson)
		want   string
	}{
		{"nil data", func(l *Lesson) { l.Data = nil }, "lesson: the lesson has no drawings"},
		{"pixel 2", func(l *Lesson) { l.Data.Samples[2].Pixels[40] = 2 }, "lesson: drawing 3 has a pixel value 2; a pixel is 0 or 1"},
		{"label", func(l *Lesson) { l.Data.Samples[0].Label = -1 }, "lesson: drawing 1 is labelled -1, but the lesson has only 2 classes (0..1)"},
		{"too many", func(l *Lesson) { l.Data.Samples = make([]data.Sample, MaxDrawings+1) }, "lesson: the lesson has 5,001 drawings; at most 5,000 fit in a link"},
		{"fixed key", func(l *Lesson) { l.Teacher.Fixed = []string{"Speed"} }, `lesson: "Speed" is not a setting a lesson can fix (LR, Decay, Batch, Hidden, Activation, Seed, Epochs, Pace, Patience)`},
		{"activation", func(l *Lesson) { l.Settings.Activation = "swish" }, `lesson: the activation "swish" is not sigmoid, tanh or relu`},
		{"hidden", func(l *Lesson) { l.Settings.Hidden = 257 }, "lesson: the hidden size 257 is outside 1..256"},
		{"min lr", func(l *Lesson) { l.Settings.MinLR = math.Inf(1) }, "lesson: the lowest learning rate +Inf is not 0 or more"},
		{"l2", func(l *Lesson) { l.Settings.L2 = -1 }, "lesson: the L2 weight decay -1 is not 0 or more"},
		{"patience", func(l *Lesson) { l.Settings.Patience = -1 }, "lesson: the epochs without progress that stop training, -1, are outside 0..1,000"},
		{"snap", func(l *Lesson) { l.Settings.SnapEvery = 1001 }, "lesson: the epochs between snapshots, 1001, are outside 0..1,000"},
		{"title", func(l *Lesson) { l.Title = strings.Repeat("é", 101) }, "lesson: the title is 202 bytes long; at most 200"},
		{"tab", func(l *Lesson) { l.View.Tab = "a tab" }, `lesson: the tab "a tab" has a character other than letters, digits, '-', '_' and '.'`},
		{"hide many", func(l *Lesson) { l.Teacher.Hide = make([]string, 33) }, "lesson: the lesson hides 33 panels and controls; at most 32"},
		{"hide empty", func(l *Lesson) { l.Teacher.Hide = []string{""} }, "lesson: a hidden panel's name is empty"},
		{"class name", func(l *Lesson) { l.Data.Classes[0] = strings.Repeat("x", 33) }, "lesson: class 0's name is 33 bytes long; at most 32"},
		{"classes", func(l *Lesson) { l.Data.Classes = []string{"a"} }, "lesson: the lesson has 1 classes; a lesson has 2 to 10"},
		{"too long", func(l *Lesson) { l.Data = noise(MaxDrawings) }, "lesson: the link would be 70.1 KB long; a lesson link is at most 64.0 KB: send fewer drawings, or the dataset as a file"},
	} {
		l := smallLesson(t)
		tc.change(l)
		s, err := Encode(l)
		var le *Error
		if !errors.As(err, &le) || err.Error() != tc.want {
			t.Errorf("%s: Encode gave %q, %v; want %q", tc.name, s, err, tc.want)
		}
	}
}

// noise is n drawings of seeded random pixels, which DEFLATE cannot pack.
func noise(n int) *data.Dataset {
	d := data.New(2)
	x := uint64(1)
	for i := range n {
		var s data.Sample
		for j := range s.Pixels {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			s.Pixels[j] = uint8(x >> 63)
		}
		s.Label = i % 2
		d.Samples = append(d.Samples, s)
	}
	return d
}
