package checkpoint

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"hash/crc32"
	"io"
	"math"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// A Digit Trainer safetensors file, version 1. All integers and floats are
// little-endian.
//
//	offset   size     content
//	0        8        N: header length in bytes, uint64
//	8        N        header: a JSON object, padded with spaces so that 8+N is a multiple of 8
//	8+N      D        data: the tensors' bytes back to back, no gaps, nothing after
//
// The header maps each tensor name to {"dtype","shape","data_offsets":[begin,end]},
// offsets counted from the start of the data, and "__metadata__" to a
// string→string map. Keys are sorted by name, so the same model always
// gives the same bytes.
//
//	tensor            dtype  shape    PyTorch equivalent
//	hidden.weight     F64    [H, 81]  nn.Linear(81, H).weight, row h = neuron h
//	hidden.bias       F64    [H]      nn.Linear(81, H).bias
//	output.weight     F64    [C, H]   nn.Linear(H, C).weight
//	output.bias       F64    [C]      nn.Linear(H, C).bias
//	snapshots.params  F64    [S, P]   optional: the weights of S ≤ 64 earlier snapshots (see Snapshot)
//	data.labels       U8     [N]      optional: the dataset's labels, each < C
//	data.pixels       U8     [N, 81]  optional: its drawings, row-major, each 0 or 1
//	data.split        U8     [N]      optional, with the two above: each drawing's side, 0 training, 1 validation
//
// A row of snapshots.params is one snapshot's four tensors above, flattened
// and back to back in the order hidden.weight, hidden.bias, output.weight,
// output.bias (nn.Network.Params), so P = 81·H + H + C·H + C. It is not a
// torch.nn.Linear tensor: load_state_dict(strict=False) ignores it, or pop
// it from the dict first.
//
// In the data section the F64 tensors come first, sorted by name, then the
// U8 ones: with the header padded to 8 bytes every float stays 8-byte
// aligned, which memory-mapping readers (PyTorch's safe_open) rely on. This
// is also the order the Python safetensors library writes.
//
// Metadata keys (all values are strings): format "digit-trainer", version
// "1", activation (sigmoid|tanh|relu), classes (a JSON array of names), seed,
// lr (current η), lr0 (initial η), decay, min_lr, l2, batch, epoch,
// samples_seen, loss, created (RFC 3339), checksum ("crc32c:" and the
// CRC-32C (Castagnoli) of the whole data section as 8 lowercase hex digits;
// it catches a damaged or truncated file, not a deliberate edit) and,
// once an epoch is done, history (the learning curves as JSON: see
// History), start "unknown" when the weights did not start from
// nn.NewSeeded(seed) (Model.StartUnknown), and the trainer's shuffle state
// (shuffle, epoch_done, epoch_loss_sum, epoch_correct: see Shuffle) so that
// training resumes exactly. With snapshots.params, and only then, snapshots
// is a JSON array with one object per row: {"epoch","seen","lr","lr0",
// "decay","min_lr","l2","batch","shuffle" (hex),"done","loss_sum",
// "correct","last_loss","points"} (see Snapshot).
//
// The decoder also reads F32 weights and files without metadata, such as a
// torch.nn.Linear pair saved by PyTorch, filling in nn.DefaultHyper, the
// sigmoid activation and class names "0".."C−1". It refuses any tensor not
// listed above rather than silently dropping part of a file.
const (
	formatName    = "digit-trainer"
	formatVersion = "1"
	maxHeader     = 1 << 20 // bytes; a 10-class header is under 2 KiB, plus ~50 KiB of curves and ~25 KiB of snapshots
	dataAlign     = 8
)

// checksumPrefix names the method in the "checksum" metadata value.
const checksumPrefix = "crc32c:"

// castagnoli is the CRC-32C table. A CRC is enough here: the checksum is
// there to catch a file damaged in a copy or a download, and CRC-32C
// detects every burst error up to 32 bits.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// formatChecksum is the "checksum" metadata value for a data section's CRC.
func formatChecksum(crc uint32) string {
	return checksumPrefix + hex.EncodeToString(binary.BigEndian.AppendUint32(nil, crc))
}

