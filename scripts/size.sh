#!/usr/bin/env bash
# size.sh — the download sizes issue 5 sets targets for, measured against a minimal Ebiten
# program (internal/minimal) built with the same flags and compressed by the same code
# (cmd/bundle: zopfli when installed, else gzip level 9). Prints a table and writes the "size" section of BENCHMARKS.md.
# Run through `make size`, which builds dist/web and the classroom file first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Targets from issue 5: the app's gzipped wasm at most 1.5× the minimal program's, and the
# classroom file at most 5 MB (taken as 5,000,000 bytes, the stricter reading).
MAX_RATIO=1.5
MAX_CLASSROOM=5000000

app_wasm=dist/web/digit-trainer.wasm
classroom=dist/digit-trainer.html
min_dir=out/minimal
mkdir -p "$min_dir/web"
GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o "$min_dir/web/minimal.wasm" ./internal/minimal
dist/tools/bundle web -html index.html -wasm "$min_dir/web/minimal.wasm" -out "$min_dir/web/index.html"
dist/tools/bundle classroom -html index.html -wasm "$min_dir/web/minimal.wasm" -wasm-exec wasm_exec.js -out "$min_dir/minimal.html"

bytes() { stat -c %s "$1"; }
app_raw=$(bytes "$app_wasm") app_gz=$(bytes "$app_wasm.gz")
min_raw=$(bytes "$min_dir/web/minimal.wasm") min_gz=$(bytes "$min_dir/web/minimal.wasm.gz")
class=$(bytes "$classroom") min_class=$(bytes "$min_dir/minimal.html")
ratio=$(awk -v a="$app_gz" -v m="$min_gz" 'BEGIN { printf "%.3f", a / m }')
verdict() { if awk -v v="$1" -v max="$2" 'BEGIN { exit !(v <= max) }'; then echo met; else echo "**not met**"; fi; }
mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1e6 }'; }
num() { awk -v n="$1" 'BEGIN { s = n ""; out = ""; while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) } print s out }'; }

report="$(mktemp)"
trap 'rm -f "$report"' EXIT
{
	echo "## Download size"
	echo
	echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(go version | cut -d' ' -f3-); built with \`-trimpath -ldflags=\"-s -w\"\`, gzip by cmd/bundle: zopfli when installed, else compress/gzip level 9"
	echo "- Command: \`make size\`"
	echo
	echo "| build | wasm | wasm gzipped | classroom file |"
	echo "|---|--:|--:|--:|"
	echo "| Digit Trainer | $(num "$app_raw") | $(num "$app_gz") | $(num "$class") |"
	echo "| minimal Ebiten program (internal/minimal) | $(num "$min_raw") | $(num "$min_gz") | $(num "$min_class") |"
	echo
	echo "Targets: gzipped wasm ≤ ${MAX_RATIO}× the minimal program's — ${ratio}× ($(mb "$app_gz") vs $(mb "$min_gz")), $(verdict "$ratio" "$MAX_RATIO");"
	echo "classroom file ≤ $(mb "$MAX_CLASSROOM") — $(mb "$class"), $(verdict "$class" "$MAX_CLASSROOM")."
} >"$report"
cat "$report"
bash scripts/benchmarks.sh replace size <"$report"
echo
echo "(written to BENCHMARKS.md, section \"size\")"
