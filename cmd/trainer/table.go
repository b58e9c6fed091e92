package main

import (
	"fmt"
	"math"

	"digittrainer/experiment"
)

// The sweep's table: one row per hidden size, in the numbers and formats
// of train's final line, so a row reads like the run it stands for.
const tableHeader = "hidden  params  train acc  train loss  val acc  val loss  seconds"

// tableRow writes r in tableHeader's columns: each value right-aligned
// under the end of its heading, "-" for a validation value there is not.
func tableRow(r experiment.Row) string {
	head := fmt.Sprintf("%6d  %6d", r.Hidden, r.Params)
	if r.Diverged > 0 {
		return fmt.Sprintf("%s  diverged in epoch %d (the weights became NaN or infinite)", head, r.Diverged)
	}
	return fmt.Sprintf("%s  %9s  %10s  %7s  %8s  %7.3f", head,
		percent(r.TrainAcc), num(r.TrainLoss), percent(r.ValAcc), loss(r.ValLoss), r.Seconds)
}

// percent writes an accuracy as train does, or "-" for none.
func percent(v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	return fmt.Sprintf("%.2f%%", 100*v)
}

// loss writes a loss as train does (see num), or "-" for none.
func loss(v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	return num(v)
}
