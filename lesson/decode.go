package lesson

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"

	"digittrainer/data"
	"digittrainer/i18n"
	"digittrainer/nn"
)

// encoding is base64url without padding, strict so that each lesson has
// one text: '-' and '_' survive URLs and chat programs, '=' would not.
var encoding = base64.RawURLEncoding.Strict()

// Encode returns l's link payload, to follow a '#': Prefix, then the
// base64url of the raw DEFLATE of the layout in format.go. A lesson Decode
// would refuse is refused, with the same words, and so is one whose link
// would be longer than MaxLinkLen.
func Encode(l *Lesson) (string, error) {
	if err := check(l); err != nil {
		return "", err
	}
	var z bytes.Buffer
	w, _ := flate.NewWriter(&z, flate.BestCompression) // the level is valid
	w.Write(appendLesson(nil, l))                      // a bytes.Buffer does not fail
	w.Close()
	s := Prefix + encoding.EncodeToString(z.Bytes())
	if len(s) > MaxLinkLen {
		return "", errorf(i18n.Sprintf("the link would be %s long; a lesson link is at most %s: send fewer drawings, or the dataset as a file",
			kb(len(s)), kb(MaxLinkLen)))
	}
	return s, nil
}

// Decode reads a lesson from a link: the payload Encode made, with or
// without the '#' before it, or a whole URL (what follows its first '#').
// Spaces and line breaks a mail program put into a long link are dropped.
// Any other fault is an *Error, and nothing is allocated beyond maxRaw
// bytes whatever the link claims.
func Decode(s string) (*Lesson, error) {
	if _, frag, ok := strings.Cut(s, "#"); ok {
		s = frag
	}
	if len(s) > MaxLinkLen {
		return nil, errorf(i18n.Sprintf("the link is %s long; a lesson link is at most %s", kb(len(s)), kb(MaxLinkLen)))
	}
	s = strings.Join(strings.FieldsFunc(s, unicode.IsSpace), "")
	if s == "" {
		return nil, errorf(i18n.T("the link holds no lesson: nothing follows its #"))
	}
	ver, body, ok := strings.Cut(s, ".")
	n, err := strconv.ParseUint(strings.TrimPrefix(ver, "v"), 10, 16)
	switch {
	case !ok || !strings.HasPrefix(ver, "v") || err != nil || n == 0:
		return nil, errorf(i18n.Sprintf("this is not a Digit Trainer lesson link: it should start with %s", Prefix))
	case n > formatVersion:
		return nil, errorf(i18n.Sprintf("this link was made by a newer Digit Trainer (lesson format v%d): open it there, or update this one", n))
	case len(body)%4 == 1: // no base64 text has this length: a cut one does
		return nil, errCutShort
	}
	z, err := encoding.DecodeString(body)
	if ce := base64.CorruptInputError(0); errors.As(err, &ce) {
		return nil, errorf(i18n.Sprintf("the link has a character that does not belong in it (%q, character %d after %s): copy it again",
			body[ce:ce+1], int(ce)+1, Prefix))
	}
	raw, err := inflate(z)
	if err != nil {
		return nil, err
	}
	return parse(raw)
}

// inflate unpacks a link's DEFLATE stream, reading at most maxRaw+1 bytes
// of it, so that a stream claiming megabytes costs maxRaw.
func inflate(z []byte) ([]byte, error) {
	br := bytes.NewReader(z)
	raw, err := io.ReadAll(io.LimitReader(flate.NewReader(br), maxRaw+1))
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return nil, errCutShort
	case err != nil:
		return nil, errorf(i18n.T("the link is damaged (it does not unpack): copy the whole link again"))
	case len(raw) > maxRaw:
		return nil, errorf(i18n.Sprintf("the link unpacks to more than %s, more than any lesson holds: it was not made by Digit Trainer", kb(maxRaw)))
	case br.Len() > 0: // flate reads a bytes.Reader byte by byte: what is left follows the stream
		return nil, errorf(i18n.Sprintf("the link is damaged: %d bytes follow its lesson", br.Len()))
	}
	return raw, nil
}

