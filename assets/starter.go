package assets

import _ "embed"

// The starter datasets, drawn by data/internal/genstarter (regenerate with
// `go generate ./assets` or `go run ./data/internal/genstarter` from the
// module root; a test checks these files match a fresh run). CSV rows are
// `label,p0,…,p80`; data.Starter parses them.
//
//go:generate go run ../data/internal/genstarter -dir .
var (
	//go:embed starter2.csv
	Starter2 []byte // 150 drawings each of 0 and 1

	//go:embed starter10.csv
	Starter10 []byte // 50 drawings of each digit 0–9
)
