package search

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/botrian/botrian/indexer"
)

// counts are the facet counts of one group: facet → value → documents.
type counts map[indexer.Facet]map[string]int

// facetRun is the outcome of a search with its facet searches.
type facetRun struct {
	total   uint64
	main    *bleve.SearchResult
	results []FacetResult
}

// facets runs the main search together with one Size-0 search per group
// that has an active filter (that group's filters removed), in parallel,
// and assembles every facet's counts. Counts come from the cache when a
// previous broad search on this index generation left them there.
func (s *Searcher) facets(ctx context.Context, req Request, text query.Query, fq map[group]query.Query, main *bleve.SearchRequest) (facetRun, error) {
	specs := indexer.FacetSpecs()
	qkey := canonicalQuery(req.Query)
	got := map[group]counts{}
	type job struct {
		g   []group
		req *bleve.SearchRequest
		res *bleve.SearchResult
		err error
	}
	jobs := []*job{{req: main}}
	for _, g := range groups {
		key := s.cacheKey(qkey, req.Filters, g)
		if c, ok := s.cache.get(key); ok {
			got[g] = c
			continue
		}
		j := jobs[0]
		if _, active := fq[g]; active {
			r := bleve.NewSearchRequestOptions(withFilters(text, fq, g), 0, 0, false)
			j = &job{req: r}
			jobs = append(jobs, j)
		}
		j.g = append(j.g, g)
		for _, sp := range specs {
			if groupOf(sp.Facet) == g {
				j.req.AddFacet(string(sp.Facet), bleve.NewFacetRequest(sp.Field, sp.Size))
			}
		}
	}
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Go(func() { j.res, j.err = s.idx.SearchInContext(ctx, j.req) })
	}
	wg.Wait()
	for _, j := range jobs {
		if j.err != nil {
			return facetRun{}, fmt.Errorf("search %q: %w", req.Query, j.err)
		}
	}
	for _, j := range jobs {
		for _, g := range j.g {
			c := counts{}
			for _, sp := range specs {
				if groupOf(sp.Facet) != g {
					continue
				}
				m := map[string]int{}
				if fr := j.res.Facets[string(sp.Facet)]; fr != nil && fr.Terms != nil {
					for _, t := range fr.Terms.Terms() {
						m[t.Term] = t.Count
					}
				}
				c[sp.Facet] = m
			}
			got[g] = c
			if j.res.Total >= uint64(s.cfg.CacheMinHits) {
				s.cache.put(s.cacheKey(qkey, req.Filters, g), c)
			}
		}
	}
	run := facetRun{total: jobs[0].res.Total, main: jobs[0].res}
	for _, sp := range specs {
		run.results = append(run.results, facetResult(sp.Facet, got[groupOf(sp.Facet)][sp.Facet], req.Filters))
	}
	return run, nil
}

// facetResult orders a facet's counts and labels them. Selected values
// appear even when they count zero.
func facetResult(f indexer.Facet, m map[string]int, fl Filters) FacetResult {
	sel := selected(f, fl)
	out := FacetResult{Facet: f, Values: []FacetValue{}}
	seen := map[string]bool{}
	add := func(v string, n int) {
		if seen[v] {
			return
		}
		seen[v] = true
		th, en, parent := label(f, v)
		out.Values = append(out.Values, FacetValue{Value: v, Label: th, LabelEN: en, Count: n, Parent: parent, Selected: slices.Contains(sel, v)})
	}
	for v, n := range m {
		add(v, n)
	}
	for _, v := range sel {
		add(v, 0)
	}
	switch f {
	case indexer.FacetYear, indexer.FacetHealthRegion:
		slices.SortFunc(out.Values, func(a, b FacetValue) int { return atoi(a.Value) - atoi(b.Value) })
	default:
		slices.SortFunc(out.Values, func(a, b FacetValue) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Value, b.Value)
		})
	}
	return out
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// selected returns the filter values of facet f.
func selected(f indexer.Facet, fl Filters) []string {
	switch f {
	case indexer.FacetProvince:
		return fl.Provinces
	case indexer.FacetRegion:
		return fl.Regions
	case indexer.FacetHealthRegion:
		return itoas(fl.HealthRegions)
	case indexer.FacetYear:
		return itoas(fl.Years)
	case indexer.FacetTool:
		return fl.Tools
	case indexer.FacetOrg:
		return fl.Orgs
	case indexer.FacetSite:
		return fl.Sites
	case indexer.FacetSection:
		return fl.Sections
	}
	return nil
}

// canonicalQuery is the cache form of a query: normalized, spaces folded.
func canonicalQuery(q string) string { return strings.Join(strings.Fields(q), " ") }

// cacheKey identifies the counts of group g: they depend on the index
// generation, the query and every filter outside g.
func (s *Searcher) cacheKey(q string, f Filters, g group) string {
	var b strings.Builder
	b.WriteString(s.idx.Generation)
	b.WriteByte(0)
	b.WriteString(string(g))
	b.WriteByte(0)
	b.WriteString(q)
	w := func(name string, vs []string) {
		if len(vs) > 0 {
			fmt.Fprintf(&b, "\x00%s=%s", name, strings.Join(vs, "\x01"))
		}
	}
	if g != groupPlace {
		w("p", f.Provinces)
		w("r", f.Regions)
		w("h", itoas(f.HealthRegions))
	}
	if g != groupYear {
		w("y", itoas(f.Years))
	}
	w("yr", []string{strconv.Itoa(f.YearFrom), strconv.Itoa(f.YearTo)})
	if g != groupTool {
		w("t", f.Tools)
	}
	if g != groupOrg {
		w("o", f.Orgs)
	}
	if g != groupSite {
		w("s", f.Sites)
	}
	if g != groupSection {
		w("k", f.Sections)
	}
	return b.String()
}
