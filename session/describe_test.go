package session

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCountsText(t *testing.T) {
	s := newTestSession(t)
	forms, warn, _ := s.CountsText()
	want := []string{"0: 150 · 1: 150 — 300 in all (240 train, 60 validation)", "300 in all (240 train, 60 validation) · 150 each",
		"300 in all (240 train, 60 validation)", "240 train · 60 validation"}
	if !slices.Equal(forms, want) || warn != "" {
		t.Errorf("starter set: %q, warning %q", forms, warn)
	}
	// Down to 99 drawings of 1: 150 > 1.5 × 99, the rule of data.Quality.
	for i := len(s.Data().Samples) - 1; s.Data().Counts()[1] > 99; i-- {
		if s.Data().Samples[i].Label == 1 {
			s.Select(i)
			s.DeleteSelected()
		}
	}
	if forms, warn, short := s.CountsText(); warn != "Unbalanced: add more drawings of 1" || short != "Unbalanced" || !strings.Contains(forms[1], "99–150 a class") {
		t.Errorf("99 ones: warning %q (%q), forms %q", warn, short, forms)
	}
	s.ClearDataset()
	if _, warn, _ := s.CountsText(); warn != "" {
		t.Errorf("an empty dataset warns %q", warn)
	}
}

func TestProgressText(t *testing.T) {
	s := newTestSession(t)
	if _, text := s.ProgressText(); text != "Not trained yet" {
		t.Errorf("fresh: %q", text)
	}
	s.StepEpoch()
	s.StepSample()
	frac, text := s.ProgressText()
	if !strings.HasPrefix(text, "1 epoch done · next 0%") || frac <= 0 {
		t.Errorf("after an epoch and a sample: %v %q", frac, text)
	}
	s.TrainEpochs()
	if _, text := s.ProgressText(); text != "Training 10 epochs: 0%" {
		t.Errorf("Train N epochs: %q", text)
	}
}

func TestSpeedText(t *testing.T) {
	sc := NewScheduler()
	if long, _ := sc.SpeedText(0); long != "— samples/s · — µs each · — FPS" {
		t.Errorf("nothing measured: %q", long)
	}
	sc.Rate, sc.PerStep = 123456, 3100*time.Nanosecond
	if long, short := sc.SpeedText(59.6); long != "123,456 samples/s · 3.1 µs each · 60 FPS" || short != "123,456 samples/s · 60 FPS" {
		t.Errorf("measured: %q, %q", long, short)
	}
}
