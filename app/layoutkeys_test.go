package app

import (
	"slices"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// layouts are what ebiten.KeyName says for a few keys on German (QWERTZ)
// and French (AZERTY) keyboards; keys not listed type what they type in
// the US.
var layouts = map[string]map[ebiten.Key]string{
	"de": {ebiten.KeyY: "z", ebiten.KeyZ: "y", ebiten.KeyMinus: "ß", ebiten.KeySlash: "-", ebiten.KeyBracketLeft: "ü"},
	"fr": {ebiten.KeyQ: "a", ebiten.KeyA: "q", ebiten.KeyW: "z", ebiten.KeyZ: "w", ebiten.KeyM: ",", ebiten.KeySemicolon: "m",
		ebiten.KeyDigit1: "&", ebiten.KeyDigit6: "-"},
	"none": {},
}

func namer(layout string) func(ebiten.Key) string {
	return func(k ebiten.Key) string {
		if layout == "none" {
			return ""
		}
		if n, ok := layouts[layout][k]; ok {
			return n
		}
		if u, ok := logicalKeyUS(k); ok {
			return u
		}
		return ""
	}
}

// logicalKeyUS is the US character of k, for the test's layouts.
func logicalKeyUS(k ebiten.Key) (string, bool) {
	for s, u := range usKeys {
		if u == k {
			return s, true
		}
	}
	return "", false
}

func TestKeysMeanTheirLetters(t *testing.T) {
	cases := []struct {
		layout string
		in     []ebiten.Key
		want   []ebiten.Key
	}{
		// QWERTZ: the key labelled Z (US Y) is Z, so Ctrl+Z undoes; ß is no shortcut; "-" lowers η.
		{"de", []ebiten.Key{ebiten.KeyY, ebiten.KeyZ, ebiten.KeyMinus, ebiten.KeySlash, ebiten.KeyBracketLeft, ebiten.KeyT},
			[]ebiten.Key{ebiten.KeyZ, ebiten.KeyY, ebiten.KeyMinus, ebiten.KeyT}},
		// AZERTY: A is Q, the "," key is M's place, digits keep theirs.
		{"fr", []ebiten.Key{ebiten.KeyQ, ebiten.KeyM, ebiten.KeyDigit1, ebiten.KeyDigit6, ebiten.KeyEnter},
			[]ebiten.Key{ebiten.KeyA, ebiten.KeyComma, ebiten.KeyDigit1, ebiten.KeyDigit6, ebiten.KeyEnter}},
		// A platform that cannot name keys: places, as before.
		{"none", []ebiten.Key{ebiten.KeyY, ebiten.KeyMinus}, []ebiten.Key{ebiten.KeyY, ebiten.KeyMinus}},
	}
	for _, c := range cases {
		got := logicalKeys(slices.Clone(c.in), namer(c.layout))
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %v → %v, want %v", c.layout, c.in, got, c.want)
		}
	}
}

// TestQuestionMarkDoesNothingElse: "?" typed with the key of another
// shortcut under it (Shift+ß lowers η on a German keyboard, Shift+, is
// M's place on a French one) opens the keys card and nothing else.
func TestQuestionMarkDoesNothingElse(t *testing.T) {
	for _, k := range []ebiten.Key{ebiten.KeySlash, ebiten.KeyMinus, ebiten.KeyComma, ebiten.KeyM} {
		g := newTestGame(t, memStore{})
		cmds := g.keyboard(&Input{Keys: []ebiten.Key{k}, Chars: []rune{'?'}, Shift: true}, nil)
		if len(cmds) != 1 || cmds[0].Act != ActKeyList {
			t.Errorf("%v with '?': %v, want only the key list", k, cmds)
		}
	}
}
