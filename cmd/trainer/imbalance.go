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

// imbalanceOpts are imbalance's command-line settings: a training run's,
// which both runs share, and the class to thin and by how much.
type imbalanceOpts struct {
	trainOpts
	class int     // -class: the class to thin
	share float64 // -share: of its training drawings kept
}

// imbalanceFlags defines imbalance's flags on o; the usage text lists them
// all (TestUsageListsEveryFlag).
func imbalanceFlags(o *imbalanceOpts) *flag.FlagSet {
	fs := newFlags("imbalance")
	runFlags(fs, &o.trainOpts)
	hiddenFlag(fs, &o.trainOpts)
	fs.IntVar(&o.class, "class", 0, "the class to thin, 0..classes-1")
	fs.Float64Var(&o.share, "share", 0.1, "share of the class's training drawings kept, above 0 and at most 1")
	return fs
}

func parseImbalance(args []string) (*imbalanceOpts, error) {
	o := &imbalanceOpts{}
	if err := parseRun(imbalanceFlags(o), &o.trainOpts, args); err != nil {
		return nil, err
	}
	if o.data == "" {
		return nil, usagef("imbalance needs -data FILE (a .csv or .json dataset) or -data starter")
	}
	if err := checkRun(&o.trainOpts); err != nil {
		return nil, err
	}
	return o, checkHidden(&o.trainOpts)
}

// runImbalance implements "trainer imbalance": the same network trained on
// all the data and with one class thinned, its accuracy per class and
// confusion matrix after each, so the bias shows.
func runImbalance(args []string, stdout, stderr io.Writer) error {
	o, err := parseImbalance(args)
	if err != nil {
		return err
	}
	d, train, val, err := trainData(&o.trainOpts, nil, stderr)
	if err != nil {
		return err
	}
	valEx, valText := heldOut(val)
	cfg := nn.Config{Hidden: o.hidden, Classes: len(d.Classes), Activation: o.act}
	im, err := experiment.NewImbalance(experiment.ImbalanceSetup{
		Train: train.Examples(), Val: valEx, Net: cfg, Hyper: o.hyper,
		Seed: o.seed, Epochs: o.epochs, Class: o.class, Share: o.share,
	})
	if se := (*experiment.SetupError)(nil); errors.As(err, &se) && (se.Field == "Class" || se.Field == "Share") {
		return usagef("imbalance: -%s %s", strings.ToLower(se.Field), se.Msg)
	} else if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "imbalance of %s on %d samples%s; class %s thinned to %g%% of its drawings; %d epochs each, lr %g, batch %d, seed %d\n",
		shape(cfg), train.Len(), valText, d.Classes[o.class], 100*o.share, o.epochs, o.hyper.LR, o.hyper.Batch, o.seed)
	bar := newProgress(stderr)
	for !im.Step(max(1, train.Len()/40)) {
		bar.show(im.Progress(), fmt.Sprintf("%s run", [...]string{experiment.Balanced, experiment.Thinned}[len(im.Results())]))
	}
	bar.clear()
	res := im.Results()
	printImbalance(stdout, res, d.Classes)
	for _, r := range res {
		if r.Diverged > 0 {
			return fmt.Errorf("the %s run diverged after epoch %d (the weights became NaN or infinite); try a smaller -lr", r.Run, r.Diverged)
		}
	}
	return nil
}

// printImbalance writes the runs' accuracy per class side by side, with
// the drawings each trained on, then each run's confusion matrix.
func printImbalance(w io.Writer, res []experiment.ImbalanceResult, names []string) {
	width := 5
	for _, n := range names {
		width = max(width, len(n)+1)
	}
	fmt.Fprintf(w, "\naccuracy per class on the %s set (drawings trained on)\n%-*s", res[0].On, width, "class")
	for _, r := range res {
		fmt.Fprintf(w, " %17s", r.Run)
	}
	fmt.Fprintln(w)
	for c, n := range names {
		fmt.Fprintf(w, "%-*s", width, n)
		for _, r := range res {
			fmt.Fprintf(w, " %8s (%6d)", percent(classAcc(r, c)), r.Trained[c])
		}
		fmt.Fprintln(w)
	}
	all := fmt.Sprintf("%-*s", width, "all")
	for _, r := range res {
		all += fmt.Sprintf(" %8s %8s", percent(r.Metrics.Accuracy), "")
	}
	fmt.Fprintln(w, strings.TrimRight(all, " "))
	for _, r := range res {
		if r.Diverged == 0 {
			fmt.Fprintf(w, "\n%s run: ", r.Run)
			printConfusion(w, r.Metrics, names, width)
		}
	}
}

// classAcc returns r's accuracy on class c, NaN when a diverged run has none.
func classAcc(r experiment.ImbalanceResult, c int) float64 {
	if per := r.Metrics.PerClass(); c < len(per) {
		return per[c]
	}
	return math.NaN()
}
