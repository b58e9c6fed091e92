package app

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

func TestTrainNEpochsStopsAndIsReproducible(t *testing.T) {
	run := func() (string, int) {
		g := newTestGame(t, memStore{})
		g.s.Settings.EpochsN = 5
		g.tick(keys(ebiten.KeyN))
		for i := 0; i < 10000 && g.s.Running; i++ {
			if p := g.s.Progress(); p < 0 || p > 1 {
				t.Fatalf("progress %v", p)
			}
			g.tick(&Input{})
		}
		if g.s.Running {
			t.Fatal("Train 5 epochs never finished")
		}
		return ModelHash(g.s.Net), g.s.Trainer.Epoch
	}
	h1, e1 := run()
	h2, e2 := run()
	if e1 != 5 || e2 != 5 || h1 != h2 {
		t.Errorf("two runs: epochs %d %d, hashes %s %s; want 5 epochs, same weights", e1, e2, h1, h2)
	}
}

func TestResetSameSeedSameWeights(t *testing.T) {
	g := newTestGame(t, memStore{})
	h0 := ModelHash(g.s.Net)
	g.tick(keys(ebiten.KeyE))
	if ModelHash(g.s.Net) == h0 {
		t.Fatal("E did not train")
	}
	g.tick(keys(ebiten.KeyR))
	if ModelHash(g.s.Net) != h0 || g.s.Trainer.Epoch != 0 {
		t.Error("R did not restore the seed's weights")
	}
	g.tick(&Input{Keys: []ebiten.Key{ebiten.KeyR}, Shift: true})
	if ModelHash(g.s.Net) == h0 || g.s.Settings.Seed != DefaultSeed+1 {
		t.Error("Shift+R did not pick a new seed")
	}
}

func TestDivergenceGuardRollsBack(t *testing.T) {
	g := newTestGame(t, memStore{})
	s := g.s
	s.StepEpoch()
	good := ModelHash(s.Net)
	epoch := s.Trainer.Epoch
	// A learning rate no network survives.
	s.Settings.Hyper.LR = 1e6
	s.Trainer.Hyper.LR, s.Trainer.LR = 1e6, 1e6
	s.Play()
	for i := 0; i < 100 && s.Running; i++ {
		g.tick(&Input{})
	}
	if s.Running {
		t.Fatal("training at η = 1e6 never diverged")
	}
	if !s.MessageErr || !strings.Contains(s.Message, "learning rate") {
		t.Errorf("message %q (error %v) should blame the learning rate", s.Message, s.MessageErr)
	}
	if ModelHash(s.Net) != good || s.Trainer.Epoch != epoch || !s.Net.Finite() {
		t.Errorf("not rolled back: epoch %d (want %d), finite %v", s.Trainer.Epoch, epoch, s.Net.Finite())
	}
	for _, p := range s.Probs {
		if p != p {
			t.Fatal("NaN probability after rollback")
		}
	}
	if _, err := s.EncodeCheckpoint(); err != nil {
		t.Errorf("the rolled-back model cannot be saved: %v", err)
	}
}

func TestGuardExploded(t *testing.T) {
	var g Guard
	for _, c := range []struct {
		mean, loss float64
		want       bool
	}{{0, 0.7, false}, {0, 6, true}, {0.3, 4.9, false}, {0.3, 5.5, true}, {0.8, 7, false}, {0.5, math.NaN(), true}} {
		g.mean = c.mean
		if got := g.Exploded(c.loss); got != c.want {
			t.Errorf("mean %v, loss %v: exploded %v, want %v", c.mean, c.loss, got, c.want)
		}
	}
}

func TestAutosaveRoundTrip(t *testing.T) {
	store := memStore{}
	g := newTestGame(t, store)
	s := g.s
	s.Grid.Set(3, 3, true)
	s.AddDrawing()
	s.StepEpoch()
	s.Adjust(SetLR, 1)
	s.Adjust(SetEpochs, 1) // choices a checkpoint does not hold
	s.SetLabel(1)
	if s.Settings.EpochsN == DefaultEpochsN {
		t.Fatal("N epochs did not change")
	}
	t0 := time.Unix(2e9, 0)
	g.auto.Tick(s, t0)
	g.auto.Tick(s, t0.Add(time.Second))
	if _, ok := store[autosaveKey]; ok {
		t.Fatal("saved before the delay")
	}
	g.auto.Tick(s, t0.Add(autosaveDelay+time.Second))
	if _, ok := store[autosaveKey]; !ok || g.auto.LastErr != nil {
		t.Fatalf("not saved after the delay: %v", g.auto.LastErr)
	}
	g2 := newTestGame(t, store)
	s2 := g2.s
	if ModelHash(s2.Net) != ModelHash(s.Net) || DataHash(s2) != DataHash(s) {
		t.Error("restored session differs")
	}
	if s2.Settings.Hyper.LR != s.Settings.Hyper.LR || s2.Trainer.Epoch != s.Trainer.Epoch {
		t.Errorf("settings: lr %v epoch %d, want %v %d", s2.Settings.Hyper.LR, s2.Trainer.Epoch, s.Settings.Hyper.LR, s.Trainer.Epoch)
	}
	if s2.History.Len() != 1 || s2.History.TrainLoss[0] != s.History.TrainLoss[0] {
		t.Errorf("restored curves %+v, want %+v", s2.History, s.History)
	}
	if s2.Settings.EpochsN != s.Settings.EpochsN || s2.Grid.Label != 1 {
		t.Errorf("restored N epochs %d and label %d, want %d and 1", s2.Settings.EpochsN, s2.Grid.Label, s.Settings.EpochsN)
	}
	// Start fresh forgets it.
	g2.tick(&Input{Keys: []ebiten.Key{ebiten.KeyBackspace}, Ctrl: true, Shift: true})
	g2.tick(keys(ebiten.KeyY))
	if _, ok := store[autosaveKey]; ok {
		t.Error("start fresh kept the autosave")
	}
	if _, ok := store[prefsKey]; ok {
		t.Error("start fresh kept the saved choices")
	}
	if g2.s.Trainer.Epoch != 0 {
		t.Error("start fresh kept the trained network")
	}
}

