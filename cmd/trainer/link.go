package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"digittrainer/data"
	"digittrainer/lesson"
)

// linkOpts are link's command-line settings.
type linkOpts struct {
	data, base, fix, hide string
	classes               int
	val                   float64
	l                     lesson.Lesson // Settings, View, Title and Teacher.Open from the flags
}

// defaultBase is the page a link opens: the classroom build's one file,
// beside which teachers keep their links.
const defaultBase = "digit-trainer.html"

// linkFlags defines link's flags on o, each setting's default the app's
// (lesson.DefaultSettings).
func linkFlags(o *linkOpts) *flag.FlagSet {
	fs := newFlags("link")
	st := &o.l.Settings
	*st = lesson.DefaultSettings()
	fs.StringVar(&o.data, "data", "", `the drawings: .csv, .json, a checkpoint with its dataset, or "starter"`)
	fs.IntVar(&o.classes, "classes", 0, "classes 2..10 (default: from the data; 2 for the starter set)")
	fs.Float64Var(&o.val, "val", data.ValFraction, "share of each class held out, for data that does not say (the app's split)")
	fs.IntVar(&st.Hidden, "hidden", st.Hidden, "hidden neurons, 1..256")
	fs.StringVar(&st.Activation, "activation", st.Activation, "hidden activation: sigmoid, tanh or relu")
	fs.Float64Var(&st.LR, "lr", st.LR, "learning rate")
	fs.Float64Var(&st.Decay, "decay", st.Decay, "learning-rate factor per epoch (1 = no decay)")
	fs.Float64Var(&st.MinLR, "min-lr", st.MinLR, "floor under the decayed learning rate")
	fs.Float64Var(&st.L2, "l2", st.L2, "L2 weight decay")
	fs.IntVar(&st.Batch, "batch", st.Batch, "samples per update")
	fs.Uint64Var(&st.Seed, "seed", st.Seed, "seed of the initial weights and the shuffles")
	fs.IntVar(&st.EpochsN, "epochs", st.EpochsN, `epochs "Train N epochs" runs, 1..1000`)
	fs.Float64Var(&st.Pace, "pace", st.Pace, "drawings a second while training; 0 = full speed")
	fs.IntVar(&st.Patience, "patience", st.Patience, "epochs without progress that stop training; 0 = never")
	fs.IntVar(&st.SnapEvery, "snap-every", st.SnapEvery, "epochs between snapshots")
	fs.BoolVar(&o.l.View.Maps, "maps", false, "show the hidden neurons' weight maps")
	fs.BoolVar(&o.l.View.Similar, "similar", false, "show the similar drawings")
	fs.StringVar(&o.l.View.Tab, "tab", "", "the tab a phone opens on")
	fs.StringVar(&o.fix, "fix", "", "settings students cannot change, by comma: "+strings.Join(lesson.SettingKeys, ","))
	fs.StringVar(&o.hide, "hide", "", "panels and controls to hide, by comma (network, train, setHidden, …)")
	fs.StringVar(&o.l.Teacher.Open, "open", "", `"tour" to start the guided tour, or a lesson's id`)
	fs.StringVar(&o.l.Title, "title", "", "a line shown to students")
	fs.StringVar(&o.base, "base", defaultBase, "the page the link opens; the lesson follows its #")
	return fs
}

// runLink implements "trainer link -data FILE|starter [options]": it prints
// the link of a lesson, as the app's Share makes it, so that a teacher can
// make one without opening the app.
func runLink(args []string, stdout, stderr io.Writer) error {
	o := &linkOpts{}
	fs := linkFlags(o)
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case o.data == "":
		return usagef(`link needs -data FILE (a .csv or .json dataset, or a checkpoint with one) or -data starter`)
	case !(o.val >= 0 && o.val <= 0.9):
		return usagef("link: -val must be between 0 and 0.9, not %v", o.val)
	case strings.Contains(o.base, "#"):
		return usagef("link: -base %q already has a #; the lesson goes after it", o.base)
	}
	l := &o.l
	l.Teacher.Fixed, l.Teacher.Hide = list(o.fix), list(o.hide)
	// The flags alone first, with no drawings, so that their faults are
	// usage errors and the file's are not.
	l.Data = data.New(2)
	if _, err := lesson.Encode(l); err != nil {
		return usagef("link: %s", lessonMsg(err))
	}
	d, err := readData("link", o.data, o.classes)
	if err != nil {
		return err
	}
	if d, err = withClasses(d, o.classes, o.data); err != nil {
		return err
	}
	if !d.Sided {
		d.AssignSides(o.val) // as the app splits a file that does not say
	}
	l.Data = d
	s, err := lesson.Encode(l)
	if err != nil {
		return fmt.Errorf("%s: %s", o.data, lessonMsg(err))
	}
	_, held := d.Sides()
	fmt.Fprintln(stdout, o.base+"#"+s)
	fmt.Fprintf(stderr, "lesson link: %d characters, %d drawings of %d classes (%d held out)\n", len(s), d.Len(), len(d.Classes), held.Len())
	return nil
}

// list splits a comma-separated flag value, dropping spaces and empty items.
func list(s string) []string {
	var out []string
	for f := range strings.SplitSeq(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// lessonMsg is a lesson error's words without the package prefix.
func lessonMsg(err error) string {
	if le := (*lesson.Error)(nil); errors.As(err, &le) {
		return le.Msg
	}
	return err.Error()
}
