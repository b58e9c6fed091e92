// Command bundle turns the one index.html into the two pages Digit Trainer ships as.
//
// index.html marks the parts that differ between them with comment pairs
// `<!--bundle:NAME-->…<!--/bundle:NAME-->`, so the loader script exists once and both
// outputs are generated from it instead of kept as copies:
//
//	csp        the Content-Security-Policy meta tag, rewritten with the sha256 of every
//	           inline script in the output, so no page ever needs 'unsafe-inline' for scripts
//	wasm       where the wasm comes from: a <meta id="wasm-source"> naming the file (web),
//	           or a <script type="application/octet-stream" id="wasm-source"> holding it
//	           gzipped and base64-encoded (classroom)
//	wasm-exec  Go's wasm_exec.js: a <script src> (web) or inlined (classroom)
//
// Usage:
//
//	bundle web -html index.html -wasm dist/web/digit-trainer.wasm -out dist/web/index.html
//	    writes the page with the wasm's size built in (for the progress bar) and a
//	    precompressed digit-trainer.wasm.gz beside the wasm for cmd/serve or any static host
//	bundle classroom -html index.html -wasm W -wasm-exec wasm_exec.js -out dist/digit-trainer.html
//	    writes one self-contained file that opens by double-click with no network
//	bundle csp [-fix] index.html
//	    checks (or rewrites) the policy in the checked-in index.html after the loader changed
package main
