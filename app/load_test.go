package app

import (
	"slices"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/platform"
	"digittrainer/session"
)

// TestLoadAsksThenUndo: a file with drawings over drawings of one's own
// asks; each answer does what it says, and Ctrl+Z takes it back.
func TestLoadAsksThenUndo(t *testing.T) {
	g := newTestGame(t, memStore{})
	s := g.s
	ckpt, err := s.EncodeCheckpoint()
	if err != nil {
		t.Fatal(err)
	}
	s.Paint(4, 4, true) // a drawing of one's own, not in the file
	s.AddDrawing()
	n, hash := s.Data().Len(), s.DataHash()
	file := platform.File{Name: "lesson.safetensors", Data: ckpt}

	g.receive(file)
	g.tick(&Input{})
	h := g.Status().Help
	if !h.Question || !strings.Contains(h.Asking, "lesson.safetensors") || !slices.Equal(h.Choices, []string{"Replace mine (R)", "Add to mine (A)", "Cancel (Esc)"}) {
		t.Fatalf("loading did not ask: %+v", h)
	}
	if s.DataHash() != hash {
		t.Fatal("the question changed the drawings before an answer")
	}
	g.tick(keys(ebiten.KeyEscape))
	if g.modal.open() || s.DataHash() != hash || !strings.Contains(s.Message().Text, "Nothing was loaded") {
		t.Errorf("Cancel: open %v, drawings changed %v, message %q", g.modal.open(), s.DataHash() != hash, s.Message().Text)
	}

	g.receive(file)
	g.tick(keys(ebiten.KeyA))
	if s.Data().Len() != n || !strings.Contains(s.Message().Text, "Added 0 of the") {
		t.Errorf("Add of drawings all here: %d drawings (want %d), %q", s.Data().Len(), n, s.Message().Text)
	}

	g.receive(file)
	g.tick(keys(ebiten.KeyR))
	if s.Data().Len() != n-1 {
		t.Errorf("Replace: %d drawings, want the file's %d", s.Data().Len(), n-1)
	}
	g.tick(&Input{Keys: []ebiten.Key{ebiten.KeyZ}, Ctrl: true})
	if s.DataHash() != hash || s.Data().Len() != n {
		t.Errorf("Ctrl+Z after Replace: %d drawings, hash back %v", s.Data().Len(), s.DataHash() == hash)
	}
	g.tick(&Input{Keys: []ebiten.Key{ebiten.KeyZ}, Ctrl: true, Shift: true})
	if s.Data().Len() != n-1 {
		t.Errorf("Ctrl+Shift+Z: %d drawings, want the file's %d again", s.Data().Len(), n-1)
	}
	c, ok := g.lay.ControlNamed("undo")
	if !ok {
		t.Fatal("no Undo button")
	}
	click(g, c.Rect)
	if s.DataHash() != hash {
		t.Error("the Undo button did not undo the load")
	}
}

// TestLoadWithoutDrawingsDoesNotAsk: nothing to lose, nothing to ask.
func TestLoadWithoutDrawingsDoesNotAsk(t *testing.T) {
	g := newTestGame(t, memStore{})
	bdt, err := g.s.Export(session.ExportBDT)
	if err != nil {
		t.Fatal(err)
	}
	g.receive(platform.File{Name: "net.json", Data: bdt})
	g.tick(&Input{})
	if g.Status().Help.Question || !strings.HasPrefix(g.s.Message().Text, "Loaded") {
		t.Errorf("a network alone asked or failed: %+v, %q", g.Status().Help, g.s.Message().Text)
	}
}

// TestModeAsks: M with drawings of one's own asks whether to fill 2–9.
func TestModeAsks(t *testing.T) {
	g := newTestGame(t, memStore{})
	g.s.Paint(4, 4, true)
	g.s.AddDrawing()
	g.tick(keys(ebiten.KeyM))
	if h := g.Status().Help; !h.Question || g.s.Classes() != 2 {
		t.Fatalf("M did not ask: %+v, %d classes", h, g.s.Classes())
	}
	g.tick(keys(ebiten.KeyA))
	if g.s.Classes() != 10 || g.s.Data().Counts()[9] == 0 {
		t.Errorf("Add starter drawings: %d classes, counts %v", g.s.Classes(), g.s.Data().Counts())
	}
}

// TestPoolBatch: files picked together arrive one by one and are pooled in
// one step once the last is in; a file alone still asks as a load does.
func TestPoolBatch(t *testing.T) {
	g := newTestGame(t, memStore{})
	start := g.s.Data().Len()
	one := []byte("0," + strings.Repeat("1,", 80) + "1\n")
	two := []byte("1," + strings.Repeat("0,", 40) + strings.Repeat("1,", 40) + "1\n")
	g.arrived = append(g.arrived, platform.File{Name: "a.csv", Data: one, Batch: 7, Of: 2})
	g.receiveArrived()
	if g.s.Data().Len() != start || len(g.arrived) != 1 {
		t.Fatalf("pooled before the batch was in: %d drawings, %d waiting", g.s.Data().Len(), len(g.arrived))
	}
	g.arrived = append(g.arrived, platform.File{Name: "b.csv", Data: two, Batch: 7, Of: 2})
	g.receiveArrived()
	if g.s.Data().Len() != start+2 || len(g.arrived) != 0 || !strings.Contains(g.s.Message().Text, "Pooled 2 drawings from 2 files") {
		t.Errorf("%d drawings (want %d), %d waiting, message %q", g.s.Data().Len(), start+2, len(g.arrived), g.s.Message().Text)
	}
}
