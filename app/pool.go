package app

import (
	"digittrainer/platform"
	"digittrainer/screen"
	"digittrainer/session"
)

// receiveArrived hands over the files that arrived: one on its own as a
// load (receive), several picked or dropped together as a pooling, once
// the whole batch is in (the browser reads them one by one).
func (g *Game) receiveArrived() {
	if len(g.arrived) == 0 {
		return
	}
	counts := map[int]int{}
	for _, f := range g.arrived {
		counts[f.Batch]++
	}
	keep := g.arrived[:0]
	var done []platform.File
	for _, f := range g.arrived {
		switch {
		case f.Of <= 1:
			g.receive(f)
		case counts[f.Batch] >= f.Of:
			done = append(done, f)
		default:
			keep = append(keep, f) // its batch is still being read
		}
	}
	g.arrived = keep
	if len(done) > 0 {
		g.pool(done)
	}
}

// pool pools every complete batch of files (usually one).
func (g *Game) pool(files []platform.File) {
	batches := map[int][]session.PoolFile{}
	var order []int
	for _, f := range files {
		if _, ok := batches[f.Batch]; !ok {
			order = append(order, f.Batch)
		}
		batches[f.Batch] = append(batches[f.Batch], session.PoolFile{Name: f.Name, Data: f.Data, Err: f.Err})
	}
	for _, b := range order {
		g.s.Pool(batches[b])
	}
	g.show(screen.PanelData)
}
