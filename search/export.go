package search

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
)

// exportBatch is how many hits Export reads per bleve search.
const exportBatch = 500

// Export calls fn with every hit of req (all pages, in req's order, from
// req.Page on), paging with search-after so that memory stays flat. Hits
// carry no snippets. fn's error stops the export and is returned.
func (s *Searcher) Export(ctx context.Context, req Request, fn func(Hit) error) error {
	req = req.Normalize()
	if err := req.Validate(); err != nil {
		return err
	}
	q := withFilters(s.build(ParseQuery(req.Query)).q, filterQueries(req.Filters), "")
	var after []string
	for {
		r := bleve.NewSearchRequestOptions(q, exportBatch, 0, false)
		r.Fields = hitFields[:len(hitFields)-1] // not the body
		r.SortByCustom(sortOrder(req.Sort))
		if after != nil {
			r.SearchAfter = after
		}
		res, err := s.idx.SearchInContext(ctx, r)
		if err != nil {
			return fmt.Errorf("export %q: %w", req.Query, err)
		}
		for _, h := range res.Hits {
			if err := fn(hitOf(h)); err != nil {
				return err
			}
		}
		if len(res.Hits) < exportBatch {
			return nil
		}
		// bleve reports a score sort key as "_score"; search-after wants
		// the score itself.
		last := res.Hits[len(res.Hits)-1]
		after = slices.Clone(last.Sort)
		for i, ss := range r.Sort {
			if ss.RequiresScoring() {
				after[i] = strconv.FormatFloat(last.Score, 'g', -1, 64)
			}
		}
	}
}

// CSVHeader is the header row of a CSV export; Hit.CSV gives the rows.
var CSVHeader = []string{"id", "url", "title", "site", "published", "year", "provinces", "tools", "score"}

// CSV returns h as a CSV row matching CSVHeader; lists are joined by "|".
func (h Hit) CSV() []string {
	year := ""
	if h.Year > 0 {
		year = strconv.Itoa(h.Year)
	}
	return []string{h.ID, h.URL, h.Title, h.Site, h.Published, year,
		strings.Join(h.Provinces, "|"), strings.Join(h.Tools, "|"), strconv.FormatFloat(h.Score, 'f', 4, 64)}
}
