package checkpoint

import (
	"encoding/hex"
	"strconv"

	"digittrainer/nn"
)

// Shuffle is the part of an nn.Position a Model does not already hold in
// its LR, Epoch, Seen and Loss: the shuffle generator's state and the
// progress inside the current epoch.
type Shuffle struct {
	State   []byte  // nn.Position.Shuffle
	Done    int     // samples of the current epoch trained on
	SumLoss float64 // their summed loss
	Correct int     // how many of them were read right
}

// Position is where training stands in m, for nn.Trainer.Seek. Without a
// shuffle state (an older or foreign file) the generator starts from Seed,
// as a fresh trainer's would.
func (m *Model) Position() nn.Position {
	p := nn.Position{LR: m.LR, Epoch: m.Epoch, Seen: m.Seen,
		Last: nn.EpochStats{Epoch: m.Epoch, Loss: m.Loss, LR: m.LR}}
	if sh := m.Shuffle; sh != nil {
		p.Shuffle, p.Done, p.SumLoss, p.Correct = sh.State, sh.Done, sh.SumLoss, sh.Correct
	} else {
		p.Shuffle = nn.FreshShuffle(m.Seed)
	}
	return p
}

// SetPosition records t's position in m (with its counters), so that the
// file resumes exactly where t is.
func (m *Model) SetPosition(t *nn.Trainer) {
	p := t.Position()
	m.LR, m.Epoch, m.Seen, m.Loss = p.LR, p.Epoch, p.Seen, p.Last.Loss
	m.Shuffle = &Shuffle{State: p.Shuffle, Done: p.Done, SumLoss: p.SumLoss, Correct: p.Correct}
}

// Metadata keys of the shuffle state: shuffle is the generator's state in
// hex, epoch_done, epoch_loss_sum and epoch_correct the progress inside the
// epoch (absent at an epoch's start).
const (
	metaShuffle      = "shuffle"
	metaEpochDone    = "epoch_done"
	metaEpochLossSum = "epoch_loss_sum"
	metaEpochCorrect = "epoch_correct"
)

func putShuffle(meta map[string]string, sh *Shuffle) {
	if sh == nil {
		return
	}
	meta[metaShuffle] = hex.EncodeToString(sh.State)
	if sh.Done > 0 {
		meta[metaEpochDone] = strconv.Itoa(sh.Done)
		meta[metaEpochLossSum] = strconv.FormatFloat(sh.SumLoss, 'g', -1, 64)
		meta[metaEpochCorrect] = strconv.Itoa(sh.Correct)
	}
}

// shuffleFrom reads the shuffle state, if the metadata has one; m's other
// fields are already read, so that the whole position can be checked.
func shuffleFrom(p *metaParser, m *Model) error {
	v, ok := p.get(metaShuffle)
	if !ok {
		return p.err
	}
	state, err := hex.DecodeString(v)
	if err != nil {
		return formatErr("the trainer's shuffle state in the metadata is damaged")
	}
	m.Shuffle = &Shuffle{State: state, Done: p.int(metaEpochDone, 0),
		SumLoss: p.float(metaEpochLossSum, 0), Correct: p.int(metaEpochCorrect, 0)}
	if p.err != nil {
		return p.err
	}
	if !m.Position().Valid() {
		return formatErr("the trainer's shuffle state in the metadata is damaged")
	}
	return nil
}
