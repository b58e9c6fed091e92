package main

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"digittrainer/data"
)

// trainData loads the dataset a run trains on, with the class count
// -classes asks for (a resumed run's: its network's), and splits it: the
// whole dataset, and what is trained on (augmented with -augment) and held
// out. A resumed run (r not nil) trains on its file's dataset unless -data
// replaces it, and keeps the file's class names. A file that stores each
// drawing's side (a checkpoint saved by the app or with -val) keeps it;
// other data is split by -val with the app's rule (data.AssignSides), so
// -val 0.2 holds out the drawings the app does.
func trainData(o *trainOpts, r *resumed, stderr io.Writer) (d, train, val *data.Dataset, err error) {
	src := o.data
	switch {
	case r != nil && src == "" && r.m.Data == nil:
		return nil, nil, nil, fmt.Errorf("%s has no saved dataset to train on; give -data FILE (a .csv or .json dataset) or -data starter", o.init)
	case r != nil && src == "":
		src, d = o.init, r.m.Data
	case r != nil && src == starterName && !hasStarter(o.classes):
		return nil, nil, nil, fmt.Errorf("the starter set has 2 or 10 classes, but the network in %s has %d", o.init, o.classes)
	case r != nil && r.m.Data != nil:
		fmt.Fprintf(stderr, "note: -data %s replaces the dataset saved in %s\n", src, o.init)
	}
	if d == nil {
		if d, err = readData(o.name, src, o.classes); err != nil {
			return nil, nil, nil, err
		}
	}
	if d, err = withClasses(d, o.classes, src); err != nil {
		return nil, nil, nil, err
	}
	if r != nil && len(r.m.Classes) == len(d.Classes) {
		d.Classes = slices.Clone(r.m.Classes) // the network's outputs are named by its file
	}
	switch {
	case d.Sided && o.set["val"]:
		_, held := d.Sides()
		fmt.Fprintf(stderr, "note: %s says which drawings are held out (%d of %d); -val %g is not applied\n", src, held.Len(), d.Len(), o.val)
	case !d.Sided && o.val > 0:
		d.AssignSides(o.val)
	}
	train, val = d.Sides() // an unsided dataset trains on every drawing
	if o.augment {
		train = train.Augment()
	}
	if train.Len() == 0 {
		return nil, nil, nil, fmt.Errorf("%s leaves no samples to train on", src)
	}
	return d, train, val, nil
}

// readData loads -data for the command cmd; classes (0: not given) picks
// the starter set's size.
func readData(cmd, path string, classes int) (*data.Dataset, error) {
	if classes == 0 {
		classes = 2
	}
	if path == starterName && !hasStarter(classes) {
		return nil, usagef("%s: the starter set has 2 or 10 classes, not %d", cmd, classes)
	}
	return loadData(path, classes)
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
