package files

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"

	"digittrainer/i18n"
)

// Entry is one file read from a drop: its name and bytes, or why it was not
// read. It is platform.File, which the browser's reader fills too.
type Entry struct {
	Name string
	Data []byte
	Err  error
	// Batch numbers the pick or drop the file came with, and Of is how
	// many files it brought: several files at once are pooled into the
	// drawings as one step (the browser delivers them one by one).
	Batch, Of int
}

// ReadTop reads the files at the root of fsys (what ebiten.DroppedFiles
// returns: the dropped files and folders). A file over MaxFileSize is refused
// by its size before it is read; a folder is refused with a hint, since a
// folder of files is not something the app loads. Entries come sorted by name.
func ReadTop(fsys fs.FS) []Entry {
	if fsys == nil {
		return nil
	}
	des, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return []Entry{{Name: i18n.T("dropped files"), Err: fmt.Errorf("platform: %s: %w", i18n.T("cannot read the dropped files"), err)}}
	}
	sort.Slice(des, func(i, j int) bool { return des[i].Name() < des[j].Name() })
	out := make([]Entry, 0, len(des))
	for _, de := range des {
		e := readOne(fsys, de)
		e.Of = len(des)
		out = append(out, e)
	}
	return out
}

func readOne(fsys fs.FS, de fs.DirEntry) Entry {
	name := de.Name()
	if de.IsDir() {
		return Entry{Name: name, Err: errors.New("platform: " + i18n.Sprintf("%s is a folder; drop the files inside it instead", name))}
	}
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return Entry{Name: name, Err: fmt.Errorf("platform: %s: %w", i18n.Sprintf("cannot read %s", name), err)}
	}
	if err := CheckSize(name, info.Size()); err != nil {
		return Entry{Name: name, Err: err}
	}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return Entry{Name: name, Err: fmt.Errorf("platform: %s: %w", i18n.Sprintf("cannot read %s", name), err)}
	}
	if err := CheckSize(name, int64(len(b))); err != nil { // grew after Stat
		return Entry{Name: name, Err: err}
	}
	return Entry{Name: name, Data: b}
}
