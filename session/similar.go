package session

import (
	"math"
	"slices"
	"sort"

	"digittrainer/nn"
)

// Similar drawings: the talk's "vectorization… turning it into how the
// machine can look at it from a relationship perspective". For the drawing
// on the grid the session finds the dataset's closest drawings twice: by
// pixels (how many squares differ) and by the network's hidden vector (the
// distance between the hidden neurons' activations). With a trained
// network the second list groups by meaning where the first groups by ink:
// that is what a vector, an embedding, is for.

// similarN is how many drawings each list holds.
const similarN = 5

// Match is a dataset drawing and its distance from the grid's.
type Match struct {
	Index    int     // in the dataset
	Distance float64 // squares that differ, or the Euclidean distance between hidden vectors
}

// similar caches the dataset's hidden vectors (one forward pass a drawing)
// for a network and dataset version, and the lists for a drawing.
type similar struct {
	net, data     uint64
	vectors       []float64 // N×H
	pixels        [81]uint8
	selected      int
	byInk, byMean []Match
}

// Similar returns the similarNearest drawings to the grid's, by pixels and
// by hidden vector, nearest first (ties by index); the drawing loaded onto
// the grid from the dataset is left out of its own lists.
func (s *Session) Similar() (byPixels, byVector []Match) {
	c := &s.sim
	h := s.net.Hidden
	if c.net != s.net.Version() || c.data != s.data.Version() || len(c.vectors) != s.data.Len()*h {
		c.vectors = slices.Grow(c.vectors[:0], s.data.Len()*h)[:s.data.Len()*h]
		st, x := nn.NewState(s.net.Config), make([]float64, nn.Inputs)
		for i := range s.data.Samples {
			s.data.Samples[i].Inputs(x)
			s.net.Forward(st, x)
			copy(c.vectors[i*h:(i+1)*h], st.H[:h])
		}
		c.net, c.data, c.byInk = s.net.Version(), s.data.Version(), nil
	}
	if c.byInk != nil && c.pixels == s.grid.Pixels && c.selected == s.selected {
		return c.byInk, c.byMean
	}
	mine := s.Forward().H[:h]
	var ink, mean []Match
	for i, smp := range s.data.Samples {
		if i == s.selected {
			continue
		}
		d := 0
		for p := range smp.Pixels {
			if smp.Pixels[p] != s.grid.Pixels[p] {
				d++
			}
		}
		ink = append(ink, Match{i, float64(d)})
		sum := 0.0
		for k, v := range c.vectors[i*h : (i+1)*h] {
			e := v - mine[k]
			sum += e * e
		}
		mean = append(mean, Match{i, math.Sqrt(sum)})
	}
	c.byInk, c.byMean = nearest(ink), nearest(mean)
	c.pixels, c.selected = s.grid.Pixels, s.selected
	return c.byInk, c.byMean
}

// nearest keeps the similarN smallest distances, nearest first.
func nearest(m []Match) []Match {
	sort.SliceStable(m, func(i, j int) bool {
		if m[i].Distance != m[j].Distance {
			return m[i].Distance < m[j].Distance
		}
		return m[i].Index < m[j].Index
	})
	return m[:min(similarN, len(m))]
}
