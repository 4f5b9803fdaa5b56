package crawler

import (
	"bufio"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/botrian/botrian"
)

// MergeDocuments upserts docs into the documents.jsonl file at path (created
// with its folder if missing) and returns how many were added and how many
// replaced an existing document.
//
// A document replaces the one with the same ID. A document with another ID
// but the same title and body (the same article under another URL) is merged
// into the existing one instead: its URL is recorded in AltURLs and the
// existing ID and URL stay. Lines of the old file that do not decode (a torn
// last line) are dropped.
//
// The file is rewritten through a temporary file in the same folder, synced
// and renamed over the old one, so a process killed at any moment leaves
// either the old file or the new one, never a torn mix.
func MergeDocuments(path string, docs []botrian.Document) (added, updated int, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, 0, fmt.Errorf("merge documents %s: %w", path, err)
	}
	var all []botrian.Document
	byID := map[string]int{}
	byContent := map[[32]byte]int{}
	index := func(i int) {
		byID[all[i].ID] = i
		byContent[contentKey(all[i])] = i
	}
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return 0, 0, fmt.Errorf("merge documents %s: %w", path, err)
	default:
		err = botrian.ReadDocuments(f, func(d botrian.Document) error {
			if i, ok := byID[d.ID]; ok {
				all[i] = d // the last line wins
				index(i)
				return nil
			}
			all = append(all, d)
			index(len(all) - 1)
			return nil
		}, func(error) {})
		f.Close()
		if err != nil {
			return 0, 0, fmt.Errorf("merge documents %s: %w", path, err)
		}
	}
	for _, d := range docs {
		if d.ID == "" {
			d.ID = botrian.DocID(d.URL)
		}
		if i, ok := byID[d.ID]; ok {
			d.AltURLs = mergeURLs(d.URL, all[i].AltURLs, d.AltURLs)
			all[i] = d
			index(i)
			updated++
			continue
		}
		if i, ok := byContent[contentKey(d)]; ok && contentKey(all[i]) == contentKey(d) {
			old := all[i]
			d.AltURLs = mergeURLs(old.URL, old.AltURLs, append([]string{d.URL}, d.AltURLs...))
			d.ID, d.URL = old.ID, old.URL
			all[i] = d
			index(i)
			updated++
			continue
		}
		all = append(all, d)
		index(len(all) - 1)
		added++
	}
	if err := writeDocumentsAtomic(path, all); err != nil {
		return 0, 0, err
	}
	return added, updated, nil
}

// appendDocuments appends docs to the documents.jsonl file at path (created
// with its folder if missing) and syncs it. A line for an ID already in the
// file supersedes it: readers keep the last line of each ID, and
// CompactDocuments drops the earlier ones. A process killed mid-write leaves
// at most a torn last line, which readers skip; the caller writes that
// document again.
func appendDocuments(path string, docs []botrian.Document) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("append documents %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("append documents %s: %w", path, err)
	}
	defer f.Close()
	if err := endLine(f); err != nil {
		return fmt.Errorf("append documents %s: %w", path, err)
	}
	if err := writeDocuments(f, docs, 256<<10); err != nil {
		return fmt.Errorf("append documents %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("sync documents %s: %w", path, err)
	}
	return f.Close()
}

// endLine writes a newline if the file does not end with one (a torn last
// line), so the next document starts a line of its own.
func endLine(f *os.File) error {
	st, err := f.Stat()
	if err != nil || st.Size() == 0 {
		return err
	}
	last := make([]byte, 1)
	if _, err := f.ReadAt(last, st.Size()-1); err != nil {
		return err
	}
	if last[0] == '\n' {
		return nil
	}
	_, err = f.Write([]byte{'\n'})
	return err
}

// CompactDocuments rewrites the documents.jsonl file at path with one line
// per document: the last line of each ID, in the order IDs first appear,
// without the IDs in gone and without lines that do not decode. It returns
// how many documents it kept, and leaves the file untouched when nothing
// would change. The rewrite is atomic (see MergeDocuments); a missing file
// is no error.
func CompactDocuments(path string, gone map[string]bool) (kept int, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("compact documents %s: %w", path, err)
	}
	var all []botrian.Document
	byID := map[string]int{}
	lines, bad := 0, 0
	err = botrian.ReadDocuments(f, func(d botrian.Document) error {
		lines++
		if i, ok := byID[d.ID]; ok {
			all[i] = d
			return nil
		}
		byID[d.ID] = len(all)
		all = append(all, d)
		return nil
	}, func(error) { bad++ })
	f.Close()
	if err != nil {
		return 0, fmt.Errorf("compact documents %s: %w", path, err)
	}
	live := all[:0]
	for _, d := range all {
		if !gone[d.ID] {
			live = append(live, d)
		}
	}
	if len(live) == lines && bad == 0 {
		return len(live), nil
	}
	if err := writeDocumentsAtomic(path, live); err != nil {
		return 0, err
	}
	return len(live), nil
}

// contentKey identifies an article by what it says, whatever its URL.
func contentKey(d botrian.Document) [32]byte {
	return sha256.Sum256([]byte(d.Title + "\x00" + d.Body))
}

// mergeURLs unions URL lists in order, leaving out primary.
func mergeURLs(primary string, lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		for _, u := range l {
			if u != "" && u != primary && !slices.Contains(out, u) {
				out = append(out, u)
			}
		}
	}
	return out
}

// writeDocumentsAtomic writes docs to a temporary file beside path, syncs
// it, renames it over path and syncs the folder.
func writeDocumentsAtomic(path string, docs []botrian.Document) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write documents %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write documents %s: %w", path, err)
	}
	if err := writeDocuments(tmp, docs, 1<<20); err != nil {
		return fmt.Errorf("write documents %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("sync documents %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close documents %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replace documents %s: %w", path, err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: makes the rename durable on Linux
		d.Close()
	}
	return nil
}

// writeDocuments writes docs to w as JSONL lines through a buffer of size
// bytes, flushed before it returns.
func writeDocuments(w io.Writer, docs []botrian.Document, size int) error {
	bw := bufio.NewWriterSize(w, size)
	for _, d := range docs {
		if err := botrian.WriteDocument(bw, d); err != nil {
			return err
		}
	}
	return bw.Flush()
}
