package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

const usage = `usage:
  bundle web -html index.html -wasm dist/web/digit-trainer.wasm -out dist/web/index.html
  bundle classroom -html index.html -wasm FILE.wasm -wasm-exec wasm_exec.js -out dist/digit-trainer.html
  bundle csp [-fix] index.html`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "web":
		err = web(os.Args[2:])
	case "classroom":
		err = classroom(os.Args[2:])
	case "csp":
		err = csp(os.Args[2:])
	default:
		fmt.Fprintln(os.Stderr, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func parse(fs *flag.FlagSet, args []string, required ...string) {
	fs.Usage = func() { fmt.Fprintln(os.Stderr, usage) }
	if err := fs.Parse(args); err != nil {
		os.Exit(2)
	}
	for _, name := range required {
		if fs.Lookup(name).Value.String() == "" {
			fmt.Fprintf(os.Stderr, "bundle %s: -%s is required\n%s\n", fs.Name(), name, usage)
			os.Exit(2)
		}
	}
}

func web(args []string) error {
	fs := flag.NewFlagSet("web", flag.ContinueOnError)
	htmlPath := fs.String("html", "index.html", "page template")
	wasmPath := fs.String("wasm", "", "the built wasm; digit-trainer.wasm.gz is written beside it")
	out := fs.String("out", "", "page to write")
	parse(fs, args, "wasm", "out")
	tmpl, err := os.ReadFile(*htmlPath)
	if err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	wasm, err := os.ReadFile(*wasmPath)
	if err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	rel, err := filepath.Rel(filepath.Dir(*out), *wasmPath)
	if err != nil {
		return fmt.Errorf("bundle: the wasm must sit under the page's folder: %w", err)
	}
	page, err := renderWeb(tmpl, filepath.ToSlash(rel), len(wasm))
	if err != nil {
		return err
	}
	gz, err := gzipBytes(wasm)
	if err != nil {
		return err
	}
	if err := writeFile(*wasmPath+".gz", gz); err != nil {
		return err
	}
	return writeFile(*out, page)
}

func classroom(args []string) error {
	fs := flag.NewFlagSet("classroom", flag.ContinueOnError)
	htmlPath := fs.String("html", "index.html", "page template")
	wasmPath := fs.String("wasm", "", "the built wasm")
	execPath := fs.String("wasm-exec", "wasm_exec.js", "Go's wasm_exec.js, from $(go env GOROOT)/lib/wasm")
	out := fs.String("out", "", "single file to write")
	parse(fs, args, "wasm", "out")
	var files [3][]byte
	for i, p := range []string{*htmlPath, *wasmPath, *execPath} {
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("bundle: %w", err)
		}
		files[i] = b
	}
	page, err := renderClassroom(files[0], files[1], files[2])
	if err != nil {
		return err
	}
	return writeFile(*out, page)
}

func csp(args []string) error {
	fs := flag.NewFlagSet("csp", flag.ContinueOnError)
	fix := fs.Bool("fix", false, "rewrite the file instead of only checking it")
	parse(fs, args)
	if fs.NArg() != 1 {
		fmt.Fprintln(os.Stderr, usage)
		os.Exit(2)
	}
	path := fs.Arg(0)
	page, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	ok, fixed, err := cspCurrent(page, webPolicy)
	switch {
	case err != nil:
		return err
	case ok:
		return nil
	case *fix:
		return writeFile(path, fixed)
	default:
		return fmt.Errorf("bundle: the Content-Security-Policy in %s does not match its inline scripts; run `make csp`", path)
	}
}

// writeFile replaces path atomically, so a served page is never half written.
func writeFile(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".bundle-*")
	if err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("bundle: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	return nil
}
