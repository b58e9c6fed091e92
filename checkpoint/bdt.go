package checkpoint

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"digittrainer/data"
	"digittrainer/i18n"
	"digittrainer/nn"
)

// The original Binary Digit Trainer's checkpoint, a JSON object:
//
//	{"format": "binary-digit-trainer-checkpoint@v1",
//	 "createdAt": "2025-08-13T13:39:38.364Z",
//	 "architecture": {"input": 81, "hidden": H, "output": C},
//	 "normalize": {"enabled": false, "targetSize": 7},
//	 "optimizer": {"learningRate": η, "lrDecayRate": 0.99, "minLR": 0.0005, "decayEnabled": true},
//	 "stats": {"epoch": E, "avgLoss": L, "examplesSeen": S},
//	 "params": {"weights": [H][81], "biases": [H], "outputWeights": [C][H], "outputBiases": [C]}}
//
// The net is always sigmoid with a softmax output. learningRate is the
// current, decayed rate. The file holds no seed, class names or dataset.
const bdtFormat = "binary-digit-trainer-checkpoint@v1"

type bdtFile struct {
	Format       string `json:"format"`
	CreatedAt    string `json:"createdAt"`
	Architecture struct {
		Input  int `json:"input"`
		Hidden int `json:"hidden"`
		Output int `json:"output"`
	} `json:"architecture"`
	Normalize struct {
		Enabled    bool `json:"enabled"`
		TargetSize int  `json:"targetSize"`
	} `json:"normalize"`
	Optimizer struct {
		LearningRate float64 `json:"learningRate"`
		LRDecayRate  float64 `json:"lrDecayRate"`
		MinLR        float64 `json:"minLR"`
		DecayEnabled bool    `json:"decayEnabled"`
	} `json:"optimizer"`
	Stats struct {
		Epoch        int     `json:"epoch"`
		AvgLoss      float64 `json:"avgLoss"`
		ExamplesSeen int     `json:"examplesSeen"`
	} `json:"stats"`
	Params struct {
		Weights       [][]param `json:"weights"`
		Biases        []param   `json:"biases"`
		OutputWeights [][]param `json:"outputWeights"`
		OutputBiases  []param   `json:"outputBiases"`
	} `json:"params"`
}

// param is one weight in the JSON. JavaScript's JSON.stringify writes NaN
// and ±Infinity as null, so a null weight means the original app's training
// had diverged; encoding/json would silently read it as 0.
type param float64

// errNullParam reports a null weight.
var errNullParam = errors.New("null weight")

func (p *param) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return errNullParam
	}
	return json.Unmarshal(b, (*float64)(p))
}

// bdtTime is how JavaScript's Date.toISOString writes a time.
const bdtTime = "2006-01-02T15:04:05.000Z07:00"

// DecodeBDT reads the original app's checkpoint JSON. It refuses a file
// whose input was normalised (this version draws on the raw 9×9 grid only)
// and weights whose shapes disagree with the declared architecture.
//
// The original app keeps only the current learning rate; when decay is on
// and the rate has not reached its floor, η₀ = η / decay^epoch recovers the
// initial rate for Hyper.LR (rounded to 12 significant digits to undo the
// rounding of repeated multiplication), otherwise Hyper.LR is η.
func DecodeBDT(r io.Reader) (*Model, error) {
	f, err := readBDT(r)
	if err != nil {
		return nil, err
	}
	net, err := f.network()
	if err != nil {
		return nil, err
	}
	o := f.Optimizer
	m := &Model{Net: net, Epoch: f.Stats.Epoch, Seen: f.Stats.ExamplesSeen, Loss: f.Stats.AvgLoss, LR: o.LearningRate, StartUnknown: true}
	m.Hyper = nn.Hyper{LR: o.LearningRate, Decay: 1, MinLR: o.MinLR, Batch: 1}
	if o.DecayEnabled {
		m.Hyper.Decay = o.LRDecayRate
		if d := o.LRDecayRate; d > 0 && d < 1 && m.Epoch > 0 && o.LearningRate > o.MinLR {
			if lr0 := roundSig(o.LearningRate/math.Pow(d, float64(m.Epoch)), 12); finite(lr0) && lr0 > 0 {
				m.Hyper.LR = lr0
			}
		}
	}
	if err := checkHyper(m.Hyper, m.LR); err != nil {
		return nil, err
	}
	if err := checkProgress(m.Epoch, m.Seen, m.Loss); err != nil {
		return nil, err
	}
	if f.CreatedAt != "" {
		if t, err := time.Parse(time.RFC3339Nano, f.CreatedAt); err == nil {
			m.Created = t
		}
	}
	m.Classes = data.DefaultClasses(net.Classes)
	return m, nil
}

