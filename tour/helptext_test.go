package tour

import (
	"strings"
	"unicode"
)

// Views of a HelpText the tests read: its plain text, its length and its
// sections by heading.

// Text returns the card as plain text (heading lines, paragraphs, blank
// lines between sections), ready for a word-wrapper such as
// render.WrapText, which keeps explicit newlines.
func (c *HelpText) Text() string {
	var b strings.Builder
	for i, s := range c.Sections {
		if i > 0 {
			b.WriteString("\n")
		}
		if s.Heading != "" {
			b.WriteString(s.Heading + "\n")
		}
		for _, p := range s.Paragraphs {
			b.WriteString(p + "\n")
		}
	}
	for i, id := range c.SeeAlso {
		if i == 0 {
			b.WriteString("\nSee also: ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(string(id))
	}
	return strings.TrimRight(b.String(), "\n")
}

// Words counts the words of the card's sections, the measure of whether it
// fits on a card. A field with no letter or digit is not a word: a list's
// "•", a "×" between words, or the colon French sets apart with a space.
func (c *HelpText) Words() int {
	n := 0
	for _, s := range c.Sections {
		for _, p := range s.Paragraphs {
			for _, w := range strings.Fields(p) {
				if strings.IndexFunc(w, isWordRune) >= 0 {
					n++
				}
			}
		}
	}
	return n
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Section returns the section with the given heading.
func (c *HelpText) Section(heading string) (Section, bool) {
	for _, s := range c.Sections {
		if s.Heading == heading {
			return s, true
		}
	}
	return Section{}, false
}
