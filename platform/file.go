package platform

import (
	"sync"

	"digittrainer/i18n"
	"digittrainer/platform/internal/files"
)

// MaxFileSize is the largest file PendingFiles delivers (32 MiB, the same as
// data.MaxFileSize and checkpoint.MaxFileSize). Bigger files arrive with a
// *TooLargeError and no bytes: they are refused before being read.
const MaxFileSize = files.MaxFileSize

// TooLargeError is the error of a File refused for its size. Its text names
// the file, its size and the limit.
type TooLargeError = files.TooLargeError

// File is one file the user picked or dropped: its name and bytes, or Err
// when it could not be read (too large, a folder, a read error). Data is nil
// when Err is set. It is the type the desktop's drop reader returns, so a
// drop is queued as read, without copying field by field.
type File = files.Entry

// batch counts picks and drops, for File.Batch.
var batch int

// inbox holds files that arrived since the last PendingFiles. Browser
// callbacks and the game loop both touch it, hence the mutex; every hold is
// a slice append or swap, so a callback never waits long.
type inbox struct {
	mu    sync.Mutex
	files []File
}

func (q *inbox) push(f File) {
	q.mu.Lock()
	q.files = append(q.files, f)
	q.mu.Unlock()
}

func (q *inbox) drain() []File {
	q.mu.Lock()
	defer q.mu.Unlock()
	fs := q.files
	q.files = nil
	return fs
}

var pending inbox

// PendingFiles returns the files picked or dropped since the last call, in
// arrival order, and forgets them. Call it from Update after Poll.
func PendingFiles() []File {
	return pending.drain()
}

// ReadError is the error of a File whose bytes could not be read (the
// browser refused, or the file changed or vanished after it was chosen).
type ReadError struct {
	Name   string
	Reason string
}

// Error says it in the language in use; Reason is the browser's words.
func (e *ReadError) Error() string {
	return "platform: " + i18n.Sprintf("could not read %s (%s)", e.Name, e.Reason)
}
