package search

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/indexer/facet"
)

// Weights of what makes two documents alike.
const (
	simTool         = 2.0 // a shared primary tool
	simProvince     = 2.5 // the same primary province
	simHealthRegion = 1.2 // a province in the same health region
	simRegion       = 0.5 // a province in the same region
	simTerm         = 1.0 // a shared distinctive word (scaled by its weight)
	simTerms        = 15  // distinctive words used
	simTextBytes    = 20000
)

// Similar returns up to size documents most like document id (case
// precedents): shared tools, the same or nearby provinces (same health
// region, same region) and shared distinctive words. It returns
// ErrNotFound for an unknown id.
func (s *Searcher) Similar(ctx context.Context, id string, size int) ([]Hit, error) {
	if size < 1 || size > MaxSize {
		return nil, &ParamError{"size", strconv.Itoa(size), fmt.Sprintf("must be 1 to %d", MaxSize)}
	}
	e, err := s.Document(ctx, id)
	if err != nil {
		return nil, err
	}
	var should []query.Query
	for _, t := range e.Facts.Tools {
		should = append(should, termQ(indexer.FieldTool, t, simTool))
	}
	for _, p := range e.Facts.Provinces {
		should = append(should, termQ(indexer.FieldProvince, p, simProvince))
	}
	for _, h := range e.Facts.HealthRegions {
		should = append(should, termQ(indexer.FieldHealthRegion, strconv.Itoa(h), simHealthRegion))
	}
	for _, r := range e.Facts.Regions {
		should = append(should, termQ(indexer.FieldRegion, r, simRegion))
	}
	for _, t := range s.distinctive(e.Document.Title + "\n" + clip(e.Document.Body, simTextBytes)) {
		should = append(should, termQ("_all", t.term, simTerm*t.weight))
	}
	if len(should) == 0 {
		return []Hit{}, nil
	}
	b := bleve.NewBooleanQuery()
	b.AddShould(should...)
	b.AddMustNot(query.NewDocIDQuery([]string{id}))
	r := bleve.NewSearchRequestOptions(b, size, 0, false)
	r.Fields = hitFields
	r.SortByCustom(sortOrder(SortRelevance))
	res, err := s.idx.SearchInContext(ctx, r)
	if err != nil {
		return nil, fmt.Errorf("similar to %s: %w", id, err)
	}
	out := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		hit := hitOf(h)
		hit.Snippets = s.leadSnippet(str(h.Fields[indexer.FieldBody]), s.cfg.FragmentLen)
		if len(hit.Snippets) > 0 {
			hit.Snippet = hit.Snippets[0]
		}
		out = append(out, hit)
	}
	return out, nil
}

type weighted struct {
	term   string
	weight float64
}

// distinctive returns the words of text that best tell it apart: frequent
// in it, rare in the index (tf·idf), at most simTerms, weights in (0, 1].
// Province and tool names are left out: the facets already count them.
func (s *Searcher) distinctive(text string) []weighted {
	tf := map[string]int{}
	for _, w := range s.analyze(text) {
		if utf8.RuneCountInString(w.term) < 2 || isNumber(w.term) {
			continue
		}
		tf[w.term]++
	}
	type cand struct {
		term string
		tf   int
	}
	var cs []cand
	for t, n := range tf {
		if _, ok := facet.LookupProvince(t); ok {
			continue
		}
		cs = append(cs, cand{t, n})
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if a.tf != b.tf {
			return b.tf - a.tf
		}
		return strings.Compare(a.term, b.term)
	})
	if len(cs) > 100 {
		cs = cs[:100]
	}
	n := float64(s.docCount())
	var ws []weighted
	for _, c := range cs {
		df := float64(s.termCount(c.term))
		if df <= 1 || df > n/3 {
			continue // unique to this document, or too common to tell anything
		}
		ws = append(ws, weighted{c.term, (1 + math.Log(float64(c.tf))) * math.Log(n/df)})
	}
	slices.SortFunc(ws, func(a, b weighted) int {
		if a.weight != b.weight {
			if a.weight > b.weight {
				return -1
			}
			return 1
		}
		return strings.Compare(a.term, b.term)
	})
	if len(ws) > simTerms {
		ws = ws[:simTerms]
	}
	if len(ws) > 0 {
		top := ws[0].weight
		for i := range ws {
			ws[i].weight /= top
		}
	}
	return ws
}

func (s *Searcher) docCount() uint64 {
	n, err := s.idx.DocCount()
	if err != nil {
		return 0
	}
	return n
}

func isNumber(s string) bool {
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' && r != ',' {
			return false
		}
	}
	return true
}

// clip cuts s to at most n bytes on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
