package nn

import (
	"testing"
)

// Golden hashes of the weights (and the last epoch's loss, accuracy and η)
// after a few seeded epochs. They must be the same on every platform: the
// engine has its own exp and log, no fused multiply-adds and a fixed
// summation order. Verified on linux/amd64, linux/amd64 with GOAMD64=v3
// (where the compiler may emit FMA), js/wasm under node, and linux/arm64
// under qemu-user:
//
//	go test ./nn
//	GOAMD64=v3 go test ./nn
//	GOOS=js GOARCH=wasm go test -exec "$(go env GOROOT)/lib/wasm/go_js_wasm_exec" ./nn
//	GOARCH=arm64 go test -c -o /tmp/nn_arm64.test ./nn && qemu-aarch64 /tmp/nn_arm64.test
//
// If a change to the engine alters the numbers on purpose, update the
// constants from the failure message — on all platforms at once.
var goldenRuns = []struct {
	name   string
	cfg    Config
	h      Hyper
	data   func() Examples
	epochs int
	want   string
}{
	{"default-sigmoid-batch1", DefaultConfig, DefaultHyper,
		func() Examples { return synthDigits(200, 42) }, 5,
		"96aeb2fc31c0261c4f723615af240ec16ea5598305faeea853424618b439fa76"},
	{"tanh-batch4-l2-grey", Config{Hidden: 40, Classes: 3, Activation: Tanh},
		Hyper{LR: 0.05, Decay: 0.95, MinLR: 0.01, L2: 1e-4, Batch: 4},
		func() Examples { return withLabels(greyDigits(150, 43), 3) }, 4,
		"f5db8d8dd5cfcdb2e8e4e1a5c4294360b584f3d0816328175d586d1662407780"},
	{"relu-batch1-grey", Config{Hidden: 16, Classes: 10, Activation: ReLU},
		Hyper{LR: 0.02, Decay: 0.99, MinLR: 0.001, Batch: 1},
		func() Examples { return withLabels(greyDigits(150, 44), 10) }, 4,
		"cd1150608e68a78ca7eaa6a3b5a4f7c166df1e3ffdb9d0fd35d843aa3ef709d7"},
}

func TestDeterminismGolden(t *testing.T) {
	for _, r := range goldenRuns {
		n := mustNet(t, r.cfg, 1234)
		tr := NewTrainer(n, r.h, 99)
		ex := r.data()
		for e := 0; e < r.epochs; e++ {
			tr.RunEpoch(ex)
		}
		got := weightsHash(n, tr.Last.Loss, tr.Last.Accuracy, tr.LR)
		if got != r.want {
			t.Errorf("%s: weights hash %s, golden %s", r.name, got, r.want)
		}
	}
}

// TestDeterminismFixture trains on the original app's 100 drawings and
// compares with a golden hash, when the fixture is present.
func TestDeterminismFixture(t *testing.T) {
	const want = "c02a2123c8e36ba4225845588a8bcaeb54c3a116e0789fe4cfd38b398d88b43d"
	ex := loadFixture(t)
	n := mustNet(t, DefaultConfig, 1)
	tr := NewTrainer(n, DefaultHyper, 1)
	for e := 0; e < 3; e++ {
		tr.RunEpoch(ex)
	}
	if got := weightsHash(n, tr.Last.Loss, tr.Last.Accuracy, tr.LR); got != want {
		t.Errorf("weights hash %s, golden %s", got, want)
	}
}

// TestConvergenceFixture: the default network learns the original app's 100
// hand-drawn 0s and 1s perfectly within 20 epochs, as the original does.
func TestConvergenceFixture(t *testing.T) {
	const maxEpochs = 20
	ex := loadFixture(t)
	if err := ex.Check(2); err != nil {
		t.Fatal(err)
	}
	n := mustNet(t, DefaultConfig, 1)
	tr := NewTrainer(n, DefaultHyper, 1)
	for e := 1; e <= maxEpochs; e++ {
		tr.RunEpoch(ex)
		if m := n.Evaluate(ex); m.Accuracy == 1 {
			t.Logf("100%% after %d epochs, loss %.4f", e, m.Loss)
			return
		}
	}
	m := n.Evaluate(ex)
	t.Errorf("accuracy %.2f after %d epochs, want 1; confusion %v", m.Accuracy, maxEpochs, m.Confusion)
}
