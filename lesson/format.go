package lesson

import (
	"encoding/binary"
	"math"
	"slices"

	"digittrainer/data"
	"digittrainer/nn"
)

// The link's text is Prefix followed by the base64url (no padding) of the
// raw DEFLATE of this layout, all numbers little-endian:
//
//	size        field
//	1           format version, formatVersion
//	1           flags: flagSided | flagMaps | flagSimilar; other bits 0
//	1           C, the classes, 2..10
//	C × (1+L)   class names: length L (1..32), then L bytes of UTF-8
//	2           hidden size
//	1           activation: nn.Activation (0 sigmoid, 1 tanh, 2 relu)
//	8 × 4       LR, Decay, MinLR, L2 (float64)
//	4           batch
//	8           seed
//	2, 8, 2, 2  epochsN, pace (float64), patience, snapEvery
//	2           fixed settings: bit k set = SettingKeys[k] fixed
//	1+L         open: length, bytes
//	1+L         view tab: length, bytes
//	1           H, the hidden panels and controls, then H × (1+L) names
//	1+L         title: length, bytes
//	4           N, the drawings
//	N           labels, one byte each
//	⌈N/8⌉       sides: bit i%8 of byte i/8 set = drawing i held out
//	N × 11      pixels: 81 bits a drawing, row-major, bit j%8 of byte j/8;
//	            the last 7 bits of the 11 bytes 0
//
// Fixed-width fields where a varint would save a byte: DEFLATE packs the
// zeros away, and each field's size is plain to check. Labels take a byte
// each for the same reason: DEFLATE's codes make them about as small as
// 4 bits would.
const (
	Prefix        = "v1."
	formatVersion = 1

	flagSided   = 1
	flagMaps    = 2
	flagSimilar = 4
	knownFlags  = flagSided | flagMaps | flagSimilar

	pixelBytes = (data.Pixels + 7) / 8 // 11
)

// Limits, each far above what a class uses and small enough that a hostile
// link costs nothing to refuse.
const (
	// MaxLinkLen is the longest link text Decode reads, 64 KB: browsers
	// cope with far more, but a classroom link that long is a mistake (a
	// dataset file is the better way to send so many drawings), and it
	// bounds what a link costs to decode before anything is unpacked.
	MaxLinkLen = 64 << 10
	// MaxDrawings is 5,000 drawings: a class of 30 drawing 10 of each
	// digit makes 3,000, and at the 10-class starter set's 10 characters a
	// drawing 5,000 make a link of about 50 KB, inside MaxLinkLen
	// (TestLinkSizes).
	MaxDrawings = 5000
	// maxNameLen bounds a class name, a panel's name, a tab and a lesson
	// id: 32 bytes is a word or two, and the screen shows fewer.
	maxNameLen = 32
	// maxTitleLen is a line above the grid.
	maxTitleLen = 200
	// maxHide is more panels and controls than the app has.
	maxHide = 32
	// maxEpochs bounds epochsN, patience and snapEvery: 1,000 epochs at a
	// click covers the app's choices (at most 200) and keeps a link from
	// asking for a day of training.
	maxEpochs = 1000
	// maxBatch is `trainer train`'s bound on -batch.
	maxBatch = 1 << 20

	// maxRaw is the most a valid link unpacks to: Decode reads no more,
	// so a link claiming more (a DEFLATE bomb) allocates no more.
	maxHead = 3 + nn.MaxClasses*(1+maxNameLen) + 2 + 1 + 8*4 + 4 + 8 + 2 + 8 + 2 + 2 + 2 +
		2*(1+maxNameLen) + 1 + maxHide*(1+maxNameLen) + 1 + maxTitleLen + 4
	maxRaw = maxHead + MaxDrawings*(1+pixelBytes) + (MaxDrawings+7)/8
)

// appendLesson appends l's layout to b; l has passed check.
func appendLesson(b []byte, l *Lesson) []byte {
	d, st := l.Data, l.Settings
	var flags byte
	if d.Sided {
		flags |= flagSided
	}
	if l.View.Maps {
		flags |= flagMaps
	}
	if l.View.Similar {
		flags |= flagSimilar
	}
	b = append(b, formatVersion, flags, byte(len(d.Classes)))
	for _, c := range d.Classes {
		b = appendString(b, c)
	}
	act, _ := nn.ParseActivation(st.Activation) // checked
	b = binary.LittleEndian.AppendUint16(b, uint16(st.Hidden))
	b = append(b, byte(act))
	for _, f := range []float64{st.LR, st.Decay, st.MinLR, st.L2} {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(st.Batch))
	b = binary.LittleEndian.AppendUint64(b, st.Seed)
	b = binary.LittleEndian.AppendUint16(b, uint16(st.EpochsN))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(st.Pace))
	b = binary.LittleEndian.AppendUint16(b, uint16(st.Patience))
	b = binary.LittleEndian.AppendUint16(b, uint16(st.SnapEvery))
	var fixed uint16
	for _, k := range l.Teacher.Fixed {
		fixed |= 1 << slices.Index(SettingKeys, k)
	}
	b = binary.LittleEndian.AppendUint16(b, fixed)
	b = appendString(b, l.Teacher.Open)
	b = appendString(b, l.View.Tab)
	b = append(b, byte(len(l.Teacher.Hide)))
	for _, h := range l.Teacher.Hide {
		b = appendString(b, h)
	}
	b = appendString(b, l.Title)

	n := len(d.Samples)
	b = binary.LittleEndian.AppendUint32(b, uint32(n))
	for _, s := range d.Samples {
		b = append(b, byte(s.Label))
	}
	sides := make([]byte, (n+7)/8)
	for i, s := range d.Samples {
		if s.Val && d.Sided {
			sides[i/8] |= 1 << (i % 8)
		}
	}
	b = append(b, sides...)
	for _, s := range d.Samples {
		var px [pixelBytes]byte
		for j, p := range s.Pixels {
			px[j/8] |= p << (j % 8) // p is 0 or 1: checked
		}
		b = append(b, px[:]...)
	}
	return b
}

func appendString(b []byte, s string) []byte { return append(append(b, byte(len(s))), s...) }
