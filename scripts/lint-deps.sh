#!/usr/bin/env bash
# lint-deps.sh DIR... — fails when a pure package (and everything it imports) pulls in Ebiten
# or imports syscall/js, natively or as js/wasm. Keeps the engine usable from the CLI,
# from tests without a display, and without cgo.
#
# Under js/wasm the standard library itself imports syscall/js (package syscall does), so the
# rule there is "no package of this module imports syscall/js", not "syscall/js is absent".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ $# -eq 0 ]]; then
	echo "usage: $0 DIR..." >&2
	exit 2
fi
module="$(go list -m)"
pkgs=()
for d in "$@"; do pkgs+=("./$d/..."); done
bad=0
for target in native js/wasm; do
	env=()
	[[ $target == js/wasm ]] && env=(GOOS=js GOARCH=wasm)
	listing="$(env "${env[@]+"${env[@]}"}" go list -deps -f '{{.ImportPath}}{{range .Imports}} {{.}}{{end}}' "${pkgs[@]}")"
	# Report the module's own packages that import the forbidden ones directly: that is where
	# the fix goes. The count catches anything pulled in another way.
	offenders="$(awk -v mod="$module" -v tgt="$target" '
		$1 == mod || index($1, mod "/") == 1 {
			for (i = 2; i <= NF; i++)
				if ($i ~ /^github\.com\/(hajimehoshi\/ebiten|ebitengine)\// || $i == "syscall/js")
					printf "lint-deps: %s: %s imports %s\n", tgt, $1, $i
		}' <<<"$listing")"
	forbidden="$(grep -cE '^github\.com/(hajimehoshi/ebiten|ebitengine)/' <<<"$listing" || true)"
	if [[ -n "$offenders" || "$forbidden" -gt 0 ]]; then
		[[ -n "$offenders" ]] && echo "$offenders"
		echo "lint-deps: $target: $forbidden Ebiten packages in the dependencies"
		bad=1
	fi
done
if [[ $bad -ne 0 ]]; then
	echo "lint-deps: ${pkgs[*]} must depend on neither Ebiten nor syscall/js"
	exit 1
fi
echo "lint-deps: ${pkgs[*]} use neither Ebiten nor syscall/js"
