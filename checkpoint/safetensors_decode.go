package checkpoint

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"digittrainer/data"
	"digittrainer/i18n"
	"digittrainer/nn"
)

// DecodeSafetensors reads a safetensors checkpoint (layout above). It reads
// at most the header and the data the header describes, checking the
// header's claims before allocating for them.
func DecodeSafetensors(r io.Reader) (*Model, error) {
	var lenBuf [8]byte
	if _, err := io.ReadFull(r, lenBuf[:]); err != nil {
		return nil, readErr(err)
	}
	n := binary.LittleEndian.Uint64(lenBuf[:])
	if n > maxHeader {
		return nil, formatErr(i18n.Sprintf("the header claims to be %s long, but a checkpoint header is a few kilobytes: the file is damaged or is not a checkpoint", sizeText(n)))
	}
	if n < 2 {
		return nil, formatErr(i18n.T("the header is too short to describe a network"))
	}
	if lr, ok := r.(interface{ Len() int }); ok && n > uint64(lr.Len()) {
		return nil, truncatedErr()
	}
	header := make([]byte, n)
	if _, err := io.ReadFull(r, header); err != nil {
		return nil, readErr(err)
	}
	tensors, meta, err := parseHeader(header)
	if err != nil {
		return nil, err
	}
	shape, err := checkShapes(tensors)
	if err != nil {
		return nil, err
	}
	dataLen, err := checkOffsets(tensors)
	if err != nil {
		return nil, err
	}
	if err := checkFileSize(8 + n + dataLen); err != nil {
		return nil, err
	}
	if lr, ok := r.(interface{ Len() int }); ok && dataLen > uint64(lr.Len()) {
		return nil, truncatedErr()
	}
	buf := make([]byte, dataLen)
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, readErr(err)
	}
	var one [1]byte
	if k, _ := io.ReadFull(r, one[:]); k > 0 {
		return nil, formatErr(i18n.T("there are extra bytes after the last tensor: the file is damaged"))
	}
	if sum, ok := meta["checksum"]; ok {
		if err := verifyChecksum(sum, buf); err != nil {
			return nil, err
		}
	}
	m, err := modelFromMetadata(meta, shape)
	if err != nil {
		return nil, err
	}
	slice := func(name string) []byte {
		o := tensors[name].DataOffsets
		return buf[o[0]:o[1]]
	}
	net := m.Net
	for _, p := range []struct {
		name string
		dst  []float64
	}{{tHiddenW, net.W1}, {tHiddenB, net.B1}, {tOutputW, net.W2}, {tOutputB, net.B2}} {
		if err := readFloats(p.dst, slice(p.name), tensors[p.name].Dtype, p.name); err != nil {
			return nil, err
		}
	}
	var snaps []byte
	if _, ok := tensors[tSnapshots]; ok {
		snaps = slice(tSnapshots)
	}
	if err := snapshotsFrom(meta, snaps, m); err != nil {
		return nil, err
	}
	if _, ok := tensors[tPixels]; ok {
		var split []byte
		if _, ok := tensors[tSplit]; ok {
			split = slice(tSplit)
		}
		m.Data, err = readDataset(slice(tPixels), slice(tLabels), split, m.Classes)
		if err != nil {
			return nil, err
		}
	}
	return m, nil
}

// netShape is what the tensor shapes say about the network.
type netShape struct{ hidden, classes, samples int }

func parseHeader(b []byte) (map[string]tensorEntry, map[string]string, error) {
	if b[0] != '{' {
		return nil, nil, formatErr(i18n.T("the header is not a JSON object: the file is damaged or is not a checkpoint"))
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, nil, &FormatError{Msg: i18n.T("the header is damaged (it is not valid JSON)"), Err: err}
	}
	meta := map[string]string{}
	tensors := map[string]tensorEntry{}
	for name, v := range raw {
		if name == "__metadata__" {
			if err := json.Unmarshal(v, &meta); err != nil {
				return nil, nil, &FormatError{Msg: i18n.T("the header's __metadata__ is not a map of strings"), Err: err}
			}
			continue
		}
		switch name {
		case tHiddenW, tHiddenB, tOutputW, tOutputB, tPixels, tLabels, tSplit, tSnapshots:
		default:
			return nil, nil, formatErr(i18n.Sprintf("the file holds a tensor named %q, which is not part of a Digit Trainer network (expected %s, %s, %s, %s and optionally %s, %s, %s, %s)",
				name, tHiddenW, tHiddenB, tOutputW, tOutputB, tPixels, tLabels, tSplit, tSnapshots))
		}
		var e tensorEntry
		if err := json.Unmarshal(v, &e); err != nil {
			return nil, nil, &FormatError{Msg: i18n.Sprintf("the description of tensor %s is damaged", name), Err: err}
		}
		if len(e.DataOffsets) != 2 {
			return nil, nil, formatErr(i18n.Sprintf("tensor %s needs two data offsets [begin, end]", name))
		}
		tensors[name] = e
	}
	for _, name := range []string{tHiddenW, tHiddenB, tOutputW, tOutputB} {
		if _, ok := tensors[name]; !ok {
			return nil, nil, formatErr(i18n.Sprintf("the file has no %s tensor, so it does not hold a whole network", name))
		}
	}
	_, px := tensors[tPixels]
	_, lb := tensors[tLabels]
	if px != lb {
		return nil, nil, formatErr(i18n.Sprintf("the file has only one of %s and %s; a saved dataset needs both", tPixels, tLabels))
	}
	if _, sp := tensors[tSplit]; sp && !px {
		return nil, nil, formatErr(i18n.Sprintf("the file has a %s tensor but no dataset (%s and %s) for it", tSplit, tPixels, tLabels))
	}
	return tensors, meta, nil
}

