package files

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadTop(t *testing.T) {
	fsys := fstest.MapFS{
		"b.csv":             {Data: []byte("label,p0\n")},
		"a.json":            {Data: []byte("[]")},
		"folder/inside.csv": {Data: []byte("x")},
		"empty.bin":         {Data: nil},
	}
	got := ReadTop(fsys)
	var names []string
	for _, e := range got {
		names = append(names, e.Name)
	}
	if strings.Join(names, " ") != "a.json b.csv empty.bin folder" {
		t.Fatalf("entries %v", names)
	}
	if string(got[0].Data) != "[]" || got[0].Err != nil {
		t.Errorf("a.json = %q, %v", got[0].Data, got[0].Err)
	}
	if got[2].Err != nil || len(got[2].Data) != 0 {
		t.Errorf("empty file: %v (the loader, not the reader, refuses it)", got[2].Err)
	}
	if got[3].Err == nil || !strings.Contains(got[3].Err.Error(), "folder") {
		t.Errorf("folder entry error = %v", got[3].Err)
	}
	if ReadTop(nil) != nil {
		t.Error("nil FS gave entries")
	}
}

// hugeFS lists one file, "big.bin", whose Stat claims 50 MB and whose
// reads fail: it stands for a huge file on disk and proves a too-large file is
// refused by its size, before it is read.
type hugeFS struct{ fstest.MapFS }

var errRead = errors.New("read called on a file that should be refused unread")

func (h hugeFS) Stat(name string) (fs.FileInfo, error) {
	f, err := h.Open(name)
	if err != nil {
		return nil, err
	}
	return f.Stat()
}

func (h hugeFS) Open(name string) (fs.File, error) {
	f, err := h.MapFS.Open(name)
	if err != nil || name != "big.bin" {
		return f, err
	}
	return hugeFile{f}, nil
}

type hugeFile struct{ fs.File }

func (f hugeFile) Stat() (fs.FileInfo, error) {
	info, err := f.File.Stat()
	return hugeInfo{info}, err
}
func (hugeFile) Read([]byte) (int, error) { return 0, errRead }

type hugeInfo struct{ fs.FileInfo }

func (hugeInfo) Size() int64 { return 50 << 20 }

func TestReadTopRefusesLargeBeforeReading(t *testing.T) {
	fsys := hugeFS{fstest.MapFS{"big.bin": {Data: []byte("tiny")}}}
	got := ReadTop(fsys)
	var tl *TooLargeError
	if len(got) != 1 || !errors.As(got[0].Err, &tl) || got[0].Data != nil {
		t.Fatalf("got %+v, want a TooLargeError and no data", got)
	}
	if tl.Name != "big.bin" || tl.Size != 50<<20 {
		t.Fatalf("error %+v", tl)
	}
}
