package files

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, de := range des {
		names = append(names, de.Name())
	}
	return names
}

func TestSaveNewSuffixes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Digit Trainer") // created on demand
	var paths []string
	for i, content := range []string{"first", "second", "third"} {
		p, err := SaveNew(dir, "model.safetensors", []byte(content))
		if err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
		paths = append(paths, filepath.Base(p))
	}
	want := []string{"model.safetensors", "model-2.safetensors", "model-3.safetensors"}
	if !slices.Equal(paths, want) {
		t.Fatalf("saved as %v, want %v", paths, want)
	}
	for i, name := range want {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if got := string(b); got != []string{"first", "second", "third"}[i] {
			t.Errorf("%s holds %q: an earlier save was overwritten", name, got)
		}
	}
	// No temporary files are left behind.
	if got := dirNames(t, dir); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Fatalf("folder holds %v, want only %v", got, want)
	}
}

func TestSaveNewNoExtension(t *testing.T) {
	dir := t.TempDir()
	for range 2 {
		if _, err := SaveNew(dir, "notes", []byte("x")); err != nil {
			t.Fatal(err)
		}
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"notes", "notes-2"}) {
		t.Fatalf("got %v", got)
	}
}

func TestSaveNewCleansName(t *testing.T) {
	dir := t.TempDir()
	p, err := SaveNew(dir, "../../etc/passwd", []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(p) != dir {
		t.Fatalf("saved outside the folder: %s", p)
	}
	if _, err := SaveNew(dir, " ..", []byte("x")); err == nil {
		t.Fatal("empty name after cleaning was accepted")
	}
}

func TestWriteAtomicReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "settings")
	for _, s := range []string{"old", "new"} {
		if err := WriteAtomic(path, []byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "new" {
		t.Fatalf("read %q, %v; want \"new\"", b, err)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"settings"}) {
		t.Fatalf("folder holds %v", got)
	}
}

func TestWriteAtomicMissingDir(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "f")
	if err := WriteAtomic(path, []byte("x")); err == nil {
		t.Fatal("write into a missing folder succeeded")
	}
}
