package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// progress draws a one-line bar on stderr while an epoch trains, only when
// stderr is a terminal: in a log file or a pipe it would be noise.
type progress struct {
	w    io.Writer
	on   bool
	last string
}

const barWidth = 30

func newProgress(w io.Writer) *progress {
	return &progress{w: w, on: isTerminal(w)}
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// draw shows epoch e of n, frac of the way through. An epoch that has just
// ended reads 0 (the next one's start) and is drawn full.
func (p *progress) draw(e, n int, frac float64) {
	if !p.on {
		return
	}
	if frac == 0 && e > 0 {
		frac = 1
	}
	p.show(frac, fmt.Sprintf("epoch %d/%d", e, n))
}

// show draws the bar frac (0..1) full, with label after it.
func (p *progress) show(frac float64, label string) {
	if !p.on {
		return
	}
	done := min(max(int(frac*barWidth), 0), barWidth)
	s := fmt.Sprintf("\r[%s%s] %s", strings.Repeat("#", done), strings.Repeat(".", barWidth-done), label)
	if s != p.last {
		fmt.Fprint(p.w, s)
		p.last = s
	}
}

// clear erases the bar so the next line prints cleanly.
func (p *progress) clear() {
	if !p.on || p.last == "" {
		return
	}
	fmt.Fprint(p.w, "\r"+strings.Repeat(" ", len(p.last))+"\r")
	p.last = ""
}
