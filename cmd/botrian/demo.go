package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/api"
	"github.com/botrian/botrian/crawler"
	"github.com/botrian/botrian/indexer"
)

func runDemo(ctx context.Context, e env, args []string) error {
	fl := flags(e, "demo", "[--addr HOST:PORT] [--data DIR]",
		"Indexes the demo corpus bundled in the binary (field reports written by the Botrian\n"+
			"team in the areahpp, gotoknow and softganz page styles) into a temporary directory,\n"+
			"serves it, and prints the URL. Ctrl-C stops it and removes the directory.")
	addr := fl.String("addr", "127.0.0.1:8080", "listen `address`")
	keep := fl.String("data", "", "build into this data `directory` and keep it, instead of a temporary one")
	if err := parseFlags(fl, args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(e.stderr, "demo: unexpected argument %q\n", fl.Arg(0))
		fl.Usage()
		return errUsage
	}
	dir := *keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "botrian-demo-")
		if err != nil {
			return fmt.Errorf("demo directory: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("demo directory: %w", err)
	}
	docs, err := demoDocuments(botrian.DemoCorpus)
	if err != nil {
		return err
	}
	docsPath := filepath.Join(dir, "documents.jsonl")
	if _, _, err := crawler.MergeDocuments(docsPath, docs); err != nil {
		return err
	}
	st, err := indexer.Build(ctx, docsPath, filepath.Join(dir, "index.bleve"), indexer.Config{})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "indexed %d demo documents into %s\n", st.Documents, dir)
	return serveIndex(ctx, e, dir, serveOptions{addr: *addr, timeout: api.DefaultTimeout})
}

// demoDocuments extracts every page of the bundled corpus, as 'botrian
// import' would from files; their URLs are file:///botrian-demo/....
func demoDocuments(fsys fs.FS) ([]botrian.Document, error) {
	var docs []botrian.Document
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.EqualFold(path.Ext(p), ".html") {
			return err
		}
		body, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		doc, err := crawler.Extract("file:///botrian-demo/"+p, body, "text/html; charset=utf-8")
		if err != nil {
			return err
		}
		docs = append(docs, doc)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("demo corpus: %w", err)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("demo corpus: no pages")
	}
	return docs, nil
}
