package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"digittrainer/data"
	"digittrainer/experiment"
	"digittrainer/nn"
)

// poisonOpts are poison's command-line settings.
type poisonOpts struct {
	data, out, backdoor, mark string
	classes, markSize         int
	flip, share, val          float64
	seed                      uint64
	set                       map[string]bool // flags given, by name
}

// corners are the places -mark names, as the top-left pixel of a square
// of size n.
var corners = map[string]func(n int) (x, y int){
	"bottom-right": func(n int) (int, int) { return data.Side - n, data.Side - n },
	"bottom-left":  func(n int) (int, int) { return 0, data.Side - n },
	"top-right":    func(n int) (int, int) { return data.Side - n, 0 },
	"top-left":     func(n int) (int, int) { return 0, 0 },
}

// maxMarkSize bounds -mark-size: a bigger square covers the drawing, and
// the lesson is that a small mark suffices.
const maxMarkSize = 4

// poisonFlags defines poison's flags on o; the usage text lists them all
// (TestUsageListsEveryFlag).
func poisonFlags(o *poisonOpts) *flag.FlagSet {
	fs := newFlags("poison")
	fs.StringVar(&o.data, "data", "", `dataset to poison: .csv, .json or "starter"`)
	fs.StringVar(&o.out, "out", "", "where to write the poisoned copy: .csv or .json")
	fs.IntVar(&o.classes, "classes", 0, "classes 2..10 (default: from the data; 2 for the starter set)")
	fs.Float64Var(&o.flip, "flip", 0, "share of the training drawings given a wrong label, 0..1")
	fs.StringVar(&o.backdoor, "backdoor", "", "FROM:TO, e.g. 0:1: mark -share of class FROM's training drawings and label them TO")
	fs.Float64Var(&o.share, "share", 0.1, "with -backdoor: share of FROM's training drawings marked, above 0 and at most 1")
	fs.StringVar(&o.mark, "mark", "bottom-right", "with -backdoor: the mark's corner: bottom-right, bottom-left, top-right or top-left")
	fs.IntVar(&o.markSize, "mark-size", 2, fmt.Sprintf("with -backdoor: the mark's side in pixels, 1..%d", maxMarkSize))
	fs.Float64Var(&o.val, "val", data.ValFraction, "share of each class held out for validation, and so never poisoned, 0..0.9 (a file that keeps sides: its own)")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of which drawings are poisoned (and of -flip's wrong labels)")
	return fs
}

func parsePoison(args []string) (*poisonOpts, error) {
	o := &poisonOpts{set: map[string]bool{}}
	fs := poisonFlags(o)
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	switch {
	case o.data == "":
		return nil, usagef("poison needs -data FILE (a .csv or .json dataset) or -data starter")
	case o.out == "":
		return nil, usagef("poison needs -out FILE.csv (or FILE.json) for the poisoned copy")
	case ext(o.out) != ".csv" && ext(o.out) != ".json":
		return nil, usagef("poison: -out must end in .csv or .json, not %q", o.out)
	case o.set["flip"] == o.set["backdoor"]:
		return nil, usagef("poison needs one of -flip SHARE (wrong labels) or -backdoor FROM:TO (a marked class)")
	case o.set["flip"] && (o.set["share"] || o.set["mark"] || o.set["mark-size"]):
		return nil, usagef("poison: -share, -mark and -mark-size go with -backdoor, not -flip")
	case corners[o.mark] == nil:
		return nil, usagef("poison: -mark must be bottom-right, bottom-left, top-right or top-left, not %q", o.mark)
	case o.markSize < 1 || o.markSize > maxMarkSize:
		return nil, usagef("poison: -mark-size must be 1..%d, not %d", maxMarkSize, o.markSize)
	case !(o.val >= 0 && o.val <= 0.9):
		return nil, usagef("poison: -val must be between 0 and 0.9, not %v", o.val)
	case o.classes != 0 && (o.classes < nn.MinClasses || o.classes > nn.MaxClasses):
		return nil, usagef("poison: -classes must be %d..%d, not %d", nn.MinClasses, nn.MaxClasses, o.classes)
	}
	return o, nil
}

// parseBackdoor reads -backdoor FROM:TO as two class numbers.
func parseBackdoor(s string) (from, to int, err error) {
	a, b, ok := strings.Cut(s, ":")
	from, errA := strconv.Atoi(strings.TrimSpace(a))
	to, errB := strconv.Atoi(strings.TrimSpace(b))
	if !ok || errA != nil || errB != nil {
		return 0, 0, usagef("poison: -backdoor %q: want FROM:TO, two class numbers, like 0:1", s)
	}
	return from, to, nil
}

// runPoison implements "trainer poison": a copy of a dataset with wrong
// labels or a backdoor, for the experiment without the app, and which
// drawings it changed.
func runPoison(args []string, stdout, stderr io.Writer) error {
	o, err := parsePoison(args)
	if err != nil {
		return err
	}
	d, err := readData("poison", o.data, o.classes)
	if err != nil {
		return err
	}
	if d, err = withClasses(d, o.classes, o.data); err != nil {
		return err
	}
	switch {
	case !d.Sided:
		d.AssignSides(o.val)
	case o.set["val"]:
		fmt.Fprintf(stderr, "note: %s says which drawings are held out; -val %g is not applied\n", o.data, o.val)
	}
	train, held := d.Sides()
	var out *data.Dataset
	var changed []int
	var what string
	if o.set["flip"] {
		out, changed, err = experiment.Flip(d, o.flip, o.seed)
		what = fmt.Sprintf("flipped the labels of %d of the %d training drawings", len(changed), train.Len())
	} else {
		from, to, perr := parseBackdoor(o.backdoor)
		if perr != nil {
			return perr
		}
		x, y := corners[o.mark](o.markSize)
		out, changed, err = experiment.Backdoor(d, experiment.BackdoorSetup{
			From: from, To: to, Share: o.share, Mark: experiment.Square(x, y, o.markSize), Seed: o.seed,
		})
		what = fmt.Sprintf("marked %d of class %s's training drawings with a %d×%d square %s and labelled them %s",
			len(changed), className(d, from), o.markSize, o.markSize, o.mark, className(d, to))
	}
	if se := (*experiment.SetupError)(nil); errors.As(err, &se) {
		name, ok := map[string]string{"Share": "-flip", "From": "-backdoor FROM", "To": "-backdoor TO"}[se.Field]
		if o.set["backdoor"] && se.Field == "Share" {
			name = "-share"
		}
		if ok {
			return usagef("poison: %s %s", name, se.Msg)
		}
	}
	if err != nil {
		return err
	}
	b, err := encodeData(o.out, out)
	if err != nil {
		return err
	}
	if err := writeFile(o.out, b); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s (seed %d; the %d held out for validation untouched)\n", what, o.seed, held.Len())
	fmt.Fprintf(stdout, "changed drawings, counted from 1: %s\n", numbers(changed))
	fmt.Fprintf(stdout, "wrote %s (%d drawings; a .csv or .json file does not keep which are held out: trainer train -val splits it anew)\n",
		o.out, out.Len())
	return nil
}

// className returns class l's name in d, or its number when l is not one
// of d's classes (an error message is about to say so).
func className(d *data.Dataset, l int) string {
	if l >= 0 && l < len(d.Classes) {
		return d.Classes[l]
	}
	return strconv.Itoa(l)
}

// numbers writes 0-based indices counted from 1, separated by commas, or
// "none".
func numbers(idx []int) string {
	if len(idx) == 0 {
		return "none"
	}
	s := make([]string, len(idx))
	for k, i := range idx {
		s[k] = strconv.Itoa(i + 1)
	}
	return strings.Join(s, ", ")
}