// tensorEntry is one tensor's line in the header.
type tensorEntry struct {
	Dtype       string   `json:"dtype"`
	Shape       []int64  `json:"shape"`
	DataOffsets []uint64 `json:"data_offsets"`
}

// Tensor names.
const (
	tHiddenW = "hidden.weight"
	tHiddenB = "hidden.bias"
	tOutputW = "output.weight"
	tOutputB = "output.bias"
	tPixels  = "data.pixels"
	tLabels  = "data.labels"
	tSplit   = "data.split"

	tSnapshots = "snapshots.params"
)

// EncodeSafetensors writes m to w as a safetensors checkpoint. It refuses a
// model with NaN or infinite weights, mismatched class names or a dataset
// whose labels do not fit the network, so a saved file always loads.
func EncodeSafetensors(w io.Writer, m *Model) error {
	if err := m.check(); err != nil {
		return err
	}
	n := m.Net
	type part struct {
		name  string
		entry tensorEntry
		bytes []byte
	}
	parts := []part{ // data order: F64 by name, then U8 by name
		{tHiddenB, tensorEntry{"F64", []int64{int64(n.Hidden)}, nil}, f64Bytes(n.B1)},
		{tHiddenW, tensorEntry{"F64", []int64{int64(n.Hidden), nn.Inputs}, nil}, f64Bytes(n.W1)},
		{tOutputB, tensorEntry{"F64", []int64{int64(n.Classes)}, nil}, f64Bytes(n.B2)},
		{tOutputW, tensorEntry{"F64", []int64{int64(n.Classes), int64(n.Hidden)}, nil}, f64Bytes(n.W2)},
	}
	if s := m.Snapshots; len(s) > 0 {
		parts = append(parts, part{tSnapshots, tensorEntry{"F64", []int64{int64(len(s)), int64(n.NumParams())}, nil}, snapshotParams(s)})
	}
	if d := m.Data; d != nil {
		N := int64(len(d.Samples))
		labels := make([]byte, N)
		pixels := make([]byte, 0, N*nn.Inputs)
		for i := range d.Samples {
			labels[i] = byte(d.Samples[i].Label)
			pixels = append(pixels, d.Samples[i].Pixels[:]...)
		}
		parts = append(parts,
			part{tLabels, tensorEntry{"U8", []int64{N}, nil}, labels},
			part{tPixels, tensorEntry{"U8", []int64{N, nn.Inputs}, nil}, pixels})
		if d.Sided {
			split := make([]byte, N)
			for i := range d.Samples {
				if d.Samples[i].Val {
					split[i] = 1
				}
			}
			parts = append(parts, part{tSplit, tensorEntry{"U8", []int64{N}, nil}, split})
		}
	}

	header := map[string]any{}
	sum := crc32.New(castagnoli)
	var off uint64
	for _, p := range parts {
		end := off + uint64(len(p.bytes))
		p.entry.DataOffsets = []uint64{off, end}
		header[p.name] = p.entry
		sum.Write(p.bytes)
		off = end
	}
	header["__metadata__"] = metadata(m, formatChecksum(sum.Sum32()))
	js, err := json.Marshal(header) // sorts map keys: deterministic
	if err != nil {
		return err
	}
	for (8+len(js))%dataAlign != 0 {
		js = append(js, ' ')
	}
	if err := checkFileSize(8 + uint64(len(js)) + off); err != nil {
		return err
	}
	out := make([]byte, 8, 8+len(js)+int(off))
	binary.LittleEndian.PutUint64(out, uint64(len(js)))
	out = append(out, js...)
	for _, p := range parts {
		out = append(out, p.bytes...)
	}
	_, err = w.Write(out)
	return err
}

// checkFileSize refuses a file of n bytes larger than MaxFileSize, for the
// encoder as for the decoder: a large dataset with many snapshots of a
// large network could otherwise be saved and never load again.
func checkFileSize(n uint64) error {
	if n > MaxFileSize {
		return formatErr(i18n.Sprintf("the file would be %s, more than the %s limit", sizeText(n), sizeText(MaxFileSize)))
	}
	return nil
}

func f64Bytes(v []float64) []byte {
	b := make([]byte, 8*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(x))
	}
	return b
}
