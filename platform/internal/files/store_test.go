package files

import (
	"os"
	"path/filepath"
	"testing"
)

func TestStoreRoundTrip(t *testing.T) {
	s := Store{Dir: filepath.Join(t.TempDir(), "digit-trainer")}
	if _, ok := s.Get("dataset"); ok {
		t.Fatal("empty store returned a value")
	}
	want := []byte{0, 1, 2, 255, '\n'}
	if err := s.Put("dataset", want); err != nil {
		t.Fatal(err)
	}
	got, ok := s.Get("dataset")
	if !ok || string(got) != string(want) {
		t.Fatalf("Get = %v, %v; want %v", got, ok, want)
	}
	if err := s.Put("dataset", []byte("v2")); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get("dataset"); string(got) != "v2" {
		t.Fatalf("after overwrite Get = %q", got)
	}
	if err := s.Delete("dataset"); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get("dataset"); ok {
		t.Fatal("value still there after Delete")
	}
	if err := s.Delete("dataset"); err != nil {
		t.Fatalf("deleting a missing key: %v", err)
	}
}

func TestStoreBadKeys(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	for _, key := range []string{"", "../x", "a/b", ".hidden", "a b"} {
		if err := s.Put(key, []byte("x")); err == nil {
			t.Errorf("Put(%q) accepted", key)
		}
		if _, ok := s.Get(key); ok {
			t.Errorf("Get(%q) found a value", key)
		}
	}
	if err := (Store{}).Put("k", nil); err == nil {
		t.Error("store without a folder accepted a value")
	}
}

func TestStoreUnwritable(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// Dir is a path below a regular file, so it can never be created.
	s := Store{Dir: filepath.Join(blocker, "digit-trainer")}
	if err := s.Put("k", []byte("x")); err == nil {
		t.Fatal("Put into an impossible folder succeeded")
	}
}
