package render

import (
	"image/color"
	"math"
)

func rgb3(c color.RGBA) [3]uint8 { return [3]uint8{c.R, c.G, c.B} }

// contrast is the WCAG 2.1 contrast ratio of two sRGB colours.
func contrast(a, b [3]uint8) float64 {
	lum := func(c [3]uint8) float64 {
		var l [3]float64
		for i, v := range c {
			s := float64(v) / 255
			if s <= 0.03928 {
				l[i] = s / 12.92
			} else {
				l[i] = math.Pow((s+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
