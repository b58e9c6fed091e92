package checkpoint

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"digittrainer/data"
	"digittrainer/nn"
)

func TestGoldenSafetensors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		model func(testing.TB) *Model
	}{
		{"model-h3.safetensors", func(t testing.TB) *Model { return testModel(t, false) }},
		{"model-h3-data.safetensors", func(t testing.TB) *Model { return testModel(t, true) }},
		{"model-h3-snapshots.safetensors", snapModel},
	} {
		m := tc.model(t)
		b := encodeST(t, m)
		if again := encodeST(t, m); !bytes.Equal(b, again) {
			t.Fatalf("%s: two encodings of the same model differ", tc.name)
		}
		writeOrCompare(t, tc.name, b)
		stored, err := os.ReadFile(filepath.Join("testdata", tc.name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeSafetensors(bytes.NewReader(stored))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		sameModel(t, got, m)
	}
}

func TestSafetensorsRoundTrip(t *testing.T) {
	for _, cfg := range []nn.Config{
		{Hidden: 24, Classes: 2, Activation: nn.Sigmoid},
		{Hidden: 1, Classes: 10, Activation: nn.Tanh},
		{Hidden: 256, Classes: 3, Activation: nn.ReLU},
	} {
		net, err := nn.NewSeeded(cfg, 42)
		if err != nil {
			t.Fatal(err)
		}
		m := &Model{Net: net, Hyper: nn.DefaultHyper, LR: 0.05, Seed: 42, Epoch: 9, Seen: 12345, Loss: 0.5, Created: goldenTime}
		d := data.New(cfg.Classes)
		for i := 0; i < 25; i++ {
			var s data.Sample
			s.Label = i % cfg.Classes
			s.Pixels[(i*7)%81], s.Pixels[(i*13)%81] = 1, 1
			d.Samples = append(d.Samples, s)
		}
		m.Data = d
		got, err := DecodeSafetensors(bytes.NewReader(encodeST(t, m)))
		if err != nil {
			t.Fatalf("%+v: %v", cfg, err)
		}
		sameModel(t, got, m)
		if got.Data.Classes == nil || len(got.Data.Classes) != cfg.Classes {
			t.Errorf("%+v: dataset classes %v", cfg, got.Data.Classes)
		}
	}
}

// TestSafetensorsLayout reads the file with nothing but encoding/json and
// the safetensors specification, independently of DecodeSafetensors, to
// show that other safetensors readers (PyTorch's) accept it.
// TestUnsidedDatasetRoundTrip: a dataset whose sides were never decided
// is saved without data.split and comes back unsided, not as all training.
func TestUnsidedDatasetRoundTrip(t *testing.T) {
	m := testModel(t, true)
	m.Data.Sided = false
	m.Data.Samples[1].Val = false
	b := encodeST(t, m)
	if strings.Contains(string(b), "data.split") {
		t.Error("an unsided dataset was saved with data.split")
	}
	got, err := DecodeSafetensors(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	sameModel(t, got, m)
}

func TestSafetensorsLayout(t *testing.T) {
	m := testModel(t, true)
	b := encodeST(t, m)
	n := binary.LittleEndian.Uint64(b[:8])
	if (8+n)%8 != 0 {
		t.Errorf("data starts at byte %d, not 8-byte aligned", 8+n)
	}
	header := b[8 : 8+n]
	if header[0] != '{' || strings.TrimRight(string(header), " ") != strings.TrimSpace(string(header)) {
		t.Errorf("header must start with '{' and be padded only with trailing spaces")
	}
	var h map[string]json.RawMessage
	if err := json.Unmarshal(header, &h); err != nil {
		t.Fatal(err)
	}
	var meta map[string]string
	if err := json.Unmarshal(h["__metadata__"], &meta); err != nil {
		t.Fatalf("__metadata__ must be a map of strings: %v", err)
	}
	for _, k := range []string{"format", "version", "activation", "classes", "seed", "lr", "lr0", "decay", "min_lr", "l2", "batch", "epoch", "samples_seen", "created", "checksum"} {
		if meta[k] == "" {
			t.Errorf("metadata %q missing", k)
		}
	}
	if meta["format"] != "digit-trainer" || meta["version"] != "1" || meta["classes"] != `["zero","one"]` || meta["created"] != "2026-01-02T03:04:05Z" {
		t.Errorf("metadata %v", meta)
	}
	type entry struct {
		Dtype   string   `json:"dtype"`
		Shape   []int    `json:"shape"`
		Offsets [2]int64 `json:"data_offsets"`
	}
	want := map[string]entry{
		"hidden.weight": {"F64", []int{3, 81}, [2]int64{}},
		"hidden.bias":   {"F64", []int{3}, [2]int64{}},
		"output.weight": {"F64", []int{2, 3}, [2]int64{}},
		"output.bias":   {"F64", []int{2}, [2]int64{}},
		"data.pixels":   {"U8", []int{2, 81}, [2]int64{}},
		"data.labels":   {"U8", []int{2}, [2]int64{}},
		"data.split":    {"U8", []int{2}, [2]int64{}},
	}
	dataLen := int64(len(b)) - 8 - int64(n)
	covered := make([]int, dataLen)
	for name, w := range want {
		var e entry
		if err := json.Unmarshal(h[name], &e); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if e.Dtype != w.Dtype || !slices.Equal(e.Shape, w.Shape) {
			t.Errorf("%s: %s %v, want %s %v", name, e.Dtype, e.Shape, w.Dtype, w.Shape)
		}
		size := int64(1)
		for _, d := range e.Shape {
			size *= int64(d)
		}
		if w.Dtype == "F64" {
			size *= 8
			if e.Offsets[0]%8 != 0 {
				t.Errorf("%s starts at data offset %d, not 8-byte aligned", name, e.Offsets[0])
			}
		}
		if e.Offsets[1]-e.Offsets[0] != size || e.Offsets[1] > dataLen {
			t.Fatalf("%s: offsets %v for %d bytes", name, e.Offsets, size)
		}
		for i := e.Offsets[0]; i < e.Offsets[1]; i++ {
			covered[i]++
		}
	}
	if len(h) != len(want)+1 {
		t.Errorf("header has %d entries, want %d tensors and __metadata__", len(h), len(want))
	}
	for i, c := range covered {
		if c != 1 {
			t.Fatalf("data byte %d is covered by %d tensors, want exactly 1", i, c)
		}
	}
	// The first weight as a little-endian float64, read by hand.
	var e entry
	json.Unmarshal(h["hidden.weight"], &e)
	off := 8 + int64(n) + e.Offsets[0]
	if got := math.Float64frombits(binary.LittleEndian.Uint64(b[off:])); got != m.Net.W1[0] {
		t.Errorf("hidden.weight[0,0] = %v, want %v", got, m.Net.W1[0])
	}
}

// TestForeignSafetensors reads a file such as PyTorch writes for two
// nn.Linear layers: F32 weights and no Digit Trainer metadata.
func TestForeignSafetensors(t *testing.T) {
	const H, C = 2, 3
	tensors := []struct {
		name  string
		shape []int
		n     int
	}{{"hidden.bias", []int{H}, H}, {"hidden.weight", []int{H, 81}, H * 81}, {"output.bias", []int{C}, C}, {"output.weight", []int{C, H}, C * H}}
	h := map[string]any{"__metadata__": map[string]string{"format": "pt"}}
	var dat []byte
	for _, tn := range tensors {
		begin := len(dat)
		for i := 0; i < tn.n; i++ {
			dat = binary.LittleEndian.AppendUint32(dat, math.Float32bits(float32(i)*0.5))
		}
		h[tn.name] = map[string]any{"dtype": "F32", "shape": tn.shape, "data_offsets": []int{begin, len(dat)}}
	}
	b := joinST(t, h, dat, true)
	m, err := DecodeSafetensors(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if m.Net.Hidden != H || m.Net.Classes != C || m.Net.Activation != nn.Sigmoid || m.Hyper != nn.DefaultHyper || m.LR != nn.DefaultHyper.LR {
		t.Errorf("defaults not applied: %+v %+v", m.Net.Config, m.Hyper)
	}
	if m.Net.W1[3] != 1.5 || m.Net.W2[5] != 2.5 || !slices.Equal(m.Classes, []string{"0", "1", "2"}) {
		t.Errorf("W1[3]=%v W2[5]=%v classes %v", m.Net.W1[3], m.Net.W2[5], m.Classes)
	}
}

func TestSafetensorsTruncatedEverywhere(t *testing.T) {
	b := encodeST(t, testModel(t, true))
	for n := 0; n < len(b); n++ {
		_, err := DecodeSafetensors(bytes.NewReader(b[:n]))
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Fatalf("cut at %d of %d bytes: error %v, want one wrapping io.ErrUnexpectedEOF", n, len(b), err)
		}
		var fe *FormatError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), "cut short") {
			t.Fatalf("cut at %d: %v is not a *FormatError saying the file is cut short", n, err)
		}
	}
	// A plain reader (no Len method) takes the streaming path.
	_, err := DecodeSafetensors(io.MultiReader(bytes.NewReader(b[:len(b)-1])))
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("streaming, cut by one byte: %v", err)
	}
}

