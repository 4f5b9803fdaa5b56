package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/indexer/thai"
)

func runIndex(ctx context.Context, e env, args []string) error {
	fs := flags(e, "index", "[--data DIR] [--dict FILE] [--batch N] [--shards N]",
		"Builds DIR/index.bleve from DIR/documents.jsonl (written by 'botrian import' or\n"+
			"'botrian crawl'). The new index is built beside the old one and swapped in when\n"+
			"complete, so a server never sees a half-built index.")
	data := fs.String("data", defaultDataDir, "data `directory`")
	dict := fs.String("dict", "", "user dictionary `file`: extra Thai words, one a line")
	batch := fs.Int("batch", indexer.DefaultBatchSize, "documents per index batch")
	shards := fs.Int("shards", 0, "index `shards` (0: automatic, one per core from 50,000 documents)")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	words, err := readDict(*dict)
	if err != nil {
		return err
	}
	m := newMeter(e.stderr, "indexed")
	st, err := indexer.Build(ctx, docsFile(*data), indexDir(*data), indexer.Config{
		BatchSize: *batch,
		Shards:    *shards,
		UserWords: words,
		Progress:  func(p indexer.Progress) { m.update(p.Done, p.Total) },
		Logger:    slog.New(slog.NewTextHandler(e.stderr, nil)).With("component", "indexer"),
	})
	m.done()
	if errors.Is(err, indexer.ErrNoDocuments) {
		return fmt.Errorf("%w\nrun 'botrian import --data %s PATH...' or 'botrian crawl --data %s --seed URL' first", err, *data, *data)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "indexed %d documents into %s in %s (%d superseded, %d bad lines)\n",
		st.Documents, indexDir(*data), st.Elapsed.Round(1e6), st.Duplicates, st.BadLines)
	return nil
}

// readDict reads a user dictionary; an empty path means none.
func readDict(path string) ([]string, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("user dictionary: %w", err)
	}
	defer f.Close()
	words, err := thai.ReadWords(f)
	if err != nil {
		return nil, fmt.Errorf("user dictionary %s: %w", path, err)
	}
	return words, nil
}
