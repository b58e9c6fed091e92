package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"

	"digittrainer/experiment"
	"digittrainer/nn"
)

// suspectsOpts are suspects' command-line settings.
type suspectsOpts struct {
	data, csv                    string
	classes, hidden, epochs, top int
	folds, rounds                int
	seed                         uint64
	lr                           float64
	augment                      bool
}

// defaultTop is how many drawings suspects lists unless told: a screenful,
// more than a tenth of the starter set's 240 training drawings.
const defaultTop = 30

// suspectsFlags defines suspects' flags on o; the usage text lists them
// all (TestUsageListsEveryFlag).
func suspectsFlags(o *suspectsOpts) *flag.FlagSet {
	fs := newFlags("suspects")
	fs.StringVar(&o.data, "data", "", `dataset: .csv, .json or "starter"`)
	fs.IntVar(&o.classes, "classes", 0, "output classes 2..10 (default: from the data; 2 for the starter set)")
	fs.IntVar(&o.folds, "folds", experiment.DefaultFolds, fmt.Sprintf("parts the drawings are split into, 2..%d: each is scored by a network trained on the others", experiment.MaxFolds))
	fs.IntVar(&o.rounds, "rounds", experiment.DefaultRounds, fmt.Sprintf("splits into folds, each with its own seed, averaged: 1..%d", experiment.MaxRounds))
	fs.IntVar(&o.epochs, "epochs", experiment.DefaultSuspectEpochs, "passes over each fold's training drawings")
	fs.BoolVar(&o.augment, "augment", true, "train each fold on 1-pixel shifted copies too (finds more, costs about 5 times as much)")
	fs.IntVar(&o.hidden, "hidden", nn.DefaultConfig.Hidden, "hidden neurons of each fold's network, 1..256")
	fs.Float64Var(&o.lr, "lr", nn.DefaultHyper.LR, "learning rate")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the first round's folds, weights and shuffles (round r: seed+r)")
	fs.IntVar(&o.top, "top", defaultTop, "drawings to list, most suspicious first (0: all)")
	fs.StringVar(&o.csv, "csv", "", "also write every drawing's verdict, ranked, to this .csv file")
	return fs
}

func parseSuspects(args []string) (*suspectsOpts, error) {
	o := &suspectsOpts{}
	if err := parse(suspectsFlags(o), args); err != nil {
		return nil, err
	}
	switch {
	case o.data == "":
		return nil, usagef("suspects needs -data FILE (a .csv or .json dataset) or -data starter")
	case o.csv != "" && ext(o.csv) != ".csv":
		return nil, usagef("suspects: -csv must end in .csv, not %q", o.csv)
	case o.top < 0:
		return nil, usagef("suspects: -top must be 0 (all) or more, not %d", o.top)
	case o.epochs < 1 || o.epochs > maxEpochs:
		return nil, usagef("suspects: -epochs must be 1..%d, not %d", maxEpochs, o.epochs)
	case !(o.lr > 0) || math.IsInf(o.lr, 0):
		return nil, usagef("suspects: -lr must be a number above 0, not %v", o.lr)
	case o.hidden < nn.MinHidden || o.hidden > nn.MaxHidden:
		return nil, usagef("suspects: -hidden must be %d..%d, not %d", nn.MinHidden, nn.MaxHidden, o.hidden)
	case o.classes != 0 && (o.classes < nn.MinClasses || o.classes > nn.MaxClasses):
		return nil, usagef("suspects: -classes must be %d..%d, not %d", nn.MinClasses, nn.MaxClasses, o.classes)
	}
	return o, nil
}

// runSuspects implements "trainer suspects": every drawing ranked by how
// strongly networks that never trained on it disagree with its label, the
// dataset check's findings beside them.
func runSuspects(args []string, stdout, stderr io.Writer) error {
	o, err := parseSuspects(args)
	if err != nil {
		return err
	}
	d, err := readData("suspects", o.data, o.classes)
	if err != nil {
		return err
	}
	if d, err = withClasses(d, o.classes, o.data); err != nil {
		return err
	}
	cfg := nn.Config{Hidden: o.hidden, Classes: len(d.Classes), Activation: nn.DefaultConfig.Activation}
	hyper := nn.DefaultHyper
	hyper.LR = o.lr
	sp, err := experiment.NewSuspects(experiment.SuspectSetup{
		Drawings: d.Samples, Net: cfg, Hyper: hyper, Seed: o.seed, Epochs: o.epochs,
		Folds: o.folds, Rounds: o.rounds, Augment: o.augment,
	})
	if se := (*experiment.SetupError)(nil); errors.As(err, &se) && (se.Field == "Folds" || se.Field == "Rounds") {
		return usagef("suspects: -%s %s", strings.ToLower(se.Field), se.Msg)
	} else if err != nil {
		return fmt.Errorf("%s: %w", o.data, err)
	}
	shifts := ""
	if o.augment {
		shifts = " and their 1-pixel shifts"
	}
	fmt.Fprintf(stdout, "suspects among %d drawings: %s, %d folds × %d rounds, each trained %d epochs on the other folds%s, lr %g, seed %d\n",
		d.Len(), shape(cfg), o.folds, o.rounds, o.epochs, shifts, o.lr, o.seed)
	bar := newProgress(stderr)
	for !sp.Step(max(1, d.Len()/40)) {
		bar.show(sp.Progress(), "scoring every drawing")
	}
	bar.clear()
	if sp.Diverged() > 0 {
		return fmt.Errorf("a fold's network diverged after epoch %d (the weights became NaN or infinite); try a smaller -lr", sp.Diverged())
	}
	list, findings := sp.Result(), experiment.Findings(d.Quality())
	printSuspects(stdout, list, o.top, d.Classes, findings)
	if o.csv != "" {
		if err := writeFile(o.csv, experiment.SuspectsCSV(list, d.Classes, findings)); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (%d drawings, ranked)\n", o.csv, len(list))
	}
	return nil
}

// printSuspects writes the first top of list (all when top is 0) as a
// table, with what the dataset check says of each, then the drawings the
// check found that the table does not show.
func printSuspects(w io.Writer, list []experiment.Suspect, top int, classes []string, findings []experiment.Finding) {
	if top == 0 || top > len(list) {
		top = len(list)
	}
	fmt.Fprintln(w, "score: 1 - the probability the networks that never trained on a drawing gave its label, mean of the rounds")
	fmt.Fprintln(w, "  rank  drawing  label  predicted  score  check")
	shown := map[int]bool{}
	for k, s := range list[:top] {
		shown[s.Index] = true
		line := fmt.Sprintf("%6d  %7d  %5s  %9s  %5.3f  %s", k+1, s.Index+1,
			classes[s.Label], classes[s.Predicted], s.Score, experiment.Checks(findings, s.Index))
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
	if top < len(list) {
		fmt.Fprintf(w, "(the %d most suspicious of %d drawings; -top 0 lists them all)\n", top, len(list))
	}
	var more []string
	for _, f := range findings {
		if !shown[f.Index] {
			more = append(more, fmt.Sprintf("%d (%s)", f.Index+1, f.Check))
		}
	}
	if len(more) > 0 {
		fmt.Fprintf(w, "the dataset check also found drawings %s\n", strings.Join(more, ", "))
	}
}
