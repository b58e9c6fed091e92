package app

import (
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

func TestSchedulerTrainsWithinBudget(t *testing.T) {
	g := newTestGame(t, memStore{})
	clk := &fakeClock{t: time.Unix(1e9, 0), step: time.Microsecond}
	g.sched.Now = clk.now
	s := g.s
	s.Play()
	clk.t = clk.t.Add(time.Second / 60)
	n := g.sched.Run(s, 60)
	if n == 0 {
		t.Fatal("the scheduler trained nothing")
	}
	// Every clock reading costs 1 µs and no tick may train past maxBudget,
	// so a slice is bounded by the readings that fit in it.
	if n > int(maxBudget/time.Microsecond)*maxChunk {
		t.Errorf("trained %d samples in one slice", n)
	}
	if s.Trainer.Seen != n {
		t.Errorf("seen %d, trained %d", s.Trainer.Seen, n)
	}
	// A catch-up Update straight after (Ebiten runs several when frames are
	// slow) gets no training time: the frame already had its share.
	if m := g.sched.Run(s, 60); m > 1 {
		t.Errorf("a back-to-back tick trained %d samples, want at most 1", m)
	}
}

// TestSchedulerPacesAgainstTheIdleFrameRate walks the pacing (see
// scheduler.go) through a software-rendered browser: idle at 20 FPS, then
// training, whose redraws cost frames, then frames on time again.
func TestSchedulerPacesAgainstTheIdleFrameRate(t *testing.T) {
	sc := NewScheduler()
	now := time.Unix(1e9, 0)
	reading := func(running bool, fps float64) { // a quiet second: one paint
		now = now.Add(adaptEvery)
		sc.Paints++
		sc.adapt(running, fps, now)
	}
	// The idle rate is the median of recent readings: the slow start-up,
	// a slow second while drawing and a lucky fast one do not move it.
	for _, fps := range []float64{8, 12, 20, 20, 20, 11, 20, 27, 20} {
		reading(false, fps)
	}
	if sc.IdleFPS != 20 {
		t.Fatalf("idle FPS %v, want 20", sc.IdleFPS)
	}
	// Seconds in which the user drew (a paint every frame) are not idle.
	for range 10 {
		now = now.Add(adaptEvery)
		sc.Paints += 8
		sc.adapt(false, 8, now)
	}
	if sc.IdleFPS != 20 {
		t.Fatalf("idle FPS %v after seconds of drawing, want still 20", sc.IdleFPS)
	}

	// The readings within settle of the start still average idle time.
	reading(true, 5)
	reading(true, 40)
	if sc.Follow != minFollow || sc.Share != defaultShare {
		t.Fatalf("a reading within the settling time changed follow %v, share %v", sc.Follow, sc.Share)
	}
	// Late (half the idle rate): show the network less often, train as much.
	reading(true, 10)
	if sc.Follow <= minFollow || sc.Share != defaultShare {
		t.Fatalf("late frames: follow %v, share %v; want follow above %v and share still %v",
			sc.Follow, sc.Share, minFollow, defaultShare)
	}
	share := sc.Share
	// A second reading within the same second is not a new one.
	f := sc.Follow
	sc.adapt(true, 10, now.Add(adaptEvery/2))
	if sc.Follow != f {
		t.Errorf("two adaptations within %v", adaptEvery)
	}
	// Still late: follow reaches its slowest, and only then training yields.
	for sc.Follow < maxFollow {
		reading(true, 10)
		if sc.Share != share {
			t.Fatalf("share changed to %v while follow (%v) could still slow", sc.Share, sc.Follow)
		}
	}
	reading(true, 10)
	if sc.Share != share {
		t.Errorf("one late reading cut the share to %v", sc.Share)
	}
	for range 50 {
		reading(true, 10)
	}
	if sc.Share != minShare || sc.Follow != maxFollow {
		t.Errorf("always late: share %v, follow %v; want %v and %v", sc.Share, sc.Follow, minShare, maxFollow)
	}

	// On time again: training takes back its time first, then the picture.
	reading(true, 20)
	if sc.Share <= minShare || sc.Follow != maxFollow {
		t.Errorf("on time: share %v, follow %v; want share growing first", sc.Share, sc.Follow)
	}
	for range 50 {
		reading(true, 20)
	}
	if sc.Share != maxShare || sc.Follow != minFollow {
		t.Errorf("always on time: share %v, follow %v; want %v and %v", sc.Share, sc.Follow, maxShare, minFollow)
	}
	// Frames between 93% and 96% of idle change nothing.
	for range 10 {
		reading(true, 18.9)
	}
	if sc.Share != maxShare || sc.Follow != minFollow {
		t.Errorf("within the band: share %v, follow %v", sc.Share, sc.Follow)
	}

	// After training stops, idle readings resume after the settling time.
	reading(false, 5)
	if d := sc.IdleFPS - 20; d < -0.5 || d > 0.5 {
		t.Errorf("a training reading after the stop moved the idle FPS to %v", sc.IdleFPS)
	}
}

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
	}{{0, 0.7, false}, {0, 6, true}, {0.3, 4.9, false}, {0.3, 5.5, true}, {0.8, 7, false}, {0.5, nan(), true}} {
		g.mean = c.mean
		if got := g.Exploded(c.loss); got != c.want {
			t.Errorf("mean %v, loss %v: exploded %v, want %v", c.mean, c.loss, got, c.want)
		}
	}
}

