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
	buf.Reset()
	p.clear() // nothing drawn: nothing to erase
	if buf.Len() != 0 {
		t.Errorf("second clear wrote %q", buf.String())
	}
}
