package assets

import (
	"embed"
	"io/fs"
)

// helpFiles are the help cards (one plain-text file per card, see
// tour.ParseCard for the layout) and the tour's step texts.
//
//go:embed help/*.txt
var helpFiles embed.FS

// Help returns the help texts as a file system rooted at assets/help, so
// a card is read as "grid.txt". Package tour parses them.
func Help() fs.FS {
	sub, err := fs.Sub(helpFiles, "help")
	if err != nil {
		// fs.Sub fails only for an invalid path, and "help" is a constant.
		panic("assets: " + err.Error())
	}
	return sub
}
