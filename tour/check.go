package tour

import (
	"fmt"
	"math"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// checkTrace verifies that tr is the iteration the tour asked for and that
// every part the steps read is there, has the network's shape and is
// finite, so that building a view can index without checks and never
// shows a NaN.
func (t *Tour) checkTrace(tr *nn.Trace) error {
	if tr == nil || tr.Before == nil || tr.After == nil || tr.Forward == nil || tr.Grad == nil || tr.Updated == nil {
		return refuse(i18n.Mark("tour: the trace is incomplete"))
	}
	if tr.Before.Config != tr.After.Config {
		return refuse(i18n.Mark("tour: the trace's networks differ in shape"))
	}
	for _, n := range []*nn.Network{tr.Before, tr.After} {
		if err := n.Check(); err != nil {
			return refuse(i18n.Mark("tour: the trace's network: %v"), err)
		}
	}
	cfg := tr.Before.Config
	H, C := cfg.Hidden, cfg.Classes
	for _, s := range []*nn.State{tr.Forward, tr.Updated} {
		if len(s.X) != nn.Inputs || len(s.Z1) != H || len(s.H) != H || len(s.Z2) != C || len(s.P) != C {
			return refuse(i18n.Mark("tour: the trace's forward pass does not fit the network"))
		}
	}
	g := tr.Grad
	if len(g.W1) != H*nn.Inputs || len(g.B1) != H || len(g.W2) != C*H || len(g.B2) != C ||
		len(g.DOut) != C || len(g.BackSum) != H || len(g.DHidden) != H {
		return refuse(i18n.Mark("tour: the trace's gradients do not fit the network"))
	}
	if tr.Label != t.reqLabel || tr.Label < 0 || tr.Label >= C {
		return refuse(i18n.Mark("tour: the trace is for label %d, the tour asked for %d"), tr.Label, t.reqLabel)
	}
	for i, v := range tr.Forward.X {
		if v != t.reqX[i] {
			return refuse(i18n.Mark("tour: the trace is for another input than the tour asked for"))
		}
	}
	all := [][]float64{
		tr.Forward.X, tr.Forward.Z1, tr.Forward.H, tr.Forward.Z2, tr.Forward.P,
		tr.Updated.Z1, tr.Updated.H, tr.Updated.Z2, tr.Updated.P,
		g.W1, g.B1, g.W2, g.B2, g.DOut, g.BackSum, g.DHidden,
		{tr.Loss, tr.LossAfter, tr.LR, tr.L2},
	}
	for _, vs := range all {
		for _, v := range vs {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return refuse(i18n.Mark("tour: the trace holds NaN or infinite numbers (the learning rate may be too high)"))
			}
		}
	}
	return nil
}

// refusal is why a trace was refused. Its Error is in English, for the
// app's logs; the tour's message shows it in the language in use
// (problemText).
type refusal struct {
	format string // a catalog key
	args   []any
}

func refuse(format string, args ...any) error { return &refusal{format, args} }

func (r *refusal) Error() string { return fmt.Sprintf(r.format, r.args...) }

// problemText is err as the tour's message shows it: translated when it is
// a refusal, "" for none.
func problemText(err error) string {
	switch e := err.(type) {
	case nil:
		return ""
	case *refusal:
		return i18n.Sprintf(e.format, e.args...)
	}
	return err.Error()
}
