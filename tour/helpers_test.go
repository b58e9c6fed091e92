package tour

import "testing"

func mustTexts(t *testing.T) *Texts {
	t.Helper()
	texts, err := DefaultTexts()
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// startOn starts tu on x and label the way a user would: with the drawing
// on the grid, or, for a blank x, with the app's fallback sample and Next.
// It returns the tour's request.
func startOn(tu *Tour, x []float64, label int) ([]float64, int, bool) {
	if ink(x) == 0 {
		tu.Start(Input{Label: NoLabel, Fallback: &Example{X: x, Label: label}})
		tu.Next()
	} else {
		tu.Start(Input{Grid: x, Label: label})
	}
	return tu.Request()
}
