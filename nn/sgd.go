package nn

import "math"

// fusedOK reports whether the fused step may replace Backward + Apply for
// the settings of one update: one sample, no L2 and a learning rate that is
// a finite number ≥ 0. Under these conditions Apply leaves every weight with
// a zero gradient exactly as it was (w − lr·0 = w), so skipping those
// weights changes nothing; with L2 every weight moves, and a negative, NaN
// or infinite rate would turn lr·0 into −0 or NaN.
func fusedOK(batch int, lr, l2 float64) bool {
	return batch == 1 && l2 == 0 && lr >= 0 && lr <= math.MaxFloat64
}

// sgdStep is Backward followed by Apply for one sample with L2 = 0, fused
// into one pass that touches only the columns of W1 whose input is non-zero:
// the gradient of every other column is zero, so Apply would leave it as it
// is. That is what makes training on drawings fast — a 9×9 digit has about a
// fifth of its pixels set, so four fifths of W1 are skipped — and the plain
// Backward/Apply pair stays for the tour and for mini-batches.
//
// The weights it writes are bit-identical to Backward then Apply with a
// fresh Gradients: each update is written as the same expression Apply
// evaluates, w − lr·((0 + g)·1), where 0 + g is the accumulation into a
// cleared gradient (it turns a −0 into +0) and the division by a count of
// one is exact and dropped. It fills g's DOut, BackSum and DHidden but not
// its parameter gradients. The caller must check fusedOK and the label.
func (n *Network) sgdStep(g *Gradients, s *State, label int, lr float64) {
	H, C := n.Hidden, n.Classes
	outputError(g.DOut, s.P, label)
	n.backSum(g.BackSum, g.DOut) // through W2 before it moves
	n.Activation.errorAll(g.DHidden, g.BackSum, s.Z1, s.H)

	hs := s.H[:H]
	for c, d := range g.DOut[:C] {
		n.B2[c] -= float64(lr * (0 + d))
		row := n.W2[c*H : c*H+H]
		row = row[:len(hs)]
		for h, a := range hs {
			row[h] -= float64(lr * (0 + float64(d*a)))
		}
	}

	act := s.active[:s.nactive]
	if s.binary {
		n.stepBinary(g.DHidden, act, lr)
		return
	}
	x := (*[Inputs]float64)(s.X)
	for h, dh := range g.DHidden[:H] {
		n.B1[h] -= float64(lr * (0 + dh))
		row := (*[Inputs]float64)(n.W1[h*Inputs:])
		for _, i := range act {
			row[i] -= float64(lr * (0 + float64(dh*x[i])))
		}
	}
}

// stepBinary updates B1 and the active columns of W1 when every active input
// is 1: the gradient dh·x_i is then dh itself, so a whole row moves by one
// amount. Four rows go side by side to share the loads of the column index.
func (n *Network) stepBinary(dhid []float64, act []int, lr float64) {
	H := n.Hidden
	w1, b1 := n.W1[:H*Inputs], n.B1[:H]
	dhid = dhid[:H]
	h := 0
	for ; h+4 <= H; h += 4 {
		s0 := float64(lr * (0 + dhid[h]))
		s1 := float64(lr * (0 + dhid[h+1]))
		s2 := float64(lr * (0 + dhid[h+2]))
		s3 := float64(lr * (0 + dhid[h+3]))
		b1[h] -= s0
		b1[h+1] -= s1
		b1[h+2] -= s2
		b1[h+3] -= s3
		r0 := (*[Inputs]float64)(w1[h*Inputs:])
		r1 := (*[Inputs]float64)(w1[(h+1)*Inputs:])
		r2 := (*[Inputs]float64)(w1[(h+2)*Inputs:])
		r3 := (*[Inputs]float64)(w1[(h+3)*Inputs:])
		for _, i := range act {
			r0[i] -= s0
			r1[i] -= s1
			r2[i] -= s2
			r3[i] -= s3
		}
	}
	for ; h < H; h++ {
		st := float64(lr * (0 + dhid[h]))
		b1[h] -= st
		row := (*[Inputs]float64)(w1[h*Inputs:])
		for _, i := range act {
			row[i] -= st
		}
	}
}
