package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/indexer/facet"
)

// runInspect shows the facets of one document with the spans behind them.
func runInspect(_ context.Context, e env, args []string) error {
	fs := flags(e, "inspect", "[--data DIR] [--json] ID",
		`Finds document ID (or the document whose URL is ID) in DIR/documents.jsonl,
extracts its facets (provinces, years, tools, organisations, section kinds)
and prints every value with the field, byte offsets and text span that
produced it, so a curator can see why the document carries a facet.`)
	data := fs.String("data", defaultDataDir, "data `DIR` holding documents.jsonl")
	asJSON := fs.Bool("json", false, "print the facts and evidence as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(e.stderr, "inspect: want exactly one document ID")
		fs.Usage()
		return errUsage
	}
	id := fs.Arg(0)
	path := docsFile(*data)
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("inspect: %w", err)
	}
	defer f.Close()
	var doc botrian.Document
	found, bad := false, 0
	err = botrian.ReadDocuments(f, func(d botrian.Document) error {
		if d.ID == id || d.URL == id {
			doc, found = d, true // the last line wins
		}
		return nil
	}, func(error) { bad++ })
	if err != nil {
		return fmt.Errorf("inspect: read %s: %w", path, err)
	}
	if bad > 0 {
		fmt.Fprintf(e.stderr, "inspect: skipped %d undecodable lines of %s\n", bad, path)
	}
	if !found {
		return fmt.Errorf("inspect: document %s not in %s", id, path)
	}
	facts := facet.Extract(indexer.FacetInput(doc))
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			ID    string      `json:"id"`
			URL   string      `json:"url"`
			Title string      `json:"title"`
			Facts facet.Facts `json:"facts"`
		}{doc.ID, doc.URL, doc.Title, facts})
	}
	fmt.Fprintf(e.stdout, "%s  %s\n%s\n\n%s", doc.ID, doc.URL, doc.Title, facts.Report())
	return nil
}
