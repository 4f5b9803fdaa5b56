package main

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunSegment(t *testing.T) {
	dict := filepath.Join(t.TempDir(), "words.txt")
	if err := os.WriteFile(dict, []byte("# user words\nฉฉฉต้อง\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("สมัชชาสุขภาพ", 100000) // 3.6 MB, one line
	tests := []struct {
		args     []string
		in, want string
	}{
		{nil, "สมัชชาสุขภาพจังหวัดลำพูน ปี 2557\r\nบ้านฉฉฉต้องสุข", "สมัชชาสุขภาพจังหวัด|ลำพูน| |ปี| |2557\r\nบ้าน|ฉฉฉ|ต้อง|สุข"},
		{[]string{"--dict", dict}, "บ้านฉฉฉต้องสุข\n\n", "บ้าน|ฉฉฉต้อง|สุข\n\n"},
		{nil, long + "\n", strings.Repeat("สมัชชาสุขภาพ|", 99999) + "สมัชชาสุขภาพ\n"},
		{nil, "ลำพูน ปี\r\n" + long + "\nสุขภาพ\n" + long[:360] + "\r\nจบ", "ลำพูน| |ปี\r\n" + strings.Repeat("สมัชชาสุขภาพ|", 99999) + "สมัชชาสุขภาพ\nสุขภาพ\n" + strings.Repeat("สมัชชาสุขภาพ|", 9) + "สมัชชาสุขภาพ\r\nจบ"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		e := env{stdin: strings.NewReader(tt.in), stdout: &out, stderr: &errOut}
		if err := runSegment(context.Background(), e, tt.args); err != nil {
			t.Fatalf("runSegment(%q): %v (%s)", tt.args, err, errOut.String())
		}
		if got := out.String(); got != tt.want {
			t.Errorf("runSegment(%q) on %.40q = %.80q, want %.80q", tt.args, tt.in, got, tt.want)
		}
	}
	var errOut bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &errOut}
	if err := runSegment(context.Background(), e, []string{"--dict", filepath.Join(t.TempDir(), "missing")}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("runSegment(missing dict) = %v, want a not-exist error", err)
	}
}
