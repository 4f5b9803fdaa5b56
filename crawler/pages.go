package crawler

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Page is a raw fetched page as kept under DIR/pages.
//
// # Page file format
//
// DIR/pages/{h[0:2]}/{h}.gz, where h is the hex SHA-256 of the canonical URL.
// The file is one gzip stream holding a JSON header line (the Page fields
// except Body) and then the body bytes exactly as the server sent them, so
// extraction, charset detection included, can re-run without fetching.
// Files are written to a temporary name, synced and renamed, so a reader
// never sees half a page.
type Page struct {
	// Key is the canonical URL.
	Key string `json:"key"`
	// URL is the URL finally fetched, after redirects.
	URL         string    `json:"url"`
	ContentType string    `json:"content_type,omitempty"`
	FetchedAt   time.Time `json:"fetched_at"`
	Body        []byte    `json:"-"`
}

// pageStore is the directory of raw pages.
type pageStore struct{ dir string }

func pageHash(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

func (s pageStore) path(key string) string {
	h := pageHash(key)
	return filepath.Join(s.dir, h[:2], h+".gz")
}

// put writes p atomically.
func (s pageStore) put(p Page) error {
	final := s.path(p.Key)
	tmp, err := os.CreateTemp(filepath.Dir(final), ".page-*")
	if errors.Is(err, fs.ErrNotExist) { // the first page of its folder
		if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
			return fmt.Errorf("store page %s: %w", p.Key, err)
		}
		tmp, err = os.CreateTemp(filepath.Dir(final), ".page-*")
	}
	if err != nil {
		return fmt.Errorf("store page %s: %w", p.Key, err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	zw := gzip.NewWriter(tmp)
	hdr, err := json.Marshal(p)
	if err == nil {
		hdr = append(hdr, '\n')
		_, err = zw.Write(hdr)
	}
	if err == nil {
		_, err = zw.Write(p.Body)
	}
	if err == nil {
		err = zw.Close()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), final)
	}
	if err != nil {
		return fmt.Errorf("store page %s: %w", p.Key, err)
	}
	return nil
}

// remove deletes the page stored for a canonical URL, if any.
func (s pageStore) remove(key string) error {
	if err := os.Remove(s.path(key)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove page %s: %w", key, err)
	}
	return nil
}

// get reads the page stored for a canonical URL; the error wraps
// fs.ErrNotExist when there is none.
func (s pageStore) get(key string) (Page, error) {
	return readPage(s.path(key))
}

func readPage(path string) (Page, error) {
	f, err := os.Open(path)
	if err != nil {
		return Page{}, fmt.Errorf("read page %s: %w", path, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return Page{}, fmt.Errorf("read page %s: %w", path, err)
	}
	br := bufio.NewReader(zr)
	line, err := br.ReadBytes('\n')
	if err != nil {
		return Page{}, fmt.Errorf("read page %s header: %w", path, err)
	}
	var p Page
	if err := json.Unmarshal(line, &p); err != nil {
		return Page{}, fmt.Errorf("read page %s header: %w", path, err)
	}
	if p.Body, err = io.ReadAll(br); err != nil {
		return Page{}, fmt.Errorf("read page %s body: %w", path, err)
	}
	return p, nil
}

// walk calls fn with the path of every stored page, in lexical order of
// hash. A missing directory holds no pages.
func (s pageStore) walk(fn func(path string) error) error {
	err := filepath.WalkDir(s.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".gz") || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		return fn(path)
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
