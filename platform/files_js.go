//go:build js

package platform

import (
	"syscall/js"

	"digittrainer/platform/internal/files"
)

// picker is the <input type=file> of the open file dialog, if any, and
// pickerFunc its change/cancel listener.
var (
	picker     js.Value
	pickerFunc js.Func
)

// init installs the drop listener as soon as the program starts, before the
// first frame: without it a file dropped on the page would make the browser
// navigate away to that file and the user's work would be gone.
func init() {
	win := js.Global()
	if !win.Get("addEventListener").Truthy() {
		return // not a page (e.g. Node.js)
	}
	capture := map[string]any{"capture": true}
	win.Call("addEventListener", "dragover", js.FuncOf(onDragOver), capture)
	win.Call("addEventListener", "drop", js.FuncOf(onDrop), capture)
}

// onDragOver accepts a drag anywhere on the page so it may be dropped.
func onDragOver(_ js.Value, args []js.Value) any {
	e := args[0]
	e.Call("preventDefault")
	if dt := e.Get("dataTransfer"); dt.Truthy() {
		dt.Set("dropEffect", "copy")
	}
	return nil
}

// onDrop takes the dropped files. It listens on the window in the capture
// phase and stops the event there, so Ebiten's own canvas listener (whose
// file reading hangs on file:// pages and can stop the game) never sees it.
func onDrop(_ js.Value, args []js.Value) any {
	e := args[0]
	e.Call("preventDefault")
	e.Call("stopPropagation")
	if dt := e.Get("dataTransfer"); dt.Truthy() {
		readFileList(dt.Get("files"))
	}
	return nil
}

// Poll starts a tick. Files need nothing here (JavaScript callbacks fill
// their queue as they arrive); it counts the ticks for Taps.
func Poll() { frame++ }

// OpenFilePicker opens the browser's file dialog; the chosen file arrives
// later through PendingFiles (a cancelled dialog delivers nothing). It must be
// called within a few seconds of a click or key press (see the package doc),
// which Update is. It reports false when there is no document.
func OpenFilePicker() bool {
	doc := js.Global().Get("document")
	if !doc.Truthy() || !doc.Get("body").Truthy() {
		return false
	}
	closePicker()
	in := doc.Call("createElement", "input")
	in.Set("type", "file")
	in.Set("multiple", true) // a class's files at once: they are pooled
	// No "accept" filter: Load sniffs the content, and a filter would hide
	// files saved under an unexpected extension.
	in.Get("style").Set("display", "none")
	pickerFunc = js.FuncOf(func(_ js.Value, args []js.Value) any {
		if args[0].Get("type").String() == "change" {
			readFileList(in.Get("files"))
		}
		closePicker()
		return nil
	})
	in.Call("addEventListener", "change", pickerFunc)
	in.Call("addEventListener", "cancel", pickerFunc) // Chrome 113+, Firefox 91+
	// Attached to the page because some browsers ignore click() on a
	// detached input; removed again once the dialog closes.
	doc.Get("body").Call("appendChild", in)
	picker = in
	in.Call("click")
	return true
}

// closePicker removes the current input and releases its listener. A dialog
// cancelled in a browser without the cancel event is cleaned up by the next
// OpenFilePicker.
func closePicker() {
	if picker.Truthy() {
		picker.Call("remove")
		pickerFunc.Release()
	}
	picker = js.Undefined()
}

// readFileList starts reading every file of a FileList. Files over
// MaxFileSize are refused by their size at once; the others are read
// asynchronously and queued when their bytes are in.
func readFileList(list js.Value) {
	if !list.Truthy() {
		return
	}
	batch++
	n := list.Length()
	for i := range n {
		f := list.Index(i)
		name := f.Get("name").String()
		if err := files.CheckSize(name, int64(f.Get("size").Float())); err != nil {
			pending.push(File{Name: name, Err: err, Batch: batch, Of: n})
			continue
		}
		readFile(File{Name: name, Batch: batch, Of: n}, f)
	}
}

// readFile reads one File with its arrayBuffer promise. The callbacks only
// copy bytes and append to the queue: they never wait on anything, which a
// js.FuncOf callback must not do.
func readFile(e File, f js.Value) {
	name := e.Name
	var done, failed js.Func
	release := func() { done.Release(); failed.Release() }
	done = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		arr := js.Global().Get("Uint8Array").New(args[0])
		b := make([]byte, arr.Length())
		js.CopyBytesToGo(b, arr)
		e.Data = b
		pending.push(e)
		return nil
	})
	failed = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		e.Err = &ReadError{Name: name, Reason: jsText(args[0])}
		pending.push(e)
		return nil
	})
	f.Call("arrayBuffer").Call("then", done, failed)
}

// IsBrowser reports whether the app runs in a web page.
func IsBrowser() bool { return true }
