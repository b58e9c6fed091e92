package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	if newProgress(&buf).on {
		t.Error("a bytes.Buffer is not a terminal, yet the bar is on")
	}
	p := &progress{w: &buf, on: true}
	p.draw(2, 5, 0.5)
	p.draw(2, 5, 0.5) // unchanged: not redrawn
	want := "\r[###############...............] epoch 2/5"
	if buf.String() != want {
		t.Errorf("bar %q, want %q", buf.String(), want)
	}
	buf.Reset()
	p.clear()
	if got := buf.String(); got != "\r"+strings.Repeat(" ", len(want))+"\r" {
		t.Errorf("clear wrote %q", got)
	}
	for _, tc := range []struct {
		frac float64
		want string
	}{
		{0.1, "\r[###...........................] hidden 8 (4 of 8)"},
		{1.5, "\r[##############################] hidden 8 (4 of 8)"}, // clamped
		{-1, "\r[..............................] hidden 8 (4 of 8)"},
	} {
		buf.Reset()
		p.show(tc.frac, "hidden 8 (4 of 8)")
		if buf.String() != tc.want {
			t.Errorf("show(%v): %q, want %q", tc.frac, buf.String(), tc.want)
		}
	}
	p.clear()
	buf.Reset()
	p.draw(3, 5, 0) // epoch 3 has just ended: full
	if want := "\r[##############################] epoch 3/5"; buf.String() != want {
		t.Errorf("end of epoch 3: %q, want %q", buf.String(), want)
	}
	buf.Reset()
	p.clear()
	buf.Reset()
	p.clear() // nothing drawn: nothing to erase
	if buf.Len() != 0 {
		t.Errorf("second clear wrote %q", buf.String())
	}
}
