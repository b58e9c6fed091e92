#!/usr/bin/env bash
# perf-web.sh — `make perf-web`: builds the minimal program's classroom file next to the
# app's (dist/digit-trainer.html, made by `make classroom`), measures both in headless
# Chromium (scripts/perf-web.mjs) and appends the result to BENCHMARKS.md ("perf-web").
# ROUNDS and SAMPLE_MS tune the run. Figures from a busy machine say so by their load average.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/deps.sh browser >/dev/null
mkdir -p out/minimal
GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o out/minimal/minimal.wasm ./internal/minimal
dist/tools/bundle classroom -html index.html -wasm out/minimal/minimal.wasm -wasm-exec wasm_exec.js -out out/minimal/minimal.html
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
node scripts/perf-web.mjs dist/digit-trainer.html out/minimal/minimal.html >"$report"
cat "$report"
if ! grep -q '^<!-- perf-web:begin' BENCHMARKS.md 2>/dev/null; then
	{
		echo "## Startup and frame rate in the browser"
		echo
		echo "Classroom file opened from file:// in headless Chromium (SwiftShader WebGL, no GPU), \`make perf-web\`."
		echo "Each run is appended; compare runs by their load average (the machine is shared)."
		echo
	} | bash scripts/benchmarks.sh replace perf-web
fi
bash scripts/benchmarks.sh append perf-web <"$report"
echo "(appended to BENCHMARKS.md, section \"perf-web\")"
