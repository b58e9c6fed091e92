package lesson_test

import (
	"math"
	"testing"

	"digittrainer/lesson"
	"digittrainer/session"
)

// TestDefaultsAreTheApps: lesson.DefaultSettings are a fresh session's, so
// a link of the defaults opens as the app starts. lesson cannot import
// session (session may well use lessons), so the facts are pinned here.
func TestDefaultsAreTheApps(t *testing.T) {
	s, err := session.New(session.Binary)
	if err != nil {
		t.Fatal(err)
	}
	st := s.Settings()
	pace := st.Pace
	if math.IsInf(pace, 1) {
		pace = 0 // full speed, as a link writes it
	}
	app := lesson.Settings{Hidden: st.Hidden, Activation: st.Activation.String(), LR: st.Hyper.LR,
		Decay: st.Hyper.Decay, MinLR: st.Hyper.MinLR, L2: st.Hyper.L2, Batch: st.Hyper.Batch, Seed: st.Seed,
		EpochsN: st.EpochsN, Pace: pace, Patience: st.Patience, SnapEvery: s.SnapEvery()}
	if got := lesson.DefaultSettings(); got != app {
		t.Errorf("DefaultSettings %+v,\nthe app's         %+v", got, app)
	}
	for i, k := range lesson.SettingKeys {
		if k != session.Setting(i).Key() {
			t.Errorf("SettingKeys[%d] = %q, the app's key %q", i, k, session.Setting(i).Key())
		}
	}
	if len(lesson.SettingKeys) != int(session.NumSettings) {
		t.Errorf("%d setting keys, the app has %d", len(lesson.SettingKeys), session.NumSettings)
	}
}
