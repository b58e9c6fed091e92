package checkpoint

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"digittrainer/nn"
)

// invalidFiles maps each testdata/invalid-* file to the text its error must
// contain when opened with Load, and whether it wraps io.ErrUnexpectedEOF.
var invalidFiles = map[string]struct {
	want      string
	truncated bool
}{
	"invalid-empty.safetensors":               {"checkpoint: the file is empty", false},
	"invalid-truncated.safetensors":           {"checkpoint: the file is cut short (truncated)", true},
	"invalid-truncated-header.safetensors":    {"checkpoint: the file is cut short (truncated)", true},
	"invalid-huge-header.safetensors":         {"checkpoint: the header claims to be 4.7 GB long", false},
	"invalid-wrong-shape.safetensors":         {"checkpoint: tensor hidden.bias has shape [4], but the other tensors say it must be [3]", false},
	"invalid-inputs.safetensors":              {"checkpoint: tensor hidden.weight has shape [3 80]; it must be [H, 81]", false},
	"invalid-nan.safetensors":                 {"checkpoint: tensor hidden.weight holds a NaN or infinite weight", false},
	"invalid-dtype.safetensors":               {`checkpoint: tensor hidden.bias is stored as "I32"; Digit Trainer reads F64`, false},
	"invalid-overlap.safetensors":             {"checkpoint: tensors hidden.bias and output.bias overlap in the file", false},
	"invalid-gap.safetensors":                 {"checkpoint: there are 8 unused bytes before tensor hidden.weight", false},
	"invalid-offsets.safetensors":             {"checkpoint: tensor output.bias's data offsets [1968, 1976] do not match its shape [2]", false},
	"invalid-checksum.safetensors":            {"checkpoint: the checksum does not match", false},
	"invalid-label.safetensors":               {"checkpoint: saved drawing 2 has label 5, but there are only 2 classes", false},
	"invalid-pixel.safetensors":               {"checkpoint: saved drawing 1 has a pixel value 7", false},
	"invalid-split-side.safetensors":          {"checkpoint: saved drawing 2 has side 2 in data.split", false},
	"invalid-split-shape.safetensors":         {"checkpoint: tensor data.split has shape [3], but the other tensors say it must be [2]", false},
	"invalid-split-alone.safetensors":         {"checkpoint: the file has a data.split tensor but no dataset", false},
	"invalid-extra-tensor.safetensors":        {`checkpoint: the file holds a tensor named "extra.weight"`, false},
	"invalid-missing-tensor.safetensors":      {"checkpoint: the file has no output.bias tensor", false},
	"invalid-trailing.safetensors":            {"checkpoint: there are extra bytes after the last tensor", false},
	"invalid-version.safetensors":             {`checkpoint: the file was saved by a newer Digit Trainer (format version "2"`, false},
	"invalid-activation.safetensors":          {`checkpoint: the file uses the hidden activation "swish"`, false},
	"invalid-classes.safetensors":             {"checkpoint: the file names 3 classes but the network has 2 outputs", false},
	"invalid-shuffle-hex.safetensors":         {"checkpoint: the trainer's shuffle state in the metadata is damaged", false},
	"invalid-shuffle-state.safetensors":       {"checkpoint: the trainer's shuffle state in the metadata is damaged", false},
	"invalid-epoch-correct.safetensors":       {"checkpoint: the trainer's shuffle state in the metadata is damaged", false},
	"invalid-epoch-done.safetensors":          {`checkpoint: the metadata value epoch_done = "many" is not a valid number`, false},
	"invalid-snapshots-count.safetensors":     {"checkpoint: the file holds 65 training snapshots; at most 64 are allowed", false},
	"invalid-snapshots-shape.safetensors":     {"checkpoint: tensor snapshots.params has shape [2 253]; for an 81-3-2 network it must be [S, 254]", false},
	"invalid-snapshots-dtype.safetensors":     {`checkpoint: tensor snapshots.params is stored as "F32"; Digit Trainer reads F64`, false},
	"invalid-snapshots-nan.safetensors":       {"checkpoint: snapshot 2: it holds a NaN or infinite weight", false},
	"invalid-snapshots-fewer.safetensors":     {"checkpoint: tensor snapshots.params has 2 rows, one per snapshot, but the metadata describes 1", false},
	"invalid-snapshots-more.safetensors":      {"checkpoint: tensor snapshots.params has 2 rows, one per snapshot, but the metadata describes more", false},
	"invalid-snapshots-json.safetensors":      {"checkpoint: the training snapshots in the metadata are damaged", false},
	"invalid-snapshots-hex.safetensors":       {"checkpoint: snapshot 1: the trainer's shuffle state is not hex", false},
	"invalid-snapshots-correct.safetensors":   {"checkpoint: snapshot 2: the trainer's shuffle state or progress in the epoch is damaged", false},
	"invalid-snapshots-epoch.safetensors":     {"checkpoint: snapshot 2: it is at epoch 3 after 150 samples, later than the model itself (epoch 2 after 200 samples)", false},
	"invalid-snapshots-seen.safetensors":      {"checkpoint: snapshot 2: it is at epoch 1 after 201 samples, later than the model itself", false},
	"invalid-snapshots-order.safetensors":     {"checkpoint: snapshot 2 is at epoch 1, before snapshot 1 at epoch 2: snapshots go oldest first", false},
	"invalid-snapshots-points.safetensors":    {"checkpoint: snapshot 2: it counts 3 of the learning curves' points, but the file has only 2", false},
	"invalid-snapshots-hyper.safetensors":     {"checkpoint: snapshot 1: the learning-rate decay must be between 0 and 1", false},
	"invalid-snapshots-loss.safetensors":      {"checkpoint: snapshot 1: the recorded loss -1 is not a non-negative number", false},
	"invalid-snapshots-no-meta.safetensors":   {`checkpoint: the file has a snapshots.params tensor but no "snapshots" metadata`, false},
	"invalid-snapshots-no-tensor.safetensors": {"checkpoint: the metadata lists training snapshots but the file has no snapshots.params tensor", false},
	"invalid-random.bin":                      {"checkpoint: this file is not a Digit Trainer checkpoint, an original-app checkpoint or a dataset (CSV/JSON)", false},
	"invalid-text.txt":                        {"checkpoint: this file is not a Digit Trainer checkpoint", false},
	"invalid-normalize.json":                  {`checkpoint: the checkpoint was trained with "normalize" turned on`, false},
	"invalid-bdt-shape.json":                  {"checkpoint: params.outputWeights row 1 has 2 values, but the architecture says 3", false},
	"invalid-bdt-rows.json":                   {"checkpoint: params.weights has 2 rows, but the architecture says 3", false},
	"invalid-bdt-null.json":                   {"checkpoint: the checkpoint has a missing (null) weight", false},
	"invalid-bdt-truncated.json":              {"checkpoint: the file is cut short (truncated)", true},
	"invalid-bdt-format.json":                 {`checkpoint: the JSON file's format is "something-else"`, false},
	"invalid-bdt-version.json":                {`checkpoint: the original-app checkpoint has format "binary-digit-trainer-checkpoint@v2"`, false},
	"invalid-bdt-no-format.json":              {`checkpoint: the JSON file has no "format" field`, false},
	"invalid-bdt-architecture.json":           {"checkpoint: the checkpoint's architecture 81-3-11 is not one Digit Trainer can build", false},
}

