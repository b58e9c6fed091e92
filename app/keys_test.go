package app

import (
	"io/fs"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/assets"
)

// cardSpelling is how the key card (assets/help/keys.txt) writes a key.
var cardSpelling = map[ebiten.Key]string{
	ebiten.KeyBackspace: "Backspace", ebiten.KeyDelete: "Delete", ebiten.KeyEnter: "Enter",
	ebiten.KeyNumpadEnter: "Enter", ebiten.KeySpace: "Space", ebiten.KeyTab: "Tab",
	ebiten.KeyBracketLeft: "[", ebiten.KeyBracketRight: "]", ebiten.KeyEqual: "+",
	ebiten.KeyMinus: "−", ebiten.KeyPageDown: "Page Down", ebiten.KeyPageUp: "Page Up",
	ebiten.KeyEscape: "Escape", ebiten.KeyF1: "F1", ebiten.KeySlash: "?", ebiten.KeyPeriod: ".", ebiten.KeyComma: ",",
}

// TestKeysCardNamesEveryBinding derives the key card's contents from the
// bindings themselves, so a new key cannot go unexplained.
func TestKeysCardNamesEveryBinding(t *testing.T) {
	b, err := fs.ReadFile(assets.Help(), "keys.txt")
	if err != nil {
		t.Fatal(err)
	}
	card := string(b)
	for _, bd := range bindings {
		name, ok := cardSpelling[bd.key]
		if !ok {
			name = strings.TrimPrefix(bd.key.String(), "Key") // letters: "KeyP" → "P"
		}
		switch {
		case bd.key == ebiten.KeySlash: // Shift+/ is typed "?"
		case bd.ctrl && bd.shift:
			name = "Ctrl+Shift+" + name
		case bd.ctrl:
			name = "Ctrl+" + name
		case bd.shift:
			name = "Shift+" + name
		}
		if !mentions(card, name) {
			t.Errorf("keys.txt does not mention %s (bound to action %d)", name, bd.cmd.Act)
		}
	}
	for _, k := range []string{"0 to 9", "Arrows", "Right/Left", "Y"} { // digits, cursor and tour arrows, confirm
		if !mentions(card, k) {
			t.Errorf("keys.txt does not mention %q", k)
		}
	}
}

// mentions reports whether name stands in text as a word of its own, so
// that the key "H" is not found inside "Help".
func mentions(text, name string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(name)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return true
		}
		i = start + 1
	}
}
