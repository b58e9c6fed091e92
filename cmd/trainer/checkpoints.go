package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"digittrainer/checkpoint"
)

// epochFiles are the checkpoints -checkpoint-every writes while a run
// trains, so that a long run stopped by a crash or Ctrl-C can be resumed
// (-init) from the last one rather than started again.
type epochFiles struct {
	dir   string
	every int
	model func() *checkpoint.Model // the run as it stands
}

// newEpochFiles makes dir (a missing folder is created), before training
// starts, so that a folder that cannot be made fails the run at once
// rather than after the first K epochs. It returns nil when every is 0:
// no files are wanted.
func newEpochFiles(dir string, every int, model func() *checkpoint.Model) (*epochFiles, error) {
	if every == 0 {
		return nil, nil
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("-checkpoint-dir %s is a file, not a folder", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fileErr(dir, err)
	}
	return &epochFiles{dir: dir, every: every, model: model}, nil
}

// epochFile names the file of epoch, counted from the run's very start (a
// resumed run goes on numbering), zero-padded so that the files sort in
// order.
func epochFile(epoch int) string {
	return fmt.Sprintf("epoch-%04d.safetensors", epoch)
}

// save writes the checkpoint after epoch when epoch is a multiple of every,
// through writeFile (a file being written never replaces a whole one), and
// returns what the epoch's line adds: the file and how long it took, since
// saving slows a run down and the user decides how often.
func (f *epochFiles) save(epoch int) (string, error) {
	if f == nil || epoch%f.every != 0 {
		return "", nil
	}
	begin := time.Now()
	name := epochFile(epoch)
	b, err := encodeModel(name, f.model())
	if err != nil {
		return "", err
	}
	if err := writeFile(filepath.Join(f.dir, name), b); err != nil {
		return "", err
	}
	return fmt.Sprintf("  saved %s in %.1f ms", name, float64(time.Since(begin).Microseconds())/1e3), nil
}
