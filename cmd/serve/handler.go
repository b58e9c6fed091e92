package main

import (
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
)

// contentTypes pins the types that matter for the page; mime.TypeByExtension depends on
// the machine's /etc/mime.types, and a wrong type for .wasm breaks streaming compilation.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".txt":         "text/plain; charset=utf-8",
	".csv":         "text/csv; charset=utf-8",
	".gz":          "application/gzip",
	".safetensors": "application/octet-stream",
}

// compressible lists the extensions worth gzipping; images and archives are already dense.
var compressible = map[string]bool{
	".html": true, ".js": true, ".mjs": true, ".css": true, ".json": true,
	".wasm": true, ".svg": true, ".txt": true, ".csv": true,
}

// uncompressedLengthHeader tells the page's progress bar how many bytes the decoded body
// has: with Content-Encoding: gzip, Content-Length counts compressed bytes while fetch
// hands the page decompressed ones.
const uncompressedLengthHeader = "X-Uncompressed-Length"

// fileServer serves the files under root; see the package doc for the rules.
type fileServer struct {
	root *os.Root
}

func newFileServer(root *os.Root) http.Handler { return &fileServer{root: root} }

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// resolve maps a URL path to a file name relative to the root, or "" when it must be a 404.
func resolve(urlPath string) string {
	p := path.Clean("/" + urlPath)
	if strings.HasSuffix(urlPath, "/") || p == "/" {
		p = path.Join(p, "index.html")
	}
	name := strings.TrimPrefix(p, "/")
	for _, seg := range strings.Split(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return ""
		}
	}
	return name
}

func (s *fileServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := resolve(r.URL.Path)
	if name == "" {
		http.NotFound(w, r)
		return
	}
	info, err := s.root.Stat(name)
	if err == nil && info.IsDir() {
		name = path.Join(name, "index.html")
		info, err = s.root.Stat(name)
	}
	if err != nil || !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}

	h := w.Header()
	h.Set("Content-Type", contentType(name))
	h.Set("X-Content-Type-Options", "nosniff")
	// Rebuilds during development must show up on reload; Last-Modified keeps it cheap.
	h.Set("Cache-Control", "no-cache")
	ext := strings.ToLower(path.Ext(name))
	if !compressible[ext] {
		s.serveFile(w, r, name, info)
		return
	}
	h.Add("Vary", "Accept-Encoding")
	if !acceptsGzip(r.Header.Get("Accept-Encoding")) {
		s.serveFile(w, r, name, info)
		return
	}
	h.Set(uncompressedLengthHeader, strconv.FormatInt(info.Size(), 10))
	if gz, err := s.root.Stat(name + ".gz"); err == nil && gz.Mode().IsRegular() && !gz.ModTime().Before(info.ModTime()) {
		h.Set("Content-Encoding", "gzip")
		s.serveFile(w, r, name+".gz", gz)
		return
	}
	s.serveGzipped(w, r, name, info)
}

// serveFile serves one regular file with http.ServeContent (ranges, If-Modified-Since).
func (s *fileServer) serveFile(w http.ResponseWriter, r *http.Request, name string, info fs.FileInfo) {
	f, err := s.root.Open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	http.ServeContent(w, r, "", info.ModTime(), f)
}

// serveGzipped compresses on the fly; ranges are ignored since the encoded length is unknown.
func (s *fileServer) serveGzipped(w http.ResponseWriter, r *http.Request, name string, info fs.FileInfo) {
	f, err := s.root.Open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Encoding", "gzip")
	h.Set("Last-Modified", info.ModTime().UTC().Format(http.TimeFormat))
	h.Del("Content-Length")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	zw := gzip.NewWriter(w)
	if _, err := io.Copy(zw, f); err != nil && !errors.Is(err, http.ErrAbortHandler) {
		// The status line is gone; all we can do is stop and let the client see a truncated body.
		return
	}
	zw.Close()
}

// acceptsGzip reports whether an Accept-Encoding value allows gzip (or *) with a non-zero q.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(part, ";")
		coding := strings.ToLower(strings.TrimSpace(fields[0]))
		if coding != "gzip" && coding != "*" {
			continue
		}
		q := 1.0
		for _, param := range fields[1:] {
			k, v, ok := strings.Cut(strings.TrimSpace(param), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		if q > 0 {
			return true
		}
	}
	return false
}
