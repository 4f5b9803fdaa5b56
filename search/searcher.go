package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/botrian/botrian/indexer"
)

// ErrNotFound is returned for a document ID the index does not hold.
var ErrNotFound = errors.New("document not found")

// Defaults of Config.
const (
	DefaultCacheSize    = 512 // facet-count sets kept
	DefaultCacheMinHits = 500 // searches with at least this many hits have their counts cached
	DefaultFragments    = 3   // snippets per hit
	DefaultFragmentLen  = 160 // runes of context per snippet, about
	DefaultFewHits      = 3   // DidYouMean is offered when a query finds at most this many
)

// Config adjusts a Searcher. The zero value uses the defaults.
type Config struct {
	// CacheSize is how many facet-count sets the cache keeps; negative
	// disables the cache.
	CacheSize int
	// CacheMinHits is the hit count from which a search's facet counts are
	// cached (broad searches are the slow ones).
	CacheMinHits int
	// Fragments is the number of snippets per hit; FragmentLen their length
	// in runes, about (they end on word boundaries).
	Fragments, FragmentLen int
	// FewHits is the hit count up to which DidYouMean is computed.
	FewHits int
	// Logger receives debug lines; nil discards.
	Logger *slog.Logger
	// Now returns the current time, for Took; nil means time.Now.
	Now func() time.Time
}

// Searcher answers searches over one index. It is safe for concurrent use.
type Searcher struct {
	idx      *indexer.Index
	cfg      Config
	analyzer analysis.Analyzer
	cache    *countCache
	log      *slog.Logger
}

