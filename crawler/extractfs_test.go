package crawler

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/botrian/botrian"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestExtractFS checks that ExtractFS over the embedded demo corpus yields
// what Import yields from the same files on disk, but for the URL (and so
// the ID) and FetchedAt, which only Import sets from the file.
func TestExtractFS(t *testing.T) {
	const base = "file:///botrian-demo/"
	docs, err := ExtractFS(botrian.DemoCorpus, "testdata/corpus", base)
	if err != nil {
		t.Fatalf("ExtractFS(DemoCorpus) error: %v", err)
	}
	var imported []botrian.Document
	if _, err := Import(t.Context(), []string{"../testdata/corpus"}, func(d botrian.Document) error {
		imported = append(imported, d)
		return nil
	}, func(p string, err error) { t.Errorf("Import(%s): %v", p, err) }); err != nil {
		t.Fatalf("Import(corpus) error: %v", err)
	}
	if len(docs) != len(imported) {
		t.Fatalf("ExtractFS(DemoCorpus) = %d documents, Import = %d", len(docs), len(imported))
	}
	for i, d := range docs {
		_, rel, _ := strings.Cut(imported[i].URL, "/testdata/corpus/")
		if want := base + "testdata/corpus/" + rel; d.URL != want || d.ID != botrian.DocID(want) {
			t.Errorf("document %d: URL %q, ID %q; want %q and its DocID", i, d.URL, d.ID, want)
		}
		ignore := cmpopts.IgnoreFields(botrian.Document{}, "URL", "ID", "FetchedAt")
		if diff := cmp.Diff(imported[i], d, ignore); diff != "" {
			t.Errorf("ExtractFS(%s) differs from Import (-import +fs):\n%s", d.URL, diff)
		}
	}
}

func TestExtractFSErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"none/notes.md":  {Data: []byte("# notes")},
		"bad/empty.html": {Data: nil},
	}
	if _, err := ExtractFS(fsys, "none", "file:///x/"); !errors.Is(err, ErrNoFiles) {
		t.Errorf("ExtractFS(none) error = %v, want ErrNoFiles", err)
	}
	var xe *ExtractError
	if _, err := ExtractFS(fsys, "bad", "file:///x/"); !errors.As(err, &xe) || xe.URL != "file:///x/bad/empty.html" || !errors.Is(err, ErrEmpty) {
		t.Errorf("ExtractFS(bad) error = %v, want an *ExtractError for file:///x/bad/empty.html wrapping ErrEmpty", err)
	}
	if _, err := ExtractFS(fsys, "missing", "file:///x/"); err == nil || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ExtractFS(missing) error = %v, want fs.ErrNotExist", err)
	}
}
