package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/search"
)

func runSearch(ctx context.Context, e env, args []string) error {
	fs := flags(e, "search", "[--data DIR] [--province P] [--year Y] [--tool T] [--sort S] [--page N] [--size N] [--json] QUERY",
		"Searches DIR/index.bleve (built by 'botrian index') and prints the ranked hits with their\n"+
			"province, year and tools and a snippet. QUERY may be empty (every document, newest first);\n"+
			"it understands unspaced Thai, \"phrases\", -exclusions, title:/tag:/section: prefixes, BE and\n"+
			"CE years and province nicknames. --province, --year and --tool may be repeated.\n"+
			"--json prints exactly the body of GET /api/v1/search.")
	data := fs.String("data", defaultDataDir, "data `directory`")
	v := url.Values{}
	for _, p := range []struct{ name, usage string }{
		{"province", "filter by `province` (Thai name, alias or English)"},
		{"year", "filter by `year` (CE or BE)"},
		{"tool", "filter by `tool` id (area_assembly, hia, area_charter, ...)"},
	} {
		fs.Func(p.name, p.usage, func(s string) error { v.Add(p.name, s); return nil })
	}
	sort := fs.String("sort", "", "order: relevance, newest or oldest (default relevance, or newest for an empty query)")
	page := fs.Int("page", 1, "page `number`")
	size := fs.Int("size", search.DefaultSize, "hits per page (at most 100)")
	asJSON := fs.Bool("json", false, "print the API's JSON response")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	v.Set("q", strings.Join(fs.Args(), " "))
	v.Set("sort", *sort)
	v.Set("page", strconv.Itoa(*page))
	v.Set("size", strconv.Itoa(*size))
	req, err := search.ParseRequest(v)
	if err != nil {
		fmt.Fprintf(e.stderr, "search: %v\n", err)
		return errUsage
	}
	idx, err := indexer.Open(indexDir(*data))
	if err != nil {
		return fmt.Errorf("%w\nrun 'botrian index --data %s' first", err, *data)
	}
	defer idx.Close()
	s, err := search.New(idx, search.Config{})
	if err != nil {
		return err
	}
	res, err := s.Search(ctx, req)
	if err != nil {
		return err
	}
	if *asJSON {
		// The same encoder settings as the API (echo's c.JSON).
		return json.NewEncoder(e.stdout).Encode(search.NewResponse(res, req))
	}
	printHits(e.stdout, res, req, isTerminal(e.stdout))
	return nil
}

func printHits(w io.Writer, res *search.Result, req search.Request, term bool) {
	from := (req.Page-1)*req.Size + 1
	fmt.Fprintf(w, "%d documents", res.Total)
	if len(res.Hits) > 0 {
		fmt.Fprintf(w, ", %d-%d shown", from, from+len(res.Hits)-1)
	}
	fmt.Fprintf(w, " (%s)\n", res.Took.Round(1e5))
	if res.DidYouMean != "" {
		fmt.Fprintf(w, "did you mean: %s\n", res.DidYouMean)
	}
	open, shut := "[", "]"
	if term {
		open, shut = "\x1b[1m", "\x1b[0m"
	}
	for i, h := range res.Hits {
		fmt.Fprintf(w, "\n%d. %s%s%s\n", from+i, open, h.Title, shut)
		var meta []string
		if len(h.Provinces) > 0 {
			meta = append(meta, strings.Join(h.Provinces, ", "))
		}
		if h.Year > 0 {
			meta = append(meta, fmt.Sprintf("%d (%d)", h.Year+543, h.Year))
		}
		if len(h.Tools) > 0 {
			meta = append(meta, strings.Join(h.Tools, ", "))
		}
		meta = append(meta, h.Site, h.URL)
		fmt.Fprintf(w, "   %s\n", strings.Join(meta, " · "))
		if h.Snippet != "" {
			sn := strings.NewReplacer("<mark>", open, "</mark>", shut).Replace(h.Snippet)
			fmt.Fprintf(w, "   %s\n", html.UnescapeString(sn))
		}
	}
}
