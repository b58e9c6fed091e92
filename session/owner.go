package session

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// Two tabs of the app (or two desktop windows) share one store, and each
// would autosave over the other's work without a word. So one of them owns
// the autosave: it says so in the store, with the time, every ownerBeat,
// and lets go when its page goes away (Release). A tab that starts while
// another one's claim is fresh asks the user which tab keeps its work
// (Claim, then TakeOver or Off); a tab whose claim was taken stops
// autosaving and says so. A tab that was frozen in the background stops
// beating, so a newer tab may take over; when it wakes it finds the claim
// gone and stops too, rather than writing over the newer work.

// ownerKey is the store key of the claim: "id@unix-milliseconds".
const ownerKey = "autosave.owner"

// ownerBeat is how often the owner renews its claim, and ownerStale how
// old a claim is when its tab is taken to be gone (closed, or frozen by
// the browser in the background).
const (
	ownerBeat  = 2 * time.Second
	ownerStale = 3 * ownerBeat
)

// newOwnerID names this tab's claims; the value only needs to differ
// between tabs.
func newOwnerID() string { return strconv.FormatUint(rand.Uint64(), 36) }

// claim is a decoded ownerKey value.
type claim struct {
	id string
	at time.Time
}

func (a *Autosave) readClaim() (claim, bool) {
	b, ok := a.Store.Get(ownerKey)
	if !ok {
		return claim{}, false
	}
	id, ms, found := strings.Cut(string(b), "@")
	n, err := strconv.ParseInt(ms, 10, 64)
	if !found || err != nil || id == "" {
		return claim{}, false // damaged: as if none
	}
	return claim{id: id, at: time.UnixMilli(n)}, true
}

func (a *Autosave) writeClaim(now time.Time) {
	if a.id == "" {
		a.id = newOwnerID()
	}
	a.Store.Put(ownerKey, []byte(fmt.Sprintf("%s@%d", a.id, now.UnixMilli())))
	a.beat = now
}

// Claim takes the autosave for this tab at start, unless another tab's
// claim is fresh: it then reports true and autosaving is Off until the
// user chooses (TakeOver, or leave it off) or the other tab goes.
func (a *Autosave) Claim(now time.Time) (otherTab bool) {
	if c, ok := a.readClaim(); ok && c.id != a.id && now.Sub(c.at) < ownerStale && now.Sub(c.at) > -ownerStale {
		a.Off = true
		if a.id == "" {
			a.id = newOwnerID()
		}
		a.beat = now
		return true
	}
	a.writeClaim(now)
	a.owner = true
	return false
}

// TakeOver makes this tab the one that autosaves; the other tab notices
// within ownerBeat and stops.
func (a *Autosave) TakeOver(now time.Time) {
	a.writeClaim(now)
	a.owner, a.Off = true, false
}

// Release lets go of the claim as the page goes away (a reload, a closed
// tab), so the next page does not take its own past as another tab.
func (a *Autosave) Release() {
	if c, ok := a.readClaim(); ok && c.id == a.id && a.owner {
		a.Store.Delete(ownerKey)
	}
	a.owner = false
}

// keepClaim looks at the claim every ownerBeat and reports whether this
// tab autosaves now. The owner renews it, or, when another tab took it,
// stops autosaving and says so; a tab that does not autosave takes the
// autosave back once the other tab is gone (its claim went stale), and
// says so.
func (a *Autosave) keepClaim(s *Session, now time.Time) bool {
	if a.id == "" {
		return !a.Off // no claims in use (a test, a scripted run)
	}
	if now.Sub(a.beat) < ownerBeat {
		return a.owner && !a.Off
	}
	a.beat = now
	c, ok := a.readClaim()
	mine := ok && c.id == a.id
	gone := !ok || now.Sub(c.at) >= ownerStale
	switch {
	case a.owner && !mine && !gone:
		a.owner, a.Off = false, true
		// A whole sentence for each: a tab and a window differ in gender
		// in other languages, and their words with it.
		if a.where() == "window" {
			s.Fail("Digit Trainer was opened in another window, which now keeps the autosave. " +
				"This one stopped autosaving: save a checkpoint (Ctrl+S) to keep what you do here.")
		} else {
			s.Fail("Digit Trainer was opened in another tab, which now keeps the autosave. " +
				"This one stopped autosaving: save a checkpoint (Ctrl+S) to keep what you do here.")
		}
		return false
	case a.owner:
		a.writeClaim(now)
		return true
	case gone:
		a.TakeOver(now)
		if a.where() == "window" {
			s.Say("The other window of Digit Trainer is gone: this one autosaves again.")
		} else {
			s.Say("The other tab of Digit Trainer is gone: this one autosaves again.")
		}
		return true
	}
	return false
}

// where is Where, "tab" by default: "tab" or "window", a word for
// programs (the app's messages pick their sentence by it).
func (a *Autosave) where() string {
	if a.Where == "" {
		return "tab"
	}
	return a.Where
}
