package main

import (
	"fmt"
	"io"

	"digittrainer/checkpoint"
	"digittrainer/nn"
)

// resumed is what a run taken up from a checkpoint (-init) starts from.
type resumed struct {
	m   *checkpoint.Model // the file: network, class names, seed, curves, dataset
	pos nn.Position       // where its trainer goes on, -lr and -seed applied
}

// resume reads the -init checkpoint and settles o against it. Every
// setting the command line leaves out takes the file's value, so that a
// run stopped and resumed trains bit for bit as one that never stopped;
// each one given overrides the file's, said in a note on stderr. A shape
// flag that disagrees with the file's network is an error: its weights
// cannot change shape.
//
// -lr sets the rate in use from here on; the file's starting rate stays
// in Hyper.LR, where the schedule began. -seed draws the shuffles afresh
// from that seed; the file keeps its own, which made its first weights
// (the app rebuilds them from it).
func resume(o *trainOpts, stderr io.Writer) (*resumed, error) {
	m, kind, err := loadModel(o.init)
	if err != nil {
		return nil, err
	}
	c := m.Net.Config
	for _, f := range []struct {
		name        string
		asked, file any
	}{{"hidden", o.hidden, c.Hidden}, {"classes", o.classes, c.Classes}, {"activation", o.act, c.Activation}} {
		if o.set[f.name] && f.asked != f.file {
			return nil, fmt.Errorf("%s holds a %s network, which -%s %v does not fit; leave -%s out to go on with it, or train afresh without -init",
				o.init, shape(c), f.name, f.asked, f.name)
		}
	}
	o.hidden, o.classes, o.act = c.Hidden, c.Classes, c.Activation

	pos := m.Position()
	pos.LR = o.hyper.LR
	settle(o, stderr, "lr", &pos.LR, m.LR)
	o.hyper.LR = m.Hyper.LR
	settle(o, stderr, "decay", &o.hyper.Decay, m.Hyper.Decay)
	settle(o, stderr, "min-lr", &o.hyper.MinLR, m.Hyper.MinLR)
	settle(o, stderr, "l2", &o.hyper.L2, m.Hyper.L2)
	settle(o, stderr, "batch", &o.hyper.Batch, m.Hyper.Batch)

	seed := m.Seed
	if o.set["seed"] {
		seed = o.seed
	}
	switch {
	case m.Shuffle == nil:
		pos.Shuffle = nn.FreshShuffle(seed)
		fmt.Fprintf(stderr, "note: %s (%s) records no shuffle position; the shuffles start afresh from seed %d\n", o.init, kind, seed)
	case seed != m.Seed:
		pos.Shuffle = nn.FreshShuffle(seed)
		fmt.Fprintf(stderr, "note: -seed %d overrides the file's %d: the shuffles start afresh from seed %d\n", seed, m.Seed, seed)
	}
	o.seed = m.Seed
	return &resumed{m: m, pos: pos}, nil
}

// settle gives *v the file's value unless -flag was given, and notes a
// given value that differs from the file's.
func settle[T float64 | int](o *trainOpts, stderr io.Writer, flag string, v *T, file T) {
	switch {
	case !o.set[flag]:
		*v = file
	case *v != file:
		fmt.Fprintf(stderr, "note: -%s %v overrides the file's %.6g\n", flag, *v, float64(file))
	}
}

// checkEpochSize says when the run trains on another number of samples an
// epoch than the file's run did (other data, or -augment given or left
// out): the run goes on, but no longer as the first one would have.
func (r *resumed) checkEpochSize(n int, stderr io.Writer) {
	m := r.m
	if m.Epoch == 0 || m.Seen%m.Epoch != 0 || (m.Shuffle != nil && m.Shuffle.Done > 0) {
		return // not a run of whole epochs of one size: nothing to compare
	}
	if was := m.Seen / m.Epoch; was != n {
		fmt.Fprintf(stderr, "note: the file's run trained on %d samples an epoch, this one on %d (other data, or -augment given or left out)\n", was, n)
	}
}
