package main

import (
	"fmt"
	"io"
)

// runStarter implements "trainer starter -out FILE [-classes 2|10]".
func runStarter(args []string, stdout io.Writer) error {
	fs := newFlags("starter")
	out := fs.String("out", "", "file to write, .csv or .json")
	classes := fs.Int("classes", 2, "2 (digits 0 and 1) or 10 (0-9)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("starter needs -out FILE.csv (or FILE.json)")
	}
	if !hasStarter(*classes) {
		return usagef("starter: -classes must be 2 or 10, not %d", *classes)
	}
	d, err := loadData(starterName, *classes)
	if err != nil {
		return err
	}
	b, err := encodeData(*out, d)
	if err != nil {
		return err
	}
	if err := writeFile(*out, b); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d samples, %d classes, per class %v)\n", *out, d.Len(), len(d.Classes), d.Counts())
	return nil
}
