package main

import (
	"context"
	"fmt"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/crawler"
)

func runImport(ctx context.Context, e env, args []string) error {
	fs := flags(e, "import", "[--data DIR] PATH...",
		"Reads local .html, .htm and .txt files (a PATH may be a folder, read recursively)\n"+
			"into DIR/documents.jsonl. The site style (areahpp, gotoknow, softganz report,\n"+
			"generic) is picked from the content and its boilerplate stripped. A document's\n"+
			"url is the file's file:// URL; importing a file again replaces its document.\n\n"+
			"A file that is missing, unreadable, binary or empty is reported on stderr as\n"+
			"'import: PATH: reason' and the rest go on; the exit status is 1 if any failed.\n"+
			"The summary line on stdout reads 'imported N, failed M, added A, updated U'.")
	data := fs.String("data", defaultDataDir, "data `directory`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "import: no PATH given")
		fs.Usage()
		return errUsage
	}
	m := newMeter(e.stderr, "read")
	var docs []botrian.Document
	failed := 0
	_, err := crawler.Import(ctx, fs.Args(), func(d botrian.Document) error {
		docs = append(docs, d)
		m.update(len(docs), 0)
		return nil
	}, func(path string, err error) {
		failed++
		m.done()
		fmt.Fprintf(e.stderr, "import: %s: %v\n", path, err)
	})
	m.done()
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	added, updated, err := crawler.MergeDocuments(docsFile(*data), docs)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	fmt.Fprintf(e.stdout, "imported %d, failed %d, added %d, updated %d (%s)\n",
		len(docs), failed, added, updated, docsFile(*data))
	if failed > 0 {
		return fmt.Errorf("import: %d of %d files failed", failed, failed+len(docs))
	}
	return nil
}
