package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// site builds a served folder with a wasm, its precompressed twin, and a secret beside it
// that no URL may reach.
func site(t *testing.T) (*httptest.Server, string) {
	t.Helper()
	parent := t.TempDir()
	dir := filepath.Join(parent, "web")
	write := func(name, body string, mod time.Time) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	write("index.html", "<!doctype html><title>x</title>", old)
	write("app.wasm", wasmBody, old)
	write("app.wasm.gz", string(gzipBytes(t, "precompressed:"+wasmBody)), old.Add(time.Hour))
	write("wasm_exec.js", "console.log(1)", old)
	write("stale.js", "fresh text", old.Add(2*time.Hour))
	write("stale.js.gz", string(gzipBytes(t, "stale text")), old)
	write("pic.png", "\x89PNG fake", old)
	write("sub/index.html", "sub index", old)
	write(".secret", "dot file", old)
	if err := os.WriteFile(filepath.Join(parent, "secret.txt"), []byte("outside"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(parent, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	srv := httptest.NewServer(newFileServer(root))
	t.Cleanup(srv.Close)
	return srv, dir
}

const wasmBody = "\x00asm\x01\x00\x00\x00 pretend module"

func gzipBytes(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// get sends a request with an explicit Accept-Encoding, so the client never decodes for us.
func get(t *testing.T, method, url, acceptEncoding string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Encoding", acceptEncoding)
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func gunzip(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("body is not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestContentTypes(t *testing.T) {
	srv, _ := site(t)
	for path, want := range map[string]string{
		"/app.wasm":     "application/wasm",
		"/":             "text/html; charset=utf-8",
		"/index.html":   "text/html; charset=utf-8",
		"/wasm_exec.js": "text/javascript; charset=utf-8",
		"/pic.png":      "image/png",
	} {
		resp, _ := get(t, "GET", srv.URL+path, "identity")
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", path, resp.StatusCode)
		}
		if got := resp.Header.Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type %q, want %q", path, got, want)
		}
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", path, got)
		}
	}
}

func TestGzipNegotiation(t *testing.T) {
	srv, _ := site(t)
	tests := []struct {
		name, path, accept string
		wantEncoding       string
		wantBody           string // decoded
	}{
		{"identity gets the plain file", "/app.wasm", "identity", "", wasmBody},
		{"no header gets the plain file", "/app.wasm", "", "", wasmBody},
		{"q=0 refuses gzip", "/app.wasm", "gzip;q=0, br", "", wasmBody},
		{"precompressed twin is used", "/app.wasm", "br, gzip", "gzip", "precompressed:" + wasmBody},
		{"wildcard accepts gzip", "/app.wasm", "*", "gzip", "precompressed:" + wasmBody},
		{"on the fly without a twin", "/wasm_exec.js", "gzip, deflate", "gzip", "console.log(1)"},
		{"stale twin is ignored", "/stale.js", "gzip", "gzip", "fresh text"},
		{"images are not recompressed", "/pic.png", "gzip", "", "\x89PNG fake"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, "GET", srv.URL+tc.path, tc.accept)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if got := resp.Header.Get("Content-Encoding"); got != tc.wantEncoding {
				t.Fatalf("Content-Encoding %q, want %q", got, tc.wantEncoding)
			}
			got := string(body)
			if tc.wantEncoding == "gzip" {
				got = gunzip(t, body)
				if n := resp.Header.Get(uncompressedLengthHeader); n == "" {
					t.Errorf("missing %s", uncompressedLengthHeader)
				}
			}
			if got != tc.wantBody {
				t.Errorf("body %q, want %q", got, tc.wantBody)
			}
			if tc.path == "/app.wasm" {
				if ct := resp.Header.Get("Content-Type"); ct != "application/wasm" {
					t.Errorf("Content-Type %q, want application/wasm even when gzipped", ct)
				}
				if v := resp.Header.Get("Vary"); v != "Accept-Encoding" {
					t.Errorf("Vary %q, want Accept-Encoding", v)
				}
			}
		})
	}
}

func TestUncompressedLengthMatchesFile(t *testing.T) {
	srv, _ := site(t)
	resp, _ := get(t, "GET", srv.URL+"/app.wasm", "gzip")
	if got, want := resp.Header.Get(uncompressedLengthHeader), strconv.Itoa(len(wasmBody)); got != want {
		t.Errorf("%s = %q, want %q", uncompressedLengthHeader, got, want)
	}
}

func TestHeadSendsNoBody(t *testing.T) {
	srv, _ := site(t)
	for _, enc := range []string{"identity", "gzip"} {
		resp, body := get(t, "HEAD", srv.URL+"/wasm_exec.js", enc)
		if resp.StatusCode != http.StatusOK || len(body) != 0 {
			t.Errorf("HEAD with %s: status %d, %d body bytes", enc, resp.StatusCode, len(body))
		}
	}
}

func TestNotFoundAndNoEscape(t *testing.T) {
	srv, _ := site(t)
	for _, path := range []string{
		"/missing.wasm",
		"/../secret.txt",
		"/%2e%2e/secret.txt",
		"/sub/../../secret.txt",
		"/..%2fsecret.txt",
		"/link.txt", // symlink pointing outside the root
		"/.secret",
		"/sub/.secret",
	} {
		resp, body := get(t, "GET", srv.URL+path, "identity")
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, resp.StatusCode)
		}
		if bytes.Contains(body, []byte("outside")) || bytes.Contains(body, []byte("dot file")) {
			t.Errorf("%s: leaked a file: %q", path, body)
		}
	}
}

func TestFolderServesItsIndexWithoutListing(t *testing.T) {
	srv, _ := site(t)
	for _, path := range []string{"/sub/", "/sub"} {
		resp, body := get(t, "GET", srv.URL+path, "identity")
		if resp.StatusCode != http.StatusOK || string(body) != "sub index" {
			t.Errorf("%s: status %d body %q", path, resp.StatusCode, body)
		}
	}
}

func TestMethodNotAllowed(t *testing.T) {
	srv, _ := site(t)
	resp, _ := get(t, "POST", srv.URL+"/index.html", "")
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", resp.StatusCode)
	}
}

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"":                  false,
		"gzip":              true,
		"GZIP":              true,
		"deflate, gzip;q=1": true,
		"gzip;q=0":          false,
		"gzip; q=0.0":       false,
		"gzip;q=0.5":        true,
		"br":                false,
		"*;q=0":             false,
		"x-gzip":            false,
	} {
		if got := acceptsGzip(header); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
}
