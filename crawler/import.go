package crawler

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/botrian/botrian"
)

// importExts are the file name extensions Import reads inside folders.
// A file named on the command line is tried whatever its name.
var importExts = map[string]string{".html": "text/html", ".htm": "text/html", ".txt": "text/plain"}

// ErrNoFiles reports a folder that holds no .html, .htm or .txt file.
// (Other files inside folders are skipped; a file named directly is tried
// whatever its extension, and rejected if binary.)
var ErrNoFiles = errors.New("folder holds no .html, .htm or .txt files")

// Import reads local .html, .htm and .txt files, and folders of them
// (recursively, in name order), and calls emit with each Document. A file
// that is missing, unreadable, binary, empty or too large is reported to
// fail(path, err) and the rest go on; fail may be nil. A document's URL is
// the file's file:// URL and FetchedAt the file's modification time.
//
// n counts the documents emitted. err is non-nil only when ctx ends or emit
// fails; per-file failures go to fail.
func Import(ctx context.Context, paths []string, emit func(botrian.Document) error, fail func(path string, err error)) (n int, err error) {
	if fail == nil {
		fail = func(string, error) {}
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		files, err := importFiles(p)
		if err != nil {
			fail(p, err)
			continue
		}
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			d, err := ImportFile(f)
			if err != nil {
				fail(f, err)
				continue
			}
			if err := emit(d); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// importFiles expands p: a file is itself, a folder the files under it
// with an importable extension, sorted.
func importFiles(p string) ([]string, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, describeFileErr(err)
	}
	if !st.IsDir() {
		return []string{p}, nil
	}
	var files []string
	err = filepath.WalkDir(p, func(path string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if de.Type().IsRegular() {
			if _, ok := importExts[strings.ToLower(filepath.Ext(path))]; ok {
				files = append(files, path)
			}
		}
		return nil
	})
	if err != nil {
		return files, describeFileErr(err)
	}
	if len(files) == 0 {
		return nil, ErrNoFiles
	}
	sort.Strings(files)
	return files, nil
}

// describeFileErr keeps the cause and says it plainly, without repeating
// the path the caller reports anyway.
func describeFileErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("no such file or folder (%w)", err)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("not readable (%w)", err)
	}
	return err
}

// ImportFile reads one local file into a Document (see Import).
func ImportFile(path string) (botrian.Document, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return botrian.Document{}, err
	}
	f, err := os.Open(abs)
	if err != nil {
		return botrian.Document{}, describeFileErr(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return botrian.Document{}, describeFileErr(err)
	}
	if !st.Mode().IsRegular() {
		return botrian.Document{}, fmt.Errorf("not a regular file (%s)", st.Mode().Type())
	}
	if st.Size() > MaxExtractBytes {
		return botrian.Document{}, fmt.Errorf("%d bytes: %w", st.Size(), ErrTooLarge)
	}
	body, err := io.ReadAll(io.LimitReader(f, MaxExtractBytes+1))
	if err != nil {
		return botrian.Document{}, fmt.Errorf("read: %w", err)
	}
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	d, err := Extract(u, body, importExts[strings.ToLower(filepath.Ext(abs))])
	if err != nil {
		var xe *ExtractError
		if errors.As(err, &xe) {
			return botrian.Document{}, xe.Err
		}
		return botrian.Document{}, err
	}
	d.FetchedAt = st.ModTime().UTC().Truncate(time.Second)
	return d, nil
}
