package main

import (
	"flag"
	"math"

	"digittrainer/nn"
)

// trainOpts are train's command-line settings.
type trainOpts struct {
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
	fs.StringVar(&o.data, "data", "", `dataset: .csv, .json or "starter" (with -init: the file's own)`)
	fs.StringVar(&o.out, "out", "", "where to save the trained net: .safetensors, or .json for the original app")
	fs.StringVar(&o.init, "init", "", "checkpoint to resume: its weights, settings, position and dataset")
	fs.StringVar(&o.activation, "activation", nn.DefaultConfig.Activation.String(), "hidden activation: sigmoid, tanh or relu")
	fs.IntVar(&o.hidden, "hidden", nn.DefaultConfig.Hidden, "hidden neurons, 1..256")
	fs.IntVar(&o.epochs, "epochs", 20, "passes over the training set (with -init: this many more)")
	fs.IntVar(&o.classes, "classes", 0, "output classes 2..10 (default: from the data; 2 for the starter set)")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the initial weights, the shuffles and the validation split")
	fs.Float64Var(&o.hyper.LR, "lr", nn.DefaultHyper.LR, "learning rate")
	fs.IntVar(&o.hyper.Batch, "batch", nn.DefaultHyper.Batch, "samples per update (1 = plain SGD, as in the original app)")
	fs.Float64Var(&o.hyper.Decay, "decay", nn.DefaultHyper.Decay, "learning-rate factor per epoch (1 = no decay)")
	fs.Float64Var(&o.hyper.MinLR, "min-lr", nn.DefaultHyper.MinLR, "floor under the decayed learning rate")
	fs.Float64Var(&o.hyper.L2, "l2", 0, "L2 weight decay")
	fs.Float64Var(&o.val, "val", 0, "fraction of each class held out for validation, 0..0.9 (a checkpoint's own split is kept)")
	fs.BoolVar(&o.augment, "augment", false, "add 1-pixel shifted copies of the training drawings")
	fs.BoolVar(&o.saveData, "save-data", true, "store the dataset in the .safetensors file")
	fs.IntVar(&o.every, "checkpoint-every", 0, "save a checkpoint every K epochs into -checkpoint-dir")
	fs.StringVar(&o.dir, "checkpoint-dir", "", "folder for the -checkpoint-every files (epoch-0010.safetensors, …)")
	return fs
}

func parseTrain(args []string) (*trainOpts, error) {
	o := &trainOpts{set: map[string]bool{}}
	fs := trainFlags(o)
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	h := o.hyper
	switch {
	case o.set["init"] && o.init == "":
		return nil, usagef("train: -init needs a checkpoint file name")
	case o.data == "" && o.init == "":
		return nil, usagef("train needs -data FILE (a .csv or .json dataset), -data starter, or -init CHECKPOINT to resume")
	case o.epochs < 1 || o.epochs > maxEpochs:
		return nil, usagef("train: -epochs must be 1..%d, not %d", maxEpochs, o.epochs)
	case !(h.LR > 0) || math.IsInf(h.LR, 0):
		return nil, usagef("train: -lr must be a number above 0, not %v", h.LR)
	case h.Batch < 1 || h.Batch > 1<<20:
		return nil, usagef("train: -batch must be at least 1, not %d", h.Batch)
	case !(h.Decay > 0 && h.Decay <= 1):
		return nil, usagef("train: -decay must be above 0 and at most 1 (1 turns decay off), not %v", h.Decay)
	case !(h.MinLR >= 0) || math.IsInf(h.MinLR, 0):
		return nil, usagef("train: -min-lr must be 0 or more, not %v", h.MinLR)
	case !(h.L2 >= 0) || math.IsInf(h.L2, 0):
		return nil, usagef("train: -l2 must be 0 or more, not %v", h.L2)
	case !(o.val >= 0 && o.val <= 0.9):
		return nil, usagef("train: -val must be between 0 and 0.9, not %v", o.val)
	case o.classes != 0 && (o.classes < nn.MinClasses || o.classes > nn.MaxClasses):
		return nil, usagef("train: -classes must be %d..%d, not %d", nn.MinClasses, nn.MaxClasses, o.classes)
	case o.out != "" && ext(o.out) != ".safetensors" && ext(o.out) != ".json":
		return nil, usagef("train: -out must end in .safetensors (or .json for the original app), not %q", o.out)
	case o.set["checkpoint-every"] && o.every < 1:
		return nil, usagef("train: -checkpoint-every must be at least 1 (epochs between two files), not %d", o.every)
	case o.every > 0 && o.dir == "":
		return nil, usagef("train: -checkpoint-every needs -checkpoint-dir DIR, the folder for the files")
	case o.set["checkpoint-dir"] && o.every == 0:
		return nil, usagef("train: -checkpoint-dir needs -checkpoint-every K, how many epochs apart the files are")
	}
	var err error
	if o.act, err = nn.ParseActivation(o.activation); err != nil {
		return nil, usagef("train: -activation must be sigmoid, tanh or relu, not %q", o.activation)
	}
	if err := (nn.Config{Hidden: o.hidden, Classes: 2, Activation: o.act}).Validate(); err != nil {
		return nil, usagef("train: -hidden must be %d..%d, not %d", nn.MinHidden, nn.MaxHidden, o.hidden)
	}
	return o, nil
}
