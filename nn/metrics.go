package nn

// Metrics is how well a network does on a set of examples.
type Metrics struct {
	Loss      float64 // mean cross-entropy
	Accuracy  float64 // fraction classified right
	Confusion [][]int // Confusion[true][predicted] counts
	Predicted []int   // the class predicted for each example, in order: who is in which cell
	N         int
}

// PerClass returns the accuracy on each true class (NaN-free: 0 where a class has no examples).
func (m Metrics) PerClass() []float64 {
	acc := make([]float64, len(m.Confusion))
	for c, row := range m.Confusion {
		total := 0
		for _, v := range row {
			total += v
		}
		if total > 0 {
			acc[c] = float64(row[c]) / float64(total)
		}
	}
	return acc
}

// Evaluate runs every example through n without changing it.
func (n *Network) Evaluate(ex Examples) Metrics {
	m := Metrics{Confusion: make([][]int, n.Classes), N: ex.Len(), Predicted: make([]int, ex.Len())}
	for c := range m.Confusion {
		m.Confusion[c] = make([]int, n.Classes)
	}
	if m.N == 0 {
		return m
	}
	s := NewState(n.Config)
	correct := 0
	for i := 0; i < m.N; i++ {
		n.Forward(s, ex.Input(i))
		y := ex.Y[i]
		m.Loss += s.Loss(y)
		p := s.Predicted()
		m.Predicted[i] = p
		m.Confusion[y][p]++
		if p == y {
			correct++
		}
	}
	m.Loss /= float64(m.N)
	m.Accuracy = float64(correct) / float64(m.N)
	return m
}

// Predict writes the class probabilities for x into dst, using s as scratch.
func (n *Network) Predict(dst []float64, s *State, x []float64) {
	n.Forward(s, x)
	copy(dst, s.P)
}
