package render

import (
	"strconv"
	"testing"
)

// BenchmarkBuildEdges measures the CPU side of drawing the network: one
// quad per weight, every frame.
func BenchmarkBuildEdges(b *testing.B) {
	for _, h := range []int{24, 128, 256} {
		b.Run("hidden="+strconv.Itoa(h), func(b *testing.B) {
			t := &testing.T{}
			net, _ := sampleNet(t, h, 10)
			var v NetworkView
			v.Layout(Rect{0, 0, 1200, 700}, net.Config, 1)
			b.ReportAllocs()
			for b.Loop() {
				v.buildEdges(net, nil)
				v.edges.vs = v.edges.vs[:0]
			}
		})
	}
}

// BenchmarkDrawNetwork includes submitting the triangles to Ebiten.
func BenchmarkDrawNetwork(b *testing.B) {
	t := &testing.T{}
	net, st := sampleNet(t, 128, 10)
	var v NetworkView
	v.Layout(Rect{0, 0, 1200, 700}, net.Config, 1)
	img := canvas(1200, 700)
	b.ReportAllocs()
	for b.Loop() {
		v.Draw(img, net, st, nil)
	}
}
