package main

import (
	"fmt"
	"io"
	"math"
	"time"

	"digittrainer/checkpoint"
	"digittrainer/data"
	"digittrainer/nn"
)

// runTrain implements "trainer train".
func runTrain(args []string, stdout, stderr io.Writer) error {
	o, err := parseTrain(args)
	if err != nil {
		return err
	}
	var r *resumed
	if o.init != "" {
		if r, err = resume(o, stderr); err != nil {
			return err
		}
	}
	d, train, val, err := trainData(o, r, stderr)
	if err != nil {
		return err
	}
	cfg := nn.Config{Hidden: o.hidden, Classes: len(d.Classes), Activation: o.act}
	if ext(o.out) == ".json" && (o.act != nn.Sigmoid || cfg.Classes != 2) {
		return usagef("train: the original app's .json holds only 2-class sigmoid nets; save as .safetensors instead")
	}
	tr, base, err := start(o, r, cfg, d)
	if err != nil {
		return err
	}
	model := func() *checkpoint.Model { return snapshot(base, tr) }
	files, err := newEpochFiles(o.dir, o.every, model)
	if err != nil {
		return err
	}
	ex := train.Examples()
	valEx, valText := heldOut(val)
	if r == nil {
		fmt.Fprintf(stdout, "training %s on %d samples%s; lr %g, batch %d, seed %d\n",
			shape(cfg), train.Len(), valText, tr.LR, tr.Hyper.Batch, o.seed)
	} else {
		r.checkEpochSize(train.Len(), stderr)
		fmt.Fprintf(stdout, "resuming %s from %s at epoch %d (%d samples seen) on %d samples%s; lr %.5g, batch %d\n",
			shape(cfg), o.init, tr.Epoch, tr.Seen, train.Len(), valText, tr.LR, tr.Hyper.Batch)
	}
	if err := trainEpochs(tr, ex, valEx, o.epochs, files, stdout, stderr); err != nil {
		return err
	}
	final := tr.Net.Evaluate(ex)
	fmt.Fprintf(stdout, "final     train acc %.2f%% (loss %s)", 100*final.Accuracy, num(final.Loss))
	if valEx.Len() > 0 {
		vm := tr.Net.Evaluate(valEx)
		fmt.Fprintf(stdout, ", val acc %.2f%% (loss %s)", 100*vm.Accuracy, num(vm.Loss))
	}
	fmt.Fprintln(stdout)
	if o.out == "" {
		fmt.Fprintln(stdout, "not saved (add -out model.safetensors to keep the net)")
		return nil
	}
	return saveModel(o.out, model(), stdout)
}

// start returns the trainer a run begins with — a fresh network from
// -seed, or the -init file's network at its position — and the checkpoint
// fields that stay the same through the run.
func start(o *trainOpts, r *resumed, cfg nn.Config, d *data.Dataset) (*nn.Trainer, checkpoint.Model, error) {
	base := checkpoint.Model{Classes: d.Classes, Seed: o.seed}
	if o.saveData {
		base.Data = d
	}
	if r == nil {
		net, err := nn.NewSeeded(cfg, o.seed)
		if err != nil {
			return nil, base, err
		}
		return nn.NewTrainer(net, o.hyper, o.seed), base, nil
	}
	base.StartUnknown, base.History = r.m.StartUnknown, r.m.History
	tr := nn.NewTrainer(r.m.Net, o.hyper, o.seed)
	if err := tr.Seek(r.pos); err != nil {
		return nil, base, fmt.Errorf("%s: %w", o.init, err)
	}
	return tr, base, nil
}

// heldOut returns the validation examples of a run and what its first
// line says of them: nothing when there are none.
func heldOut(val *data.Dataset) (nn.Examples, string) {
	if val == nil || val.Len() == 0 {
		return nn.Examples{}, ""
	}
	return val.Examples(), fmt.Sprintf(", %d held out for validation", val.Len())
}

// snapshot is the run as it stands: base with the trainer's network,
// settings and position, so that the file resumes exactly (see resume).
func snapshot(base checkpoint.Model, tr *nn.Trainer) *checkpoint.Model {
	m := base
	m.Net, m.Hyper, m.Created = tr.Net, tr.Hyper, time.Now().UTC()
	m.SetPosition(tr)
	return &m
}

// trainEpochs trains epochs more epochs of ex, a line of stdout each (with
// the validation metrics when val has examples, and the file files wrote
// after it, if any) and a progress bar on stderr. Epochs are counted from
// the trainer's, so a resumed run goes on from where its file was.
func trainEpochs(tr *nn.Trainer, ex, val nn.Examples, epochs int, files *epochFiles, stdout, stderr io.Writer) error {
	bar := newProgress(stderr)
	defer bar.clear()
	last := tr.Epoch + epochs
	for tr.Epoch < last {
		e := tr.Epoch + 1
		tr.Upcoming(ex) // draws the epoch's order, so that the position below is inside it
		for left := ex.Len() - tr.Position().Done; left > 0; {
			// Not past the epoch's end: the files and the line must
			// describe the net as it is when the epoch is over.
			left -= tr.Train(ex, min(max(1, ex.Len()/40), left))
			bar.draw(e, last, tr.Progress())
		}
		if !tr.Net.Finite() {
			return fmt.Errorf("training diverged in epoch %d (the weights became NaN or infinite); try a smaller -lr", e)
		}
		st := tr.Last
		line := fmt.Sprintf("epoch %3d/%d  loss %s  acc %6.2f%%", e, last, num(st.Loss), 100*st.Accuracy)
		if val.Len() > 0 {
			vm := tr.Net.Evaluate(val)
			line += fmt.Sprintf("  val loss %s  val acc %6.2f%%", num(vm.Loss), 100*vm.Accuracy)
		}
		line += fmt.Sprintf("  lr %.5g", st.LR)
		saved, err := files.save(e)
		if err != nil {
			return err
		}
		bar.clear()
		fmt.Fprintln(stdout, line+saved)
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

// num formats a loss with four decimals, or in exponent form when training
// has blown it up, so a line stays readable.
func num(v float64) string {
	if math.Abs(v) < 1e6 {
		return fmt.Sprintf("%.4f", v)
	}
	return fmt.Sprintf("%.3g", v)
}
