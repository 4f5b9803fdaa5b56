package crawler

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/botrian/botrian"
)

// ExtractFS extracts every .html, .htm and .txt file under root in fsys,
// in lexical path order, through the same profiles as Import. A document's
// URL is base followed by the file's slash-separated path in fsys (root
// included), so its ID is the same wherever fsys is mounted; FetchedAt is
// left zero. Other files are skipped.
//
// It stops at the first file that cannot be read or extracted, with an
// error naming it (an *ExtractError for extraction). A root holding no
// such file fails with ErrNoFiles.
func ExtractFS(fsys fs.FS, root, base string) ([]botrian.Document, error) {
	var docs []botrian.Document
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		ct, ok := importExts[strings.ToLower(path.Ext(p))]
		if !ok {
			return nil
		}
		body, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		doc, err := Extract(base+p, body, ct)
		if err != nil {
			return err
		}
		docs = append(docs, doc)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: %w", root, ErrNoFiles)
	}
	return docs, nil
}
