package data

import (
	"errors"
	"strconv"

	"digittrainer/i18n"
	"digittrainer/nn"
)

// Side is the grid's width and height; a sample has Side×Side pixels.
const Side = 9

// Pixels is the number of pixels in a sample, row-major.
const Pixels = Side * Side

// Sample is one drawing: 81 pixels, each 0 or 1, row-major from the top
// left, the index of its class in its Dataset's Classes, and its side: Val
// drawings are held out for validation, so the network never trains on
// them (see sides.go).
type Sample struct {
	Pixels [Pixels]uint8
	Label  int
	Val    bool
}

// At reports whether pixel (x, y) is set.
func (s *Sample) At(x, y int) bool { return s.Pixels[y*Side+x] != 0 }

// Set sets or clears pixel (x, y).
func (s *Sample) Set(x, y int, on bool) {
	var v uint8
	if on {
		v = 1
	}
	s.Pixels[y*Side+x] = v
}

// Ink returns the number of set pixels.
func (s *Sample) Ink() int {
	n := 0
	for _, p := range s.Pixels {
		n += int(p)
	}
	return n
}

// Inputs writes the pixels as the network's 81 input values.
func (s *Sample) Inputs(dst []float64) {
	if len(dst) != Pixels {
		panic("data: Inputs needs 81 values")
	}
	for i, p := range s.Pixels {
		dst[i] = float64(p)
	}
}

// Dataset is a list of samples and the names of their classes.
//
// Once a dataset is shared (the app's session holds it), change it only
// through its methods (Add, Remove, Relabel), which give it a new Version;
// WithClasses and Clone return new datasets.
type Dataset struct {
	Classes []string
	Samples []Sample
	// Sided is set once every drawing's side has been decided (by
	// AssignSides, or by a file that stores them); until then they all
	// count as training drawings. A dataset in CSV or the original app's
	// JSON arrives unsided.
	Sided bool

	stamp nn.Stamp // see Version
}

// DefaultClasses returns the names "0", "1", … for n classes.
func DefaultClasses(n int) []string {
	c := make([]string, n)
	for i := range c {
		c[i] = strconv.Itoa(i)
	}
	return c
}

// New returns an empty dataset with n classes named "0".."n−1", sided (its
// drawings will get their sides as they come: see NextSide).
func New(n int) *Dataset { return &Dataset{Classes: DefaultClasses(n), Sided: true} }

// Len returns the number of samples.
func (d *Dataset) Len() int { return len(d.Samples) }

// Add appends s after checking its label.
func (d *Dataset) Add(s Sample) error {
	if s.Label < 0 || s.Label >= len(d.Classes) {
		return errors.New("data: " + i18n.Sprintf("label %d is not one of the %d classes", s.Label, len(d.Classes)))
	}
	d.Samples = append(d.Samples, s)
	d.touch()
	return nil
}

// Clone returns a deep copy.
func (d *Dataset) Clone() *Dataset {
	return &Dataset{
		Classes: append([]string(nil), d.Classes...),
		Samples: append([]Sample(nil), d.Samples...),
		Sided:   d.Sided,
	}
}

// Counts returns the number of samples in each class.
func (d *Dataset) Counts() []int {
	c := make([]int, len(d.Classes))
	for _, s := range d.Samples {
		if s.Label >= 0 && s.Label < len(c) {
			c[s.Label]++
		}
	}
	return c
}

// Examples returns the dataset in the layout nn trains on.
func (d *Dataset) Examples() nn.Examples {
	ex := nn.Examples{X: make([]float64, len(d.Samples)*Pixels), Y: make([]int, len(d.Samples))}
	for i := range d.Samples {
		d.Samples[i].Inputs(ex.X[i*Pixels : (i+1)*Pixels])
		ex.Y[i] = d.Samples[i].Label
	}
	return ex
}
