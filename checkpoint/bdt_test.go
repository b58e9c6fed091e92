package checkpoint

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"digittrainer/data"
	"digittrainer/nn"
)

// fixtureTol is half a unit in the sixth decimal: the fixture README lists
// the original app's softmax outputs rounded to 6 decimals.
const fixtureTol = 0.5e-6

func TestBDTFixture(t *testing.T) {
	m, err := DecodeBDT(bytes.NewReader(readFixture(t, "checkpoint-20-epoch.json")))
	if err != nil {
		t.Fatal(err)
	}
	if m.Net.Config != nn.DefaultConfig {
		t.Fatalf("config %+v, want 81-24-2 sigmoid", m.Net.Config)
	}
	if m.Epoch != 20 || m.Seen != 2000 || m.LR != 0.008179069375972308 || m.Hyper.Decay != 0.99 || m.Hyper.MinLR != 0.0005 {
		t.Errorf("progress/optimizer: %+v", m)
	}
	if m.Hyper.LR != 0.01 {
		t.Errorf("recovered initial rate %v, want 0.01 (= 0.00817…/0.99^20)", m.Hyper.LR)
	}
	if want := time.Date(2025, 8, 13, 13, 39, 38, 364e6, time.UTC); !m.Created.Equal(want) {
		t.Errorf("created %v, want %v", m.Created, want)
	}
	set, err := data.ReadJSON(bytes.NewReader(readFixture(t, "training-set.json")))
	if err != nil {
		t.Fatal(err)
	}
	if set.Len() != 100 {
		t.Fatalf("training set has %d samples, want 100", set.Len())
	}
	want := [][2]float64{{0.969196, 0.030804}, {0.016251, 0.983749}, {0.982512, 0.017488}}
	s := nn.NewState(m.Net.Config)
	x := make([]float64, nn.Inputs)
	for i, w := range want {
		set.Samples[i].Inputs(x)
		m.Net.Forward(s, x)
		for c := range w {
			if math.Abs(s.P[c]-w[c]) > fixtureTol {
				t.Errorf("sample %d: p[%d] = %.7f, the original app gave %.6f", i, c, s.P[c], w[c])
			}
		}
	}
	if met := m.Net.Evaluate(set.Examples()); met.Accuracy != 1 {
		t.Errorf("accuracy on the original training set %.3f, want 1 (confusion %v)", met.Accuracy, met.Confusion)
	}
}

func TestBDTRoundTrip(t *testing.T) {
	fixture := readFixture(t, "checkpoint-20-epoch.json")
	m, err := DecodeBDT(bytes.NewReader(fixture))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := EncodeBDT(&buf, m); err != nil {
		t.Fatal(err)
	}
	back, err := DecodeBDT(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	sameModel(t, back, m)
	// The exported file has the same fields and values as the original.
	var a, b map[string]any
	json.Unmarshal(fixture, &a)
	json.Unmarshal(buf.Bytes(), &b)
	for _, k := range []string{"format", "createdAt", "architecture", "normalize", "optimizer", "stats", "params"} {
		ja, _ := json.Marshal(a[k])
		jb, _ := json.Marshal(b[k])
		if !bytes.Equal(ja, jb) {
			t.Errorf("%s: exported %s, original %s", k, truncate(jb), truncate(ja))
		}
	}
	// Through safetensors and back, the export is byte-identical.
	st, err := DecodeSafetensors(bytes.NewReader(encodeST(t, m)))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := EncodeBDT(&again, st); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Error("BDT → safetensors → BDT changed the exported bytes")
	}
}

func truncate(b []byte) string {
	if len(b) > 120 {
		return string(b[:120]) + "…"
	}
	return string(b)
}

func TestGoldenBDT(t *testing.T) {
	m := testModel(t, false)
	var buf bytes.Buffer
	if err := EncodeBDT(&buf, m); err != nil {
		t.Fatal(err)
	}
	writeOrCompare(t, "model-h3.json", buf.Bytes())
	got, err := DecodeBDT(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	// The original format keeps no class names, seed, L2 or batch size.
	if !slices.Equal(got.Classes, []string{"0", "1"}) || got.Seed != 0 || got.Hyper.L2 != 0 || got.Hyper.Batch != 1 {
		t.Errorf("fields the format lacks: %+v", got)
	}
	if got.Hyper.LR != m.Hyper.LR || got.LR != m.LR || got.Epoch != m.Epoch || got.Loss != m.Loss {
		t.Errorf("lr %v/%v epoch %d loss %v, want %v/%v %d %v", got.Hyper.LR, got.LR, got.Epoch, got.Loss, m.Hyper.LR, m.LR, m.Epoch, m.Loss)
	}
}

func TestEncodeBDTUnsupported(t *testing.T) {
	for name, cfg := range map[string]nn.Config{
		"tanh":       {Hidden: 4, Classes: 2, Activation: nn.Tanh},
		"relu":       {Hidden: 4, Classes: 2, Activation: nn.ReLU},
		"10 classes": {Hidden: 4, Classes: 10, Activation: nn.Sigmoid},
	} {
		net, _ := nn.NewSeeded(cfg, 1)
		var buf bytes.Buffer
		err := EncodeBDT(&buf, &Model{Net: net, Hyper: nn.DefaultHyper})
		var ue *UnsupportedError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), "original app only") || buf.Len() != 0 {
			t.Errorf("%s: error %v (%d bytes written), want an *UnsupportedError and nothing written", name, err, buf.Len())
		}
	}
}

func TestDecodeBDTDecay(t *testing.T) {
	m := testModel(t, false)
	for _, tc := range []struct {
		decay, lr0, lr, wantLR0, wantDecay float64
	}{
		{1, 0.1, 0.1, 0.1, 1},             // decay off: the rate is η₀
		{0.99, 0.1, 0.0005, 0.0005, 0.99}, // at the floor: η₀ cannot be recovered
		{0.5, 0.2, 0.2 * 0.25, 0.2, 0.5},  // two epochs of halving
		{0, 0.3, 0.3, 0.3, 1},             // 0 also means off
	} {
		m.Hyper.Decay, m.Hyper.LR, m.LR = tc.decay, tc.lr0, tc.lr
		var buf bytes.Buffer
		if err := EncodeBDT(&buf, m); err != nil {
			t.Fatal(err)
		}
		got, err := DecodeBDT(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if got.Hyper.LR != tc.wantLR0 || got.Hyper.Decay != tc.wantDecay || got.LR != tc.lr {
			t.Errorf("decay %v η₀ %v η %v: got η₀ %v decay %v η %v", tc.decay, tc.lr0, tc.lr, got.Hyper.LR, got.Hyper.Decay, got.LR)
		}
	}
}
