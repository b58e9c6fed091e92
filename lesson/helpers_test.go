package lesson

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"math"
	"slices"
	"testing"

	"digittrainer/data"
)

// raw is the binary layout of format.go as named fields, written by its
// own code (bytes) rather than appendLesson, so that a test can break one
// field of a good link and the layout is read twice (TestRawIsTheLayout).
type raw struct {
	version, flags                 byte
	classes                        []string
	hidden                         uint16
	act                            byte
	lr, decay, minLR, l2           float64
	batch                          uint32
	seed                           uint64
	epochsN                        uint16
	pace                           float64
	patience, snapEvery, fixed     uint16
	open, tab                      string
	hide                           []string
	title                          string
	n                              uint32
	labels, sides, pixels, trailer []byte
}

func (r raw) bytes() []byte {
	le := binary.LittleEndian
	b := []byte{r.version, r.flags, byte(len(r.classes))}
	str := func(s string) { b = append(append(b, byte(len(s))), s...) }
	for _, c := range r.classes {
		str(c)
	}
	b = le.AppendUint16(b, r.hidden)
	b = append(b, r.act)
	for _, f := range []float64{r.lr, r.decay, r.minLR, r.l2} {
		b = le.AppendUint64(b, math.Float64bits(f))
	}
	b = le.AppendUint32(b, r.batch)
	b = le.AppendUint64(b, r.seed)
	b = le.AppendUint16(b, r.epochsN)
	b = le.AppendUint64(b, math.Float64bits(r.pace))
	b = le.AppendUint16(b, r.patience)
	b = le.AppendUint16(b, r.snapEvery)
	b = le.AppendUint16(b, r.fixed)
	str(r.open)
	str(r.tab)
	b = append(b, byte(len(r.hide)))
	for _, h := range r.hide {
		str(h)
	}
	str(r.title)
	b = le.AppendUint32(b, r.n)
	b = append(append(append(b, r.labels...), r.sides...), r.pixels...)
	return append(b, r.trailer...)
}

// goodRaw is the layout of smallLesson, field by field.
func goodRaw(t testing.TB) raw {
	l := smallLesson(t)
	r := raw{version: 1, flags: flagSided | flagSimilar, classes: []string{"zero", "one"},
		hidden: 12, act: 1, lr: 0.3, decay: 0.95, minLR: 0.001, l2: 0.0001, batch: 4, seed: 42,
		epochsN: 20, pace: 30, patience: 5, snapEvery: 2, fixed: 1<<0 | 1<<3, // LR, Hidden
		open: "tour", tab: "network", hide: []string{"train", "setHidden"}, title: "Zéros et uns",
		n: uint32(l.Data.Len())}
	r.sides = make([]byte, (l.Data.Len()+7)/8)
	for i, s := range l.Data.Samples {
		r.labels = append(r.labels, byte(s.Label))
		if s.Val {
			r.sides[i/8] |= 1 << (i % 8)
		}
		var px [11]byte
		for j, p := range s.Pixels {
			px[j/8] |= p << (j % 8)
		}
		r.pixels = append(r.pixels, px[:]...)
	}
	return r
}

// smallLesson is 20 starter drawings (some held out: 20 is not a multiple
// of 8, so the sides' last byte has unused bits) with every option set.
func smallLesson(t testing.TB) *Lesson {
	d := starter(t, 2)
	d.Samples = slices.Concat(d.Samples[:10], d.Samples[len(d.Samples)-10:])
	d.Classes = []string{"zero", "one"}
	return &Lesson{
		Data: d,
		Settings: Settings{Hidden: 12, Activation: "tanh", LR: 0.3, Decay: 0.95, MinLR: 0.001, L2: 0.0001,
			Batch: 4, Seed: 42, EpochsN: 20, Pace: 30, Patience: 5, SnapEvery: 2},
		View:    View{Similar: true, Tab: "network"},
		Teacher: Teacher{Hide: []string{"train", "setHidden"}, Fixed: []string{"LR", "Hidden"}, Open: "tour"},
		Title:   "Zéros et uns",
	}
}

// starter is the starter set of classes with the app's sides.
func starter(t testing.TB, classes int) *data.Dataset {
	t.Helper()
	d, err := data.Starter(classes)
	if err != nil {
		t.Fatal(err)
	}
	d.AssignSides(data.ValFraction)
	return d
}

// pack makes a link of a raw layout as Encode would.
func pack(b []byte) string {
	var z bytes.Buffer
	w, _ := flate.NewWriter(&z, flate.BestCompression)
	w.Write(b)
	w.Close()
	return Prefix + encoding.EncodeToString(z.Bytes())
}

// sameLesson fails unless a and b hold the same lesson.
func sameLesson(t testing.TB, got, want *Lesson) {
	t.Helper()
	g, w := got.Data, want.Data
	if !slices.Equal(g.Classes, w.Classes) || g.Sided != w.Sided || !slices.Equal(g.Samples, w.Samples) {
		t.Errorf("dataset: got %d drawings of %v (sided %v), want %d of %v (sided %v), or the drawings differ",
			g.Len(), g.Classes, g.Sided, w.Len(), w.Classes, w.Sided)
	}
	if got.Settings != want.Settings || got.View != want.View || got.Title != want.Title {
		t.Errorf("got %+v %+v %q, want %+v %+v %q", got.Settings, got.View, got.Title, want.Settings, want.View, want.Title)
	}
	gt, wt := got.Teacher, want.Teacher
	if !slices.Equal(gt.Hide, wt.Hide) || !slices.Equal(gt.Fixed, wt.Fixed) || gt.Open != wt.Open {
		t.Errorf("teacher %+v, want %+v", gt, wt)
	}
}
