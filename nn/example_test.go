package nn_test

import (
	"fmt"

	"digittrainer/nn"
)

// ExampleTrainer trains the default 81-24-2 network on two drawings, a
// hollow 0 and a bar-shaped 1, a few samples per call the way the app does
// per frame, then classifies them.
func ExampleTrainer() {
	zero := drawing(
		"..###....",
		".#...#...",
		".#...#...",
		".#...#...",
		"..###....")
	one := drawing(
		"...#.....",
		"..##.....",
		"...#.....",
		"...#.....",
		"..###....")
	ex := nn.Examples{X: append(zero, one...), Y: []int{0, 1}}

	net, err := nn.NewSeeded(nn.DefaultConfig, 1)
	if err != nil {
		panic(err)
	}
	tr := nn.NewTrainer(net, nn.DefaultHyper, 1)
	for tr.Epoch < 100 {
		tr.Train(ex, 3)
	}
	m := net.Evaluate(ex)
	fmt.Printf("epochs %d, accuracy %.0f%%\n", tr.Epoch, 100*m.Accuracy)

	p := make([]float64, 2)
	net.Predict(p, nn.NewState(net.Config), one)
	fmt.Printf("P(1 | the one) > 0.9: %v\n", p[1] > 0.9)
	// Output:
	// epochs 100, accuracy 100%
	// P(1 | the one) > 0.9: true
}

// drawing turns rows of '#' and '.' (top rows of the 9×9 grid) into inputs.
func drawing(rows ...string) []float64 {
	x := make([]float64, nn.Inputs)
	for r, row := range rows {
		for c, ch := range row {
			if ch == '#' {
				x[r*9+c] = 1
			}
		}
	}
	return x
}