func TestEncodeRefusesBadModels(t *testing.T) {
	for name, mutate := range map[string]func(m *Model){
		"NaN weight":      func(m *Model) { m.Net.W2[1] = math.NaN() },
		"Inf bias":        func(m *Model) { m.Net.B1[0] = math.Inf(-1) },
		"class names":     func(m *Model) { m.Classes = []string{"a"} },
		"empty name":      func(m *Model) { m.Classes = []string{"a", ""} },
		"label too big":   func(m *Model) { m.Data.Samples[0].Label = 2 },
		"pixel 2":         func(m *Model) { m.Data.Samples[1].Pixels[3] = 2 },
		"negative lr":     func(m *Model) { m.LR = -1 },
		"decay > 1":       func(m *Model) { m.Hyper.Decay = 1.5 },
		"negative epochs": func(m *Model) { m.Epoch = -1 },
		"no network":      func(m *Model) { m.Net = nil },
	} {
		m := testModel(t, true)
		mutate(m)
		var buf bytes.Buffer
		err := EncodeSafetensors(&buf, m)
		var fe *FormatError
		if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), "checkpoint: ") {
			t.Errorf("%s: error %v, want a *FormatError", name, err)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: %d bytes written despite the error", name, buf.Len())
		}
	}
}

// TestSafetensorsChecksum checks the checksum against an independent CRC-32C
// and that other methods and upper-case hex are handled as documented.
func TestSafetensorsChecksum(t *testing.T) {
	good := encodeST(t, testModel(t, true))
	h, dat := splitST(t, good)
	meta := h["__metadata__"].(map[string]any)
	if got, want := meta["checksum"], checksumOf(dat); got != want {
		t.Fatalf("checksum %q, want %q", got, want)
	}
	for _, tc := range []struct {
		name, sum, wantErr string // wantErr "" means the file loads
	}{
		{"upper-case hex", "crc32c:" + strings.ToUpper(strings.TrimPrefix(checksumOf(dat), "crc32c:")), ""},
		{"old sha256", "sha256:" + strings.Repeat("ab", 32), "uses a method this version cannot check"},
		{"wrong crc", "crc32c:00000000", "the checksum does not match"},
		{"short crc", "crc32c:1234", "the checksum does not match"},
	} {
		meta["checksum"] = tc.sum
		_, err := Load(joinST(t, h, dat, true))
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.wantErr)
		}
	}
}
