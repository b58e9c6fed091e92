//go:build !js

package platform

import "path/filepath"

// Fragment is "" on the desktop: a lesson link is opened with -link.
func Fragment() string { return "" }

// PageURL is the classroom file's name: a link made on the desktop opens
// the lesson in a browser beside that file.
func PageURL() string { return "digit-trainer.html" }

// OfferText writes text into a file in SaveDir (there is no clipboard the
// desktop build can reach without cgo of its own) and reports its path.
func OfferText(title, text string) (string, error) {
	name := "digit-trainer-link.txt"
	where, err := Save(name, []byte(text+"\n"))
	if err != nil {
		return "", err
	}
	return filepath.Clean(where), nil
}

// CloseOffer does nothing: the desktop's OfferText writes a file and
// shows no box.
func CloseOffer() {}
