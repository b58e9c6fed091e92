package session

import (
	"runtime"
	"time"
)

// Which resource does it use most? The talk: "CPU bound… memory
// utilization about 1 MB". Resources are this app's own figures beside
// that answer, measured here, so a student checks the claim.

// Resources are the figures of the resources card.
type Resources struct {
	Weights     int           // parameters of the network: 81·H + H + H·C + C
	WeightBytes int           // 8 bytes each (float64)
	DataBytes   int           // the drawings: 81 pixels and a label, a byte each
	Drawings    int           // in the dataset
	HeapBytes   uint64        // Go objects alive now (the network, the drawings, the caches, the pictures' buffers)
	SysBytes    uint64        // memory the program took from the system: in a page, the WebAssembly memory
	PerSample   time.Duration // training time per drawing, measured this session; 0 before training
	PerEpoch    time.Duration
	SnapTime    time.Duration // one snapshot, measured
	SnapBytes   int
	FileBytes   int           // a checkpoint file of the session, dataset inside
	FileTime    time.Duration // encoding it
}

// Resources measures the figures: the memory now, the time of a snapshot
// and of a checkpoint file (it encodes one, so a card asks once a second,
// not every frame).
func (s *Session) Resources() Resources {
	r := Resources{Weights: s.net.NumParams(), Drawings: s.data.Len()}
	r.WeightBytes = 8 * r.Weights
	r.DataBytes = r.Drawings * 82
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	r.HeapBytes, r.SysBytes = ms.HeapAlloc, ms.Sys
	if s.perf.samples > 0 {
		r.PerSample = s.perf.time / time.Duration(s.perf.samples)
		r.PerEpoch = r.PerSample * time.Duration(s.TrainSize())
	}
	r.SnapTime, r.SnapBytes = s.snapCost(), snapshotBytes(s.net, s.history.Len())
	t0 := clock()
	b, err := s.EncodeCheckpoint()
	r.FileTime = clock().Sub(t0)
	if err == nil {
		r.FileBytes = len(b)
	}
	return r
}
