package crawler

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/botrian/botrian"
	"github.com/google/go-cmp/cmp"
)

func readDocs(t *testing.T, path string) []botrian.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []botrian.Document
	if err := botrian.ReadDocuments(bytes.NewReader(b), func(d botrian.Document) error {
		out = append(out, d)
		return nil
	}, nil); err != nil {
		t.Fatal(err)
	}
	return out
}

func mkDoc(url, title, body string) botrian.Document {
	return botrian.Document{ID: botrian.DocID(url), URL: url, Site: botrian.SiteGeneric, Title: title, Body: body}
}

func TestMergeDocuments(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "documents.jsonl")
	a := mkDoc("https://a.example/1", "เรื่องหนึ่ง", "เนื้อหาหนึ่ง")
	b := mkDoc("https://a.example/2", "เรื่องสอง", "เนื้อหาสอง")
	added, updated, err := MergeDocuments(path, []botrian.Document{a, b})
	if err != nil || added != 2 || updated != 0 {
		t.Fatalf("MergeDocuments(new) = %d, %d, %v, want 2, 0, nil", added, updated, err)
	}
	a2 := mkDoc("https://a.example/1", "เรื่องหนึ่ง (แก้)", "เนื้อหาใหม่")
	dup := mkDoc("https://mirror.example/x", "เรื่องสอง", "เนื้อหาสอง")
	c := mkDoc("https://a.example/3", "เรื่องสาม", "เนื้อหาสาม")
	added, updated, err = MergeDocuments(path, []botrian.Document{a2, dup, c})
	if err != nil || added != 1 || updated != 2 {
		t.Fatalf("MergeDocuments(update) = %d, %d, %v, want 1, 2, nil", added, updated, err)
	}
	b.AltURLs = []string{"https://mirror.example/x"}
	want := []botrian.Document{a2, b, c}
	if diff := cmp.Diff(want, readDocs(t, path)); diff != "" {
		t.Errorf("documents after merge (-want +got):\n%s", diff)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("documents file mode = %v, %v, want 0644", st.Mode(), err)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestMergeDocumentsTornLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "documents.jsonl")
	var buf bytes.Buffer
	a := mkDoc("https://a.example/1", "หนึ่ง", "ก")
	if err := botrian.WriteDocument(&buf, a); err != nil {
		t.Fatal(err)
	}
	buf.WriteString(`{"id":"torn","url":"https://a.exa`)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b := mkDoc("https://a.example/2", "สอง", "ข")
	if added, _, err := MergeDocuments(path, []botrian.Document{b}); err != nil || added != 1 {
		t.Fatalf("MergeDocuments over a torn file = %d, %v, want 1, nil", added, err)
	}
	if diff := cmp.Diff([]botrian.Document{a, b}, readDocs(t, path)); diff != "" {
		t.Errorf("documents after merge over a torn line (-want +got):\n%s", diff)
	}
}

// TestAppendAndCompact: appends after a torn last line start a new line; a
// later line of an ID supersedes the earlier; compaction keeps the last line
// of each ID in first-seen order, drops tombstoned IDs, and leaves a clean
// file untouched.
func TestAppendAndCompact(t *testing.T) {
	path := filepath.Join(t.TempDir(), "documents.jsonl")
	a, b, c := mkDoc("https://a.example/1", "หนึ่ง", "ก"), mkDoc("https://a.example/2", "สอง", "ข"), mkDoc("https://a.example/3", "สาม", "ค")
	if err := appendDocuments(path, []botrian.Document{a, b}); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"id":"torn","url":"https://a.exa`) // a writer killed mid-line
	f.Close()
	a2 := a
	a2.Body = "ก ใหม่"
	if err := appendDocuments(path, []botrian.Document{c, a2}); err != nil {
		t.Fatal(err)
	}
	kept, err := CompactDocuments(path, map[string]bool{b.ID: true})
	if err != nil || kept != 2 {
		t.Fatalf("CompactDocuments = %d, %v, want 2, nil", kept, err)
	}
	if diff := cmp.Diff([]botrian.Document{a2, c}, readDocs(t, path)); diff != "" {
		t.Errorf("documents after compaction (-want +got):\n%s", diff)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := CompactDocuments(path, nil); err != nil {
		t.Fatal(err)
	}
	if st2, err := os.Stat(path); err != nil || !os.SameFile(st, st2) {
		t.Errorf("CompactDocuments rewrote a clean file (%v)", err)
	}
	if n, err := CompactDocuments(filepath.Join(t.TempDir(), "none.jsonl"), nil); n != 0 || err != nil {
		t.Errorf("CompactDocuments(missing) = %d, %v, want 0, nil", n, err)
	}
}
