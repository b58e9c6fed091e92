package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// The wasm is built once and downloaded by every student, over school
// networks, so it is compressed as hard as gzip allows: with zopfli (a
// gzip encoder that searches much longer; Debian's zopfli, which
// scripts/deps.sh installs) when it is there, 4–5% smaller than Go's
// compress/gzip at its best level (BENCHMARKS.md, "Download size"); else
// with compress/gzip. Either way it is plain gzip: browsers and
// DecompressionStream read both. zopfli takes about half a minute on the
// app's wasm, so its output is kept in the temporary folder by the wasm's
// hash: building the page and the classroom file compresses once.
// DT_GZIP=go skips zopfli.

// gzipBytes compresses b for download.
func gzipBytes(b []byte) ([]byte, error) {
	if os.Getenv("DT_GZIP") != "go" {
		if path, err := exec.LookPath("zopfli"); err == nil {
			return zopfli(path, b)
		}
	}
	return goGzip(b)
}

// goGzip is compress/gzip at its best level.
func goGzip(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// zopfli runs the zopfli command on b (one iteration: more gain a few
// hundred bytes for minutes), or takes its earlier output for the same
// bytes from the cache. Its output is checked to give b back.
func zopfli(path string, b []byte) ([]byte, error) {
	sum := sha256.Sum256(b)
	cache := filepath.Join(os.TempDir(), "digit-trainer-zopfli-"+hex.EncodeToString(sum[:12])+".gz")
	if gz, err := os.ReadFile(cache); err == nil && gives(gz, b) {
		return gz, nil
	}
	in, err := os.CreateTemp("", "digit-trainer-*.wasm")
	if err != nil {
		return nil, fmt.Errorf("bundle: %w", err)
	}
	defer os.Remove(in.Name())
	if _, err := in.Write(b); err != nil {
		in.Close()
		return nil, fmt.Errorf("bundle: %w", err)
	}
	in.Close()
	var out, stderr bytes.Buffer
	cmd := exec.Command(path, "--gzip", "--i1", "-c", in.Name())
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("bundle: zopfli: %v: %s", err, stderr.String())
	}
	gz := out.Bytes()
	if !gives(gz, b) {
		return nil, fmt.Errorf("bundle: zopfli's output does not decompress to its input")
	}
	_ = os.WriteFile(cache, gz, 0o644) // a cache: without it the next build compresses again
	return gz, nil
}

// gives reports whether gz decompresses to b.
func gives(gz, b []byte) bool {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return false
	}
	got, err := io.ReadAll(zr)
	return err == nil && bytes.Equal(got, b)
}
