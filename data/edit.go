package data

import (
	"errors"
	"slices"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// Version identifies the current contents of d: it changes with every
// edit made through d's methods and is never the same for two datasets
// (see nn.Stamp). Caches of what is derived from a dataset (the
// train/validation split, the status hash, the evaluation) are keyed by it.
func (d *Dataset) Version() uint64 { return d.stamp.Version() }

func (d *Dataset) touch() { d.stamp.Touch() }

// Remove deletes sample i, keeping the order of the others. It panics if i
// is out of range.
func (d *Dataset) Remove(i int) {
	d.Samples = slices.Delete(d.Samples, i, i+1)
	d.touch()
}

// Relabel gives sample i the label l, refusing a label that is not a
// class. It panics if i is out of range.
func (d *Dataset) Relabel(i, l int) error {
	if l < 0 || l >= len(d.Classes) {
		return errors.New("data: " + i18n.Sprintf("label %d is not one of the %d classes", l, len(d.Classes)))
	}
	d.Samples[i].Label = l
	d.touch()
	return nil
}

// ClassError is WithClasses refusing a class count that would leave a
// drawing without its class.
type ClassError struct {
	Index   int // 0-based index of the first such drawing
	Label   int
	Classes int
}

func (e *ClassError) Error() string {
	return "data: " + i18n.Sprintf("drawing %d is labelled %d, but with %d classes the labels are 0 to %d",
		e.Index+1, e.Label, e.Classes, e.Classes-1)
}

// WithClasses returns a copy of d with n classes: d's names for the
// classes it keeps, the default names ("2", "3", …) for new ones. Going
// down is refused with a *ClassError when a drawing has a label n or above,
// and n outside nn.MinClasses..nn.MaxClasses is refused too.
func (d *Dataset) WithClasses(n int) (*Dataset, error) {
	if n < nn.MinClasses || n > nn.MaxClasses {
		return nil, errors.New("data: " + i18n.Sprintf("%d classes: the network has %d to %d outputs", n, nn.MinClasses, nn.MaxClasses))
	}
	for i, s := range d.Samples {
		if s.Label >= n {
			return nil, &ClassError{Index: i, Label: s.Label, Classes: n}
		}
	}
	names := DefaultClasses(n)
	copy(names, d.Classes)
	return &Dataset{Classes: names, Samples: slices.Clone(d.Samples), Sided: d.Sided}, nil
}
