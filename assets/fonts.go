package assets

import _ "embed"

// The Go fonts the app writes with: golang.org/x/image's Go Regular, Bold
// and Mono with their TrueType hinting taken out by scripts/fonts.sh. The
// renderer rasterises unhinted, so the hinting was never used, and it was
// half of the fonts' share of the download. Their licence is fonts/LICENSE.
var (
	//go:embed fonts/Go-Regular.ttf
	GoRegular []byte

	//go:embed fonts/Go-Bold.ttf
	GoBold []byte

	//go:embed fonts/Go-Mono.ttf
	GoMono []byte
)
