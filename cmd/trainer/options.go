package main

import (
	"flag"
	"math"

	"digittrainer/nn"
)

// trainOpts are train's command-line settings, and the ones of sweep's
// runs (see runFlags).
type trainOpts struct {
	name                    string // the command: "train", "sweep" or "imbalance", for messages
	data, out, activation   string
	act                     nn.Activation // activation, parsed
	hidden, epochs, classes int
	seed                    uint64
	hyper                   nn.Hyper
	val                     float64
	augment, saveData       bool
	init                    string // -init: the checkpoint to resume
	every                   int    // -checkpoint-every: epochs between two checkpoints
	dir                     string // -checkpoint-dir: where they go
	// set holds the flags given on the command line, by name: a resumed
	// run takes the file's value for every setting the user left out.
	set map[string]bool
}

// maxEpochs bounds -epochs so a typo cannot keep a laptop busy for a day.
const maxEpochs = 100000

// trainFlags defines train's flags on o; the usage text lists them all
// (TestUsageListsEveryFlag).
func trainFlags(o *trainOpts) *flag.FlagSet {
	fs := newFlags("train")
	runFlags(fs, o)
	fs.StringVar(&o.out, "out", "", "where to save the trained net: .safetensors, or .json for the original app")
	fs.StringVar(&o.init, "init", "", "checkpoint to resume: its weights, settings, position and dataset")
	hiddenFlag(fs, o)
	fs.BoolVar(&o.saveData, "save-data", true, "store the dataset in the .safetensors file")
	fs.IntVar(&o.every, "checkpoint-every", 0, "save a checkpoint every K epochs into -checkpoint-dir")
	fs.StringVar(&o.dir, "checkpoint-dir", "", "folder for the -checkpoint-every files (epoch-0010.safetensors, …)")
	return fs
}

// runFlags defines on fs the flags of a training run that train and sweep
// share: the data, its split, the network's other settings and the
// hyper-parameters, so that a sweep's row is the run train makes with the
// same flags.
func runFlags(fs *flag.FlagSet, o *trainOpts) {
	o.name = fs.Name()
	fs.StringVar(&o.data, "data", "", `dataset: .csv, .json or "starter" (train -init: the file's own)`)
	fs.StringVar(&o.activation, "activation", nn.DefaultConfig.Activation.String(), "hidden activation: sigmoid, tanh or relu")
	fs.IntVar(&o.epochs, "epochs", 20, "passes over the training set (train -init: this many more)")
	fs.IntVar(&o.classes, "classes", 0, "output classes 2..10 (default: from the data; 2 for the starter set)")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the initial weights and the shuffles")
	fs.Float64Var(&o.hyper.LR, "lr", nn.DefaultHyper.LR, "learning rate")
	fs.IntVar(&o.hyper.Batch, "batch", nn.DefaultHyper.Batch, "samples per update (1 = plain SGD, as in the original app)")
	fs.Float64Var(&o.hyper.Decay, "decay", nn.DefaultHyper.Decay, "learning-rate factor per epoch (1 = no decay)")
	fs.Float64Var(&o.hyper.MinLR, "min-lr", nn.DefaultHyper.MinLR, "floor under the decayed learning rate")
	fs.Float64Var(&o.hyper.L2, "l2", 0, "L2 weight decay")
	fs.Float64Var(&o.val, "val", 0, "fraction of each class held out for validation, 0..0.9 (a checkpoint's own split is kept)")
	fs.BoolVar(&o.augment, "augment", false, "add 1-pixel shifted copies of the training drawings")
}

// parseRun parses args into fs, which runFlags defined on o, and records
// which flags were given.
func parseRun(fs *flag.FlagSet, o *trainOpts, args []string) error {
	o.set = map[string]bool{}
	if err := parse(fs, args); err != nil {
		return err
	}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	return nil
}

func parseTrain(args []string) (*trainOpts, error) {
	o := &trainOpts{}
	if err := parseRun(trainFlags(o), o, args); err != nil {
		return nil, err
	}
	switch {
	case o.set["init"] && o.init == "":
		return nil, usagef("train: -init needs a checkpoint file name")
	case o.data == "" && o.init == "":
		return nil, usagef("train needs -data FILE (a .csv or .json dataset), -data starter, or -init CHECKPOINT to resume")
	case o.out != "" && ext(o.out) != ".safetensors" && ext(o.out) != ".json":
		return nil, usagef("train: -out must end in .safetensors (or .json for the original app), not %q", o.out)
	case o.set["checkpoint-every"] && o.every < 1:
		return nil, usagef("train: -checkpoint-every must be at least 1 (epochs between two files), not %d", o.every)
	case o.every > 0 && o.dir == "":
		return nil, usagef("train: -checkpoint-every needs -checkpoint-dir DIR, the folder for the files")
	case o.set["checkpoint-dir"] && o.every == 0:
		return nil, usagef("train: -checkpoint-dir needs -checkpoint-every K, how many epochs apart the files are")
	}
	if err := checkRun(o); err != nil {
		return nil, err
	}
	if err := checkHidden(o); err != nil {
		return nil, err
	}
	return o, nil
}

// hiddenFlag defines -hidden, the one network size of a train or
// imbalance run.
func hiddenFlag(fs *flag.FlagSet, o *trainOpts) {
	fs.IntVar(&o.hidden, "hidden", nn.DefaultConfig.Hidden, "hidden neurons, 1..256")
}

// checkHidden checks the size hiddenFlag parsed.
func checkHidden(o *trainOpts) error {
	if o.hidden < nn.MinHidden || o.hidden > nn.MaxHidden {
		return usagef("%s: -hidden must be %d..%d, not %d", o.name, nn.MinHidden, nn.MaxHidden, o.hidden)
	}
	return nil
}

// checkRun checks the flags runFlags defines and parses -activation.
func checkRun(o *trainOpts) error {
	h := o.hyper
	switch {
	case o.epochs < 1 || o.epochs > maxEpochs:
		return usagef("%s: -epochs must be 1..%d, not %d", o.name, maxEpochs, o.epochs)
	case !(h.LR > 0) || math.IsInf(h.LR, 0):
		return usagef("%s: -lr must be a number above 0, not %v", o.name, h.LR)
	case h.Batch < 1 || h.Batch > 1<<20:
		return usagef("%s: -batch must be at least 1, not %d", o.name, h.Batch)
	case !(h.Decay > 0 && h.Decay <= 1):
		return usagef("%s: -decay must be above 0 and at most 1 (1 turns decay off), not %v", o.name, h.Decay)
	case !(h.MinLR >= 0) || math.IsInf(h.MinLR, 0):
		return usagef("%s: -min-lr must be 0 or more, not %v", o.name, h.MinLR)
	case !(h.L2 >= 0) || math.IsInf(h.L2, 0):
		return usagef("%s: -l2 must be 0 or more, not %v", o.name, h.L2)
	case !(o.val >= 0 && o.val <= 0.9):
		return usagef("%s: -val must be between 0 and 0.9, not %v", o.name, o.val)
	case o.classes != 0 && (o.classes < nn.MinClasses || o.classes > nn.MaxClasses):
		return usagef("%s: -classes must be %d..%d, not %d", o.name, nn.MinClasses, nn.MaxClasses, o.classes)
	}
	var err error
	if o.act, err = nn.ParseActivation(o.activation); err != nil {
		return usagef("%s: -activation must be sigmoid, tanh or relu, not %q", o.name, o.activation)
	}
	return nil
}
