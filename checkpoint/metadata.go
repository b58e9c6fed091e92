package checkpoint

import (
	"encoding/json"
	"strconv"
	"time"

	"digittrainer/data"
	"digittrainer/i18n"
	"digittrainer/nn"
)

// metadata returns the __metadata__ map for m (keys listed in safetensors.go).
func metadata(m *Model, checksum string) map[string]string {
	classes, _ := json.Marshal(m.classNames()) // []string cannot fail
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	meta := map[string]string{
		"format":       formatName,
		"version":      formatVersion,
		"activation":   m.Net.Activation.String(),
		"classes":      string(classes),
		"seed":         strconv.FormatUint(m.Seed, 10),
		"lr":           f(m.LR),
		"lr0":          f(m.Hyper.LR),
		"decay":        f(m.Hyper.Decay),
		"min_lr":       f(m.Hyper.MinLR),
		"l2":           f(m.Hyper.L2),
		"batch":        strconv.Itoa(m.Hyper.Batch),
		"epoch":        strconv.Itoa(m.Epoch),
		"samples_seen": strconv.Itoa(m.Seen),
		"loss":         f(m.Loss),
		"created":      m.Created.UTC().Format(time.RFC3339Nano),
		"checksum":     checksum,
	}
	if m.History != nil && m.History.Len() > 0 {
		meta["history"] = encodeHistory(m.History)
	}
	if m.StartUnknown {
		meta["start"] = "unknown"
	}
	putShuffle(meta, m.Shuffle)
	if len(m.Snapshots) > 0 {
		meta[metaSnapshots] = encodeSnapshots(m.Snapshots)
	}
	return meta
}

// modelFromMetadata builds a zero network of the tensors' shape and fills in
// the settings the metadata records, with defaults for what a foreign file
// (one saved by PyTorch, say) leaves out.
func modelFromMetadata(meta map[string]string, s netShape) (*Model, error) {
	if f, ok := meta["format"]; ok && f == formatName && meta["version"] != formatVersion {
		return nil, unsupported(i18n.Sprintf("the file was saved by a newer Digit Trainer (format version %q; this one reads %q)", meta["version"], formatVersion))
	}
	act := nn.Sigmoid
	if a, ok := meta["activation"]; ok {
		var err error
		if act, err = nn.ParseActivation(a); err != nil {
			return nil, unsupported(i18n.Sprintf("the file uses the hidden activation %q; this version knows sigmoid, tanh and relu", a))
		}
	}
	net, err := nn.Zero(nn.Config{Hidden: s.hidden, Classes: s.classes, Activation: act})
	if err != nil {
		return nil, &FormatError{Msg: err.Error(), Err: err}
	}
	m := &Model{Net: net, Hyper: nn.DefaultHyper, Classes: data.DefaultClasses(s.classes)}
	if c, ok := meta["classes"]; ok {
		var names []string
		if err := json.Unmarshal([]byte(c), &names); err != nil {
			return nil, formatErr(i18n.T("the class names in the metadata are damaged"))
		}
		if err := checkClasses(names, s.classes); err != nil {
			return nil, err
		}
		m.Classes = names
	}
	p := metaParser{meta: meta}
	m.Seed = p.uint("seed", 0)
	m.StartUnknown = meta["format"] != formatName || meta["start"] == "unknown" // another program's weights
	m.Hyper.LR = p.float("lr0", m.Hyper.LR)
	m.LR = p.float("lr", m.Hyper.LR)
	m.Hyper.Decay = p.float("decay", m.Hyper.Decay)
	m.Hyper.MinLR = p.float("min_lr", m.Hyper.MinLR)
	m.Hyper.L2 = p.float("l2", m.Hyper.L2)
	m.Hyper.Batch = p.int("batch", m.Hyper.Batch)
	m.Epoch = p.int("epoch", 0)
	m.Seen = p.int("samples_seen", 0)
	m.Loss = p.float("loss", 0)
	if c, ok := meta["created"]; ok && p.err == nil {
		if m.Created, err = time.Parse(time.RFC3339Nano, c); err != nil {
			p.err = formatErr(i18n.Sprintf("the creation time %q in the metadata is not a date", c))
		}
	}
	if p.err != nil {
		return nil, p.err
	}
	if err := checkHyper(m.Hyper, m.LR); err != nil {
		return nil, err
	}
	if err := checkProgress(m.Epoch, m.Seen, m.Loss); err != nil {
		return nil, err
	}
	if err := shuffleFrom(&p, m); err != nil {
		return nil, err
	}
	if h, ok := meta["history"]; ok {
		if m.History, err = decodeHistory(h, m.Epoch); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// metaParser parses metadata values, keeping the first error.
type metaParser struct {
	meta map[string]string
	err  error
}

func (p *metaParser) get(key string) (string, bool) {
	v, ok := p.meta[key]
	return v, ok && p.err == nil
}

func (p *metaParser) fail(key, v string) {
	p.err = formatErr(i18n.Sprintf("the metadata value %s = %q is not a valid number", key, v))
}

func (p *metaParser) float(key string, def float64) float64 {
	v, ok := p.get(key)
	if !ok {
		return def
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || !finite(f) {
		p.fail(key, v)
	}
	return f
}

func (p *metaParser) int(key string, def int) int {
	v, ok := p.get(key)
	if !ok {
		return def
	}
	i, err := strconv.Atoi(v)
	if err != nil {
		p.fail(key, v)
	}
	return i
}

func (p *metaParser) uint(key string, def uint64) uint64 {
	v, ok := p.get(key)
	if !ok {
		return def
	}
	u, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		p.fail(key, v)
	}
	return u
}
