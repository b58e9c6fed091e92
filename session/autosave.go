package session

import (
	"encoding/json"
	"errors"
	"math"
	"time"

	"digittrainer/checkpoint"
	"digittrainer/i18n"
)

// autosaveKey is the store key of the autosaved session, and prefsKey that
// of the choices a checkpoint does not hold: they belong to this screen, not
// to the model, so a saved file leaves them out.
const (
	autosaveKey = "autosave.safetensors"
	prefsKey    = "autosave.prefs.json"
)

// prefs are those choices.
type prefs struct {
	EpochsN   int     `json:"epochsN"`             // "Train N epochs"
	Label     int     `json:"label"`               // the label new drawings get
	Pace      float64 `json:"pace"`                // drawings a second; 0 for full speed (JSON has no infinity)
	Patience  *int    `json:"patience"`            // epochs; 0 never; absent in older autosaves
	SnapEvery int     `json:"snapEvery,omitempty"` // epochs between snapshots
}

// autosaveDelay is how long after a change the session is written: soon
// enough that closing the tab loses at most a few seconds of work, rare
// enough that continuous training does not encode every frame.
const autosaveDelay = 3 * time.Second

// Store is where autosave keeps its bytes: the browser's localStorage or a
// folder in the app, a map in tests.
type Store interface {
	Get(key string) ([]byte, bool)
	Put(key string, b []byte) error
	Delete(key string)
}

// Autosave writes the session (dataset, model and settings, as a
// safetensors checkpoint: no format of its own) a few seconds after each
// change, while this tab owns the autosave (owner.go). A write that fails
// (storage full, private mode) is said once, with what to do.
type Autosave struct {
	Store   Store
	Off     bool      // not autosaving: another tab does
	saved   saveKey   // what was last written
	dirty   time.Time // when the first unsaved change was seen; zero if none
	LastErr error

	// Where names what shares the store, for messages: "tab" in a
	// browser, "window" on the desktop.
	Where string

	id    string    // this tab's claims (owner.go)
	owner bool      // this tab claimed the autosave
	beat  time.Time // when the claim was last looked at (renewed, if owner)
}

// saveKey is everything the autosave writes, by version: it differs from
// the last one written exactly when there is something new to save.
type saveKey struct {
	net, data uint64
	settings  Settings
	label     int
}

func keyOf(s *Session) saveKey {
	return saveKey{s.net.Version(), s.data.Version(), s.Settings(), s.grid.Label}
}

// Tick saves s if it changed at least autosaveDelay ago. It never saves a
// network that is not finite (the encoder refuses it).
func (a *Autosave) Tick(s *Session, now time.Time) {
	if !a.keepClaim(s, now) {
		return
	}
	if keyOf(s) == a.saved {
		a.dirty = time.Time{}
		return
	}
	if a.dirty.IsZero() {
		a.dirty = now
		return
	}
	if now.Sub(a.dirty) < autosaveDelay {
		return
	}
	a.Flush(s)
}

// FlushChanged saves s now if it changed since the last save and this tab
// autosaves: the page is going away or out of sight, and what changed in
// the last seconds would otherwise be lost.
func (a *Autosave) FlushChanged(s *Session) {
	if !a.Off && keyOf(s) != a.saved {
		a.Flush(s)
	}
}

// Flush saves s now.
func (a *Autosave) Flush(s *Session) {
	a.dirty = time.Time{}
	a.saved = keyOf(s)
	b, err := s.encodeAutosave()
	if err == nil {
		err = a.Store.Put(autosaveKey, b)
	}
	if err == nil {
		pace := s.Pace()
		if math.IsInf(pace, 1) {
			pace = 0
		}
		patience := s.Patience()
		p, _ := json.Marshal(prefs{EpochsN: s.epochsN, Label: s.Label(), Pace: pace, Patience: &patience, SnapEvery: s.snaps.every}) // finite numbers: cannot fail
		err = a.Store.Put(prefsKey, p)
	}
	if err != nil && a.LastErr == nil {
		s.Fail("Autosave failed: %v. Your work is still here: save a checkpoint (Ctrl+S) to keep it.", Plain(err))
	}
	a.LastErr = err
}

// restorePrefs applies the saved choices that are still valid; anything
// else (none saved, damaged, a label the model no longer has) keeps the
// defaults.
func (a *Autosave) restorePrefs(s *Session) {
	b, ok := a.Store.Get(prefsKey)
	var p prefs
	if !ok || json.Unmarshal(b, &p) != nil {
		return
	}
	s.SetEpochsN(p.EpochsN)
	if p.Label >= 0 && p.Label < s.Classes() {
		s.grid.Label = p.Label
	}
	switch {
	case p.Pace == 0 && p.Patience != nil: // saved as full speed (an old autosave has neither)
		s.SetPace(math.Inf(1))
	case p.Pace > 0:
		s.SetPace(p.Pace)
	}
	if p.Patience != nil {
		s.SetPatience(*p.Patience)
	}
	s.setSnapEvery(p.SnapEvery)
}

// errNoNetwork is an autosave that holds a dataset but no network (Plain
// drops the prefix and translates the rest).
var errNoNetwork = errors.New("session: " + i18n.Mark("the autosave holds no network"))

// Restore loads the autosaved session into s, reporting whether there was
// one. A damaged autosave is ignored (and reported) rather than blocking
// the start.
func (a *Autosave) Restore(s *Session) bool {
	b, ok := a.Store.Get(autosaveKey)
	if !ok {
		return false
	}
	l, err := checkpoint.Load(b)
	if err == nil && l.Model == nil {
		err = errNoNetwork
	}
	if err == nil {
		err = s.apply(l, "")
	}
	if err != nil {
		s.Fail("The autosaved work could not be restored (%v); starting fresh.", Plain(err))
		return false
	}
	a.restorePrefs(s)
	a.saved = keyOf(s)
	s.Say("Welcome back: your drawings and network were restored (epoch %d). Start fresh: Ctrl+Shift+Backspace.", s.trainer.Epoch)
	return true
}

// Forget deletes the autosave ("start fresh").
func (a *Autosave) Forget() {
	a.Store.Delete(autosaveKey)
	a.Store.Delete(prefsKey)
}
