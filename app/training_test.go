package app

import (
	"math"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/session"
)

// TestTrainNEpochsByKey: N starts Train N epochs, the game's ticks train
// it in slices, and it stops by itself at N; the same run twice gives the
// same weights.
func TestTrainNEpochsByKey(t *testing.T) {
	run := func() (string, int) {
		g := newTestGame(t, memStore{})
		g.s.SetPace(math.Inf(1))                // the test's clock hardly moves
		g.do(settingCmd(session.SetEpochs, -1)) // 10 → 5
		g.tick(keys(ebiten.KeyN))
		for i := 0; i < 10000 && g.s.Running(); i++ {
			g.tick(&Input{})
		}
		if g.s.Running() {
			t.Fatal("Train 5 epochs never finished")
		}
		return g.s.ModelHash(), g.s.Trainer().Epoch
	}
	h1, e1 := run()
	h2, e2 := run()
	if e1 != 5 || e2 != 5 || h1 != h2 {
		t.Errorf("two runs: epochs %d %d, hashes %s %s; want 5 epochs, same weights", e1, e2, h1, h2)
	}
}

func TestResetKeys(t *testing.T) {
	g := newTestGame(t, memStore{})
	h0 := g.s.ModelHash()
	g.tick(keys(ebiten.KeyE))
	if g.s.ModelHash() == h0 {
		t.Fatal("E did not train")
	}
	g.tick(keys(ebiten.KeyR))
	if g.s.ModelHash() != h0 || g.s.Trainer().Epoch != 0 {
		t.Error("R did not restore the seed's weights")
	}
	g.tick(&Input{Keys: []ebiten.Key{ebiten.KeyR}, Shift: true})
	if g.s.ModelHash() == h0 || g.s.Seed() != session.DefaultSeed+1 {
		t.Error("Shift+R did not pick a new seed")
	}
}

// TestAutosaveAndStartFresh: the game restores what it autosaved, and
// Start fresh (which asks first) forgets it.
func TestAutosaveAndStartFresh(t *testing.T) {
	store := memStore{}
	g := newTestGame(t, store)
	g.tick(keys(ebiten.KeyE))
	g.auto.Flush(g.s)
	g.hidden(true) // the page goes away: a reload
	g2 := newTestGame(t, store)
	if g2.Status().Help.Question {
		t.Fatal("a reload asked as if another tab were open")
	}
	if g2.s.ModelHash() != g.s.ModelHash() || g2.s.Trainer().Epoch != 1 {
		t.Fatal("the autosaved session was not restored")
	}
	g2.tick(&Input{Keys: []ebiten.Key{ebiten.KeyBackspace}, Ctrl: true, Shift: true})
	if len(store) == 0 {
		t.Fatal("Start fresh did not ask first")
	}
	g2.tick(keys(ebiten.KeyY))
	if _, kept := store["autosave.safetensors"]; kept || g2.s.Trainer().Epoch != 0 {
		t.Errorf("start fresh kept the autosave (%v), epoch %d", kept, g2.s.Trainer().Epoch)
	}
}

// TestDrawnNetworkFollowsTraining: while training, the drawn weights
// follow the live ones at most every interval (so a software renderer can
// reuse its cached edges); when not training, at once; and when nothing
// changed, the drawn copy (and so its cached edges) is left alone.
func TestDrawnNetworkFollowsTraining(t *testing.T) {
	g := newTestGame(t, memStore{})
	s := g.s
	var v inspector
	t0 := time.Unix(1e9, 0)
	const every = 200 * time.Millisecond
	v.follow(s.Net(), s.Running(), t0, every)
	shown := v.shown.Version()
	v.follow(s.Net(), s.Running(), t0.Add(time.Second), every)
	if v.shown.Version() != shown {
		t.Error("the drawn network was copied again though nothing changed")
	}
	s.Play()
	s.TrainSome(50)
	v.follow(s.Net(), s.Running(), t0.Add(every/2), every)
	if session.ModelHash(v.shown) == s.ModelHash() {
		t.Error("the drawn network followed training within the interval")
	}
	v.follow(s.Net(), s.Running(), t0.Add(every), every)
	if session.ModelHash(v.shown) != s.ModelHash() {
		t.Error("the drawn network did not follow training after the interval")
	}
	s.Pause()
	s.StepSample()
	v.follow(s.Net(), s.Running(), t0.Add(every+time.Millisecond), every)
	if session.ModelHash(v.shown) != s.ModelHash() {
		t.Error("a step while paused was not drawn at once")
	}
}
