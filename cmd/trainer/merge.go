package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"digittrainer/data"
)

// mergeFlags defines merge's one flag.
func mergeFlags(out *string) *flag.FlagSet {
	fs := newFlags("merge")
	fs.StringVar(out, "out", "", "the pooled dataset to write, .csv or .json")
	return fs
}

// runMerge implements "trainer merge FILE... -out FILE": a class's files
// pooled as the app pools them (data.Pool: exact copies skipped, the first
// file's class names kept), with what each file added.
func runMerge(args []string, stdout io.Writer) error {
	var out string
	fs := mergeFlags(&out)
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(files) == 0:
		return usagef("merge needs the files to pool: trainer merge A.csv B.json C.safetensors -out ALL.csv")
	case out == "":
		return usagef("merge needs -out FILE.csv (or FILE.json), the pooled dataset")
	case ext(out) != ".csv" && ext(out) != ".json":
		return usagef("merge: -out must end in .csv or .json, not %q", out)
	}
	sets := make([]*data.Dataset, len(files))
	for i, f := range files {
		if sets[i], err = loadData(f, 2); err != nil {
			return err
		}
	}
	pool, counts, err := data.Pool(sets, data.ValFraction)
	if pe := (*data.PoolError)(nil); errors.As(err, &pe) {
		return fmt.Errorf("%s: %s", files[pe.Index], pe.Msg)
	} else if err != nil {
		return err
	}
	b, err := encodeData(out, pool)
	if err != nil {
		return err
	}
	if err := writeFile(out, b); err != nil {
		return err
	}
	skipped := 0
	for i, c := range counts {
		fmt.Fprintf(stdout, "%s: added %d, skipped %d duplicates\n", files[i], c.Added, c.Skipped)
		skipped += c.Skipped
	}
	fmt.Fprintf(stdout, "wrote %s: %d drawings of %d classes (%s), %d duplicates skipped in all\n",
		out, pool.Len(), len(pool.Classes), strings.Join(pool.Classes, ", "), skipped)
	return nil
}

// parseInterspersed parses args into fs allowing flags after the file
// names ("trainer merge a.csv b.csv -out all.csv"), which the flag package
// alone stops at, and returns the file names in order.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var names []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, parseErr(fs, err)
		}
		if fs.NArg() == 0 {
			return names, nil
		}
		names = append(names, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
