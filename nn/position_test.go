package nn

import (
	"errors"
	"math"
	"testing"
)

// TestSeekResumesExactly: a run stopped at any point — at an epoch's end or
// inside one, whole batches or not — and resumed by a second trainer (other
// seed, other network) from the Position and a copy of the weights ends
// with bit-identical weights, counters and epoch stats. This is what makes
// a snapshot's rewind and `trainer train -init` a resume, not a new run.
func TestSeekResumesExactly(t *testing.T) {
	const total = 3
	for _, c := range trainerCases() {
		n := c.ex.Len()
		for _, stop := range []int{n, n + 5, 2*n - 1} {
			if c.h.Batch > 1 && stop%n%c.h.Batch != 0 {
				continue // a partial batch's gradients are not in a Position (documented)
			}
			ref := NewTrainer(mustNet(t, c.cfg, 2), c.h, 9)
			ref.Train(c.ex, total*n)

			first := NewTrainer(mustNet(t, c.cfg, 2), c.h, 9)
			first.Train(c.ex, 4)
			first.Train(c.ex, stop-4)
			p := first.Position()
			resumed := NewTrainer(mustNet(t, c.cfg, 77), Hyper{LR: 5}, 1234)
			resumed.Net.CopyFrom(first.Net)
			resumed.Hyper = c.h
			if err := resumed.Seek(p); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if got := resumed.Position(); !samePosition(got, p) {
				t.Errorf("%s stop %d: Position after Seek %+v, want %+v", c.name, stop, got, p)
			}
			resumed.Train(c.ex, total*n-resumed.Seen)
			if d := diffBits(ref.Net, resumed.Net); d != "" {
				t.Errorf("%s stop %d: resumed weights differ at %s", c.name, stop, d)
			}
			if ref.Last != resumed.Last || ref.Seen != resumed.Seen || ref.LR != resumed.LR {
				t.Errorf("%s stop %d: resumed %+v seen %d, never stopped %+v seen %d", c.name, stop, resumed.Last, resumed.Seen, ref.Last, ref.Seen)
			}
		}
	}
}

func samePosition(a, b Position) bool {
	return a.LR == b.LR && a.Epoch == b.Epoch && a.Seen == b.Seen && a.Last == b.Last &&
		string(a.Shuffle) == string(b.Shuffle) && a.Done == b.Done && a.SumLoss == b.SumLoss && a.Correct == b.Correct
}

// TestSeekOtherDataset: a Position taken inside an epoch over n samples,
// sought by a trainer whose set has another size, starts a fresh epoch
// instead of indexing past the set.
func TestSeekOtherDataset(t *testing.T) {
	big, small := synthDigits(40, 1), synthDigits(10, 2)
	a := NewTrainer(mustNet(t, DefaultConfig, 1), DefaultHyper, 1)
	a.Train(big, 25)
	b := NewTrainer(mustNet(t, DefaultConfig, 1), DefaultHyper, 1)
	if err := b.Seek(a.Position()); err != nil {
		t.Fatal(err)
	}
	if got := b.Train(small, 10); got != 10 || b.Epoch != 1 {
		t.Errorf("after a Seek into a larger set's epoch, 10 samples of 10 gave %d trained, epoch %d", got, b.Epoch)
	}
}

// TestSeekInvalid: each damaged Position is refused with ErrPosition and
// leaves the trainer as it was.
func TestSeekInvalid(t *testing.T) {
	ex := synthDigits(30, 4)
	good := NewTrainer(mustNet(t, DefaultConfig, 1), DefaultHyper, 1)
	good.Train(ex, 40)
	base := good.Position()
	bad := map[string]func(p *Position){
		"no shuffle state":     func(p *Position) { p.Shuffle = nil },
		"truncated shuffle":    func(p *Position) { p.Shuffle = p.Shuffle[:10] },
		"other generator":      func(p *Position) { p.Shuffle = append([]byte("chacha8:"), p.Shuffle[4:]...) },
		"negative epoch":       func(p *Position) { p.Epoch = -1 },
		"negative seen":        func(p *Position) { p.Seen = -3 },
		"negative done":        func(p *Position) { p.Done = -1 },
		"more right than done": func(p *Position) { p.Correct = p.Done + 1 },
		"NaN loss sum":         func(p *Position) { p.SumLoss = math.NaN() },
		"negative rate":        func(p *Position) { p.LR = -0.1 },
	}
	for name, damage := range bad {
		p := base
		p.Shuffle = append([]byte(nil), base.Shuffle...)
		damage(&p)
		tr := NewTrainer(mustNet(t, DefaultConfig, 1), DefaultHyper, 5)
		tr.Train(ex, 7)
		before := tr.Position()
		if err := tr.Seek(p); !errors.Is(err, ErrPosition) {
			t.Errorf("%s: Seek gave %v, want ErrPosition", name, err)
		}
		if !samePosition(tr.Position(), before) {
			t.Errorf("%s: a refused Seek changed the trainer", name)
		}
	}
}