func nan() float64 { z := 0.0; return z / z }

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

// TestSchedulerWithoutIdleReadings: training started before any quiet
// second measures itself against its best reading so far.
func TestSchedulerWithoutIdleReadings(t *testing.T) {
	sc := NewScheduler()
	now := time.Unix(1e9, 0)
	reading := func(fps float64) {
		now = now.Add(adaptEvery)
		sc.Paints += 60 // the user drew until training started: no quiet second
		sc.adapt(true, fps, now)
	}
	for range 3 { // settling
		reading(50)
	}
	if sc.IdleFPS != 0 {
		t.Fatalf("idle FPS %v from training readings", sc.IdleFPS)
	}
	f := sc.Follow
	reading(50)
	if sc.Follow != f {
		t.Errorf("a reading at the best rate so far slowed the picture to %v", sc.Follow)
	}
	reading(30)
	if sc.Follow <= f {
		t.Errorf("a reading at 60%% of the best rate left the picture at %v", sc.Follow)
	}
}

// TestSchedulerSlowProcessor: when the game itself fills the main thread
// (a slow processor, a fast GPU), late frames make training yield and
// leave the picture live.
func TestSchedulerSlowProcessor(t *testing.T) {
	sc := NewScheduler()
	now := time.Unix(1e9, 0)
	reading := func(running bool, fps float64, busy time.Duration) {
		now = now.Add(adaptEvery)
		sc.Paints++
		sc.Busy += busy
		sc.adapt(running, fps, now)
	}
	for range 8 {
		reading(false, 60, 100*time.Millisecond)
	}
	for range 3 { // settling
		reading(true, 40, 900*time.Millisecond)
	}
	share := sc.Share
	reading(true, 40, 900*time.Millisecond)
	reading(true, 40, 900*time.Millisecond)
	if sc.Share >= share || sc.Follow != minFollow {
		t.Errorf("busy and late: share %v (was %v), follow %v; want training to yield and the picture to stay at %v",
			sc.Share, share, sc.Follow, minFollow)
	}
	// The same late frames with an idle processor slow the picture instead.
	share = sc.Share
	reading(true, 40, 300*time.Millisecond)
	if sc.Share != share || sc.Follow == minFollow {
		t.Errorf("late with time to spare: share %v (was %v), follow %v; want the picture to slow", sc.Share, share, sc.Follow)
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
