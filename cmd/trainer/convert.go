package main

import (
	"fmt"
	"io"

	"digittrainer/checkpoint"
)

// runConvert implements "trainer convert IN OUT": a checkpoint between
// safetensors and the original app's JSON, a dataset between CSV and JSON,
// chosen by OUT's extension. A checkpoint converted to .csv gives the
// dataset saved in it.
func runConvert(args []string, stdout io.Writer) error {
	fs := newFlags("convert")
	if err := fs.Parse(args); err != nil {
		return parseErr(fs, err)
	}
	if fs.NArg() != 2 {
		return usagef("convert needs two file names: trainer convert IN OUT")
	}
	in, out := fs.Arg(0), fs.Arg(1)
	b, err := readFile(in)
	if err != nil {
		return err
	}
	l, err := checkpoint.Load(b)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	var enc []byte
	switch {
	case l.Model != nil && ext(out) == ".csv":
		if l.Data == nil {
			return fmt.Errorf("%s is a checkpoint without a saved dataset, so there is nothing to write as .csv", in)
		}
		enc, err = encodeData(out, l.Data) // the dataset saved in the checkpoint
	case l.Model != nil:
		enc, err = encodeModel(out, l.Model)
	default:
		if ext(out) == ".safetensors" {
			return usagef("%s is a dataset; a .safetensors file holds a trained network (use trainer train -data %s -out %s)", in, in, out)
		}
		enc, err = encodeData(out, l.Data)
	}
	if err != nil {
		return err
	}
	if err := writeFile(out, enc); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s from %s (%s)\n", out, in, describe(l))
	return nil
}

// describe says what a loaded file held, for the confirmation line.
func describe(l *checkpoint.Loaded) string {
	if l.Model != nil {
		return fmt.Sprintf("%s, %s", l.Kind, modelSummary(l.Model))
	}
	return fmt.Sprintf("%s, %d samples", l.Kind, l.Data.Len())
}
