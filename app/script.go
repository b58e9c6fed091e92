package app

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"digittrainer/render"
	"digittrainer/screen"
	"digittrainer/tour"
)

// script plays a list of key presses and clicks into the desktop app, one
// every scriptEvery frames, for screenshots of states a fixed frame count
// cannot reach (a tour step, an open help card) and for the desktop smoke
// test. It is the -keys flag:
//
//	-keys "T,Right,shot,Right,Right,shot,Escape"
//
// Items, separated by commas:
//
//	T, Right, PageDown, Escape, F1, Tab, 1, …   a key (Ebiten's names; Right/Left/Up/Down/Esc too)
//	Shift+Tab, Ctrl+S                           a key with modifiers
//	?                                           the "?" character (the key list)
//	click:NAME                                  the centre of a control (status.rects names)
//	click:?ID                                   the "?" icon of help card ID's panel
//	click:hidden:N                              hidden neuron N (0-based) of the network picture
//	click:X:Y                                   a point, in device pixels
//	wait, wait:N                                nothing for one (N) slots
//	shot                                        save a screenshot: -screenshot's name with -1, -2, … before .png
//
// The final -screenshot is taken after the script ends.
type script struct {
	items []scriptItem
	shots int
	base  string // -screenshot's file name
	due   string // a screenshot to save in the next Draw
}

type scriptItem struct {
	key         ebiten.Key
	hasKey      bool
	ctrl, shift bool
	char        rune
	click       string // target, for a click
	shot        bool
}

// scriptEvery is the frames between items: a press lasts one frame, the
// next frames let the app settle (a card lays out, the tour traces).
const scriptEvery = 4

// keyAliases are short names for the keys a script uses most.
var keyAliases = map[string]ebiten.Key{
	"right": ebiten.KeyArrowRight, "left": ebiten.KeyArrowLeft, "up": ebiten.KeyArrowUp, "down": ebiten.KeyArrowDown,
	"esc": ebiten.KeyEscape, "pgdn": ebiten.KeyPageDown, "pgup": ebiten.KeyPageUp,
}

// parseScript parses a -keys list; an unknown item is an error naming it.
func parseScript(list, screenshot string) (*script, error) {
	sc := &script{base: screenshot}
	for _, raw := range strings.Split(list, ",") {
		item := strings.TrimSpace(raw)
		switch {
		case item == "":
			continue
		case item == "?":
			sc.items = append(sc.items, scriptItem{char: '?', key: ebiten.KeySlash, hasKey: true, shift: true})
		case item == "shot":
			sc.items = append(sc.items, scriptItem{shot: true})
		case item == "wait":
			sc.items = append(sc.items, scriptItem{})
		case strings.HasPrefix(item, "wait:"):
			n, err := strconv.Atoi(item[5:])
			if err != nil || n < 0 || n > 10000 {
				return nil, fmt.Errorf("app: -keys: bad %q", item)
			}
			for range n {
				sc.items = append(sc.items, scriptItem{})
			}
		case strings.HasPrefix(item, "click:"):
			sc.items = append(sc.items, scriptItem{click: item[6:]})
		default:
			it, err := parseKey(item)
			if err != nil {
				return nil, err
			}
			sc.items = append(sc.items, it)
		}
	}
	return sc, nil
}

func parseKey(item string) (scriptItem, error) {
	var it scriptItem
	parts := strings.Split(item, "+")
	for _, m := range parts[:len(parts)-1] {
		switch strings.ToLower(m) {
		case "ctrl":
			it.ctrl = true
		case "shift":
			it.shift = true
		default:
			return it, fmt.Errorf("app: -keys: unknown modifier %q in %q", m, item)
		}
	}
	name := parts[len(parts)-1]
	if k, ok := keyAliases[strings.ToLower(name)]; ok {
		it.key, it.hasKey = k, true
		return it, nil
	}
	if len(name) == 1 && name[0] >= '0' && name[0] <= '9' {
		name = "Digit" + name
	}
	if err := it.key.UnmarshalText([]byte(name)); err != nil {
		return it, fmt.Errorf("app: -keys: unknown key %q", item)
	}
	it.hasKey = true
	return it, nil
}

// end is the frame after the last item, when the final screenshot may be taken.
func (sc *script) end() int { return (len(sc.items) + 1) * scriptEvery }

// apply replaces this frame's input with the script's: an item on every
// scriptEvery-th frame, nothing in between (so a click is released).
func (sc *script) apply(g *Game, in *Input) {
	*in = Input{Keys: in.Keys[:0], Chars: in.Chars[:0]}
	f := g.frame
	if f%scriptEvery != 0 || f/scriptEvery-1 < 0 || f/scriptEvery-1 >= len(sc.items) {
		return
	}
	it := sc.items[f/scriptEvery-1]
	in.Ctrl, in.Shift = it.ctrl, it.shift
	if it.hasKey {
		in.Keys = append(in.Keys, it.key)
	}
	if it.char != 0 {
		in.Chars = append(in.Chars, it.char)
	}
	if it.shot {
		sc.shots++
		sc.due = strings.TrimSuffix(sc.base, ".png") + "-" + strconv.Itoa(sc.shots) + ".png"
	}
	if it.click != "" {
		x, y, ok := clickTarget(g, it.click)
		if !ok {
			fmt.Fprintf(os.Stderr, "-keys: nothing to click at %q\n", it.click)
			return
		}
		in.Pointers = append(in.Pointers, Pointer{ID: mouseLeft, X: x, Y: y, Just: true})
		in.HoverX, in.HoverY, in.HasHover = x, y, true
	}
}

// clickTarget finds where a click item points.
func clickTarget(g *Game, target string) (x, y float64, ok bool) {
	l := g.lay
	switch {
	case strings.HasPrefix(target, "?"):
		id := tour.CardID(target[1:])
		for p := range screen.NumPanels {
			if p.Card() == id && l.Visible(p) {
				x, y := render.HelpIconRect(l.Panels[p], l.S).Center()
				return x, y, true
			}
		}
		for _, ic := range l.Icons {
			if ic.Card == id {
				x, y := ic.Rect.Center()
				return x, y, true
			}
		}
	case strings.HasPrefix(target, "hidden:"):
		n, err := strconv.Atoi(target[7:])
		if err == nil && n >= 0 && n < g.s.Net().Hidden {
			x, y := g.net.NeuronPos(render.Neuron{Layer: 1, Index: n})
			return x, y, true
		}
	default:
		if c, found := l.ControlNamed(target); found {
			x, y := c.Rect.Center()
			return x, y, true
		}
		var px, py float64
		if _, err := fmt.Sscanf(target, "%g:%g", &px, &py); err == nil {
			return px, py, true
		}
	}
	return 0, 0, false
}

// draw saves the screenshot a "shot" item asked for.
func (sc *script) draw(screen *ebiten.Image) {
	if sc == nil || sc.due == "" {
		return
	}
	if err := savePNG(screen, sc.due); err != nil {
		fmt.Fprintln(os.Stderr, "screenshot:", err)
	}
	sc.due = ""
}

// savePNG writes the screen to a PNG file.
func savePNG(screen *ebiten.Image, name string) error {
	b := screen.Bounds()
	img := image.NewRGBA(b)
	screen.ReadPixels(img.Pix)
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	return errors.Join(png.Encode(f, img), f.Close())
}
