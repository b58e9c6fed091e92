package render

import "image/color"

// Theme holds every colour render uses, as premultiplied color.RGBA (Go's
// convention, so they can be passed to any Ebiten or image API). Weights use a blue/orange diverging
// pair from the Okabe–Ito palette, which stays distinguishable under the
// common colour-vision deficiencies (protan, deutan, tritan); the sign is
// also carried by line style (negative dashed), so the picture reads in
// greyscale too. Text colours meet WCAG AA (4.5:1) on Background and Panel.
type Theme struct {
	Background  color.RGBA // window behind the panels
	Panel       color.RGBA // panel and card fill
	PanelBorder color.RGBA // hairline around panels and controls
	Text        color.RGBA // body text
	Muted       color.RGBA // secondary text, axes, captions
	Accent      color.RGBA // primary buttons, focus rings, selection
	OnAccent    color.RGBA // text on Accent
	Positive    color.RGBA // positive weights
	Negative    color.RGBA // negative weights
	Error       color.RGBA // error messages
	Success     color.RGBA // good news (accuracy reached, saved)
	Ink         color.RGBA // drawn pixels and fully active neurons
	Cell        color.RGBA // empty grid cells and inactive neurons
	Control     color.RGBA // secondary button fill
	ControlHot  color.RGBA // secondary button under the pointer
	Train       color.RGBA // training curve
	Val         color.RGBA // validation curve
	Shadow      color.RGBA // soft drop shadow under panels and cards
	Scrim       color.RGBA // veil behind modal cards
}

// Light is the default theme: calm greys, high-contrast text, meant for a
// projector in a bright classroom.
var Light = Theme{
	Background:  rgb(0xEE, 0xF1, 0xF5),
	Panel:       rgb(0xFF, 0xFF, 0xFF),
	PanelBorder: rgb(0xD5, 0xDB, 0xE3),
	Text:        rgb(0x1B, 0x23, 0x31), // 15.6:1 on white
	Muted:       rgb(0x55, 0x60, 0x70), // 6.3:1 on white, 5.6:1 on Background
	Accent:      rgb(0x33, 0x4E, 0xC4), // indigo; white text on it 6.9:1
	OnAccent:    rgb(0xFF, 0xFF, 0xFF),
	Positive:    rgb(0x00, 0x72, 0xB2), // Okabe–Ito blue
	Negative:    rgb(0xD5, 0x5E, 0x00), // Okabe–Ito vermillion
	Error:       rgb(0xB4, 0x23, 0x18), // 6.4:1 on white
	Success:     rgb(0x0B, 0x6E, 0x4F), // 6.1:1 on white
	Ink:         rgb(0x1B, 0x23, 0x31),
	Cell:        rgb(0xE6, 0xEA, 0xF0),
	Control:     rgb(0xE9, 0xED, 0xF3),
	ControlHot:  rgb(0xDA, 0xE0, 0xEA),
	Train:       rgb(0x00, 0x72, 0xB2), // Okabe–Ito blue
	Val:         rgb(0xD5, 0x5E, 0x00), // Okabe–Ito vermillion, dashed in plots
	Shadow:      rgba(0x10, 0x18, 0x28, 0x18),
	Scrim:       rgba(0x10, 0x18, 0x28, 0x66),
}

// Dark is an optional theme for dim rooms.
var Dark = Theme{
	Background:  rgb(0x12, 0x16, 0x1D),
	Panel:       rgb(0x1C, 0x22, 0x2C),
	PanelBorder: rgb(0x33, 0x3C, 0x4A),
	Text:        rgb(0xEC, 0xEF, 0xF4),
	Muted:       rgb(0xA3, 0xAD, 0xBC),
	Accent:      rgb(0x7C, 0x93, 0xF2),
	OnAccent:    rgb(0x10, 0x14, 0x1C),
	Positive:    rgb(0x56, 0xB4, 0xE9), // Okabe–Ito sky blue
	Negative:    rgb(0xE6, 0x9F, 0x00), // Okabe–Ito orange
	Error:       rgb(0xFF, 0x8A, 0x80),
	Success:     rgb(0x5F, 0xD3, 0xA6),
	Ink:         rgb(0xF2, 0xF4, 0xF8),
	Cell:        rgb(0x2A, 0x31, 0x3D),
	Control:     rgb(0x2A, 0x31, 0x3D),
	ControlHot:  rgb(0x36, 0x3F, 0x4E),
	Train:       rgb(0x56, 0xB4, 0xE9),
	Val:         rgb(0xE6, 0x9F, 0x00),
	Shadow:      rgba(0, 0, 0, 0x40),
	Scrim:       rgba(0, 0, 0, 0x80),
}

// Current is the theme every drawing function uses. Set it with SetTheme
// between frames (not while drawing).
var Current = Light

// SetTheme makes t the theme used by every drawing function.
func SetTheme(t Theme) { Current = t }

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xFF} }

// rgba returns the premultiplied color.RGBA (Go's convention) for a
// straight-alpha colour.
func rgba(r, g, b, a uint8) color.RGBA {
	return color.RGBAModel.Convert(color.NRGBA{r, g, b, a}).(color.RGBA)
}
