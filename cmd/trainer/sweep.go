package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"digittrainer/experiment"
	"digittrainer/nn"
)

// sweepOpts are sweep's command-line settings: a training run's, which
// every hidden size shares, and the sizes.
type sweepOpts struct {
	trainOpts
	list  string // -hidden as given: "1,2,4,8"
	sizes []int  // list parsed, ascending, without duplicates
	csv   string // -csv: where the table goes as CSV too
}

// sweepFlags defines sweep's flags on o; the usage text lists them all
// (TestUsageListsEveryFlag).
func sweepFlags(o *sweepOpts) *flag.FlagSet {
	fs := newFlags("sweep")
	runFlags(fs, &o.trainOpts)
	fs.StringVar(&o.list, "hidden", joinSizes(experiment.DefaultSizes, ","), "hidden sizes to try, separated by commas")
	fs.StringVar(&o.csv, "csv", "", "also write the table to this .csv file")
	return fs
}

func parseSweep(args []string) (*sweepOpts, error) {
	o := &sweepOpts{}
	if err := parseRun(sweepFlags(o), &o.trainOpts, args); err != nil {
		return nil, err
	}
	switch {
	case o.data == "":
		return nil, usagef("sweep needs -data FILE (a .csv or .json dataset) or -data starter")
	case o.csv != "" && ext(o.csv) != ".csv":
		return nil, usagef("sweep: -csv must end in .csv, not %q", o.csv)
	}
	if err := checkRun(&o.trainOpts); err != nil {
		return nil, err
	}
	var err error
	o.sizes, err = parseSizes(o.list)
	return o, err
}

// parseSizes reads -hidden: whole numbers separated by commas, each a size
// nn can build, at most experiment.MaxSizes different ones.
func parseSizes(list string) ([]int, error) {
	var sizes []int
	if strings.TrimSpace(list) != "" {
		for f := range strings.SplitSeq(list, ",") {
			f = strings.TrimSpace(f)
			h, err := strconv.Atoi(f)
			switch {
			case f == "":
				return nil, usagef("sweep: -hidden %q has an empty entry; give sizes separated by commas, like 1,2,4,8", list)
			case errors.Is(err, strconv.ErrRange):
				return nil, usagef("sweep: -hidden must be %d..%d, not %s", nn.MinHidden, nn.MaxHidden, f)
			case err != nil:
				return nil, usagef("sweep: -hidden %q: %q is not a whole number; give sizes separated by commas, like 1,2,4,8", list, f)
			}
			sizes = append(sizes, h)
		}
	}
	sizes, err := experiment.Sizes(sizes)
	if se := (*experiment.SetupError)(nil); errors.As(err, &se) {
		return nil, usagef("sweep: -hidden %s", se.Msg)
	}
	return sizes, err
}

// joinSizes writes sizes separated by sep.
func joinSizes(sizes []int, sep string) string {
	s := make([]string, len(sizes))
	for i, h := range sizes {
		s[i] = strconv.Itoa(h)
	}
	return strings.Join(s, sep)
}

// runSweep implements "trainer sweep": one run of train per hidden size, a
// row of the table each, printed as soon as the run is over.
func runSweep(args []string, stdout, stderr io.Writer) error {
	o, err := parseSweep(args)
	if err != nil {
		return err
	}
	d, train, val, err := trainData(&o.trainOpts, nil, stderr)
	if err != nil {
		return err
	}
	valEx, valText := heldOut(val)
	sw, err := experiment.New(experiment.Setup{
		Train: train.Examples(), Val: valEx,
		Net:   nn.Config{Classes: len(d.Classes), Activation: o.act},
		Hyper: o.hyper, Seed: o.seed, Epochs: o.epochs, Sizes: o.sizes,
	})
	if err != nil {
		return err
	}
	epochs := "epochs"
	if o.epochs == 1 {
		epochs = "epoch"
	}
	fmt.Fprintf(stdout, "sweep of %d-H-%d %s, H = %s, on %d samples%s; %d %s each, lr %g, batch %d, seed %d\n",
		nn.Inputs, len(d.Classes), o.act, joinSizes(o.sizes, ", "), train.Len(), valText, o.epochs, epochs, o.hyper.LR, o.hyper.Batch, o.seed)
	fmt.Fprintln(stdout, tableHeader)
	rows, err := sweep(sw, max(1, train.Len()/40), stdout, stderr)
	if err != nil {
		return err
	}
	if o.csv != "" {
		if err := writeFile(o.csv, experiment.CSV(rows)); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (%d rows)\n", o.csv, len(rows))
	}
	var diverged []int
	for _, r := range rows {
		if r.Diverged > 0 {
			diverged = append(diverged, r.Hidden)
		}
	}
	if len(diverged) > 0 {
		return fmt.Errorf("training diverged with -hidden %s (the weights became NaN or infinite); try a smaller -lr", joinSizes(diverged, ","))
	}
	return nil
}

// sweep steps sw to its end, slice samples at a time, with a progress bar
// on stderr, and prints each row on stdout as its run ends.
func sweep(sw *experiment.Sweep, slice int, stdout, stderr io.Writer) ([]experiment.Row, error) {
	bar := newProgress(stderr)
	defer bar.clear()
	printed, n := 0, len(sw.Sizes())
	for {
		done := sw.Step(slice)
		rows := sw.Rows()
		if len(rows) > printed {
			bar.clear()
			for _, r := range rows[printed:] {
				fmt.Fprintln(stdout, tableRow(r))
			}
			printed = len(rows)
		}
		if done {
			return rows, nil
		}
		bar.show(sw.Progress(), fmt.Sprintf("hidden %d (%d of %d)", sw.Current(), printed+1, n))
	}
}
