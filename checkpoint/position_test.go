package checkpoint

import (
	"bytes"
	"slices"
	"testing"

	"digittrainer/data"
	"digittrainer/nn"
)

// TestResumeFromFile: a run saved inside an epoch and at an epoch's end,
// read back and resumed by a new trainer, ends with the weights of the run
// that was never saved, bit for bit; a file without a shuffle state
// resumes from the seed's fresh shuffle, as a new trainer would.
func TestResumeFromFile(t *testing.T) {
	d, err := data.Starter(2)
	if err != nil {
		t.Fatal(err)
	}
	ex := d.Examples()
	n, h := ex.Len(), nn.DefaultHyper
	const seed, total = 5, 4
	newNet := func() *nn.Network {
		net, err := nn.NewSeeded(nn.DefaultConfig, seed)
		if err != nil {
			t.Fatal(err)
		}
		return net
	}
	ref := nn.NewTrainer(newNet(), h, seed)
	ref.Train(ex, total*n)
	want := flat(ref.Net)

	for _, stop := range []int{0, n, 2*n + 17} {
		tr := nn.NewTrainer(newNet(), h, seed)
		tr.Train(ex, stop)
		m := &Model{Net: tr.Net, Hyper: h, Seed: seed, Created: goldenTime}
		m.SetPosition(tr)
		var buf bytes.Buffer
		if err := EncodeSafetensors(&buf, m); err != nil {
			t.Fatal(err)
		}
		back, err := DecodeSafetensors(&buf)
		if err != nil {
			t.Fatalf("stop %d: %v", stop, err)
		}
		if stop == 0 { // the same as a file that records no shuffle state
			back.Shuffle = nil
		}
		resumed := nn.NewTrainer(back.Net, back.Hyper, 999)
		if err := resumed.Seek(back.Position()); err != nil {
			t.Fatalf("stop %d: %v", stop, err)
		}
		resumed.Train(ex, total*n-resumed.Seen)
		if got := flat(resumed.Net); !slices.Equal(got, want) {
			t.Errorf("stop %d: the resumed weights differ from a run never saved", stop)
		}
		if resumed.Epoch != total || resumed.Seen != total*n || resumed.LR != ref.LR {
			t.Errorf("stop %d: resumed at epoch %d, seen %d, η %v; want %d, %d, %v", stop, resumed.Epoch, resumed.Seen, resumed.LR, total, total*n, ref.LR)
		}
	}
}

func flat(n *nn.Network) []float64 { p := n.Params(); return slices.Concat(p[:]...) }
