package session

import (
	"math"
	"slices"
	"testing"

	"digittrainer/nn"
)

// correlation is Pearson's r of a and b.
func correlation(a, b []float64) float64 {
	n := float64(len(a))
	var ma, mb float64
	for i := range a {
		ma += a[i] / n
		mb += b[i] / n
	}
	var ab, aa, bb float64
	for i := range a {
		ab += (a[i] - ma) * (b[i] - mb)
		aa += (a[i] - ma) * (a[i] - ma)
		bb += (b[i] - mb) * (b[i] - mb)
	}
	return ab / math.Sqrt(aa*bb)
}

// contrast is the class-contrast image of a 2-class dataset: the mean
// drawing of the 1s minus the mean drawing of the 0s.
func contrast(s *Session) []float64 {
	c, counts := make([]float64, nn.Inputs), s.Data().Counts()
	for _, smp := range s.Data().Samples {
		sign := -1 / float64(counts[0])
		if smp.Label == 1 {
			sign = 1 / float64(counts[1])
		}
		for i, p := range smp.Pixels {
			c[i] += sign * float64(p)
		}
	}
	return c
}

// mapsLikeDrawings returns the median |correlation| with the class
// contrast of what the maps draw (Learned) and of the raw weights, after
// epochs epochs on the starter set from seed.
func mapsLikeDrawings(t *testing.T, seed uint64, epochs int) (drawn, raw float64) {
	s := newTestSession(t)
	s.seed = seed
	s.Reset(false)
	for range epochs {
		s.StepEpoch()
	}
	want := contrast(s)
	var d, r []float64
	m := make([]float64, nn.Inputs)
	for h := range s.Net().Hidden {
		if !s.Learned(h, m) {
			t.Fatal("the start of a network built here is unknown")
		}
		d = append(d, math.Abs(correlation(m, want)))
		r = append(r, math.Abs(correlation(s.Net().W1[h*nn.Inputs:(h+1)*nn.Inputs], want)))
	}
	slices.Sort(d)
	slices.Sort(r)
	return d[len(d)/2], r[len(r)/2]
}

// TestMapsShowWhatWasLearned: after 30 epochs on the starter set the maps
// look like the drawings (issue 10 #5: median |r| ≥ 0.7 with the 1s minus
// the 0s), where the raw weights still look like their random start.
// BENCHMARKS.md records the figures.
func TestMapsShowWhatWasLearned(t *testing.T) {
	drawn, raw := mapsLikeDrawings(t, DefaultSeed, 30)
	t.Logf("default seed: drawn %.3f, raw weights %.3f", drawn, raw)
	if drawn < 0.7 || drawn <= raw {
		t.Errorf("the maps correlate %.3f with the class contrast (raw weights %.3f), want ≥ 0.7", drawn, raw)
	}
	var medians []float64
	for seed := range uint64(10) {
		d, _ := mapsLikeDrawings(t, seed, 30)
		medians = append(medians, d)
	}
	slices.Sort(medians)
	t.Logf("seeds 0–9: %.3f", medians)
	if m := (medians[4] + medians[5]) / 2; m < 0.7 {
		t.Errorf("over seeds 0–9 the maps correlate %.3f (median), want ≥ 0.7", m)
	}
}

// TestLearnedStartsAtZero: before training nothing is learned; a network
// from the original app has no known start and shows its weights.
func TestLearnedStartsAtZero(t *testing.T) {
	s := newTestSession(t)
	m := make([]float64, nn.Inputs)
	if !s.Learned(3, m) || slices.ContainsFunc(m, func(v float64) bool { return v != 0 }) {
		t.Error("an untrained network shows something learned")
	}
	bdt, err := s.Export(ExportBDT)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadFile("x.json", bdt); err != nil {
		t.Fatal(err)
	}
	if s.Learned(3, m) || !slices.Equal(m, s.Net().W1[3*nn.Inputs:4*nn.Inputs]) {
		t.Error("a network from the original app does not show its own weights")
	}
	s.Undo()
	if !s.Learned(3, m) {
		t.Error("undoing the load did not bring back a known start")
	}
}

// TestUnknownStartSurvivesASave: a network from the original app, saved
// as a checkpoint of ours and loaded back, still has no known start.
func TestUnknownStartSurvivesASave(t *testing.T) {
	s := newTestSession(t)
	bdt, err := s.Export(ExportBDT)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadFile("x.json", bdt); err != nil {
		t.Fatal(err)
	}
	ckpt, err := s.EncodeCheckpoint()
	if err != nil {
		t.Fatal(err)
	}
	s2 := newTestSession(t)
	if err := s2.LoadFile("x.safetensors", ckpt); err != nil {
		t.Fatal(err)
	}
	if _, known := s2.Start(); known {
		t.Error("the original app's network, saved and loaded back, claims a known start")
	}
	own, err := newTestSession(t).EncodeCheckpoint()
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.LoadFile("own.safetensors", own); err != nil {
		t.Fatal(err)
	}
	if _, known := s2.Start(); !known {
		t.Error("a network of ours loaded from its checkpoint has no known start")
	}
}
