package nn

import (
	"math"
	"strings"
	"testing"
)

func TestConfigValidate(t *testing.T) {
	bad := []struct {
		cfg  Config
		want string
	}{
		{Config{Hidden: 0, Classes: 2}, "hidden size 0"},
		{Config{Hidden: 257, Classes: 2}, "hidden size 257"},
		{Config{Hidden: -3, Classes: 2}, "hidden size -3"},
		{Config{Hidden: 24, Classes: 1}, "class count 1"},
		{Config{Hidden: 24, Classes: 11}, "class count 11"},
		{Config{Hidden: 24, Classes: 2, Activation: 3}, "unknown activation"},
	}
	for _, c := range bad {
		err := c.cfg.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "nn: ") {
			t.Errorf("Validate(%+v) = %v, want an error about %q", c.cfg, err, c.want)
		}
		if n, err := NewSeeded(c.cfg, 1); err == nil || n != nil {
			t.Errorf("NewSeeded(%+v) built a network", c.cfg)
		}
	}
	for _, cfg := range []Config{{1, 2, Sigmoid}, {256, 10, ReLU}, DefaultConfig} {
		if err := cfg.Validate(); err != nil {
			t.Errorf("Validate(%+v): %v", cfg, err)
		}
	}
}

func TestCheck(t *testing.T) {
	n := mustNet(t, DefaultConfig, 1)
	if err := n.Check(); err != nil || !n.Finite() {
		t.Fatalf("fresh network: %v", err)
	}
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		for k := range n.Params() {
			m := n.Clone()
			m.Params()[k][0] = v
			if err := m.Check(); err == nil || m.Finite() {
				t.Errorf("Check accepted %v in parameter %d", v, k)
			}
		}
	}
	m := n.Clone()
	m.W2 = m.W2[:3]
	if err := m.Check(); err == nil || !strings.Contains(err.Error(), "lengths") {
		t.Errorf("Check of a short W2: %v", err)
	}
	m = n.Clone()
	m.Hidden = 300
	if m.Check() == nil {
		t.Error("Check accepted hidden size 300")
	}
}

func TestExamplesCheck(t *testing.T) {
	ex := synthDigits(3, 1)
	if err := ex.Check(2); err != nil {
		t.Fatal(err)
	}
	ex.Y[1] = 2
	if err := ex.Check(2); err == nil {
		t.Error("label 2 accepted for 2 classes")
	}
	ex.Y[1] = -1
	if err := ex.Check(2); err == nil {
		t.Error("label -1 accepted")
	}
	ex.Y = ex.Y[:2]
	if err := ex.Check(2); err == nil {
		t.Error("3 inputs for 2 labels accepted")
	}
}

func TestCloneCopyFrom(t *testing.T) {
	a := mustNet(t, DefaultConfig, 1)
	b := mustNet(t, DefaultConfig, 2)
	c := a.Clone()
	c.W1[0]++
	if a.W1[0] == c.W1[0] {
		t.Error("Clone shares W1")
	}
	b.CopyFrom(a)
	if d := diffBits(a, b); d != "" {
		t.Error(d)
	}
	defer func() {
		if recover() == nil {
			t.Error("CopyFrom between shapes did not panic")
		}
	}()
	b.CopyFrom(mustNet(t, Config{Hidden: 3, Classes: 2}, 1))
}
