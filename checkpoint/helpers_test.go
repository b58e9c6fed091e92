package checkpoint

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"digittrainer/data"
	"digittrainer/nn"
)

var update = flag.Bool("update", false, "rewrite the golden and invalid files in testdata/")

// goldenTime is the fixed creation time of every test model, so that the
// encoded bytes do not depend on the clock.
var goldenTime = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// testModel returns a small, fully specified model: 81-3-2 with weights set
// by formula (not by nn's initialiser, so that the golden files test only
// this package), with two saved drawings when withData is set.
func testModel(t testing.TB, withData bool) *Model {
	t.Helper()
	net, err := nn.Zero(nn.Config{Hidden: 3, Classes: 2, Activation: nn.Sigmoid})
	if err != nil {
		t.Fatal(err)
	}
	for k, p := range net.Params() {
		for i := range p {
			p[i] = float64((i*37+k*11)%29-14) / 64 // exact binary fractions
		}
	}
	m := &Model{
		Net: net, Classes: []string{"zero", "one"},
		Hyper: nn.Hyper{LR: 0.1, Decay: 0.99, MinLR: 0.0005, L2: 0.0001, Batch: 4},
		LR:    0.0980100, Seed: 7, Epoch: 2, Seen: 200, Loss: 0.25, Created: goldenTime,
	}
	if withData {
		d := data.New(2)
		d.Classes = []string{"zero", "one"}
		var a, b data.Sample
		for i := 0; i < 9; i++ {
			a.Set(i, 0, true) // a bar along the top
			b.Set(4, i, true) // a vertical stroke
		}
		b.Label, b.Val = 1, true
		d.Samples = []data.Sample{a, b}
		m.Data = d
	}
	return m
}

func encodeST(t testing.TB, m *Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := EncodeSafetensors(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// splitST splits a safetensors file into its header (as generic JSON) and data.
func splitST(t testing.TB, b []byte) (map[string]any, []byte) {
	t.Helper()
	n := binary.LittleEndian.Uint64(b)
	var h map[string]any
	if err := json.Unmarshal(b[8:8+n], &h); err != nil {
		t.Fatal(err)
	}
	return h, b[8+n:]
}

// joinST rebuilds a safetensors file from a header and data, recomputing the
// checksum unless keepSum is set, so a mutation tests one thing at a time.
func joinST(t testing.TB, h map[string]any, dat []byte, keepSum bool) []byte {
	t.Helper()
	if !keepSum {
		if meta, ok := h["__metadata__"].(map[string]any); ok {
			meta["checksum"] = checksumOf(dat)
		}
	}
	js, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	out := binary.LittleEndian.AppendUint64(nil, uint64(len(js)))
	return append(append(out, js...), dat...)
}

func checksumOf(b []byte) string {
	return fmt.Sprintf("crc32c:%08x", crc32.Checksum(b, crc32.MakeTable(crc32.Castagnoli)))
}

// tensorAt returns the data offsets of a tensor in a generic header.
func tensorAt(h map[string]any, name string) (int, int) {
	o := h[name].(map[string]any)["data_offsets"].([]any)
	return int(o[0].(float64)), int(o[1].(float64))
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "shared", "fixtures", "bdt", name))
	if err != nil {
		b, err = os.ReadFile(filepath.Join("/work/shared/fixtures/bdt", name))
	}
	if err != nil {
		t.Skipf("fixture %s not available: %v", name, err)
	}
	return b
}

// writeOrCompare writes b to testdata/name under -update, else checks the
// stored file has exactly those bytes.
func writeOrCompare(t *testing.T, name string, b []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(b, want) {
		t.Errorf("%s: encoded bytes differ from the golden file (%d vs %d bytes); if the change is intended, run go test -update", name, len(b), len(want))
	}
}

func sameModel(t *testing.T, got, want *Model) {
	t.Helper()
	sameNet(t, "the network", got.Net, want.Net)
	if !slices.Equal(got.Classes, want.classNames()) || got.Hyper != want.Hyper || got.LR != want.LR || got.Seed != want.Seed ||
		got.Epoch != want.Epoch || got.Seen != want.Seen || got.Loss != want.Loss || !got.Created.Equal(want.Created) {
		t.Errorf("metadata differs:\n got %+v\nwant %+v", got, want)
	}
	if (got.Data == nil) != (want.Data == nil) {
		t.Fatalf("dataset present %v, want %v", got.Data != nil, want.Data != nil)
	}
	if want.Data != nil {
		if len(got.Data.Samples) != len(want.Data.Samples) || got.Data.Sided != want.Data.Sided {
			t.Fatalf("%d samples (sided %v), want %d (%v)", len(got.Data.Samples), got.Data.Sided, len(want.Data.Samples), want.Data.Sided)
		}
		for i := range want.Data.Samples {
			if got.Data.Samples[i] != want.Data.Samples[i] {
				t.Errorf("sample %d differs", i)
			}
		}
	}
	if len(got.Snapshots) != len(want.Snapshots) {
		t.Fatalf("%d snapshots, want %d", len(got.Snapshots), len(want.Snapshots))
	}
	for i, g := range got.Snapshots {
		w := want.Snapshots[i]
		sameNet(t, fmt.Sprintf("snapshot %d", i+1), g.Net, w.Net)
		if g.Hyper != w.Hyper || g.Points != w.Points || !reflect.DeepEqual(g.Position, recorded(w.Position)) {
			t.Errorf("snapshot %d differs:\n got %+v %+v points %d\nwant %+v %+v points %d",
				i+1, g.Hyper, g.Position, g.Points, w.Hyper, recorded(w.Position), w.Points)
		}
	}
}

// sameNet fails unless got has want's shape and every parameter's bits.
func sameNet(t *testing.T, what string, got, want *nn.Network) {
	t.Helper()
	if got.Config != want.Config {
		t.Fatalf("%s: config %+v, want %+v", what, got.Config, want.Config)
	}
	for i, p := range got.Params() {
		w := want.Params()[i]
		for j := range p {
			if math.Float64bits(p[j]) != math.Float64bits(w[j]) {
				t.Fatalf("%s: param %d[%d] = %v, want %v", what, i, j, p[j], w[j])
			}
		}
	}
}

// recorded is the part of p a file keeps, as the decoder gives it back:
// Last keeps only its loss (see Snapshot.Position).
func recorded(p nn.Position) nn.Position {
	return nn.Position{LR: p.LR, Epoch: p.Epoch, Seen: p.Seen,
		Last:    nn.EpochStats{Epoch: p.Epoch, Loss: p.Last.Loss, LR: p.LR},
		Shuffle: p.Shuffle, Done: p.Done, SumLoss: p.SumLoss, Correct: p.Correct}
}
