package platform

import "strings"

// splitFragmentLang splits a fragment into its "&"-separated parts other
// than "lang=…" (joined again) and the value of the last "lang=" part.
// A lesson's payload has no "&" or "=" (base64url), so it is one part.
func splitFragmentLang(frag string) (rest, lang string) {
	if !strings.Contains(frag, "lang=") {
		return frag, ""
	}
	var keep []string
	for _, p := range strings.Split(frag, "&") {
		if v, ok := strings.CutPrefix(p, "lang="); ok {
			lang = v
			continue
		}
		keep = append(keep, p)
	}
	return strings.Join(keep, "&"), lang
}
