//go:build !js

package platform

import (
	"os"
	"path/filepath"

	"digittrainer/platform/internal/files"
)

// saveDirOverride and storeDirOverride replace SaveDir and the store folder
// when set (tests, or a future command-line flag).
var saveDirOverride, storeDirOverride string

// SaveDir is the folder Save writes into, shown to the user: "Digit Trainer"
// inside the Documents folder when there is one, else "DigitTrainer" in the
// home folder, else the working directory. It is created by the first Save.
func SaveDir() string {
	if saveDirOverride != "" {
		return saveDirOverride
	}
	home, err := os.UserHomeDir()
	if err != nil {
		if wd, err := os.Getwd(); err == nil {
			return wd
		}
		return "."
	}
	if info, err := os.Stat(filepath.Join(home, "Documents")); err == nil && info.IsDir() {
		return filepath.Join(home, "Documents", "Digit Trainer")
	}
	return filepath.Join(home, "DigitTrainer")
}

// Save writes data atomically into SaveDir as name, adding -2, -3, … before
// the extension rather than overwriting an earlier save. It returns the path
// written.
func Save(name string, data []byte) (where string, err error) {
	return files.SaveNew(SaveDir(), name, data)
}

// store is where autosave keeps its keys: os.UserConfigDir()/digit-trainer
// (~/.config/digit-trainer on Linux).
func store() files.Store {
	if storeDirOverride != "" {
		return files.Store{Dir: storeDirOverride}
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return files.Store{} // every call then reports the missing folder
	}
	return files.Store{Dir: filepath.Join(dir, "digit-trainer")}
}

// StoreGet returns the value autosaved under key, if any.
func StoreGet(key string) ([]byte, bool) { return store().Get(key) }

// StorePut autosaves b under key, replacing the old value atomically.
func StorePut(key string, b []byte) error { return store().Put(key, b) }

// StoreDelete forgets key ("start fresh"). Errors are dropped: a value that
// cannot be deleted is simply found again next start.
func StoreDelete(key string) { _ = store().Delete(key) }
