package app

import (
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
)

// The shortcuts are named by the character on the key ("T: the tour",
// "Ctrl+Z"), but Ebiten reports where a key sits on a US keyboard: on a
// German keyboard the key labelled Z is the US Y, so Ctrl+Z redid and the
// Z key answered "Yes (Y)"; on a French one "?" is the US M and switched
// to 10 classes. logicalKey turns each key into the US key that carries
// the same character on the keyboard in use (ebiten.KeyName: Chromium's
// keyboard layout map, the desktop's X11 layout), so a letter means its
// letter on QWERTZ and AZERTY too. Digits keep their place (the top row
// gives "&é\"'" on AZERTY but is where children look for 0–9). Where the
// platform cannot name keys (Firefox, Safari, the tests), places are used
// as before.

// usKeys are the US keys that type a character, by that character.
var usKeys = func() map[string]ebiten.Key {
	m := map[string]ebiten.Key{"-": ebiten.KeyMinus, "=": ebiten.KeyEqual, "[": ebiten.KeyBracketLeft,
		"]": ebiten.KeyBracketRight, ",": ebiten.KeyComma, ".": ebiten.KeyPeriod, "/": ebiten.KeySlash,
		";": ebiten.KeySemicolon, "'": ebiten.KeyQuote, "`": ebiten.KeyBackquote, "\\": ebiten.KeyBackslash}
	for k := ebiten.KeyA; k <= ebiten.KeyZ; k++ {
		m[string(rune('a'+k-ebiten.KeyA))] = k
	}
	return m
}()

// typing reports whether k types a character whose place differs between
// keyboard layouts.
func typing(k ebiten.Key) bool {
	for _, u := range usKeys {
		if u == k {
			return true
		}
	}
	return false
}

// logicalKey returns the US key that types what k types on this keyboard
// (name is ebiten.KeyName), and false for a key whose character has no US
// key (ß, ù): no shortcut is on it.
func logicalKey(k ebiten.Key, name func(ebiten.Key) string) (ebiten.Key, bool) {
	if !typing(k) {
		return k, true
	}
	n := strings.ToLower(name(k))
	if n == "" {
		return k, true // the platform does not say: the US place
	}
	u, ok := usKeys[n]
	return u, ok
}

// logicalKeys rewrites keys in place with logicalKey, dropping those that
// name no US key.
func logicalKeys(keys []ebiten.Key, name func(ebiten.Key) string) []ebiten.Key {
	out := keys[:0]
	for _, k := range keys {
		if u, ok := logicalKey(k, name); ok {
			out = append(out, u)
		}
	}
	return out
}
