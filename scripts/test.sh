#!/usr/bin/env bash
# test.sh — everything `make test` (and CI) checks, in order, with a summary at the end.
#
#   bash scripts/test.sh            # all steps
#   bash scripts/test.sh vet fuzz   # some steps (names below)
#
# Steps: deps fmt-check vet test-go test-wasm test-arm64 fuzz lint-deps trainer-nocgo e2e.
# FUZZTIME (default 5s) sets how long each fuzz target runs.
# FUZZMINIMIZE (default 200x) bounds the minimisation of each new input.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

GOROOT="$(go env GOROOT)"
FUZZTIME="${FUZZTIME:-5s}"
# Go minimises every input that finds new coverage for up to 60 s by
# default; with checkpoints of a few kilobytes that took the whole of a
# 5-second run (FuzzLoad ran 42 inputs), so minimisation gets a budget of
# runs instead.
FUZZMINIMIZE="${FUZZMINIMIZE:-200x}"
SCREENSHOTS="$ROOT/out/screenshots"
# Ebiten packages open a display at init: run Go programs and tests on a virtual one, deep
# enough (24-bit) for Mesa's software OpenGL.
XVFB=(xvfb-run -a -s "-screen 0 1280x1024x24")
# The packages that must stay pure Go: no Ebiten, no syscall/js, no cgo.
PURE_DIRS=(nn data checkpoint session experiment lesson i18n cmd/trainer)

# pure_pkgs prints PURE_DIRS as package patterns, one a line.
pure_pkgs() { printf './%s/...\n' "${PURE_DIRS[@]}"; }

step_deps() { bash scripts/deps.sh test; }

step_fmt-check() {
	local bad
	bad="$(gofmt -l $(git ls-files --cached --others --exclude-standard '*.go'))"
	if [[ -n "$bad" ]]; then
		echo "gofmt would change these files (run gofmt -w):"
		echo "$bad"
		return 1
	fi
	echo "gofmt: clean"
}

step_vet() {
	go vet ./...
	# The browser-only files (*_js.go) are vetted too.
	GOOS=js GOARCH=wasm go vet ./...
}

step_test-go() { "${XVFB[@]}" go test ./...; }

step_test-wasm() {
	local pkgs
	mapfile -t pkgs < <(pure_pkgs)
	# and platform, whose browser half (*_js.go) has tests that need no page
	GOOS=js GOARCH=wasm go test -exec "$GOROOT/lib/wasm/go_js_wasm_exec" "${pkgs[@]}" ./platform
}

# step_test-arm64 runs the engine's tests (golden weight hashes included) as linux/arm64 under
# qemu-user: arm64 is where a stray x*y+z would become a fused multiply-add and change the
# weights in the last bit. The checkpoint package's resume test follows: a file saved part-way
# through a run must resume bit-identically there too.
step_test-arm64() {
	mkdir -p "$ROOT/out"
	arm64_test nn
	arm64_test checkpoint -test.run Resume -test.v
}

# arm64_test PKG [FLAGS...] builds PKG's tests for linux/arm64 and runs them under qemu-user
# from PKG's folder, so the fixture paths resolve. It fails when -test.run matches no test,
# which Go reports as a pass.
arm64_test() {
	local pkg="$1" out rc=0
	local bin="$ROOT/out/${pkg}_arm64.test"
	shift
	GOARCH=arm64 CGO_ENABLED=0 go test -c -o "$bin" "./$pkg"
	out="$(cd "$pkg" && qemu-aarch64 "$bin" -test.count=1 "$@" 2>&1)" || rc=$?
	echo "$out"
	[[ $rc -eq 0 ]] || return "$rc"
	if [[ "$out" == *"no tests to run"* ]]; then
		echo "test-arm64: $pkg: no test matches $*"
		return 1
	fi
}

