package crawler

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/botrian/botrian"
)

func writeFile(t *testing.T, path string, b []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImport(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, filepath.Join(dir, "a", "report.txt"), []byte("เวทีสมัชชาสุขภาพจังหวัดตาก\n\nชาวบ้านแม่สอดร่วมเวที\n"))
	writeFile(t, filepath.Join(dir, "a", "b", "page.HTML"), []byte("<html><title>หน้าเว็บ</title><body><p>เนื้อหาหน้าเว็บ</p></body></html>"))
	writeFile(t, filepath.Join(dir, "a", "b", "photo.jpg"), []byte("\xff\xd8\xff\xe0"))
	empty := writeFile(t, filepath.Join(dir, "empty.txt"), nil)
	binary := writeFile(t, filepath.Join(dir, "scan.pdf"), []byte("%PDF-1.5\n\x00\x01\x02binary"))
	thai874 := writeFile(t, filepath.Join(dir, "old.txt"), []byte{0xCA, 0xC1, 0xD1, 0xAA, 0xAA, 0xD2, '\n', 'x'})
	noneDir := filepath.Join(dir, "none")
	writeFile(t, filepath.Join(noneDir, "x.csv"), []byte("a,b"))
	missing := filepath.Join(dir, "missing.txt")

	var got []botrian.Document
	failed := map[string]error{}
	n, err := Import(t.Context(), []string{filepath.Join(dir, "a"), empty, binary, thai874, noneDir, missing},
		func(d botrian.Document) error { got = append(got, d); return nil },
		func(p string, err error) { failed[p] = err })
	if err != nil {
		t.Fatalf("Import error: %v", err)
	}
	if n != 3 || len(got) != 3 {
		t.Errorf("Import emitted %d (n=%d), want 3", len(got), n)
	}
	titles := []string{}
	for _, d := range got {
		titles = append(titles, d.Title)
		if !strings.HasPrefix(d.URL, "file:///") || d.ID != botrian.DocID(d.URL) || d.FetchedAt.IsZero() {
			t.Errorf("Import doc %q: URL %q ID %q FetchedAt %v", d.Title, d.URL, d.ID, d.FetchedAt)
		}
	}
	sort.Strings(titles)
	if want := "สมัชชา|หน้าเว็บ|เวทีสมัชชาสุขภาพจังหวัดตาก"; strings.Join(titles, "|") != want {
		t.Errorf("Import titles = %q, want %q", strings.Join(titles, "|"), want)
	}
	if got[1].URL != "file://"+filepath.ToSlash(good) {
		t.Errorf("Import second URL (in name order) = %q, want file://%s", got[1].URL, good)
	}
	wantErr := map[string]error{empty: ErrEmpty, binary: ErrBinary, noneDir: ErrNoFiles, missing: fs.ErrNotExist}
	for p, want := range wantErr {
		if !errors.Is(failed[p], want) {
			t.Errorf("Import(%s) failure = %v, want %v", filepath.Base(p), failed[p], want)
		}
	}
	if len(failed) != len(wantErr) {
		t.Errorf("Import failures = %v, want only %v", failed, wantErr)
	}
}

func TestImportStopsOnEmitError(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "1.txt"), []byte("หนึ่ง\n"))
	writeFile(t, filepath.Join(dir, "2.txt"), []byte("สอง\n"))
	stop := errors.New("disk full")
	n, err := Import(t.Context(), []string{dir}, func(botrian.Document) error { return stop }, nil)
	if !errors.Is(err, stop) || n != 0 {
		t.Errorf("Import with failing emit = %d, %v, want 0, %v", n, err, stop)
	}
}
