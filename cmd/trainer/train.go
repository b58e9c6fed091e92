package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"time"

	"digittrainer/checkpoint"
	"digittrainer/data"
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
	valSet                  bool // -val was given
	augment, saveData       bool
}

// maxEpochs bounds -epochs so a typo cannot keep a laptop busy for a day.
const maxEpochs = 100000

func parseTrain(args []string) (*trainOpts, error) {
	fs := newFlags("train")
	o := &trainOpts{}
	fs.StringVar(&o.data, "data", "", `dataset: .csv, .json or "starter"`)
	fs.StringVar(&o.out, "out", "", "where to save the trained net: .safetensors, or .json for the original app")
	fs.StringVar(&o.activation, "activation", nn.DefaultConfig.Activation.String(), "hidden activation: sigmoid, tanh or relu")
	fs.IntVar(&o.hidden, "hidden", nn.DefaultConfig.Hidden, "hidden neurons, 1..256")
	fs.IntVar(&o.epochs, "epochs", 20, "passes over the training set")
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
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	fs.Visit(func(f *flag.Flag) { o.valSet = o.valSet || f.Name == "val" })
	h := o.hyper
	switch {
	case o.data == "":
		return nil, usagef("train needs -data FILE (a .csv or .json dataset) or -data starter")
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

// runTrain implements "trainer train".
func runTrain(args []string, stdout, stderr io.Writer) error {
	o, err := parseTrain(args)
	if err != nil {
		return err
	}
	d, train, val, err := trainData(o, stderr)
	if err != nil {
		return err
	}
	cfg := nn.Config{Hidden: o.hidden, Classes: len(d.Classes), Activation: o.act}
	if ext(o.out) == ".json" && (o.act != nn.Sigmoid || cfg.Classes != 2) {
		return usagef("train: the original app's .json holds only 2-class sigmoid nets; save as .safetensors instead")
	}
	net, err := nn.NewSeeded(cfg, o.seed)
	if err != nil {
		return err
	}
	tr := nn.NewTrainer(net, o.hyper, o.seed)
	ex := train.Examples()
	var valEx nn.Examples
	valText := ""
	if val != nil && val.Len() > 0 {
		valEx = val.Examples()
		valText = fmt.Sprintf(", %d held out for validation", val.Len())
	}
	fmt.Fprintf(stdout, "training %s on %d samples%s; lr %g, batch %d, seed %d\n",
		shape(cfg), train.Len(), valText, o.hyper.LR, tr.Hyper.Batch, o.seed)
	if err := trainEpochs(tr, ex, valEx, o.epochs, stdout, stderr); err != nil {
		return err
	}
	final := net.Evaluate(ex)
	fmt.Fprintf(stdout, "final     train acc %.2f%% (loss %s)", 100*final.Accuracy, num(final.Loss))
	if valEx.Len() > 0 {
		vm := net.Evaluate(valEx)
		fmt.Fprintf(stdout, ", val acc %.2f%% (loss %s)", 100*vm.Accuracy, num(vm.Loss))
	}
	fmt.Fprintln(stdout)
	if o.out == "" {
		fmt.Fprintln(stdout, "not saved (add -out model.safetensors to keep the net)")
		return nil
	}
	m := &checkpoint.Model{Net: net, Classes: d.Classes, Hyper: tr.Hyper, Seed: o.seed, Created: time.Now().UTC()}
	m.SetPosition(tr) // with its shuffle state, so that the file resumes exactly
	if o.saveData {
		m.Data = d
	}
	return saveModel(o.out, m, stdout)
}

// trainData loads -data with the class count -classes asks for and splits
// it: the whole dataset, and what is trained on (augmented with -augment)
// and held out. A file that stores each drawing's side (a checkpoint saved
// by the app) keeps it; other data is split by -val with the app's rule
// (data.AssignSides), so -val 0.2 holds out the drawings the app does.
func trainData(o *trainOpts, stderr io.Writer) (d, train, val *data.Dataset, err error) {
	starterClasses := o.classes
	if starterClasses == 0 {
		starterClasses = 2
	}
	if o.data == starterName && !hasStarter(starterClasses) {
		return nil, nil, nil, usagef("train: the starter set has 2 or 10 classes, not %d", starterClasses)
	}
	if d, err = loadData(o.data, starterClasses); err != nil {
		return nil, nil, nil, err
	}
	if d, err = withClasses(d, o.classes, o.data); err != nil {
		return nil, nil, nil, err
	}
	switch {
	case d.Sided && o.valSet:
		_, held := d.Sides()
		fmt.Fprintf(stderr, "note: %s says which drawings are held out (%d of %d); -val %g is not applied\n", o.data, held.Len(), d.Len(), o.val)
	case !d.Sided && o.val > 0:
		d.AssignSides(o.val)
	}
	train, val = d.Sides() // an unsided dataset trains on every drawing
	if o.augment {
		train = train.Augment()
	}
	if train.Len() == 0 {
		return nil, nil, nil, fmt.Errorf("%s leaves no samples to train on", o.data)
	}
	return d, train, val, nil
}

// trainEpochs trains epochs epochs of ex, a line of stdout each (with the
// validation metrics when val has examples) and a progress bar on stderr.
func trainEpochs(tr *nn.Trainer, ex, val nn.Examples, epochs int, stdout, stderr io.Writer) error {
	bar := newProgress(stderr)
	defer bar.clear()
	for e := 1; e <= epochs; e++ {
		tr.Upcoming(ex) // draws the epoch's order, so that the position below is inside it
		for left := ex.Len() - tr.Position().Done; left > 0; {
			// Not past the epoch's end: the line and the file must
			// describe the net as it is when the epoch is over.
			left -= tr.Train(ex, min(max(1, ex.Len()/40), left))
			bar.draw(e, epochs, tr.Progress())
		}
		if !tr.Net.Finite() {
			return fmt.Errorf("training diverged in epoch %d (the weights became NaN or infinite); try a smaller -lr", e)
		}
		st := tr.Last
		line := fmt.Sprintf("epoch %3d/%d  loss %s  acc %6.2f%%", e, epochs, num(st.Loss), 100*st.Accuracy)
		if val.Len() > 0 {
			vm := tr.Net.Evaluate(val)
			line += fmt.Sprintf("  val loss %s  val acc %6.2f%%", num(vm.Loss), 100*vm.Accuracy)
		}
		bar.clear()
		fmt.Fprintf(stdout, "%s  lr %.5g\n", line, st.LR)
	}
	return nil
}

// saveModel writes m to path in the format its extension names.
func saveModel(path string, m *checkpoint.Model, stdout io.Writer) error {
	b, err := encodeModel(path, m)
	if err != nil {
		return err
	}
	if err := writeFile(path, b); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "saved     %s (%s)\n", path, modelSummary(m))
	return nil
}

// withClasses returns d with n classes (0: as it is), saying which sample
// would have no output when n is too few.
func withClasses(d *data.Dataset, n int, path string) (*data.Dataset, error) {
	if n == 0 || n == len(d.Classes) {
		return d, nil
	}
	out, err := d.WithClasses(n)
	if ce := (*data.ClassError)(nil); errors.As(err, &ce) {
		return nil, fmt.Errorf("%s: sample %d has label %d, but the network has only %d classes (0..%d)", path, ce.Index+1, ce.Label, n, n-1)
	}
	return out, err
}

// num formats a loss with four decimals, or in exponent form when training
// has blown it up, so a line stays readable.
func num(v float64) string {
	if math.Abs(v) < 1e6 {
		return fmt.Sprintf("%.4f", v)
	}
	return fmt.Sprintf("%.3g", v)
}
