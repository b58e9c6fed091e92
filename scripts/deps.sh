#!/usr/bin/env bash
# deps.sh — installs what Digit Trainer's builds and tests need, and only what is missing.
#
#   bash scripts/deps.sh go        # Go itself (checked only: it comes from go.dev, not apt)
#   bash scripts/deps.sh desktop   # cgo + X11/GL headers for the native desktop build
#   bash scripts/deps.sh xvfb      # a virtual X server to run Ebiten programs headless
#   bash scripts/deps.sh wasm      # node, to run Go's js/wasm tests (go_js_wasm_exec)
#   bash scripts/deps.sh web       # zopfli, to compress the page's wasm and the classroom file harder
#   bash scripts/deps.sh browser   # Debian's chromium + playwright-core in e2e/ (never a browser download)
#   bash scripts/deps.sh test      # everything `make test` uses
#
# It says what it installs; with everything present it prints one line per group and takes
# well under a second. apt needs root (CI runs as root); otherwise it prints the command.
# Sourcing it (`. scripts/deps.sh`) defines the functions without running anything.
set -euo pipefail

DEPS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_apt_updated=0

say() { printf 'deps: %s\n' "$*"; }

# missing_packages prints the Debian packages among "$@" that are not installed.
missing_packages() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || printf '%s\n' "$p"
	done
}

# apt_install installs the missing ones of "$@", running apt-get update once per run first.
apt_install() {
	local group="$1"
	shift
	local missing
	missing="$(missing_packages "$@" | tr '\n' ' ')"
	missing="${missing% }"
	if [[ -z "$missing" ]]; then
		say "$group: all present"
		return 0
	fi
	if ! command -v apt-get >/dev/null; then
		say "$group: missing $missing and there is no apt-get here; install them with your package manager"
		return 1
	fi
	local sudo=""
	if [[ "$(id -u)" != 0 ]]; then
		if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
			sudo="sudo"
		else
			say "$group: missing $missing; run as root: apt-get update && apt-get install -y $missing"
			return 1
		fi
	fi
	say "$group: installing $missing"
	if [[ "$_apt_updated" == 0 ]]; then
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
		_apt_updated=1
	fi
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
	say "$group: installed $missing"
}

# deps_go checks the Go toolchain against go.mod's go line (apt's Go is too old to help).
deps_go() {
	if ! command -v go >/dev/null; then
		say "go: not found; install Go $(awk '/^go /{print $2}' "$DEPS_ROOT/go.mod") from https://go.dev/dl/ and put it on PATH"
		return 1
	fi
	local want have
	want="$(awk '/^go /{print $2}' "$DEPS_ROOT/go.mod")"
	have="$(go env GOVERSION)"
	have="${have#go}"
	if [[ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -1)" != "$want" ]]; then
		say "go: have $have, go.mod wants $want or newer (the go command may fetch the toolchain itself)"
	else
		say "go: $have"
	fi
}

# deps_desktop: what `go build` of an Ebiten program on Linux links against (GLFW via cgo).
deps_desktop() {
	apt_install "desktop build" gcc libc6-dev libx11-dev libxrandr-dev libxcursor-dev \
		libxinerama-dev libxi-dev libxxf86vm-dev libgl1-mesa-dev
}

# deps_xvfb: a virtual display with software OpenGL, for tests and the desktop smoke run.
deps_xvfb() {
	apt_install "virtual display" xvfb xauth libgl1-mesa-dri
}

# deps_node installs node and npm from Debian when the machine has none.
deps_node() {
	if command -v node >/dev/null && command -v npm >/dev/null; then
		say "node: $(node --version)"
		return 0
	fi
	apt_install "node" nodejs npm
}

deps_wasm() {
	deps_node
}

# deps_browser: Debian's chromium (playwright-core drives it at /usr/bin/chromium; it never
# downloads a browser) and the e2e/ node packages from package-lock.json.
deps_browser() {
	apt_install "browser" chromium
	deps_node
	local e2e="$DEPS_ROOT/e2e" want have=""
	want="$(node -p "require('$e2e/package.json').dependencies['playwright-core']")"
	if [[ -f "$e2e/node_modules/playwright-core/package.json" ]]; then
		have="$(node -p "require('$e2e/node_modules/playwright-core/package.json').version")"
	fi
	if [[ "$have" == "$want" ]]; then
		say "e2e packages: playwright-core $have"
		return 0
	fi
	say "e2e packages: installing playwright-core $want in e2e/ (npm)"
	local cmd=(npm install)
	[[ -f "$e2e/package-lock.json" ]] && cmd=(npm ci)
	(cd "$e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "${cmd[@]}" --no-audit --no-fund --loglevel=error)
}

# deps_arm64: qemu-user runs the engine's tests built for linux/arm64, where the compiler may
# fuse multiply-adds, to prove training is bit-identical there too.
deps_arm64() {
	apt_install "arm64 emulator" qemu-user
}

# deps_web: zopfli, the gzip encoder cmd/bundle uses for the downloads when it is there
# (4–5% smaller than Go's; see cmd/bundle/compress.go).
# It is a nicety: without it (no root, no network) the build goes on with Go's gzip.
deps_web() {
	if ! apt_install "web compression" zopfli; then
		say "web compression: going on without zopfli: the downloads are compressed by Go's gzip, about 5% larger"
	fi
}

deps_test() {
	deps_go
	deps_web
	deps_desktop
	deps_xvfb
	deps_browser
	deps_arm64
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
	[[ $# -gt 0 ]] || set -- test
	for group in "$@"; do
		case "$group" in
		go | desktop | xvfb | wasm | web | browser | arm64 | test) "deps_$group" ;;
		*)
			echo "usage: $0 [go|desktop|xvfb|wasm|web|browser|arm64|test]..." >&2
			exit 2
			;;
		esac
	done
fi
