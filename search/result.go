package search

import (
	"time"

	"github.com/botrian/botrian/indexer"
)

// Result is one page of a search.
type Result struct {
	// Total is the number of documents matching the query and filters; it
	// does not depend on the page.
	Total uint64
	Hits  []Hit
	// Facets holds every facet of indexer.FacetSpecs, in that order, with
	// disjunctive counts (see the package comment).
	Facets []FacetResult
	// DidYouMean is a respelled query when the query found none or few
	// hits and the index knows a close spelling; else empty.
	DidYouMean string
	// Relaxed is set when no document had every word of the query, and
	// Hits are the documents with most of them instead.
	Relaxed bool
	Took    time.Duration
}

// Hit is one matching document.
type Hit struct {
	ID, URL, Title, Site string
	// Published is YYYY-MM-DD, YYYY-MM or YYYY (CE), or empty.
	Published string
	// Year is the document year (CE), 0 when unknown.
	Year      int
	Provinces []string
	Tools     []string
	// Snippet is the first of Snippets: HTML with <mark> around the
	// matched words, everything else escaped.
	Snippet  string
	Snippets []string
	// Section is the section kind the snippets come from, or "" for the body.
	Section string
	Score   float64
}

// FacetResult is the counts of one facet.
type FacetResult struct {
	Facet  indexer.Facet
	Values []FacetValue
}

// FacetValue is one value of a facet with its count.
type FacetValue struct {
	// Value is what a filter takes (canonical name, id, or CE year).
	Value string
	// Label and LabelEN are its Thai and English labels (for years, BE and CE).
	Label, LabelEN string
	Count          int
	// Parent is the value of the parent facet in a hierarchy: a province's
	// region, a tool's family.
	Parent   string
	Selected bool
}

// Response is the JSON body of GET /api/v1/search and of
// 'botrian search --json'.
type Response struct {
	Total      uint64                     `json:"total"`
	Page       int                        `json:"page"`
	Size       int                        `json:"size"`
	Hits       []ResponseHit              `json:"hits"`
	Facets     map[string][]ResponseValue `json:"facets"`
	DidYouMean string                     `json:"did_you_mean,omitempty"`
	// Relaxed: no document has every word of the query; the hits have most.
	Relaxed bool `json:"relaxed,omitempty"`
}

// ResponseHit is a Hit in a Response.
type ResponseHit struct {
	ID        string   `json:"id"`
	URL       string   `json:"url"`
	Title     string   `json:"title"`
	Site      string   `json:"site"`
	Published string   `json:"published,omitempty"`
	Year      int      `json:"year,omitempty"`
	Provinces []string `json:"provinces"`
	Tools     []string `json:"tools"`
	Snippet   string   `json:"snippet"`
	Snippets  []string `json:"snippets"`
	Section   string   `json:"section,omitempty"`
	Score     float64  `json:"score"`
}

// ResponseValue is a FacetValue in a Response.
type ResponseValue struct {
	Value    string `json:"value"`
	Label    string `json:"label"`
	LabelEN  string `json:"label_en"`
	Count    int    `json:"count"`
	Parent   string `json:"parent,omitempty"`
	Selected bool   `json:"selected,omitempty"`
}

// NewResponse converts a result of req (normalized) into the JSON body.
func NewResponse(res *Result, req Request) Response {
	req = req.Normalize()
	out := Response{
		Total:      res.Total,
		Page:       req.Page,
		Size:       req.Size,
		Hits:       make([]ResponseHit, 0, len(res.Hits)),
		Facets:     make(map[string][]ResponseValue, len(res.Facets)),
		DidYouMean: res.DidYouMean,
		Relaxed:    res.Relaxed,
	}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, ResponseHit{
			ID: h.ID, URL: h.URL, Title: h.Title, Site: h.Site, Published: h.Published, Year: h.Year,
			Provinces: nonNil(h.Provinces), Tools: nonNil(h.Tools),
			Snippet: h.Snippet, Snippets: nonNil(h.Snippets), Section: h.Section, Score: h.Score,
		})
	}
	for _, f := range res.Facets {
		vs := make([]ResponseValue, 0, len(f.Values))
		for _, v := range f.Values {
			vs = append(vs, ResponseValue(v))
		}
		out.Facets[string(f.Facet)] = vs
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