// makeInvalid builds every invalid file from the golden model, one defect
// each (checksums recomputed so that only the intended check fails).
func makeInvalid(t *testing.T) map[string][]byte {
	good := encodeST(t, testModel(t, true))
	// mutOf(base)(f) is base with f's change to its header or data.
	mutOf := func(base []byte) func(f func(h map[string]any, dat []byte) []byte) []byte {
		return func(f func(h map[string]any, dat []byte) []byte) []byte {
			h, dat := splitST(t, base)
			dat = append([]byte(nil), dat...)
			if d := f(h, dat); d != nil {
				dat = d
			}
			return joinST(t, h, dat, false)
		}
	}
	mut, mutSnap := mutOf(good), mutOf(encodeST(t, snapModel(t)))
	entry := func(h map[string]any, name string) map[string]any { return h[name].(map[string]any) }
	meta := func(h map[string]any) map[string]any { return h["__metadata__"].(map[string]any) }
	// snapRows changes the snapshots' objects in the metadata.
	snapRows := func(f func(rows []map[string]any) []map[string]any) []byte {
		return mutSnap(func(h map[string]any, _ []byte) []byte {
			var rows []map[string]any
			if err := json.Unmarshal([]byte(meta(h)[metaSnapshots].(string)), &rows); err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(f(rows))
			if err != nil {
				t.Fatal(err)
			}
			meta(h)[metaSnapshots] = string(b)
			return nil
		})
	}
	snapRow := func(i int, key string, v any) []byte {
		return snapRows(func(rows []map[string]any) []map[string]any { rows[i][key] = v; return rows })
	}
	bdt := func(f func(s string) string) []byte {
		var buf bytes.Buffer
		if err := EncodeBDT(&buf, testModel(t, false)); err != nil {
			t.Fatal(err)
		}
		return []byte(f(buf.String()))
	}
	huge := binary.LittleEndian.AppendUint64(nil, 5_000_000_000)
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 512)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	return map[string][]byte{
		"invalid-empty.safetensors":            {},
		"invalid-truncated.safetensors":        good[:len(good)-10],
		"invalid-truncated-header.safetensors": good[:40],
		"invalid-huge-header.safetensors":      append(huge, `{"hidden.weight":`...),
		"invalid-wrong-shape.safetensors":      mut(func(h map[string]any, _ []byte) []byte { entry(h, "hidden.bias")["shape"] = []int{4}; return nil }),
		"invalid-inputs.safetensors":           mut(func(h map[string]any, _ []byte) []byte { entry(h, "hidden.weight")["shape"] = []int{3, 80}; return nil }),
		"invalid-nan.safetensors": mut(func(h map[string]any, dat []byte) []byte {
			b, _ := tensorAt(h, "hidden.weight")
			binary.LittleEndian.PutUint64(dat[b+16:], math.Float64bits(math.NaN()))
			return nil
		}),
		"invalid-dtype.safetensors": mut(func(h map[string]any, _ []byte) []byte { entry(h, "hidden.bias")["dtype"] = "I32"; return nil }),
		"invalid-overlap.safetensors": mut(func(h map[string]any, _ []byte) []byte {
			entry(h, "output.bias")["data_offsets"] = []int{8, 24} // inside hidden.bias [0, 24]
			return nil
		}),
		"invalid-gap.safetensors": mut(func(h map[string]any, dat []byte) []byte {
			// Move everything after hidden.bias 8 bytes on.
			for _, name := range []string{"hidden.weight", "output.bias", "output.weight", "data.labels", "data.pixels", "data.split"} {
				b, e := tensorAt(h, name)
				entry(h, name)["data_offsets"] = []int{b + 8, e + 8}
			}
			return append(append(append([]byte(nil), dat[:24]...), make([]byte, 8)...), dat[24:]...)
		}),
		"invalid-offsets.safetensors": mut(func(h map[string]any, _ []byte) []byte {
			entry(h, "output.bias")["data_offsets"] = []int{1968, 1976}
			return nil
		}),
		"invalid-checksum.safetensors": func() []byte {
			b := append([]byte(nil), good...)
			b[len(b)-300] ^= 0x40 // a weight's bit
			return b
		}(),
		"invalid-label.safetensors": mut(func(h map[string]any, dat []byte) []byte {
			b, _ := tensorAt(h, "data.labels")
			dat[b+1] = 5
			return nil
		}),
		"invalid-pixel.safetensors": mut(func(h map[string]any, dat []byte) []byte {
			b, _ := tensorAt(h, "data.pixels")
			dat[b+40] = 7
			return nil
		}),
		"invalid-split-side.safetensors": mut(func(h map[string]any, dat []byte) []byte {
			b, _ := tensorAt(h, "data.split")
			dat[b+1] = 2
			return nil
		}),
		"invalid-split-shape.safetensors": mut(func(h map[string]any, dat []byte) []byte {
			b, e := tensorAt(h, "data.split")
			entry(h, "data.split")["shape"] = []int{3}
			entry(h, "data.split")["data_offsets"] = []int{b, e + 1}
			return append(dat, 0)
		}),
		"invalid-split-alone.safetensors": mut(func(h map[string]any, dat []byte) []byte {
			lb, _ := tensorAt(h, "data.labels")
			_, pe := tensorAt(h, "data.pixels")
			sb, se := tensorAt(h, "data.split")
			delete(h, "data.labels")
			delete(h, "data.pixels")
			entry(h, "data.split")["data_offsets"] = []int{lb, lb + se - sb}
			return append(dat[:lb:lb], dat[pe:]...)
		}),
		"invalid-extra-tensor.safetensors": mut(func(h map[string]any, dat []byte) []byte {
			h["extra.weight"] = map[string]any{"dtype": "F64", "shape": []int{1}, "data_offsets": []int{len(dat), len(dat) + 8}}
			return append(dat, make([]byte, 8)...)
		}),
		"invalid-missing-tensor.safetensors": mut(func(h map[string]any, _ []byte) []byte { delete(h, "output.bias"); return nil }),
		"invalid-trailing.safetensors":       append(append([]byte(nil), good...), "junk"...),
		"invalid-version.safetensors":        mut(func(h map[string]any, _ []byte) []byte { meta(h)["version"] = "2"; return nil }),
		"invalid-activation.safetensors":     mut(func(h map[string]any, _ []byte) []byte { meta(h)["activation"] = "swish"; return nil }),
		"invalid-classes.safetensors":        mut(func(h map[string]any, _ []byte) []byte { meta(h)["classes"] = `["a","b","c"]`; return nil }),
		"invalid-shuffle-hex.safetensors":    mut(func(h map[string]any, _ []byte) []byte { meta(h)["shuffle"] = "not hex"; return nil }),
		"invalid-shuffle-state.safetensors":  mut(func(h map[string]any, _ []byte) []byte { meta(h)["shuffle"] = "0011223344"; return nil }),
		"invalid-epoch-correct.safetensors": mut(func(h map[string]any, _ []byte) []byte {
			meta(h)["shuffle"] = hex.EncodeToString(nn.FreshShuffle(3))
			meta(h)["epoch_done"], meta(h)["epoch_correct"] = "4", "5" // more right than done
			return nil
		}),
		"invalid-epoch-done.safetensors": mut(func(h map[string]any, _ []byte) []byte {
			meta(h)["shuffle"] = hex.EncodeToString(nn.FreshShuffle(3))
			meta(h)["epoch_done"] = "many"
			return nil
		}),
		"invalid-snapshots-count.safetensors": mutSnap(func(h map[string]any, _ []byte) []byte {
			entry(h, tSnapshots)["shape"] = []int{65, 254} // refused before its offsets are looked at
			return nil
		}),
		"invalid-snapshots-shape.safetensors": mutSnap(func(h map[string]any, _ []byte) []byte { entry(h, tSnapshots)["shape"] = []int{2, 253}; return nil }),
		"invalid-snapshots-dtype.safetensors": mutSnap(func(h map[string]any, _ []byte) []byte { entry(h, tSnapshots)["dtype"] = "F32"; return nil }),
		"invalid-snapshots-nan.safetensors": mutSnap(func(h map[string]any, dat []byte) []byte {
			b, _ := tensorAt(h, tSnapshots)
			binary.LittleEndian.PutUint64(dat[b+8*(254+100):], math.Float64bits(math.Inf(-1))) // row 2
			return nil
		}),
		"invalid-snapshots-fewer.safetensors":   snapRows(func(rows []map[string]any) []map[string]any { return rows[:1] }),
		"invalid-snapshots-more.safetensors":    snapRows(func(rows []map[string]any) []map[string]any { return append(rows, rows[1]) }),
		"invalid-snapshots-json.safetensors":    snapRow(0, "epoch", "one"),
		"invalid-snapshots-hex.safetensors":     snapRow(0, "shuffle", "not hex"),
		"invalid-snapshots-correct.safetensors": snapRow(1, "correct", 51), // more right than done
		"invalid-snapshots-epoch.safetensors":   snapRow(1, "epoch", 3),
		"invalid-snapshots-seen.safetensors":    snapRow(1, "seen", 201),
		"invalid-snapshots-order.safetensors":   snapRow(0, "epoch", 2),
		"invalid-snapshots-points.safetensors":  snapRow(1, "points", 3),
		"invalid-snapshots-hyper.safetensors":   snapRow(0, "decay", 2),
		"invalid-snapshots-loss.safetensors":    snapRow(0, "last_loss", -1),
		"invalid-snapshots-no-meta.safetensors": mutSnap(func(h map[string]any, _ []byte) []byte {
			delete(meta(h), metaSnapshots)
			return nil
		}),
		"invalid-snapshots-no-tensor.safetensors": mutSnap(func(h map[string]any, dat []byte) []byte {
			b, _ := tensorAt(h, tSnapshots) // the last tensor of a file without drawings
			delete(h, tSnapshots)
			return dat[:b]
		}),
		"invalid-random.bin":     random,
		"invalid-text.txt":       []byte("Dear teacher,\nthis is a letter, not a dataset.\n"[:20] + "\n"),
		"invalid-normalize.json": bdt(func(s string) string { return strings.Replace(s, `"enabled": false`, `"enabled": true`, 1) }),
		"invalid-bdt-shape.json": bdt(func(s string) string {
			i := strings.Index(s, `"outputWeights"`)
			j := i + strings.Index(s[i:], "],")
			// Drop the last value of the first output row.
			k := strings.LastIndex(s[:j], ",")
			return s[:k] + s[j:]
		}),
		"invalid-bdt-rows.json": bdt(func(s string) string {
			i := strings.Index(s, `"weights": [`) + len(`"weights": [`)
			j := i + strings.Index(s[i:], "],") + 2
			return s[:i] + s[j:]
		}),
		"invalid-bdt-null.json": bdt(func(s string) string {
			i := strings.Index(s, `"biases": [`) + len(`"biases": [`)
			j := i + strings.Index(s[i:], ",")
			return s[:i] + "null" + s[j:]
		}),
		"invalid-bdt-truncated.json":    bdt(func(s string) string { return s[:len(s)/2] }),
		"invalid-bdt-format.json":       bdt(func(s string) string { return strings.Replace(s, bdtFormat, "something-else", 1) }),
		"invalid-bdt-version.json":      bdt(func(s string) string { return strings.Replace(s, "@v1", "@v2", 1) }),
		"invalid-bdt-no-format.json":    bdt(func(s string) string { return strings.Replace(s, `"format"`, `"fmt"`, 1) }),
		"invalid-bdt-architecture.json": bdt(func(s string) string { return strings.Replace(s, `"output": 2`, `"output": 11`, 1) }),
	}
}

func TestInvalidFiles(t *testing.T) {
	if *update {
		for name, b := range makeInvalid(t) {
			if err := os.WriteFile(filepath.Join("testdata", name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	paths, _ := filepath.Glob(filepath.Join("testdata", "invalid-*"))
	if len(paths) != len(invalidFiles) {
		t.Errorf("%d invalid files in testdata, %d in the table (run go test -update)", len(paths), len(invalidFiles))
	}
	for _, p := range paths {
		name := filepath.Base(p)
		tc, ok := invalidFiles[name]
		if !ok {
			t.Errorf("%s has no expected error in invalidFiles", name)
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		l, err := Load(b)
		if err == nil {
			t.Errorf("%s: loaded as %v, want error %q", name, l.Kind, tc.want)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", name, err, tc.want)
		}
		if errors.Is(err, io.ErrUnexpectedEOF) != tc.truncated {
			t.Errorf("%s: wraps io.ErrUnexpectedEOF = %v, want %v", name, !tc.truncated, tc.truncated)
		}
		var fe *FormatError
		var ue *UnsupportedError
		if !errors.As(err, &fe) && !errors.As(err, &ue) {
			t.Errorf("%s: %T is neither *FormatError nor *UnsupportedError", name, err)
		}
	}
}
