package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"digittrainer/i18n"
)

// maxSuffix bounds the search for a free name ("model-2.safetensors", …) so a
// folder full of saves cannot loop forever.
const maxSuffix = 1000

// WriteAtomic replaces path with data so that a reader (or a crash) sees
// either the old file or the whole new one, never half of it: it writes a
// temporary file in the same directory, syncs it to disk and renames it over
// path. The directory must exist.
func WriteAtomic(path string, data []byte) error {
	tmp, err := writeTemp(filepath.Dir(path), filepath.Base(path), data)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("platform: %s: %w", i18n.Sprintf("saving %s", path), err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// SaveNew writes data atomically into dir under name, or under name with a
// -2, -3, … suffix before the extension when that name is taken, so an older
// save is never overwritten. It creates dir if needed and returns the path
// written.
func SaveNew(dir, name string, data []byte) (string, error) {
	name, err := CleanName(name)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("platform: %s: %w", i18n.Sprintf("cannot create the folder %s", dir), err)
	}
	tmp, err := writeTemp(dir, name, data)
	if err != nil {
		return "", err
	}
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; i <= maxSuffix; i++ {
		cand := name
		if i > 1 {
			cand = stem + "-" + strconv.Itoa(i) + ext
		}
		path := filepath.Join(dir, cand)
		// Between this check and the rename another program could create
		// the same name; only this app writes here, one save at a time.
		if _, err := os.Lstat(path); err == nil {
			continue
		} else if !errors.Is(err, fs.ErrNotExist) {
			os.Remove(tmp)
			return "", fmt.Errorf("platform: %s: %w", i18n.Sprintf("saving %s", path), err)
		}
		if err := os.Rename(tmp, path); err != nil {
			os.Remove(tmp)
			return "", fmt.Errorf("platform: %s: %w", i18n.Sprintf("saving %s", path), err)
		}
		syncDir(dir)
		return path, nil
	}
	os.Remove(tmp)
	return "", errors.New("platform: " + i18n.Sprintf("%s already has %d files named like %s; move some away", dir, maxSuffix, name))
}

// CleanName returns name as a plain file name: no folders, not hidden, not
// empty. Separators become '-', so a name can never point outside the folder.
func CleanName(name string) (string, error) {
	name = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < ' ' {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	name = strings.TrimLeft(name, ".")
	if name == "" {
		return "", errors.New("platform: " + i18n.Mark("empty file name"))
	}
	return name, nil
}

// writeTemp writes data to a new hidden temporary file in dir, synced to
// disk, and returns its path.
func writeTemp(dir, name string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("platform: %s: %w", i18n.Sprintf("cannot write in %s", dir), err)
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("platform: %s: %w", i18n.Sprintf("writing %s", filepath.Join(dir, name)), err)
	}
	return tmp, nil
}

// syncDir makes a rename in dir durable. Errors are ignored: some systems
// (Windows) cannot open a directory for syncing, and the file itself is
// already on disk.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
