package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// errDiskFull is the failure cutWriter injects.
var errDiskFull = errors.New("no space left on device (test)")

// cutWriter lets n bytes through, then fails as a full disk would.
type cutWriter struct {
	w io.Writer
	n int
}

func (c *cutWriter) Write(b []byte) (int, error) {
	if len(b) <= c.n {
		c.n -= len(b)
		return c.w.Write(b)
	}
	k, _ := c.w.Write(b[:c.n])
	c.n = 0
	return k, errDiskFull
}

// cutWrites makes every writeFile until the test ends fail after n bytes.
func cutWrites(t *testing.T, n int) {
	t.Helper()
	t.Cleanup(func() { tempWriter = func(f *os.File) io.Writer { return f } })
	tempWriter = func(f *os.File) io.Writer { return &cutWriter{f, n} }
}

// TestWriteFileInterrupted: a write that fails part-way keeps the file as
// it was and leaves no temporary file beside it.
func TestWriteFileInterrupted(t *testing.T) {
	const old, next = "the previous checkpoint", "a longer new checkpoint that never arrives whole"
	for _, cut := range []int{0, 1, len(next) / 2, len(next) - 1} {
		dir := t.TempDir()
		path := filepath.Join(dir, "m.safetensors")
		if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		cutWrites(t, cut)
		err := writeFile(path, []byte(next))
		if err == nil || !strings.Contains(err.Error(), path+": no space left") {
			t.Errorf("cut after %d bytes: error %v, want one naming %s and the cause", cut, err, path)
		}
		if b, _ := os.ReadFile(path); string(b) != old {
			t.Errorf("cut after %d bytes: the file now holds %q", cut, b)
		}
		if left, _ := os.ReadDir(dir); len(left) != 1 {
			t.Errorf("cut after %d bytes: %d files in the folder, want only the checkpoint", cut, len(left))
		}
	}
	// The same write, not cut, replaces the file.
	path := filepath.Join(t.TempDir(), "m.safetensors")
	cutWrites(t, len(next))
	if err := writeFile(path, []byte(next)); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != next {
		t.Errorf("uncut write left %q", b)
	}
}

// TestWriteFileMode: a new file is readable by all, not private as its
// temporary file began; a replaced file keeps its permissions.
func TestWriteFileMode(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		old  os.FileMode // 0: no file before
		want os.FileMode
	}{{"new.safetensors", 0, 0o644}, {"private.safetensors", 0o600, 0o600}, {"shared.safetensors", 0o664, 0o664}} {
		path := filepath.Join(dir, tc.name)
		if tc.old != 0 {
			os.WriteFile(path, []byte("old"), 0o644)
			os.Chmod(path, tc.old)
		}
		if err := writeFile(path, []byte("new")); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != tc.want {
			t.Errorf("%s: mode %v, want %v", tc.name, info.Mode().Perm(), tc.want)
		}
	}
}
