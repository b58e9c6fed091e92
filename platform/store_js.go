//go:build js

package platform

import (
	"encoding/base64"
	"errors"
	"syscall/js"

	"digittrainer/i18n"
	"digittrainer/platform/internal/files"
)

// storePrefix namespaces our localStorage keys: pages from the same origin
// (every file:// page, or a shared server) share one localStorage.
const storePrefix = "digit-trainer:"

var errNoStorage = errors.New("platform: " + i18n.Mark("this browser does not let the page save anything "+
	"(local storage is off, e.g. in private mode or for pages opened from a file)"))

// localStorage returns window.localStorage. Reading the property itself
// throws a SecurityError in some browsers when storage is blocked.
func localStorage() (ls js.Value, err error) {
	defer catch(&err)
	ls = js.Global().Get("localStorage")
	if !ls.Truthy() {
		return js.Undefined(), errNoStorage
	}
	return ls, nil
}

// StoreGet returns the value autosaved under key, if any. Unavailable
// storage or a damaged value count as absent.
func StoreGet(key string) (b []byte, ok bool) {
	var err error
	defer func() {
		if err != nil {
			b, ok = nil, false
		}
	}()
	defer catch(&err)
	ls, err := localStorage()
	if err != nil {
		return nil, false
	}
	v := ls.Call("getItem", storePrefix+key)
	if v.Type() != js.TypeString {
		return nil, false
	}
	b, err = base64.StdEncoding.DecodeString(v.String())
	return b, err == nil
}

// StorePut autosaves b under key (base64 in localStorage, which holds only
// strings). A full storage is reported as an error naming the size; the old
// value then stays.
func StorePut(key string, b []byte) (err error) {
	ls, err := localStorage()
	if err != nil {
		return err
	}
	defer func() {
		if exceptionName(err) == "QuotaExceededError" || exceptionName(err) == "NS_ERROR_DOM_QUOTA_REACHED" {
			err = errors.New("platform: " + i18n.Sprintf("the browser's storage for this page is full (%s to save)", files.SizeText(int64(len(b)))))
		}
	}()
	defer catch(&err)
	ls.Call("setItem", storePrefix+key, base64.StdEncoding.EncodeToString(b))
	return nil
}

// StoreDelete forgets key ("start fresh"). Errors are dropped: without
// storage there is nothing to forget.
func StoreDelete(key string) {
	ls, err := localStorage()
	if err != nil {
		return
	}
	defer catch(&err)
	ls.Call("removeItem", storePrefix+key)
}
