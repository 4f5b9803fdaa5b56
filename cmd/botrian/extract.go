package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/botrian/botrian/crawler"
)

func runExtract(ctx context.Context, e env, args []string) error {
	fs := flags(e, "extract", "[--data DIR]",
		"Re-runs extraction over the raw pages kept in DIR/pages by 'botrian crawl' and merges\n"+
			"the documents into DIR/documents.jsonl, without fetching anything. The same article\n"+
			"found under two URLs becomes one document recording both. Run it after the\n"+
			"extraction rules improve. It cannot run while a crawl uses the same DIR.")
	data := fs.String("data", defaultDataDir, "data `directory`")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil)).With("component", "crawler")
	st, err := crawler.ExtractAll(ctx, *data, log)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	fmt.Fprintf(e.stdout, "extracted %d documents from %d pages (%d failed) into %s\n",
		st.Documents, st.Pages, st.Failed, docsFile(*data))
	return nil
}
