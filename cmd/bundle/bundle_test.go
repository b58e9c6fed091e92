package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// fakeWasm starts with the wasm magic so renderClassroom accepts it.
var fakeWasm = append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("module body "), 500)...)

const fakeExec = `"use strict"; globalThis.Go = class { constructor() { this.importObject = {}; } };`

func template(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func hashOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

var cspContent = regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`)

func policyOf(t *testing.T, page []byte) string {
	t.Helper()
	m := cspContent.FindAllSubmatch(page, -1)
	if len(m) != 1 {
		t.Fatalf("want exactly one CSP meta tag, found %d", len(m))
	}
	return string(m[0][1])
}

// TestSourceCSPIsCurrent keeps the checked-in index.html usable as is: editing the loader
// without `make csp` would make browsers refuse to run it.
func TestSourceCSPIsCurrent(t *testing.T) {
	ok, _, err := cspCurrent(template(t), webPolicy)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		t.Fatal("index.html's Content-Security-Policy does not match its inline scripts: run `make csp`")
	}
}

func TestTemplateHasEverythingThePageNeeds(t *testing.T) {
	page := string(template(t))
	for _, want := range []string{
		`id="status-live"`, `aria-live="polite"`, `window.digitTrainer = window.digitTrainer || {}`,
		`<title>`, `name="description"`, `rel="icon" href="data:image/svg+xml`,
		`name="viewport" content="width=device-width, initial-scale=1"`, `'wasm-unsafe-eval'`,
		`id="loader-progress"`, `<noscript>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	for _, banned := range []string{"user-scalable=no", "maximum-scale", "'unsafe-inline' 'wasm", "http://", "https://"} {
		if strings.Contains(strings.ReplaceAll(page, "http://www.w3.org/2000/svg", ""), banned) {
			t.Errorf("index.html contains %q", banned)
		}
	}
}

func TestRenderWeb(t *testing.T) {
	page, err := renderWeb(template(t), "digit-trainer.wasm", 1234567)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`<meta id="wasm-source" name="digit-trainer-wasm" content="digit-trainer.wasm" data-size="1234567">`)) {
		t.Error("the wasm meta tag does not carry the size")
	}
	if !bytes.Contains(page, []byte(`<script src="wasm_exec.js"></script>`)) {
		t.Error("the web page must load wasm_exec.js from beside it")
	}
	// Only the size changed, so the policy is the checked-in one.
	if got, want := policyOf(t, page), policyOf(t, template(t)); got != want {
		t.Errorf("policy changed:\n got %s\nwant %s", got, want)
	}
}

func TestRenderClassroomIsSelfContained(t *testing.T) {
	page, err := renderClassroom(template(t), fakeWasm, []byte(fakeExec))
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	if strings.Contains(s, `src=`) {
		t.Error("the classroom file still loads something by src=")
	}
	if !strings.Contains(s, "<script>"+fakeExec+"</script>") {
		t.Error("wasm_exec.js is not inlined")
	}
	policy := policyOf(t, page)
	if strings.Contains(policy, "'self'") || strings.Contains(policy, "'unsafe-inline' 'wasm") || !strings.Contains(policy, "default-src 'none'") {
		t.Errorf("classroom policy is not locked down: %s", policy)
	}
	if !strings.Contains(policy, hashOf(fakeExec)) {
		t.Error("the policy does not allow the inlined wasm_exec.js by hash")
	}
	hashes := inlineScriptHashes(page)
	if len(hashes) != 2 {
		t.Fatalf("want 2 executable inline scripts (wasm_exec.js, loader), got %d", len(hashes))
	}
	for _, h := range hashes {
		if !strings.Contains(policy, h) {
			t.Errorf("policy lacks %s", h)
		}
	}

	// The payload decodes back to the exact wasm, and the size the loader shows is right.
	m := regexp.MustCompile(`<script type="application/octet-stream" id="wasm-source" data-encoding="gzip\+base64" data-size="(\d+)">([^<]*)</script>`).FindStringSubmatch(s)
	if m == nil {
		t.Fatal("no embedded wasm payload")
	}
	if m[1] != strconv.Itoa(len(fakeWasm)) {
		t.Errorf("data-size %s for a %d-byte wasm", m[1], len(fakeWasm))
	}
	gz, err := base64.StdEncoding.DecodeString(m[2])
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(got, fakeWasm) {
		t.Errorf("payload does not round-trip (err %v)", err)
	}
	if strings.Contains(s, `<meta id="wasm-source" name=`) {
		t.Error("the web wasm pointer was left in")
	}
}

func TestRenderingTwiceIsStable(t *testing.T) {
	once, err := renderClassroom(template(t), fakeWasm, []byte(fakeExec))
	if err != nil {
		t.Fatal(err)
	}
	twice, err := withCSP(once, classroomPolicy)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(once, twice) {
		t.Error("re-applying the policy changed the page: the meta tag leaks into the hashes")
	}
}

func TestBadInputs(t *testing.T) {
	tmpl := template(t)
	tests := []struct {
		name       string
		tmpl, wasm []byte
		exec       string
		want       string
	}{
		{"script end in wasm_exec", tmpl, fakeWasm, `x("</script>")`, "cannot be inlined"},
		{"comment open in wasm_exec", tmpl, fakeWasm, `x("<!--")`, "cannot be inlined"},
		{"not wasm", tmpl, []byte("MZ\x90\x00 an exe"), fakeExec, "not WebAssembly"},
		{"markers missing", []byte("<html><script>x</script></html>"), fakeWasm, fakeExec, "markers"},
		{"marker doubled", append(append([]byte{}, tmpl...), "<!--bundle:wasm--><!--/bundle:wasm-->"...), fakeWasm, fakeExec, "markers"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := renderClassroom(tc.tmpl, tc.wasm, []byte(tc.exec))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tc.want)
			}
		})
	}
	if _, err := renderWeb([]byte("<html></html>"), "a.wasm", 1); !errors.Is(err, errMarker) {
		t.Errorf("renderWeb without markers: err = %v, want errMarker", err)
	}
}

func TestInlineScriptHashesSkipsNonCode(t *testing.T) {
	page := []byte(`<script src="a.js"></script><script type="application/octet-stream">AAAA</script>` +
		`<script>one()</script><SCRIPT type="module">two()</SCRIPT><script type="text/javascript">three()</script>`)
	got := inlineScriptHashes(page)
	want := []string{hashOf("one()"), hashOf("two()"), hashOf("three()")}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("hashes %v, want %v", got, want)
	}
}

// TestGzipBothWays: both encoders give back what they were given, and
// zopfli's (where installed) is no larger than Go's.
func TestGzipBothWays(t *testing.T) {
	b := bytes.Repeat([]byte("digit trainer \x00\x01\x02 weights "), 4000)
	t.Setenv("DT_GZIP", "go")
	goGz, err := gzipBytes(b)
	if err != nil || !gives(goGz, b) {
		t.Fatalf("compress/gzip: %v", err)
	}
	path, err := exec.LookPath("zopfli")
	if err != nil {
		t.Skip("zopfli is not installed (scripts/deps.sh test installs it)")
	}
	z, err := zopfli(path, b)
	if err != nil || !gives(z, b) {
		t.Fatalf("zopfli: %v", err)
	}
	if len(z) > len(goGz) {
		t.Errorf("zopfli gave %d bytes, compress/gzip %d", len(z), len(goGz))
	}
	if gives(z[:len(z)-1], b) {
		t.Error("a cut gzip stream passes the check")
	}
}
