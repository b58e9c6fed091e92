#!/usr/bin/env bash
# xtext-size.sh — what golang.org/x/text's language matching, message printer, number formats
# and plural rules would add to a wasm download (issue 15 asks to use them where they earn
# their size). Builds one small js/wasm program without them and one per feature with it,
# in a temporary module pinned to the x/text version go.mod already lists, and prints the raw
# and gzip -9 sizes and what each feature adds. The programs share a baseline of fmt,
# encoding/json, strconv and strings, which the app has anyway.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ver="$(awk '$1 == "golang.org/x/text" { print $2 }' go.mod)"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cp go.sum "$dir/"
printf 'module xtextsize\ngo 1.26\nrequire golang.org/x/text %s\n' "$ver" >"$dir/go.mod"
prog() { # name, imports, body
	mkdir -p "$dir/$1"
	cat >"$dir/$1/main.go" <<GO
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
$2
)

func main() {
	var m map[string]string
	json.Unmarshal([]byte(os.Args[0]), &m)
	fmt.Println(strconv.FormatFloat(0.5, 'f', 2, 64), strings.ToLower(os.Args[0]), m)
$3
}
GO
}
prog base '' ''
prog language '	"golang.org/x/text/language"' '	t, i, c := language.NewMatcher([]language.Tag{language.English, language.German}).Match(language.Make(os.Args[1]))
	fmt.Println(t, i, c)'
prog message '	"golang.org/x/text/language"
	"golang.org/x/text/message"' '	message.SetString(language.German, "%d epochs", "%d Epochen")
	fmt.Println(message.NewPrinter(language.Make(os.Args[1])).Sprintf("%d epochs at %.2f", 12300, 0.53))'
prog number '	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"' '	fmt.Println(message.NewPrinter(language.Make(os.Args[1])).Sprint(number.Decimal(0.53)))'
prog plural '	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"' '	fmt.Println(plural.Cardinal.MatchPlural(language.Make(os.Args[1]), len(os.Args), 0, 0, 0, 0))'
echo "golang.org/x/text $ver, $(go version | cut -d' ' -f3), GOOS=js GOARCH=wasm -trimpath -ldflags=\"-s -w\", gzip -9"
printf '| program | wasm | gzipped | x/text adds (gzipped) |\n|---|--:|--:|--:|\n'
base_gz=0
for p in base language message number plural; do
	(cd "$dir" && GOFLAGS=-mod=mod GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o "$p.wasm" "./$p")
	raw=$(stat -c %s "$dir/$p.wasm")
	gz=$(gzip -9c "$dir/$p.wasm" | wc -c)
	[[ $p == base ]] && base_gz=$gz
	printf '| %s | %s | %s | %s |\n' "$p" "$raw" "$gz" "$((gz - base_gz))"
done
