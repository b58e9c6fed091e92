#!/usr/bin/env bash
# bench/run.sh — training throughput of the nn engine natively, as js/wasm
# under node, and of the hand-written JavaScript baseline (bench/train.mjs),
# then refresh the generated section of BENCHMARKS.md. `make bench` runs it.
#
# The three are measured in turns, ROUNDS times, so that a change in the
# machine's load hits all of them alike; the table shows the median round.
# Environment: ROUNDS (default 3), BENCHTIME (go -test.benchtime, default 1s),
# JSTIME (seconds per JS case, default 1). Takes about 2–3 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
BENCHTIME=${BENCHTIME:-1s}
JSTIME=${JSTIME:-1}
GOROOT=$(go env GOROOT)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "bench: building the benchmark natively and for js/wasm" >&2
go test -c -o "$tmp/nn.test" ./nn
GOOS=js GOARCH=wasm go test -c -o "$tmp/nn.wasm" ./nn

load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
args=(-test.run '^$' -test.bench '^BenchmarkTrain$' -test.benchtime "$BENCHTIME" -test.benchmem)
for round in $(seq "$ROUNDS"); do
	echo "bench: round $round/$ROUNDS: native" >&2
	(cd nn && "$tmp/nn.test" "${args[@]}") | tee -a "$tmp/native.txt" >&2
	echo "bench: round $round/$ROUNDS: js/wasm under node" >&2
	(cd nn && node "$GOROOT/lib/wasm/wasm_exec_node.js" "$tmp/nn.wasm" "${args[@]}") | tee -a "$tmp/wasm.txt" >&2
	echo "bench: round $round/$ROUNDS: hand-written JavaScript" >&2
	node bench/train.mjs "$JSTIME" 1 | tee -a "$tmp/js.txt" >&2
done

loadafter=$(cut -d" " -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
cores=$(nproc 2>/dev/null || echo "?")
node bench/report.mjs \
	--native "$tmp/native.txt" --wasm "$tmp/wasm.txt" --js "$tmp/js.txt" \
	--cpu "${cpu:-unknown} ($cores logical CPUs)" --go "$(go version)" --node "$(node --version)" \
	--date "$(date -u '+%Y-%m-%d %H:%M UTC')" --load "$load" --loadAfter "$loadafter" --rounds "$ROUNDS" \
	--command "ROUNDS=$ROUNDS BENCHTIME=$BENCHTIME JSTIME=$JSTIME bash bench/run.sh" \
	--out BENCHMARKS.md
