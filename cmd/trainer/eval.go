package main

import (
	"fmt"
	"io"
	"strings"

	"digittrainer/checkpoint"
	"digittrainer/data"
	"digittrainer/nn"
)

// runEval implements "trainer eval -model FILE -data FILE|starter".
func runEval(args []string, stdout io.Writer) error {
	fs := newFlags("eval")
	modelPath := fs.String("model", "", "checkpoint: .safetensors or the original app's .json")
	dataPath := fs.String("data", "", `dataset: .csv, .json or "starter"`)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *modelPath == "" || *dataPath == "" {
		return usagef("eval needs -model FILE and -data FILE (or -data starter)")
	}
	m, kind, err := loadModel(*modelPath)
	if err != nil {
		return err
	}
	classes := m.Net.Classes
	if *dataPath == starterName && !hasStarter(classes) {
		return fmt.Errorf("the starter set has 2 or 10 classes, but %s has %d", *modelPath, classes)
	}
	d, err := loadData(*dataPath, classes)
	if err != nil {
		return err
	}
	if d.Len() == 0 {
		return fmt.Errorf("%s has no samples", *dataPath)
	}
	if d, err = withClasses(d, classes, *dataPath); err != nil {
		return err
	}
	met := m.Net.Evaluate(d.Examples())
	names := m.Classes
	if names == nil {
		names = data.DefaultClasses(classes)
	}
	fmt.Fprintf(stdout, "model     %s (%s, %s)\n", *modelPath, kind, modelSummary(m))
	fmt.Fprintf(stdout, "data      %s (%d samples)\n", *dataPath, d.Len())
	printMetrics(stdout, met, names)
	return nil
}

// printMetrics writes accuracy, accuracy per class and the confusion matrix.
func printMetrics(w io.Writer, met nn.Metrics, names []string) {
	correct := 0
	for c := range met.Confusion {
		correct += met.Confusion[c][c]
	}
	fmt.Fprintf(w, "accuracy  %.2f%% (%d of %d right), mean loss %.4f\n\n", 100*met.Accuracy, correct, met.N, met.Loss)
	width := 5
	for _, n := range names {
		width = max(width, len(n)+1)
	}
	fmt.Fprintf(w, "%-*s %8s %9s\n", width, "class", "samples", "accuracy")
	per := met.PerClass()
	for c, row := range met.Confusion {
		total := 0
		for _, v := range row {
			total += v
		}
		acc := "-"
		if total > 0 {
			acc = fmt.Sprintf("%.2f%%", 100*per[c])
		}
		fmt.Fprintf(w, "%-*s %8d %9s\n", width, names[c], total, acc)
	}
	fmt.Fprintln(w)
	printConfusion(w, met, names, width)
}

// printConfusion writes the confusion matrix, the names width wide.
func printConfusion(w io.Writer, met nn.Metrics, names []string, width int) {
	fmt.Fprintf(w, "confusion matrix (rows: true class, columns: predicted)\n%*s", width, "")
	for _, n := range names {
		fmt.Fprintf(w, " %6s", n)
	}
	fmt.Fprintln(w)
	for c, row := range met.Confusion {
		var b strings.Builder
		for _, v := range row {
			fmt.Fprintf(&b, " %6d", v)
		}
		fmt.Fprintf(w, "%-*s%s\n", width, names[c], b.String())
	}
}

// modelSummary is one line about a model: its shape and how long it trained, as train,
// eval and convert report it.
func modelSummary(m *checkpoint.Model) string {
	return fmt.Sprintf("%s, %d epochs", shape(m.Net.Config), m.Epoch)
}

// shape writes a network's shape as the original app named it: "81-24-2 sigmoid" is 81
// inputs, 24 hidden neurons and 2 classes.
func shape(c nn.Config) string {
	return fmt.Sprintf("%d-%d-%d %s", nn.Inputs, c.Hidden, c.Classes, c.Activation)
}
