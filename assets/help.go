package assets

import (
	"embed"
	"io/fs"
)

// helpFiles are the help cards (one plain-text file per card, see
// tour.ParseHelp for the layout) and the tour's step texts: the English
// ones in help/, each other language's in help/<lang>/ under the same
// names. A language's directory is matched by a pattern rather than named,
// so a language whose files are not written yet still builds; the tests of
// package tour say what it lacks.
//
//go:embed help/*.txt help/*/*.txt
var helpFiles embed.FS

// Help returns the English help texts as a file system rooted at
// assets/help, so a card is read as "grid.txt". Package tour parses them.
func Help() fs.FS {
	return sub("help")
}

// HelpLang returns the help texts of language lang (a base code such as
// "fr") as a file system holding the same file names as Help: only the
// files written for that language, none when it has no directory. "en" and
// "" give Help. Package tour fills what a language lacks from English.
func HelpLang(lang string) fs.FS {
	if lang == "" || lang == "en" {
		return Help()
	}
	if !fs.ValidPath(lang) {
		// Not a directory name: no texts rather than a panic.
		return sub("help/-")
	}
	return sub("help/" + lang)
}

// sub returns helpFiles rooted at dir, which may not exist.
func sub(dir string) fs.FS {
	s, err := fs.Sub(helpFiles, dir)
	if err != nil {
		// fs.Sub fails only for an invalid path, and dir is checked.
		panic("assets: " + err.Error())
	}
	return s
}
