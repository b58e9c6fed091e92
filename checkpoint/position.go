package checkpoint

import (
	"encoding/hex"
	"strconv"

	"digittrainer/i18n"
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
	sh := Shuffle{State: nn.FreshShuffle(m.Seed)}
	if m.Shuffle != nil {
		sh = *m.Shuffle
	}
	return sh.position(m.LR, m.Epoch, m.Seen, m.Loss)
}

// SetPosition records t's position in m (with its counters), so that the
// file resumes exactly where t is.
func (m *Model) SetPosition(t *nn.Trainer) {
	p := t.Position()
	m.LR, m.Epoch, m.Seen, m.Loss = p.LR, p.Epoch, p.Seen, p.Last.Loss
	sh := shuffleOf(p)
	m.Shuffle = &sh
}

// position is the nn.Position a file records with sh: of the last epoch's
// statistics a file keeps only the loss (the rest is for display, and no
// update depends on it), so Last takes its epoch and rate from the
// position's own.
func (sh Shuffle) position(lr float64, epoch, seen int, loss float64) nn.Position {
	return nn.Position{LR: lr, Epoch: epoch, Seen: seen,
		Last:    nn.EpochStats{Epoch: epoch, Loss: loss, LR: lr},
		Shuffle: sh.State, Done: sh.Done, SumLoss: sh.SumLoss, Correct: sh.Correct}
}

// shuffleOf is the part of p a Shuffle holds.
func shuffleOf(p nn.Position) Shuffle {
	return Shuffle{State: p.Shuffle, Done: p.Done, SumLoss: p.SumLoss, Correct: p.Correct}
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
		return formatErr(i18n.T("the trainer's shuffle state in the metadata is damaged"))
	}
	m.Shuffle = &Shuffle{State: state, Done: p.int(metaEpochDone, 0),
		SumLoss: p.float(metaEpochLossSum, 0), Correct: p.int(metaEpochCorrect, 0)}
	if p.err != nil {
		return p.err
	}
	if !m.Position().Valid() {
		return formatErr(i18n.T("the trainer's shuffle state in the metadata is damaged"))
	}
	return nil
}
