package i18n

import (
	"fmt"
	"strconv"
	"strings"
)

// Sprintf formats like fmt.Sprintf with the format translated and the
// floating-point numbers written the way the language writes them: with
// the format "%.2f", 0.53 is "0,53" in German. Integers are left as they
// are (an epoch number is not grouped); Int groups one where it helps.
func Sprintf(format string, a ...any) string {
	c := current.Load()
	if c == nil {
		return fmt.Sprintf(format, a...)
	}
	format = T(format)
	if c.decimal != "." {
		a = localFloats(a, c.decimal)
	}
	return fmt.Sprintf(format, a...)
}

// Plural returns the form of one or other that n takes in the language in
// use, formatted with a (or with n alone when a is empty):
// Plural(n, "%d drawing", "%d drawings"). Both forms are catalog keys. Each
// of our languages has these two forms; French and Portuguese also say
// "0 dessin", in the singular.
func Plural(n int, one, other string, a ...any) string {
	if len(a) == 0 {
		a = []any{n}
	}
	if singular(Current(), n) {
		return Sprintf(one, a...)
	}
	return Sprintf(other, a...)
}

// singular is CLDR's plural rule "one" for integers in our languages.
func singular(lang string, n int) bool {
	switch lang {
	case "fr", "pt":
		return n == 0 || n == 1
	default:
		return n == 1
	}
}

// Float writes x with prec decimals (or the fewest that give x back, when
// prec < 0) in the language's way.
func Float(x float64, prec int) string {
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if c := current.Load(); c != nil && c.decimal != "." {
		s = strings.Replace(s, ".", c.decimal, 1)
	}
	return s
}

// Int writes n with the language's thousands separator: 12,300 in English,
// 12.300 in German.
func Int(n int) string {
	group, groupMin := ",", 4
	if c := current.Load(); c != nil {
		group, groupMin = c.group, c.groupMin
	}
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	if len(s) < groupMin {
		return sign + s
	}
	var b strings.Builder
	b.WriteString(sign)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// localFloats returns a with each float replaced by one that formats with
// the decimal separator sep. a itself is not changed: it is the caller's.
func localFloats(a []any, sep string) []any {
	var out []any
	for i, v := range a {
		var x float64
		switch v := v.(type) {
		case float64:
			x = v
		case float32:
			x = float64(v)
		default:
			continue
		}
		if out == nil {
			out = append([]any(nil), a...)
		}
		out[i] = localFloat{x, sep}
	}
	if out == nil {
		return a
	}
	return out
}

// localFloat formats its number as fmt would, then swaps the decimal point
// for sep: every verb, width and flag behaves as it does for a float64.
type localFloat struct {
	x   float64
	sep string
}

func (f localFloat) Format(s fmt.State, verb rune) {
	s.Write([]byte(strings.Replace(fmt.Sprintf(fmt.FormatString(s, verb), f.x), ".", f.sep, 1)))
}
