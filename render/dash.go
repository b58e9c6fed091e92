package render

import "github.com/hajimehoshi/ebiten/v2"

// Negative weights are drawn dashed so that the sign reads without colour
// (greyscale printouts, colour-vision deficiencies). The dashes come from a
// texture rather than from one quad per dash: an edge stays four vertices
// whatever its length, which keeps 20k edges in a couple of DrawTriangles
// calls.
//
// Why a long texture and not a short one with AddressRepeat: repeating
// needs a shader of its own, and its first use blocks the first frame
// while the browser compiles it (about 0.1–0.2 s with software rendering),
// and it costs more per pixel. dashRepeats periods cover an edge across
// any screen (one texel spans `scale` device pixels); a longer edge is
// drawn in pieces (see edgeBuffers.edge).
const (
	dashOn  = 6 // device pixels (at scale 1) drawn
	dashOff = 4 // device pixels (at scale 1) skipped
	// dashPeriod is the pattern's length in texels.
	dashPeriod  = dashOn + dashOff
	dashRepeats = 200
	// dashTexels is the texture's width: a whole number of periods.
	dashTexels = dashPeriod * dashRepeats
)

// DashVisible reports whether the point t pixels from the start of a dashed
// line at the given scale is inked. It is the pattern the dash texture
// encodes, used by tests and by plots that dash their validation curve.
func DashVisible(t, scale float64) bool {
	if scale <= 0 {
		scale = 1
	}
	p := t / scale
	p -= float64(int(p/dashPeriod)) * dashPeriod
	if p < 0 {
		p += dashPeriod
	}
	return p < dashOn
}

// dashPixels returns the RGBA pixels of the dash texture: dashTexels×2
// texels, row 0 solid white (positive edges sample it), row 1 the dash
// pattern (negative edges).
func dashPixels() []byte {
	pix := make([]byte, dashTexels*2*4)
	for x := range dashTexels {
		for c := range 4 {
			pix[x*4+c] = 0xff
			if x%dashPeriod < dashOn {
				pix[(dashTexels+x)*4+c] = 0xff
			}
		}
	}
	return pix
}

var dashImage *ebiten.Image

func dashTexture() *ebiten.Image {
	if dashImage == nil {
		dashImage = ebiten.NewImage(dashTexels, 2)
		dashImage.WritePixels(dashPixels())
	}
	return dashImage
}

// dashSpans calls fn for every inked span [a, b] of a dashed line of length l.
func dashSpans(l, scale float64, fn func(a, b float64)) {
	if scale <= 0 {
		scale = 1
	}
	for a := 0.0; a < l; a += dashPeriod * scale {
		fn(a, min(l, a+dashOn*scale))
	}
}
