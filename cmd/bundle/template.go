package main

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"regexp"
	"strconv"
)

// Region names used in index.html.
const (
	regionCSP      = "csp"
	regionWasm     = "wasm"
	regionWasmExec = "wasm-exec"
)

// errMarker is wrapped by every error about index.html's markers.
var errMarker = errors.New("bundle: index.html markers")

// replaceRegion swaps the text between <!--bundle:name--> and <!--/bundle:name--> (the
// markers are kept, so the output can be checked and rendered again).
func replaceRegion(page []byte, name string, content string) ([]byte, error) {
	open := []byte("<!--bundle:" + name + "-->")
	end := []byte("<!--/bundle:" + name + "-->")
	i := bytes.Index(page, open)
	if i < 0 || bytes.Count(page, open) != 1 || bytes.Count(page, end) != 1 {
		return nil, fmt.Errorf("%w: need exactly one %s … %s pair", errMarker, open, end)
	}
	j := bytes.Index(page, end)
	if j < i {
		return nil, fmt.Errorf("%w: %s comes before %s", errMarker, end, open)
	}
	out := make([]byte, 0, len(page)+len(content))
	out = append(out, page[:i+len(open)]...)
	out = append(out, content...)
	out = append(out, page[j:]...)
	return out, nil
}

// wasmMeta is the web page's pointer to the wasm file; size is the uncompressed length.
func wasmMeta(name string, size int) string {
	return `<meta id="wasm-source" name="digit-trainer-wasm" content="` + html.EscapeString(name) +
		`" data-size="` + strconv.Itoa(size) + `">`
}

// renderWeb returns the page for a static host: the wasm named by file, its size built in.
func renderWeb(tmpl []byte, wasmName string, wasmSize int) ([]byte, error) {
	page, err := replaceRegion(tmpl, regionWasm, wasmMeta(wasmName, wasmSize))
	if err != nil {
		return nil, err
	}
	return withCSP(page, webPolicy)
}

// scriptEnd finds text that would end or confuse an inline <script> element early.
var scriptEnd = regexp.MustCompile(`(?i)</script|<!--`)

// renderClassroom returns the offline single file: wasm_exec.js inline, the wasm gzipped and
// base64-encoded inside a data block the loader decodes with DecompressionStream.
func renderClassroom(tmpl, wasm, wasmExec []byte) ([]byte, error) {
	if scriptEnd.Match(wasmExec) {
		return nil, errors.New("bundle: wasm_exec.js contains </script or <!--, which cannot be inlined")
	}
	if !bytes.HasPrefix(wasm, []byte("\x00asm")) {
		return nil, errors.New("bundle: the -wasm file is not WebAssembly (no \\0asm header)")
	}
	gz, err := gzipBytes(wasm)
	if err != nil {
		return nil, err
	}
	payload := `<script type="application/octet-stream" id="wasm-source" data-encoding="gzip+base64" data-size="` +
		strconv.Itoa(len(wasm)) + `">` + base64.StdEncoding.EncodeToString(gz) + `</script>`
	page, err := replaceRegion(tmpl, regionWasm, payload)
	if err != nil {
		return nil, err
	}
	if page, err = replaceRegion(page, regionWasmExec, "<script>"+string(wasmExec)+"</script>"); err != nil {
		return nil, err
	}
	return withCSP(page, classroomPolicy)
}
