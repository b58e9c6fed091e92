#!/usr/bin/env bash
# fonts.sh — writes assets/fonts/*.ttf: the Go fonts (Regular, Bold, Mono) from the
# golang.org/x/image version go.mod names, with every glyph, outline and advance kept and
# their TrueType hinting dropped. The app rasterises unhinted (render/glyph.go), so the
# hinting programs were never run; they were more than half of each font's compressed size,
# about 116 KB of the gzipped wasm (BENCHMARKS.md, "Download size"). render's
# TestFontsAreTheGoFonts checks glyph by glyph that nothing else changed.
# Needs Debian's python3-fonttools (installed here if missing). Run from anywhere.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! /usr/bin/python3 -c 'import fontTools' 2>/dev/null; then
	echo "fonts: installing python3-fonttools (apt)"
	apt-get install -y python3-fonttools >/dev/null
fi
ver="$(awk '$1 == "golang.org/x/image" { print $2 }' go.mod)"
src="$(go env GOMODCACHE)/golang.org/x/image@$ver/font/gofont/ttfs"
[[ -d "$src" ]] || go mod download golang.org/x/image
# Go Mono (formulas) and Go Bold (titles, buttons) lose their Cyrillic, U+0400–U+052F, which
# no language of the app writes (render's lacksCyrillic draws such letters in Go Regular):
# about 5 KB of the gzipped wasm each.
for f in Go-Regular Go-Bold Go-Mono; do
	keep=(--unicodes='*' --glyphs='*')
	[[ $f != Go-Regular ]] && keep=(--unicodes='0-3FF,530-10FFFF')
	/usr/bin/python3 -m fontTools.subset "$src/$f.ttf" "${keep[@]}" --no-hinting \
		--layout-features='' --notdef-outline --no-glyph-names --name-IDs='*' --name-languages='*' \
		--output-file="assets/fonts/$f.ttf"
	echo "fonts: assets/fonts/$f.ttf $(stat -c %s "assets/fonts/$f.ttf") bytes (was $(stat -c %s "$src/$f.ttf"))"
done
cp "$src/../../../LICENSE" assets/fonts/LICENSE
