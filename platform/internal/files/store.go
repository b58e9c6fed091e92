package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"digittrainer/i18n"
)

// Store is a key-value store of small blobs, one file per key in Dir (the
// desktop autosave: the dataset, the model and the settings). Writes are
// atomic, so a crash mid-save leaves the previous value.
type Store struct {
	Dir string
}

// Get returns the value of key and whether it was there. A missing or
// unreadable file counts as absent: autosave then starts fresh.
func (s Store) Get(key string) ([]byte, bool) {
	path, err := s.path(key)
	if err != nil {
		return nil, false
	}
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() > MaxFileSize {
		return nil, false
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	return b, true
}

// Put stores b under key, creating Dir if needed.
func (s Store) Put(key string, b []byte) error {
	path, err := s.path(key)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(s.Dir, 0o755); err != nil {
		return fmt.Errorf("platform: %s: %w", i18n.Sprintf("cannot create the folder %s", s.Dir), err)
	}
	return WriteAtomic(path, b)
}

// Delete removes key; a missing key is not an error.
func (s Store) Delete(key string) error {
	path, err := s.path(key)
	if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("platform: %w", err)
	}
	return nil
}

// path maps key to its file. Keys are chosen by the app, not the user, so a
// key that is not a plain name is a programming error reported as an error.
func (s Store) path(key string) (string, error) {
	if s.Dir == "" {
		return "", errors.New("platform: " + i18n.Mark("no folder for saved settings on this system"))
	}
	if !validKey(key) {
		return "", fmt.Errorf("platform: bad store key %q (use letters, digits, '.', '-', '_')", key)
	}
	return filepath.Join(s.Dir, key), nil
}

func validKey(key string) bool {
	if key == "" || key[0] == '.' || len(key) > 100 {
		return false
	}
	for _, r := range key {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			r == '.' || r == '-' || r == '_'
		if !ok {
			return false
		}
	}
	return true
}