// checkShapes checks every tensor's dtype and shape against the others.
func checkShapes(t map[string]tensorEntry) (netShape, error) {
	var s netShape
	// In name order, so that a file with several faults always gets the
	// same message.
	for _, name := range slices.Sorted(maps.Keys(t)) {
		want := "F64"
		ok := t[name].Dtype == "F64" || t[name].Dtype == "F32"
		switch name {
		case tPixels, tLabels, tSplit:
			want, ok = "U8", t[name].Dtype == "U8"
		case tSnapshots: // a snapshot resumes exactly, so only from its own bits
			ok = t[name].Dtype == "F64"
		}
		if !ok {
			return s, unsupported(i18n.Sprintf("tensor %s is stored as %q; Digit Trainer reads %s", name, t[name].Dtype, want))
		}
	}
	hw := t[tHiddenW].Shape
	if len(hw) != 2 || hw[1] != nn.Inputs || hw[0] < nn.MinHidden || hw[0] > nn.MaxHidden {
		return s, formatErr(i18n.Sprintf("tensor %s has shape %v; it must be [H, 81] with H from %d to %d hidden neurons", tHiddenW, hw, nn.MinHidden, nn.MaxHidden))
	}
	s.hidden = int(hw[0])
	ow := t[tOutputW].Shape
	if len(ow) != 2 || ow[1] != hw[0] || ow[0] < nn.MinClasses || ow[0] > nn.MaxClasses {
		return s, formatErr(i18n.Sprintf("tensor %s has shape %v; with %d hidden neurons it must be [C, %d] with C from %d to %d classes",
			tOutputW, ow, s.hidden, s.hidden, nn.MinClasses, nn.MaxClasses))
	}
	s.classes = int(ow[0])
	if err := wantShape(t, tHiddenB, hw[0]); err != nil {
		return s, err
	}
	if err := wantShape(t, tOutputB, ow[0]); err != nil {
		return s, err
	}
	if sp, ok := t[tSnapshots]; ok {
		p := int64(nn.Inputs*s.hidden + s.hidden + s.classes*s.hidden + s.classes)
		if len(sp.Shape) != 2 || sp.Shape[1] != p || sp.Shape[0] < 1 {
			return s, formatErr(i18n.Sprintf("tensor %s has shape %v; for an %d-%d-%d network it must be [S, %d], one row of all %d weights per snapshot",
				tSnapshots, sp.Shape, nn.Inputs, s.hidden, s.classes, p, p))
		}
		if err := checkSnapshotCount(sp.Shape[0]); err != nil {
			return s, err
		}
	}
	if px, ok := t[tPixels]; ok {
		if len(px.Shape) != 2 || px.Shape[1] != nn.Inputs || px.Shape[0] < 0 || px.Shape[0] > MaxFileSize/nn.Inputs {
			return s, formatErr(i18n.Sprintf("tensor %s has shape %v; it must be [N, 81], one row per drawing", tPixels, px.Shape))
		}
		if err := wantShape(t, tLabels, px.Shape[0]); err != nil {
			return s, err
		}
		if _, ok := t[tSplit]; ok {
			if err := wantShape(t, tSplit, px.Shape[0]); err != nil {
				return s, err
			}
		}
		s.samples = int(px.Shape[0])
	}
	return s, nil
}

func wantShape(t map[string]tensorEntry, name string, want ...int64) error {
	if !slices.Equal(t[name].Shape, want) {
		return formatErr(i18n.Sprintf("tensor %s has shape %v, but the other tensors say it must be %v", name, t[name].Shape, want))
	}
	return nil
}

