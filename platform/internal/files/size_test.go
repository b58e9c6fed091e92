package files

import (
	"errors"
	"strings"
	"testing"
)

func TestSizeText(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{0, "0 bytes"},
		{1023, "1023 bytes"},
		{1024, "1 KB"},
		{1536, "1.5 KB"},
		{50 << 20, "50 MB"},
		{32 << 20, "32 MB"},
		{32<<20 + 1, "32.1 MB"}, // rounded up: never reads as the limit itself
		{200 << 20, "200 MB"},
		{3 << 30, "3 GB"},
	} {
		if got := SizeText(c.n); got != c.want {
			t.Errorf("SizeText(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestCheckSize(t *testing.T) {
	if err := CheckSize("ok.json", MaxFileSize); err != nil {
		t.Fatalf("file of exactly MaxFileSize refused: %v", err)
	}
	err := CheckSize("digit-trainer-big.bin", 50<<20)
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Size != 50<<20 || tl.Limit != MaxFileSize {
		t.Fatalf("CheckSize(50 MB) = %v, want *TooLargeError", err)
	}
	const want = "platform: digit-trainer-big.bin is 50 MB; the largest file Digit Trainer can load is 32 MB"
	if err.Error() != want {
		t.Fatalf("message %q, want %q", err.Error(), want)
	}
	if !strings.HasPrefix(err.Error(), "platform: ") {
		t.Fatal("error does not start with the package name")
	}
}