func TestBadFileChangesNothing(t *testing.T) {
	g := newTestGame(t, memStore{})
	s := g.s
	s.StepEpoch()
	mh, dh := ModelHash(s.Net), DataHash(s)
	for _, b := range [][]byte{nil, []byte("hello"), []byte("{\"weights\": [1,2"), []byte("label,p0\n1,2,3\n"), []byte("[{\"input\":[1],\"target\":[1,0]}]")} {
		if err := s.LoadFile("bad", b); err == nil {
			t.Errorf("loading %q succeeded", b)
		}
		if !s.MessageErr || ModelHash(s.Net) != mh || DataHash(s) != dh {
			t.Errorf("loading %q changed the session or gave no error message", b)
		}
		// The package prefixes are for stderr; the screen says what went wrong.
		for _, p := range pkgPrefixes {
			if strings.Contains(s.Message, p) {
				t.Errorf("message %q shows the prefix %q", s.Message, p)
			}
		}
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	g := newTestGame(t, memStore{})
	s := g.s
	s.StepEpoch()
	s.StepEpoch()
	b, err := s.EncodeCheckpoint()
	if err != nil {
		t.Fatal(err)
	}
	_, csv, err := s.Export("csv")
	if err != nil {
		t.Fatal(err)
	}
	_, bdt, err := s.Export("bdt")
	if err != nil {
		t.Fatal(err)
	}
	g2 := newTestGame(t, memStore{})
	if err := g2.s.LoadFile("x.safetensors", b); err != nil {
		t.Fatal(err)
	}
	if ModelHash(g2.s.Net) != ModelHash(s.Net) || DataHash(g2.s) != DataHash(s) || g2.s.Trainer.Epoch != 2 {
		t.Error("safetensors round trip changed the session")
	}
	if h, h2 := s.History, g2.s.History; h2.Len() != 2 || h2.Epochs[1] != 2 || h2.ValAcc[1] != h.ValAcc[1] || h2.TrainLoss[0] != h.TrainLoss[0] {
		t.Errorf("the curves did not survive a save and load: got %+v, want %+v", h2, h)
	}
	// Loading a file without curves (the original app's) shows none.
	if err := g2.s.LoadFile("x.json", bdt); err != nil || g2.s.History.Len() != 0 {
		t.Errorf("after loading an original-app file: %v, %d points", err, g2.s.History.Len())
	}
	g3 := newTestGame(t, memStore{})
	g3.s.ClearDataset()
	if err := g3.s.LoadFile("x.csv", csv); err != nil || DataHash(g3.s) != DataHash(s) {
		t.Errorf("CSV round trip: %v", err)
	}
	if err := g3.s.LoadFile("x.json", bdt); err != nil || g3.s.Net.Hidden != s.Net.Hidden {
		t.Errorf("original-app checkpoint: %v", err)
	}
}

// TestDrawnNetworkFollowsTraining: while training, the drawn weights
// follow the live ones at most every interval (so a software renderer can
// reuse its cached edges); when not training, at once.
func TestDrawnNetworkFollowsTraining(t *testing.T) {
	g := newTestGame(t, memStore{})
	s := g.s
	var v inspector
	t0 := time.Unix(1e9, 0)
	v.follow(s, t0, minFollow)
	s.Play()
	s.TrainSome(50)
	v.follow(s, t0.Add(minFollow/2), minFollow)
	if ModelHash(v.shown) == ModelHash(s.Net) {
		t.Error("the drawn network followed training within the interval")
	}
	v.follow(s, t0.Add(minFollow), minFollow)
	if ModelHash(v.shown) != ModelHash(s.Net) {
		t.Error("the drawn network did not follow training after the interval")
	}
	s.Pause()
	s.StepSample()
	v.follow(s, t0.Add(minFollow+time.Millisecond), minFollow)
	if ModelHash(v.shown) != ModelHash(s.Net) {
		t.Error("a step while paused was not drawn at once")
	}
}

// TestAutosavePrefsDamaged: damaged or stale prefs keep the defaults and
// do not block restoring the session.
func TestAutosavePrefsDamaged(t *testing.T) {
	for _, c := range []struct {
		json          string
		epochs, label int
	}{
		{`{"epochsN":`, DefaultEpochsN, 0},             // damaged: defaults
		{`{"epochsN":7,"label":1}`, DefaultEpochsN, 1}, // 7 is not a choice
		{`{"epochsN":20,"label":9}`, 20, 0},            // no class 9 in 2-class mode
	} {
		store := memStore{}
		g := newTestGame(t, store)
		g.s.StepEpoch()
		g.auto.Flush(g.s)
		store[prefsKey] = []byte(c.json)
		g2 := newTestGame(t, store)
		if g2.s.Trainer.Epoch != 1 {
			t.Errorf("%s: the session was not restored", c.json)
		}
		if g2.s.Settings.EpochsN != c.epochs || g2.s.Grid.Label != c.label {
			t.Errorf("%s: N epochs %d, label %d; want %d and %d", c.json, g2.s.Settings.EpochsN, g2.s.Grid.Label, c.epochs, c.label)
		}
	}
}
