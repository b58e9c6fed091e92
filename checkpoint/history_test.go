package checkpoint

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"
)

// testHistory is two epochs of curves, the second without validation.
func testHistory() *History {
	return &History{Every: 1, Epochs: []int{1, 2},
		TrainLoss: []float64{0.6, 0.25}, TrainAcc: []float64{0.5, 1},
		ValLoss: []float64{0.7, math.NaN()}, ValAcc: []float64{0.25, math.NaN()}}
}

// sameFloats compares with NaN equal to NaN.
func sameFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && !(math.IsNaN(a[i]) && math.IsNaN(b[i])) {
			return false
		}
	}
	return true
}

func TestHistoryRoundTrip(t *testing.T) {
	m := testModel(t, true)
	m.History = testHistory()
	l, err := Load(encodeST(t, m))
	if err != nil {
		t.Fatal(err)
	}
	got, want := l.Model.History, m.History
	if got == nil {
		t.Fatal("the learning curves were lost")
	}
	if got.Every != want.Every || !slices.Equal(got.Epochs, want.Epochs) ||
		!sameFloats(got.TrainLoss, want.TrainLoss) || !sameFloats(got.TrainAcc, want.TrainAcc) ||
		!sameFloats(got.ValLoss, want.ValLoss) || !sameFloats(got.ValAcc, want.ValAcc) {
		t.Errorf("curves changed in a round trip:\n got %+v\nwant %+v", got, want)
	}
	// A model with no epochs writes no curves, and reads back none.
	m = testModel(t, false)
	m.History = &History{Every: 1}
	h, _ := splitST(t, encodeST(t, m))
	if _, ok := h["__metadata__"].(map[string]any)["history"]; ok {
		t.Error("empty curves were written")
	}
}

// TestHistoryDamaged edits the curves in a good file's metadata, one defect
// at a time, and expects Load to refuse each with a message that says what
// is wrong; the encoder refuses the same defects.
func TestHistoryDamaged(t *testing.T) {
	m := testModel(t, true) // Epoch 2
	m.History = testHistory()
	good := encodeST(t, m)
	for _, c := range []struct{ name, value, want string }{
		{"not JSON", `{"every":1,"epochs":[1,`, "the learning curves in the metadata are damaged"},
		{"lengths", `{"every":1,"epochs":[1,2],"train_loss":[0.5],"train_acc":[1,1],"val_loss":[null,null],"val_acc":[null,null]}`, "different lengths"},
		{"beyond", `{"every":1,"epochs":[1,3],"train_loss":[0.5,0.4],"train_acc":[1,1],"val_loss":[null,null],"val_acc":[null,null]}`, "beyond the 2 epochs trained"},
		{"order", `{"every":1,"epochs":[2,1],"train_loss":[0.5,0.4],"train_acc":[1,1],"val_loss":[null,null],"val_acc":[null,null]}`, "out of order"},
		{"accuracy", `{"every":1,"epochs":[1,2],"train_loss":[0.5,0.4],"train_acc":[1,1.5],"val_loss":[null,null],"val_acc":[null,null]}`, "not a loss or an accuracy"},
		{"loss", `{"every":1,"epochs":[1,2],"train_loss":[0.5,-1],"train_acc":[1,1],"val_loss":[null,null],"val_acc":[null,null]}`, "not a loss or an accuracy"},
		{"every", `{"every":0,"epochs":[],"train_loss":[],"train_acc":[],"val_loss":[],"val_acc":[]}`, "record every 0 epochs"},
	} {
		h, dat := splitST(t, good)
		h["__metadata__"].(map[string]any)["history"] = c.value
		_, err := Load(joinST(t, h, dat, false))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Load said %v, want an error containing %q", c.name, err, c.want)
		}
		if hist, err := decodeHistory(c.value, m.Epoch); err == nil {
			t.Errorf("%s: decoded without error: %+v", c.name, hist)
		}
	}
	bad := testModel(t, false)
	bad.History = testHistory()
	bad.History.TrainAcc[0] = math.NaN() // training accuracy is always known
	if err := EncodeSafetensors(&bytes.Buffer{}, bad); err == nil {
		t.Error("a model with broken curves was saved")
	}
}
