package tour

import (
	"fmt"
	"strings"
)

// Card is one help card, parsed from a plain-text file in assets/help:
//
//	Title on the first line
//
//	## What you see
//	A paragraph; lines that follow are joined to it.
//
//	- a list item is a paragraph of its own
//	## Try this
//	…
//	See also: glossary, checkpoint
//
// Lines starting with "#" but not "## " are comments for translators.
type HelpText struct {
	ID       CardID
	Title    string
	Sections []Section
	SeeAlso  []CardID // related cards
}

// Section is a heading and its paragraphs; list items keep their "• ".
type Section struct {
	Heading    string
	Paragraphs []string
}

const seeAlsoPrefix = "See also:"

// ParseHelp parses one card file. It fails on an empty title, text before
// the first heading, an empty section or a repeated heading, so a broken
// edit of a help file shows up in the tests rather than on a student's
// screen.
func ParseHelp(id CardID, text string) (*HelpText, error) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	c := &HelpText{ID: id, Title: strings.TrimSpace(lines[0])}
	if c.Title == "" || strings.HasPrefix(c.Title, "#") {
		return nil, fmt.Errorf("tour: help card %q: the first line must be its title", id)
	}
	var cur *Section
	var para []string
	flush := func() {
		if len(para) > 0 {
			cur.Paragraphs = append(cur.Paragraphs, strings.Join(para, " "))
			para = nil
		}
	}
	seen := map[string]bool{}
	for n, raw := range lines[1:] {
		line := strings.TrimSpace(raw)
		lineNo := n + 2
		switch {
		case strings.HasPrefix(line, "## "):
			if cur != nil {
				flush()
			}
			h := strings.TrimSpace(line[3:])
			if h == "" || seen[h] {
				return nil, fmt.Errorf("tour: help card %q line %d: empty or repeated heading %q", id, lineNo, h)
			}
			seen[h] = true
			c.Sections = append(c.Sections, Section{Heading: h})
			cur = &c.Sections[len(c.Sections)-1]
		case strings.HasPrefix(line, "#"):
			// a comment
		case line == "":
			if cur != nil {
				flush()
			}
		case strings.HasPrefix(line, seeAlsoPrefix):
			for _, ref := range strings.Split(line[len(seeAlsoPrefix):], ",") {
				if ref = strings.TrimSpace(ref); ref != "" {
					c.SeeAlso = append(c.SeeAlso, CardID(ref))
				}
			}
		case cur == nil:
			return nil, fmt.Errorf("tour: help card %q line %d: text before the first \"## \" heading", id, lineNo)
		case strings.HasPrefix(line, "- "):
			flush()
			para = append(para, "• "+strings.TrimSpace(line[2:]))
			flush()
		default:
			para = append(para, line)
		}
	}
	if cur != nil {
		flush()
	}
	if len(c.Sections) == 0 {
		return nil, fmt.Errorf("tour: help card %q has no sections", id)
	}
	for _, s := range c.Sections {
		if len(s.Paragraphs) == 0 {
			return nil, fmt.Errorf("tour: help card %q: section %q is empty", id, s.Heading)
		}
	}
	return c, nil
}

// placeholders returns the {names} used in s, in order, and an error for
// an unclosed brace.
func placeholders(s string) ([]string, error) {
	var names []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			if strings.IndexByte(s, '}') >= 0 {
				return nil, fmt.Errorf("tour: stray %q", "}")
			}
			return names, nil
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 || strings.IndexByte(s[:i], '}') >= 0 {
			return nil, fmt.Errorf("tour: unbalanced braces in %q", s)
		}
		name := s[i+1 : i+j]
		if name == "" || strings.ContainsAny(name, "{ ") {
			return nil, fmt.Errorf("tour: bad placeholder {%s}", name)
		}
		names = append(names, name)
		s = s[i+j+1:]
	}
}

// fill replaces every {name} in s by vars[name]. Texts are checked against
// the names each section may use when they are loaded, so a missing name
// here is a bug in this package; it is left visible rather than hidden.
func fill(s string, vars map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		if v, ok := vars[s[i+1:i+j]]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
}
