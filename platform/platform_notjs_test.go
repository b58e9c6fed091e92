//go:build !js

package platform

import (
	"os"
	"path/filepath"
	"testing"
)

// These tests import Ebiten through the package: run them with
// `xvfb-run -a go test ./platform/`. The logic itself is tested without a
// display in internal/files.

func TestDesktopSaveAndStore(t *testing.T) {
	saveDirOverride = filepath.Join(t.TempDir(), "Digit Trainer")
	storeDirOverride = filepath.Join(t.TempDir(), "digit-trainer")
	t.Cleanup(func() { saveDirOverride, storeDirOverride = "", "" })

	where, err := Save("model.safetensors", []byte("a"))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(SaveDir(), "model.safetensors"); where != want {
		t.Fatalf("saved to %s, want %s", where, want)
	}
	where2, err := Save("model.safetensors", []byte("b"))
	if err != nil || filepath.Base(where2) != "model-2.safetensors" {
		t.Fatalf("second save: %s, %v", where2, err)
	}
	if b, _ := os.ReadFile(where); string(b) != "a" {
		t.Fatal("the second save overwrote the first")
	}

	if err := StorePut("autosave", []byte("work")); err != nil {
		t.Fatal(err)
	}
	if b, ok := StoreGet("autosave"); !ok || string(b) != "work" {
		t.Fatalf("StoreGet = %q, %v", b, ok)
	}
	StoreDelete("autosave")
	if _, ok := StoreGet("autosave"); ok {
		t.Fatal("value survived StoreDelete")
	}
}

func TestDesktopStatusAndPicker(t *testing.T) {
	SetStatus(`{"frame":1}`, "Prediction: 1")
	if j, live := Status(); j != `{"frame":1}` || live != "Prediction: 1" {
		t.Fatalf("Status() = %q, %q", j, live)
	}
	if OpenFilePicker() {
		t.Fatal("the desktop claims a file picker")
	}
	if IsBrowser() || SaveDir() == "" {
		t.Fatal("desktop build reports a browser")
	}
	Poll() // outside RunGame there is no drop; it must not block or panic
	if fs := PendingFiles(); len(fs) != 0 {
		t.Fatalf("files from nowhere: %v", fs)
	}
}
