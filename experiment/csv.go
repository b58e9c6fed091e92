package experiment

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
)

// CSVHeader names the columns of a sweep's CSV table: the rows' fields,
// the seconds per epoch and the epoch a diverged run stopped after (0: it
// did not). The CLI's -csv and the app's saved table are the same file.
var CSVHeader = []string{"hidden", "params", "train_acc", "train_loss", "val_acc", "val_loss", "seconds", "epoch_seconds", "diverged_epoch"}

// CSV renders rows under CSVHeader, every number in full; a value there is
// not (no validation set, a diverged run) is left empty.
func CSV(rows []Row) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(CSVHeader)
	for _, r := range rows {
		w.Write([]string{strconv.Itoa(r.Hidden), strconv.Itoa(r.Params),
			fullNum(r.TrainAcc), fullNum(r.TrainLoss), fullNum(r.ValAcc), fullNum(r.ValLoss),
			fullNum(r.Seconds), fullNum(r.EpochTime), strconv.Itoa(r.Diverged)})
	}
	w.Flush() // a bytes.Buffer does not fail
	return buf.Bytes()
}

// fullNum writes v in full, or nothing for NaN.
func fullNum(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