// parse reads the layout in format.go and checks the lesson it holds.
func parse(raw []byte) (*Lesson, error) {
	r := &reader{b: raw}
	if v := r.u8(); r.err == nil && v != formatVersion {
		return nil, errorf(i18n.Sprintf("the link is damaged: its text says lesson format v%d, its data v%d", formatVersion, v))
	}
	flags := r.u8()
	if flags&^knownFlags != 0 {
		return nil, errorf(i18n.Sprintf("the link has options this Digit Trainer does not know (flags %#02x): it may come from a newer version", flags&^knownFlags))
	}
	l := &Lesson{Data: &data.Dataset{Sided: flags&flagSided != 0}}
	l.View.Maps, l.View.Similar = flags&flagMaps != 0, flags&flagSimilar != 0
	classes := int(r.u8())
	if r.err == nil && (classes < nn.MinClasses || classes > nn.MaxClasses) {
		return nil, errorf(i18n.Sprintf("the link has %d classes; a lesson has %d to %d", classes, nn.MinClasses, nn.MaxClasses))
	}
	for range classes {
		l.Data.Classes = append(l.Data.Classes, r.str())
	}
	st := &l.Settings
	st.Hidden = int(r.u16())
	act := nn.Activation(r.u8())
	if _, err := nn.ParseActivation(act.String()); err != nil && r.err == nil {
		return nil, errorf(i18n.Sprintf("the link asks for activation number %d; this Digit Trainer knows sigmoid, tanh and relu", act))
	}
	st.Activation = act.String()
	st.LR, st.Decay, st.MinLR, st.L2 = r.f64(), r.f64(), r.f64(), r.f64()
	st.Batch = int(r.u32())
	st.Seed = r.u64()
	st.EpochsN = int(r.u16())
	st.Pace = r.f64()
	st.Patience, st.SnapEvery = int(r.u16()), int(r.u16())
	fixed := r.u16()
	if unknown := fixed &^ (1<<len(SettingKeys) - 1); unknown != 0 {
		return nil, errorf(i18n.Sprintf("the link fixes settings this Digit Trainer does not know (mask %#04x): it may come from a newer version", unknown))
	}
	for k, key := range SettingKeys {
		if fixed&(1<<k) != 0 {
			l.Teacher.Fixed = append(l.Teacher.Fixed, key)
		}
	}
	l.Teacher.Open = r.str()
	l.View.Tab = r.str()
	for range r.u8() {
		l.Teacher.Hide = append(l.Teacher.Hide, r.str())
	}
	l.Title = r.str()
	if err := r.samples(l.Data); err != nil {
		return nil, err
	}
	if len(r.b) > 0 {
		return nil, errorf(i18n.Sprintf("the link is damaged: %d bytes follow its drawings", len(r.b)))
	}
	if err := check(l); err != nil {
		return nil, err
	}
	return l, nil
}

// samples reads the drawings into d, refusing a count over MaxDrawings or
// beyond the bytes there before allocating for them.
func (r *reader) samples(d *data.Dataset) error {
	n64 := r.u32()
	if r.err != nil {
		return r.err
	}
	if n64 > MaxDrawings {
		return errorf(i18n.Sprintf("the link holds %s drawings; at most %s fit in a link", i18n.Int(int(n64)), i18n.Int(MaxDrawings)))
	}
	n := int(n64)
	labels, sides, pixels := r.take(n), r.take((n+7)/8), r.take(n*pixelBytes)
	if r.err != nil {
		return r.err
	}
	if n%8 != 0 && sides[n/8]>>(n%8) != 0 {
		return errorf(i18n.T("the link is damaged: it holds validation marks past its last drawing"))
	}
	d.Samples = make([]data.Sample, n)
	for i := range d.Samples {
		s := &d.Samples[i]
		s.Label = int(labels[i])
		s.Val = sides[i/8]>>(i%8)&1 != 0
		if s.Val && !d.Sided {
			return errorf(i18n.Sprintf("drawing %d is held out for validation, but the link says its drawings have no sides", i+1))
		}
		px := pixels[i*pixelBytes : (i+1)*pixelBytes]
		if px[pixelBytes-1]>>(data.Pixels%8) != 0 {
			return errorf(i18n.Sprintf("drawing %d has pixels past the %d of its %d×%d grid", i+1, data.Pixels, data.Side, data.Side))
		}
		for j := range s.Pixels {
			s.Pixels[j] = px[j/8] >> (j % 8) & 1
		}
	}
	return nil
}

// reader reads the layout's fields; the first read past the end sets err
// to errCutShort, and later reads give zeros (or nil, for more than a
// number's bytes), so a parse checks err once where a value's meaning
// depends on it, and a link claiming more than it holds allocates nothing
// for the claim.
type reader struct {
	b   []byte
	err error
}

func (r *reader) take(n int) []byte {
	if r.err != nil || n > len(r.b) {
		r.err, r.b = errCutShort, nil
		var zeros [8]byte // for the numbers; longer reads are nil
		if n <= len(zeros) {
			return zeros[:n]
		}
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *reader) u8() byte     { return r.take(1)[0] }
func (r *reader) u16() uint16  { return binary.LittleEndian.Uint16(r.take(2)) }
func (r *reader) u32() uint32  { return binary.LittleEndian.Uint32(r.take(4)) }
func (r *reader) u64() uint64  { return binary.LittleEndian.Uint64(r.take(8)) }
func (r *reader) f64() float64 { return math.Float64frombits(r.u64()) }
func (r *reader) str() string  { return string(r.take(int(r.u8()))) }
