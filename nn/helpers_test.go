package nn

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"testing"
)

// fixturePath is the original app's 100 hand-drawn samples, relative to nn/.
const fixturePath = "../../shared/fixtures/bdt/training-set.json"

// loadFixture reads the original app's dataset JSON
// ([{"input":[81 × 0|1],"target":[one-hot]}]) or skips the test when the
// fixture is not checked out next to the repository.
func loadFixture(t testing.TB) Examples {
	t.Helper()
	b, err := os.ReadFile(fixturePath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("fixture %s not found; it lives outside the repository", fixturePath)
	}
	if err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		Input  []float64 `json:"input"`
		Target []float64 `json:"target"`
	}
	if err := json.Unmarshal(b, &rows); err != nil {
		t.Fatal(err)
	}
	var ex Examples
	for i, r := range rows {
		if len(r.Input) != Inputs || len(r.Target) != 2 {
			t.Fatalf("fixture row %d has %d inputs and %d targets", i, len(r.Input), len(r.Target))
		}
		ex.X = append(ex.X, r.Input...)
		label := 0
		if r.Target[1] > r.Target[0] {
			label = 1
		}
		ex.Y = append(ex.Y, label)
	}
	return ex
}

// greyDigits is synthDigits with the ink in four shades (0.25 to 1) and
// some pixels negative, so the non-binary paths are exercised.
func greyDigits(n int, seed uint32) Examples {
	ex := synthDigits(n, seed)
	for i, v := range ex.X {
		if v != 0 {
			ex.X[i] = float64(i%4+1) / 4
			if i%7 == 0 {
				ex.X[i] = -ex.X[i]
			}
		}
	}
	return ex
}

// weightsHash is the SHA-256 of the parameters' IEEE-754 bits in checkpoint
// order, little-endian, followed by any extra values; hex-encoded.
func weightsHash(n *Network, extra ...float64) string {
	h := sha256.New()
	var buf [8]byte
	put := func(v float64) {
		binary.LittleEndian.PutUint64(buf[:], math.Float64bits(v))
		h.Write(buf[:])
	}
	for _, p := range n.Params() {
		for _, v := range p {
			put(v)
		}
	}
	for _, v := range extra {
		put(v)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// diffBits returns "" if a and b hold the same parameters bit for bit, or
// a description of the first difference.
func diffBits(a, b *Network) string {
	names := [...]string{"W1", "B1", "W2", "B2"}
	pa, pb := a.Params(), b.Params()
	for k := range pa {
		if len(pa[k]) != len(pb[k]) {
			return fmt.Sprintf("%s lengths %d and %d", names[k], len(pa[k]), len(pb[k]))
		}
		for i := range pa[k] {
			if math.Float64bits(pa[k][i]) != math.Float64bits(pb[k][i]) {
				return fmt.Sprintf("%s[%d]: %v (%#x) vs %v (%#x)", names[k], i,
					pa[k][i], math.Float64bits(pa[k][i]), pb[k][i], math.Float64bits(pb[k][i]))
			}
		}
	}
	return ""
}

func mustNet(t testing.TB, cfg Config, seed uint64) *Network {
	t.Helper()
	n, err := NewSeeded(cfg, seed)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSynthDigitsInk pins the benchmark data's ink to the 20–30 % of real
// drawings, and its class balance.
func TestSynthDigitsInk(t *testing.T) {
	ex := synthDigits(benchSamples, 1)
	ink, ones := 0.0, 0
	for _, v := range ex.X {
		ink += v
	}
	for _, y := range ex.Y {
		ones += y
	}
	frac := ink / float64(len(ex.X))
	if frac < 0.20 || frac > 0.30 {
		t.Errorf("ink fraction %.3f, want 0.20..0.30", frac)
	}
	if ones != benchSamples/2 {
		t.Errorf("%d ones of %d", ones, benchSamples)
	}
	if err := ex.Check(2); err != nil {
		t.Error(err)
	}
}