// checkOffsets checks that the tensors tile the data section exactly, with
// no overlap and no gap, and returns its length. Shapes are checked first,
// so byte sizes cannot overflow.
func checkOffsets(t map[string]tensorEntry) (uint64, error) {
	type span struct {
		name       string
		begin, end uint64
	}
	spans := make([]span, 0, len(t))
	for _, name := range slices.Sorted(maps.Keys(t)) { // in name order, as in checkShapes
		e := t[name]
		size := uint64(dtypeSize(e.Dtype))
		for _, d := range e.Shape {
			size *= uint64(d)
		}
		b, en := e.DataOffsets[0], e.DataOffsets[1]
		if b > en || en-b != size {
			return 0, formatErr(i18n.Sprintf("tensor %s's data offsets [%d, %d] do not match its shape %v", name, b, en, e.Shape))
		}
		spans = append(spans, span{name, b, en})
	}
	sort.Slice(spans, func(i, j int) bool {
		return cmp.Or(cmp.Compare(spans[i].begin, spans[j].begin), cmp.Compare(spans[i].end, spans[j].end)) < 0
	})
	var pos uint64
	prev := "the start of the data"
	for _, s := range spans {
		if s.begin < pos {
			return 0, formatErr(i18n.Sprintf("tensors %s and %s overlap in the file: the file is damaged", prev, s.name))
		}
		if s.begin > pos {
			return 0, formatErr(i18n.Sprintf("there are %d unused bytes before tensor %s: the file is damaged", s.begin-pos, s.name))
		}
		pos, prev = s.end, s.name
	}
	return pos, nil
}

func dtypeSize(dtype string) int {
	switch dtype {
	case "F64":
		return 8
	case "F32":
		return 4
	}
	return 1
}

func verifyChecksum(sum string, buf []byte) error {
	if !strings.HasPrefix(sum, checksumPrefix) {
		return unsupported(i18n.Sprintf("the file's checksum %q uses a method this version cannot check (it knows crc32c)", sum))
	}
	if !strings.EqualFold(sum, formatChecksum(crc32.Checksum(buf, castagnoli))) {
		return formatErr(i18n.T("the checksum does not match: the file was changed or damaged after it was saved"))
	}
	return nil
}

func readFloats(dst []float64, b []byte, dtype, name string) error {
	decodeFloats(dst, b, dtype)
	for i, v := range dst {
		if !finite(v) {
			return formatErr(i18n.Sprintf("tensor %s holds a NaN or infinite weight (number %d): the training that produced it had gone wrong", name, i+1))
		}
	}
	return nil
}

// decodeFloats fills dst from b, little-endian F32 or F64 values.
func decodeFloats(dst []float64, b []byte, dtype string) {
	for i := range dst {
		if dtype == "F32" {
			dst[i] = float64(math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:])))
		} else {
			dst[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
		}
	}
}

// readDataset reads the saved drawings, with their sides when split (one
// byte a drawing, 0 training or 1 validation) is not nil.
func readDataset(pixels, labels, split []byte, classes []string) (*data.Dataset, error) {
	d := &data.Dataset{Classes: append([]string(nil), classes...), Samples: make([]data.Sample, len(labels)), Sided: split != nil}
	for i, l := range labels {
		s := &d.Samples[i]
		s.Label = int(l)
		copy(s.Pixels[:], pixels[i*nn.Inputs:])
		if split != nil {
			if split[i] > 1 {
				return nil, formatErr(i18n.Sprintf("saved drawing %d has side %d in %s; a side is 0 (training) or 1 (validation)", i+1, split[i], tSplit))
			}
			s.Val = split[i] == 1
		}
	}
	if err := checkData(d, len(classes), true); err != nil {
		return nil, err
	}
	return d, nil
}

func truncatedErr() error {
	return &FormatError{Msg: i18n.T("the file is cut short (truncated): it may not have finished saving or downloading"), Err: io.ErrUnexpectedEOF}
}

// readErr turns a read failure into the error a user sees.
func readErr(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return truncatedErr()
	}
	return fmt.Errorf("checkpoint: %s: %w", i18n.T("could not read the file"), err)
}

// sizeText writes a byte count the way a file manager does. The units are
// the same in every language; the decimal separator is the language's.
func sizeText(n uint64) string {
	switch {
	case n >= 1<<30:
		return i18n.Float(float64(n)/(1<<30), 1) + " GB"
	case n >= 1<<20:
		return i18n.Float(float64(n)/(1<<20), 1) + " MB"
	case n >= 1<<10:
		return i18n.Float(float64(n)/(1<<10), 1) + " KB"
	}
	return i18n.Plural(int(n), "%d byte", "%d bytes")
}
