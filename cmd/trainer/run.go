package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // a file could not be read or written, training failed
	exitUsage = 2 // the command line itself is wrong
)

const usage = `trainer: Digit Trainer without a window.

Commands:
  trainer train -data FILE|starter [-out model.safetensors] [options]
      Train a network and print the loss and accuracy of every epoch.
      -hidden 24  -epochs 20  -lr 0.1  -batch 1  -seed 1  -activation sigmoid|tanh|relu
      -classes N (2..10; default from the data)  -augment  -val 0.2  -decay 0.99
      -min-lr 0.0005  -l2 0  -save-data=true (keep the dataset in the .safetensors file)
      -out ending in .json writes the original app's checkpoint instead.
      -checkpoint-every K -checkpoint-dir DIR: also save DIR/epoch-0010.safetensors
      (and so on) every K epochs, to resume from if the run stops.
  trainer train -init model.safetensors [-epochs N] [-out more.safetensors] [options]
      Resume a checkpoint exactly where it stopped: its weights, settings, shuffle
      position and saved dataset (-data replaces it). -epochs N trains N more;
      options given override the file's, each with a note.
  trainer sweep -data FILE|starter [-hidden 1,2,4,8,16,24,40,64] [-csv FILE.csv] [options]
      Is there a formula for the number of hidden neurons? Try it: train one
      network per -hidden size on the same data, split and seed, one after
      another, and print a row for each: parameters, train and validation
      accuracy and loss, and seconds of training. Each row is what train with
      that -hidden and the same options reports on its final line.
      -csv FILE.csv also writes the table as CSV. Options as train's: -epochs 20
      -lr 0.1 -batch 1 -seed 1 -activation sigmoid|tanh|relu -classes N -augment
      -val 0.2 -decay 0.99 -min-lr 0.0005 -l2 0 (at most 16 sizes, each 1..256).
  trainer imbalance -data FILE|starter [-class 0] [-share 0.1] [-hidden 24] [options]
      What does a lopsided dataset teach? Train the same network twice from the
      same seed: on all the training drawings, and with only -share of -class's
      (a seeded pick), then print each run's accuracy per class side by side and
      its confusion matrix, on the validation set (or, with -val 0, the whole
      training set). Options as train's: -epochs 20 -lr 0.1 -batch 1 -seed 1
      -activation sigmoid|tanh|relu -classes N -augment -val 0.2 -decay 0.99
      -min-lr 0.0005 -l2 0.
  trainer suspects -data FILE|starter [-top 30] [-csv FILE.csv] [options]
      Which drawings may be labelled wrong? Split the drawings into -folds 5
      parts; score each part with a network trained on the others for -epochs 10
      (with -augment=true on their 1-pixel shifts too); repeat for -rounds 3,
      each from its own -seed 1 (+1 a round), and average. Prints the -top most
      suspicious drawings (0: all), numbered from 1 as in the app: label,
      predicted class, score (1 - the probability given to the label) and what
      the dataset check says (duplicate, conflict, empty). -csv FILE.csv writes
      every drawing, ranked. Also: -hidden 24 -lr 0.1 -classes N.
  trainer poison -data FILE|starter -out FILE.csv|FILE.json (-flip 0.1 | -backdoor 0:1) [options]
      Poison a copy of a dataset, to watch what bad data does. -flip SHARE gives
      that share of the training drawings a wrong label; -backdoor FROM:TO stamps
      a small mark on -share 0.1 of class FROM's training drawings and labels
      them TO; -mark bottom-right|bottom-left|top-right|top-left is its corner,
      -mark-size 2 its side in pixels (1..4).
      -seed 1 picks the drawings; -val 0.2 holds out the app's validation
      drawings first, which are never poisoned; -classes N. Prints which
      drawings changed, numbered from 1.
  trainer eval -model FILE -data FILE|starter
      Accuracy, accuracy per class and the confusion matrix.
  trainer convert IN OUT
      .safetensors <-> original-app .json checkpoint; dataset .csv <-> .json.
  trainer starter -out FILE.csv|FILE.json [-classes 2|10]
      Write the built-in starter set.
  trainer merge FILE... -out FILE.csv|FILE.json
      Pool a class's drawings: CSV and JSON datasets and checkpoints with
      their dataset, in order, skipping exact copies (same pixels and label),
      also within one file. Prints per file how many drawings it added and
      how many it skipped. Class names come from the first file; files of
      2 and 10 classes pool into 10 when their classes are the digits.
  trainer link -data FILE|starter [-base digit-trainer.html] [options]
      Print a lesson link: the drawings with their sides (a file that does
      not say gets -val 0.2 held out, as in the app; -classes N), the
      settings and the view, all after the link's #, never sent to a server.
      Settings (the app's defaults): -hidden 24 -activation sigmoid -lr 0.1
      -decay 0.99 -min-lr 0.0005 -l2 0 -batch 1 -seed 1 -epochs 10 -pace 100
      (0 = full speed) -patience 10 -snap-every 5. View: -maps -similar
      -tab NAME. For teachers: -fix Hidden,LR (settings students cannot
      change), -hide network,train (panels and controls), -open tour|LESSON,
      -title "a line for students".

Files: a checkpoint is .safetensors or the original app's JSON; a dataset is
CSV (label,p0..p80) or the original app's JSON. Exit status 1 means a file or
training problem, 2 a mistake on the command line.
`

// usageError is a mistake on the command line (exit status 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// run is the whole program with its streams passed in, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, `trainer: no command given (want train, sweep, imbalance, suspects, poison, eval, convert, starter, merge or link; "trainer help" explains them)`)
		return exitUsage
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "train":
		err = runTrain(rest, stdout, stderr)
	case "sweep":
		err = runSweep(rest, stdout, stderr)
	case "imbalance":
		err = runImbalance(rest, stdout, stderr)
	case "suspects":
		err = runSuspects(rest, stdout, stderr)
	case "poison":
		err = runPoison(rest, stdout, stderr)
	case "eval":
		err = runEval(rest, stdout)
	case "convert":
		err = runConvert(rest, stdout)
	case "starter":
		err = runStarter(rest, stdout)
	case "merge":
		err = runMerge(rest, stdout)
	case "link":
		err = runLink(rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		err = usagef("unknown command %q (want train, sweep, imbalance, suspects, poison, eval, convert, starter, merge or link)", cmd)
	}
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "trainer: %s\n", oneLine(err.Error()))
		return exitUsage
	}
	fmt.Fprintf(stderr, "trainer: %s\n", oneLine(err.Error()))
	return exitError
}

// oneLine keeps an error to the single line the command promises.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// newFlags returns a flag set that reports errors instead of printing them,
// so the user sees one line rather than the flag package's full listing.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args into fs and refuses leftover arguments.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return parseErr(fs, err)
	}
	if fs.NArg() > 0 {
		return usagef("%s: unexpected argument %q (options start with -)", fs.Name(), fs.Arg(0))
	}
	return nil
}

// parseErr turns a flag parsing error into a usage error; -h passes through.
func parseErr(fs *flag.FlagSet, err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return usagef("%s: %v", fs.Name(), err)
}