// New returns a Searcher over idx.
func New(idx *indexer.Index, cfg Config) (*Searcher, error) {
	if idx == nil || idx.Index == nil {
		return nil, errors.New("search: nil index")
	}
	if cfg.CacheSize == 0 {
		cfg.CacheSize = DefaultCacheSize
	}
	if cfg.CacheMinHits == 0 {
		cfg.CacheMinHits = DefaultCacheMinHits
	}
	if cfg.Fragments == 0 {
		cfg.Fragments = DefaultFragments
	}
	if cfg.FragmentLen == 0 {
		cfg.FragmentLen = DefaultFragmentLen
	}
	if cfg.FewHits == 0 {
		cfg.FewHits = DefaultFewHits
	}
	if cfg.Fragments < 0 || cfg.FragmentLen < 20 || cfg.CacheMinHits < 0 || cfg.FewHits < 0 {
		return nil, fmt.Errorf("search: invalid config: fragments %d, fragment length %d, cache min hits %d, few hits %d",
			cfg.Fragments, cfg.FragmentLen, cfg.CacheMinHits, cfg.FewHits)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	m := idx.Mapping()
	name := m.AnalyzerNameForPath(indexer.FieldBody)
	a := m.AnalyzerNamed(name)
	if a == nil {
		return nil, fmt.Errorf("search: index analyzer %q not registered", name)
	}
	return &Searcher{idx: idx, cfg: cfg, analyzer: a, cache: newCountCache(cfg.CacheSize), log: log.With("component", "search")}, nil
}

// hitFields are the stored fields a hit shows.
var hitFields = []string{indexer.FieldURL, indexer.FieldTitle, indexer.FieldSite, indexer.FieldPublished,
	indexer.FieldYear, indexer.FieldProvince, indexer.FieldTool, indexer.FieldBody}

// Search runs req. req is normalized first; an invalid request returns a
// *ParamError. The context cancels the bleve searches.
func (s *Searcher) Search(ctx context.Context, req Request) (*Result, error) {
	start := s.cfg.Now()
	req = req.Normalize()
	if err := req.Validate(); err != nil {
		return nil, err
	}
	pq := ParseQuery(req.Query)
	b := s.build(pq)
	fq := filterQueries(req.Filters)

	main := bleve.NewSearchRequestOptions(withFilters(b.q, fq, ""), req.Size, (req.Page-1)*req.Size, false)
	main.Fields = hitFields
	main.SortByCustom(sortOrder(req.Sort))
	if !pq.IsEmpty() {
		main.IncludeLocations = true
	}
	facets, err := s.facets(ctx, req, b.q, fq, main)
	if err != nil {
		return nil, err
	}
	relaxed := false
	if facets.total == 0 {
		// No document has every word: show those with most of them, and
		// say so, rather than nothing.
		if rb, ok := s.buildRelaxed(pq); ok {
			main.Query = withFilters(rb.q, fq, "")
			if facets, err = s.facets(ctx, req, rb.q, fq, main); err != nil {
				return nil, err
			}
			relaxed = facets.total > 0
		}
	}
	res := &Result{Total: facets.total, Relaxed: relaxed}
	for _, h := range facets.main.Hits {
		hit := hitOf(h)
		if !pq.IsEmpty() {
			hit.Snippets, hit.Section = s.snippets(ctx, h, b.snippetFields)
		}
		if len(hit.Snippets) == 0 {
			hit.Snippets = s.leadSnippet(str(h.Fields[indexer.FieldBody]), s.cfg.FragmentLen)
		}
		if len(hit.Snippets) > 0 {
			hit.Snippet = hit.Snippets[0]
		}
		res.Hits = append(res.Hits, hit)
	}
	res.Facets = facets.results
	if !pq.IsEmpty() && res.Total <= uint64(s.cfg.FewHits) {
		res.DidYouMean = s.didYouMean(ctx, req, pq, res.Total)
	}
	res.Took = s.cfg.Now().Sub(start)
	s.log.Debug("search", "q", req.Query, "total", res.Total, "took_ms", res.Took.Milliseconds())
	return res, nil
}

// sortOrder is the bleve order of a Sort, ending in the document ID so that
// pages never overlap.
func sortOrder(s Sort) bsearch.SortOrder {
	date := func(desc bool) *bsearch.SortField {
		return &bsearch.SortField{Field: indexer.FieldSortDate, Type: bsearch.SortFieldAsString, Desc: desc, Missing: bsearch.SortFieldMissingLast}
	}
	switch s {
	case SortNewest:
		return bsearch.SortOrder{date(true), &bsearch.SortScore{Desc: true}, &bsearch.SortDocID{}}
	case SortOldest:
		return bsearch.SortOrder{date(false), &bsearch.SortScore{Desc: true}, &bsearch.SortDocID{}}
	}
	return bsearch.SortOrder{&bsearch.SortScore{Desc: true}, date(true), &bsearch.SortDocID{}}
}

// hitOf reads a hit's stored fields.
func hitOf(h *bsearch.DocumentMatch) Hit {
	hit := Hit{
		ID:        h.ID,
		URL:       str(h.Fields[indexer.FieldURL]),
		Title:     str(h.Fields[indexer.FieldTitle]),
		Site:      str(h.Fields[indexer.FieldSite]),
		Published: str(h.Fields[indexer.FieldPublished]),
		Provinces: strs(h.Fields[indexer.FieldProvince]),
		Tools:     strs(h.Fields[indexer.FieldTool]),
		Score:     h.Score,
	}
	hit.Year, _ = strconv.Atoi(str(h.Fields[indexer.FieldYear]))
	return hit
}

func str(v interface{}) string {
	switch v := v.(type) {
	case string:
		return v
	case []interface{}:
		if len(v) > 0 {
			return str(v[0])
		}
	}
	return ""
}

func strs(v interface{}) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []interface{}:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return []string{}
}

// Document returns the stored entry of a document, or ErrNotFound.
func (s *Searcher) Document(ctx context.Context, id string) (*indexer.Entry, error) {
	h, err := s.stored(ctx, id, indexer.FieldSource)
	if err != nil {
		return nil, err
	}
	var e indexer.Entry
	if err := json.Unmarshal([]byte(str(h.Fields[indexer.FieldSource])), &e); err != nil {
		return nil, fmt.Errorf("decode document %s: %w", id, err)
	}
	return &e, nil
}

// stored loads stored fields of one document.
func (s *Searcher) stored(ctx context.Context, id string, fields ...string) (*bsearch.DocumentMatch, error) {
	r := bleve.NewSearchRequestOptions(query.NewDocIDQuery([]string{id}), 1, 0, false)
	r.Fields = fields
	res, err := s.idx.SearchInContext(ctx, r)
	if err != nil {
		return nil, fmt.Errorf("load document %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	return res.Hits[0], nil
}