// readBDT reads and parses the file, checking its format and options.
func readBDT(r io.Reader) (*bdtFile, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, readErr(err)
	}
	if len(b) > MaxFileSize {
		return nil, formatErr(i18n.Sprintf("the file is larger than the %s limit", sizeText(MaxFileSize)))
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &FormatError{Msg: i18n.T("the file is empty"), Err: io.ErrUnexpectedEOF}
	}
	var f bdtFile
	if err := json.Unmarshal(b, &f); err != nil {
		if errors.Is(err, errNullParam) {
			return nil, formatErr(i18n.T("the checkpoint has a missing (null) weight: the original app writes NaN that way, so the training that produced it had gone wrong"))
		}
		var se *json.SyntaxError
		if errors.As(err, &se) && se.Offset >= int64(len(bytes.TrimRight(b, " \t\r\n"))) {
			return nil, truncatedErr()
		}
		return nil, &FormatError{Msg: i18n.T("the file is not a valid original-app checkpoint (damaged JSON or wrong field types)"), Err: err}
	}
	switch {
	case f.Format == "":
		return nil, formatErr(i18n.T("the JSON file has no \"format\" field, so it is not an original-app checkpoint"))
	case strings.HasPrefix(f.Format, "binary-digit-trainer-checkpoint@") && f.Format != bdtFormat:
		return nil, unsupported(i18n.Sprintf("the original-app checkpoint has format %q; this version reads %q", f.Format, bdtFormat))
	case f.Format != bdtFormat:
		return nil, formatErr(i18n.Sprintf("the JSON file's format is %q, not an original-app checkpoint (%s)", f.Format, bdtFormat))
	case f.Normalize.Enabled:
		return nil, unsupported(i18n.Sprintf("the checkpoint was trained with \"normalize\" turned on (drawings resized to %d×%d); Digit Trainer only uses the plain 9×9 grid, so this net would read drawings wrongly", f.Normalize.TargetSize, f.Normalize.TargetSize))
	}
	return &f, nil
}

// network builds the file's network after checking its shapes and values.
func (f *bdtFile) network() (*nn.Network, error) {
	a := f.Architecture
	if a.Input != nn.Inputs {
		return nil, unsupported(i18n.Sprintf("the checkpoint's network has %d inputs; Digit Trainer's grid has 81", a.Input))
	}
	net, err := nn.Zero(nn.Config{Hidden: a.Hidden, Classes: a.Output, Activation: nn.Sigmoid})
	if err != nil {
		return nil, &FormatError{Msg: i18n.Sprintf("the checkpoint's architecture %d-%d-%d is not one Digit Trainer can build", a.Input, a.Hidden, a.Output), Err: err}
	}
	p := f.Params
	for _, t := range []struct {
		dst        []float64
		src        [][]param
		rows, cols int
		name       string
	}{
		{net.W1, p.Weights, a.Hidden, nn.Inputs, "params.weights"},
		{net.B1, [][]param{p.Biases}, 1, a.Hidden, "params.biases"},
		{net.W2, p.OutputWeights, a.Output, a.Hidden, "params.outputWeights"},
		{net.B2, [][]param{p.OutputBiases}, 1, a.Output, "params.outputBiases"},
	} {
		if err := fillRows(t.dst, t.src, t.rows, t.cols, t.name); err != nil {
			return nil, err
		}
	}
	if err := net.Check(); err != nil {
		return nil, &FormatError{Msg: err.Error(), Err: err}
	}
	return net, nil
}

// fillRows copies rows×cols values into dst after checking the shape.
func fillRows(dst []float64, src [][]param, rows, cols int, name string) error {
	if len(src) != rows {
		return formatErr(i18n.Sprintf("%s has %d rows, but the architecture says %d", name, len(src), rows))
	}
	for r, row := range src {
		if len(row) != cols {
			return formatErr(i18n.Sprintf("%s row %d has %d values, but the architecture says %d", name, r+1, len(row), cols))
		}
		for c, v := range row {
			dst[r*cols+c] = float64(v)
		}
	}
	return nil
}

func roundSig(v float64, digits int) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', digits, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// EncodeBDT writes m as an original-app checkpoint, so the JavaScript app
// can continue from a net trained here. That app has only a sigmoid hidden
// layer and the two classes 0 and 1; other models give an *UnsupportedError.
// Class names, seed, L2, batch size, a saved dataset and snapshots are not
// written.
func EncodeBDT(w io.Writer, m *Model) error {
	if err := m.check(); err != nil {
		return err
	}
	n := m.Net
	if n.Activation != nn.Sigmoid {
		return unsupported(i18n.Sprintf("the original app only has sigmoid hidden neurons; this net uses %s, so it cannot be exported for it (save it as .safetensors instead)", n.Activation))
	}
	if n.Classes != 2 {
		return unsupported(i18n.Sprintf("the original app only tells 0 from 1; this net has %d classes, so it cannot be exported for it (save it as .safetensors instead)", n.Classes))
	}
	var f bdtFile
	f.Format = bdtFormat
	f.CreatedAt = m.Created.UTC().Format(bdtTime)
	f.Architecture.Input, f.Architecture.Hidden, f.Architecture.Output = nn.Inputs, n.Hidden, n.Classes
	f.Normalize.TargetSize = 7 // the original app's default, unused while disabled
	f.Optimizer.LearningRate = m.LR
	f.Optimizer.MinLR = m.Hyper.MinLR
	f.Optimizer.DecayEnabled = m.Hyper.Decay > 0 && m.Hyper.Decay < 1
	f.Optimizer.LRDecayRate = 1
	if f.Optimizer.DecayEnabled {
		f.Optimizer.LRDecayRate = m.Hyper.Decay
	}
	f.Stats.Epoch, f.Stats.AvgLoss, f.Stats.ExamplesSeen = m.Epoch, m.Loss, m.Seen
	f.Params.Weights = rows(n.W1, n.Hidden, nn.Inputs)
	f.Params.Biases = rows(n.B1, 1, n.Hidden)[0]
	f.Params.OutputWeights = rows(n.W2, n.Classes, n.Hidden)
	f.Params.OutputBiases = rows(n.B2, 1, n.Classes)[0]
	b, err := json.MarshalIndent(&f, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func rows(v []float64, r, c int) [][]param {
	out := make([][]param, r)
	for i := range out {
		out[i] = make([]param, c)
		for j := range out[i] {
			out[i][j] = param(v[i*c+j])
		}
	}
	return out
}
