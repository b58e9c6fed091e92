package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"strings"
)

// policy builds a Content-Security-Policy from the hashes of a page's inline scripts.
type policy func(hashes []string) string

// webPolicy keeps every request on the page's own origin. data: and blob: stay local (the
// icon, downloads made from a Blob); 'wasm-unsafe-eval' is what WebAssembly compilation needs.
func webPolicy(hashes []string) string {
	return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" + sources(hashes) +
		"; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' data: blob:" +
		"; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"
}

// classroomPolicy allows nothing from anywhere: a file:// page has no origin worth trusting,
// so even 'self' is left out and the inline scripts run by hash alone.
func classroomPolicy(hashes []string) string {
	return "default-src 'none'; script-src 'wasm-unsafe-eval'" + sources(hashes) +
		"; style-src 'unsafe-inline'; img-src data: blob:; connect-src data: blob:" +
		"; object-src 'none'; base-uri 'none'; form-action 'none'"
}

func sources(hashes []string) string {
	var b strings.Builder
	for _, h := range hashes {
		b.WriteString(" '" + h + "'")
	}
	return b.String()
}

// scriptElement matches <script …>body</script>; inline scripts contain no "</script" (the
// bundler refuses such input), so the lazy match ends at the element's own end tag.
var scriptElement = regexp.MustCompile(`(?is)<script([^>]*)>(.*?)</script>`)

var (
	srcAttr  = regexp.MustCompile(`(?i)\bsrc\s*=`)
	typeAttr = regexp.MustCompile(`(?i)\btype\s*=\s*["']?([^"'\s>]+)`)
)

// inlineScriptHashes returns 'sha256-…' for every inline script the browser would run, in
// page order. Scripts with src and data blocks (a non-JavaScript type) are skipped: CSP
// hashes apply only to inline code that executes.
func inlineScriptHashes(page []byte) []string {
	var out []string
	for _, m := range scriptElement.FindAllSubmatch(page, -1) {
		attrs, body := m[1], m[2]
		if srcAttr.Match(attrs) {
			continue
		}
		if t := typeAttr.FindSubmatch(attrs); t != nil && !isJavaScriptType(string(t[1])) {
			continue
		}
		sum := sha256.Sum256(body)
		out = append(out, "sha256-"+base64.StdEncoding.EncodeToString(sum[:]))
	}
	return out
}

func isJavaScriptType(t string) bool {
	t = strings.ToLower(t)
	return t == "module" || t == "text/javascript" || t == "application/javascript"
}

// cspMeta is the meta element for a policy. Policies hold no '"', '&' or '<', so the
// value is written as is (readable quotes, unlike html.EscapeString's &#39;).
func cspMeta(p string) string {
	if strings.ContainsAny(p, "\"&<>") {
		panic("bundle: policy needs escaping: " + p)
	}
	return `<meta http-equiv="Content-Security-Policy" content="` + p + `">`
}

// withCSP writes the policy for the page's current inline scripts into its csp region.
// The region is emptied first so the meta tag itself never affects the hashes.
func withCSP(page []byte, p policy) ([]byte, error) {
	return replaceRegion(page, regionCSP, cspMeta(p(inlineScriptHashes(page))))
}

// cspCurrent reports whether page's policy matches what withCSP would write.
func cspCurrent(page []byte, p policy) (bool, []byte, error) {
	fixed, err := withCSP(page, p)
	if err != nil {
		return false, nil, err
	}
	return bytes.Equal(fixed, page), fixed, nil
}