# step_fuzz finds every Fuzz target with `go test -list` and runs each briefly.
step_fuzz() {
	local listing targets=() names=() pkg line
	listing="$("${XVFB[@]}" go test -run '^$' -list '^Fuzz' ./...)"
	while IFS= read -r line; do
		case "$line" in
		Fuzz*) names+=("$line") ;;
		ok*)
			pkg="$(awk '{print $2}' <<<"$line")"
			for n in "${names[@]+"${names[@]}"}"; do targets+=("$pkg $n"); done
			names=()
			;;
		*) ;; # other output (logs) between a package's names and its ok line
		esac
	done <<<"$listing"
	if [[ ${#targets[@]} -eq 0 ]]; then
		echo "fuzz: no fuzz targets found"
		return 0
	fi
	echo "fuzz: ${#targets[@]} targets, $FUZZTIME each"
	local t
	for t in "${targets[@]}"; do
		read -r pkg name <<<"$t"
		echo "fuzz: $pkg $name"
		fuzz_one "$pkg" "$name"
	done
}

# fuzz_one runs one fuzz target. Go's fuzzer can end a short run with
# "context deadline exceeded" and no failing input when the time runs out
# while a worker is busy (seen here once in a dozen runs, on an unchanged
# target): that is the tool, not the code, so such a run is repeated once and
# said; a real failure (one that names a failing input) is never retried.
fuzz_one() {
	local pkg=$1 name=$2 out status=0
	out="$("${XVFB[@]}" go test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime "$FUZZMINIMIZE" "$pkg" 2>&1)" || status=$?
	printf '%s\n' "$out"
	if [[ $status -ne 0 ]] && grep -q 'context deadline exceeded' <<<"$out" && ! grep -qi 'failing input' <<<"$out"; then
		echo "fuzz: $name ended on the fuzzer's own deadline with no failing input; running it once more"
		"${XVFB[@]}" go test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime "$FUZZMINIMIZE" "$pkg"
		return
	fi
	return $status
}

step_lint-deps() { bash scripts/lint-deps.sh "${PURE_DIRS[@]}"; }

step_trainer-nocgo() {
	mkdir -p dist/tools
	CGO_ENABLED=0 go build -trimpath -o dist/tools/trainer ./cmd/trainer
	echo "trainer-nocgo: built dist/tools/trainer with CGO_ENABLED=0"
}

# step_e2e builds what ships and tests it in headless Chromium (and the desktop build under
# Xvfb). The tests find everything through these variables.
step_e2e() {
	make --no-print-directory web classroom desktop tools
	[[ -x dist/tools/trainer ]] || step_trainer-nocgo
	mkdir -p "$SCREENSHOTS"
	(
		cd e2e
		DT_WEB_DIR="$ROOT/dist/web" DT_CLASSROOM="$ROOT/dist/digit-trainer.html" \
			DT_DESKTOP="$ROOT/dist/digit-trainer" DT_SERVE="$ROOT/dist/tools/serve" \
			DT_TRAINER="$ROOT/dist/tools/trainer" SCREENSHOT_DIR="$SCREENSHOTS" \
			node --test
	)
	echo "Screenshots are in $SCREENSHOTS"
}

ALL=(deps fmt-check vet test-go test-wasm test-arm64 fuzz lint-deps trainer-nocgo e2e)
[[ $# -gt 0 ]] || set -- "${ALL[@]}"

passed=0 failed=0 failures=()
for s in "$@"; do
	if ! declare -F "step_$s" >/dev/null; then
		echo "usage: $0 [${ALL[*]}]" >&2
		exit 2
	fi
	echo "=== $s"
	start=$SECONDS
	# Not inside an "if": bash ignores set -e in a condition, even in functions it calls,
	# so a failing command in the middle of a step would go unnoticed.
	set +e
	(
		set -e
		"step_$s"
	)
	rc=$?
	set -e
	if [[ $rc -eq 0 ]]; then
		passed=$((passed + 1))
		echo "--- $s ok ($((SECONDS - start))s)"
	else
		failed=$((failed + 1))
		failures+=("$s")
		echo "--- $s FAILED ($((SECONDS - start))s)"
		# Without the tools nothing after this can mean anything.
		[[ "$s" == deps ]] && break
	fi
done
[[ $failed -eq 0 ]] || echo "failed steps: ${failures[*]}"
[[ " $* " == *" e2e "* ]] && echo "Screenshots: $SCREENSHOTS"
echo "make test: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
