package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"digittrainer/checkpoint"
	"digittrainer/data"
)

// starterName is the -data value that selects the built-in starter set.
const starterName = "starter"

// hasStarter reports whether data.Starter has a set with this many classes. The commands
// ask before loading, so that their message names the flag or the model that chose the size.
func hasStarter(classes int) bool { return classes == 2 || classes == 10 }

// readFile reads a user's file, refusing one too large to be a checkpoint or
// dataset before reading it.
func readFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fileErr(path, err)
	}
	if info.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a file", path)
	}
	if info.Size() > checkpoint.MaxFileSize {
		return nil, fmt.Errorf("%s is %d MB, larger than the %d MB a checkpoint or dataset can be", path, info.Size()>>20, checkpoint.MaxFileSize>>20)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fileErr(path, err)
	}
	return b, nil
}

func fileErr(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: no such file", path)
	}
	return fmt.Errorf("%s: %v", path, err)
}

// loadModel reads a checkpoint in either format.
func loadModel(path string) (*checkpoint.Model, checkpoint.Kind, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, 0, err
	}
	l, err := checkpoint.Load(b)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	if l.Model == nil {
		return nil, 0, fmt.Errorf("%s is a %s, not a checkpoint (a .safetensors file or an original-app .json checkpoint)", path, l.Kind)
	}
	return l.Model, l.Kind, nil
}

// loadData reads a dataset: "starter", a CSV or JSON dataset, or a
// checkpoint that has one saved in it. classes picks the starter set's size.
func loadData(path string, classes int) (*data.Dataset, error) {
	if path == starterName {
		d, err := data.Starter(classes)
		if err != nil {
			return nil, fmt.Errorf("starter set: %w", err)
		}
		return d, nil
	}
	b, err := readFile(path)
	if err != nil {
		return nil, err
	}
	l, err := checkpoint.Load(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if l.Data == nil {
		return nil, fmt.Errorf("%s is a %s without a saved dataset; give a CSV or JSON dataset", path, l.Kind)
	}
	return l.Data, nil
}

// writeFile replaces path with b through a temporary file in the same
// folder, so an interrupted run never leaves half a checkpoint behind: the
// old file stays until the new one is whole. The temporary file is synced
// before the rename, because a file system may otherwise put the rename on
// disk before the data, and a power cut then leaves an empty file under
// the real name. The folder is not synced: losing the rename only keeps
// the previous file, which is what the caller already had.
func writeFile(path string, b []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fileErr(path, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	if err := tmp.Chmod(fileMode(path)); err != nil {
		tmp.Close()
		return fileErr(path, err)
	}
	if _, err := tempWriter(tmp).Write(b); err != nil {
		tmp.Close()
		return fileErr(path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fileErr(path, err)
	}
	if err := tmp.Close(); err != nil {
		return fileErr(path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fileErr(path, err)
	}
	return nil
}

// fileMode is the permissions writeFile gives path: a file it replaces
// keeps its own; a new one is readable by all, as os.WriteFile makes it
// under the usual umask, not private as a temporary file starts, so that
// a checkpoint copied to a class share can be opened by the class.
func fileMode(path string) fs.FileMode {
	if info, err := os.Stat(path); err == nil {
		return info.Mode().Perm()
	}
	return 0o644
}

// tempWriter is what writeFile writes the temporary file through: the file
// itself, except in tests that interrupt a write part-way.
var tempWriter = func(f *os.File) io.Writer { return f }

// ext returns path's lower-case extension: ".safetensors", ".json", ".csv".
func ext(path string) string { return strings.ToLower(filepath.Ext(path)) }

// encodeModel renders m in the format path's extension names.
func encodeModel(path string, m *checkpoint.Model) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch ext(path) {
	case ".safetensors":
		err = checkpoint.EncodeSafetensors(&buf, m)
	case ".json":
		err = checkpoint.EncodeBDT(&buf, m)
	default:
		return nil, usagef("%s: a checkpoint is saved as .safetensors or .json (original app)", path)
	}
	return buf.Bytes(), err
}

// encodeData renders d as CSV or the original app's JSON by path's extension.
func encodeData(path string, d *data.Dataset) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch ext(path) {
	case ".csv":
		err = data.WriteCSV(&buf, d)
	case ".json":
		err = data.WriteJSON(&buf, d)
	default:
		return nil, usagef("%s: a dataset is saved as .csv or .json", path)
	}
	return buf.Bytes(), err
}
