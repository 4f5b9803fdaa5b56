package main

import (
	"context"
	"fmt"
	"os"

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
	if err := parseNoArgs(fl, args); err != nil {
		return err
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
	// Fixed URLs (file:///botrian-demo/testdata/corpus/...) give each page the
	// same ID, and so the same /doc/{id} link, on every run.
	docs, err := crawler.ExtractFS(botrian.DemoCorpus, ".", "file:///botrian-demo/")
	if err != nil {
		return fmt.Errorf("demo corpus: %w", err)
	}
	docsPath := docsFile(dir)
	if _, _, err := crawler.MergeDocuments(docsPath, docs); err != nil {
		return err
	}
	st, err := indexer.Build(ctx, docsPath, indexDir(dir), indexer.Config{})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "indexed %d demo documents into %s\n", st.Documents, dir)
	return serveIndex(ctx, e, dir, serveOptions{addr: *addr, timeout: api.DefaultTimeout})
}
