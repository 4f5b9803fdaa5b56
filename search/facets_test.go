package search

import (
	"context"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/botrian/botrian/indexer"
)

// bruteMatch reports whether facts pass every filter group of f except skip.
func bruteMatch(e indexer.Entry, f Filters, skip group) bool {
	fa := e.Facts
	any := func(have, want []string) bool {
		if len(want) == 0 {
			return true
		}
		for _, w := range want {
			if slices.Contains(have, w) {
				return true
			}
		}
		return false
	}
	if skip != groupPlace && (!any(fa.Provinces, f.Provinces) || !any(fa.Regions, f.Regions) || !any(itoas(fa.HealthRegions), itoas(f.HealthRegions))) {
		return false
	}
	if skip != groupYear && len(f.Years) > 0 && !slices.Contains(f.Years, fa.Year) {
		return false
	}
	// The year range narrows every facet, the year facet included.
	if (f.YearFrom != 0 || f.YearTo != 0) && fa.Year == 0 {
		return false
	}
	if f.YearFrom != 0 && fa.Year < f.YearFrom || f.YearTo != 0 && fa.Year > f.YearTo {
		return false
	}
	if skip != groupTool && !any(fa.Tools, f.Tools) {
		return false
	}
	if skip != groupOrg && !any(fa.Orgs, f.Orgs) {
		return false
	}
	if skip != groupSite && !any([]string{e.Document.Site}, f.Sites) {
		return false
	}
	if skip != groupSection && !any(indexedSections(e), f.Sections) {
		return false
	}
	return true
}

// indexedSections are the section kinds the index records: known kinds of
// sections with text.
func indexedSections(e indexer.Entry) []string {
	var out []string
	for i, k := range e.Facts.SectionKinds {
		if k != "" && i < len(e.Document.Sections) && e.Document.Sections[i].Text != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

func bruteValues(e indexer.Entry, f indexer.Facet) []string {
	fa := e.Facts
	switch f {
	case indexer.FacetProvince:
		return fa.Provinces
	case indexer.FacetRegion:
		return fa.Regions
	case indexer.FacetHealthRegion:
		return itoas(fa.HealthRegions)
	case indexer.FacetYear:
		if fa.Year > 0 {
			return []string{strconv.Itoa(fa.Year)}
		}
	case indexer.FacetTool:
		return fa.Tools
	case indexer.FacetToolFamily:
		return fa.ToolFamilies
	case indexer.FacetOrg:
		return fa.Orgs
	case indexer.FacetSite:
		return []string{e.Document.Site}
	case indexer.FacetSection:
		return indexedSections(e)
	}
	return nil
}

// TestFacetCountsBruteForce checks disjunctive counts against a count over
// the documents' facts: for each facet, the documents matching the query
// and every filter outside the facet's group, counted by value.
func TestFacetCountsBruteForce(t *testing.T) {
	docs := synthDocs(400, 7)
	s := newSearcher(t, docs)
	entries := map[string]indexer.Entry{}
	for _, d := range docs {
		entries[d.ID] = indexer.Enrich(d)
	}
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	pickSome := func(vals []string) []string {
		var out []string
		for range 1 + r.IntN(2) {
			out = append(out, vals[r.IntN(len(vals))])
		}
		return out
	}
	var provs, tools, orgs []string
	for _, e := range entries {
		provs = append(provs, e.Facts.Provinces...)
		tools = append(tools, e.Facts.Tools...)
		orgs = append(orgs, e.Facts.Orgs...)
	}
	slices.Sort(provs)
	slices.Sort(tools)
	slices.Sort(orgs)
	queries := []string{"", "ขยะ", "สมัชชาสุขภาพ", "ชุมชน", "ผู้สูงอายุ -โรงเรียน"}
	matchedBy := map[string]map[string]bool{}
	for i := range 60 {
		var f Filters
		if r.IntN(2) == 0 {
			f.Provinces = pickSome(provs)
		}
		if r.IntN(3) == 0 {
			f.Regions = pickSome([]string{"north", "northeast", "central", "south", "bangkok"})
		}
		if r.IntN(3) == 0 {
			f.HealthRegions = []int{1 + r.IntN(13)}
		}
		if r.IntN(2) == 0 {
			f.Tools = pickSome(tools)
		}
		if r.IntN(3) == 0 {
			f.Orgs = pickSome(orgs)
		}
		if r.IntN(3) == 0 {
			f.Years = []int{2007 + r.IntN(18), 2007 + r.IntN(18)}
		}
		if r.IntN(4) == 0 {
			f.YearFrom, f.YearTo = 2010, 2018
		}
		if r.IntN(4) == 0 {
			f.Sites = []string{synthSites[r.IntN(len(synthSites))]}
		}
		if r.IntN(4) == 0 {
			f.Sections = []string{"obstacles", "lessons"}
		}
		q := queries[i%len(queries)]
		req := Request{Query: q, Filters: f, Size: 5}
		res, err := s.Search(ctx, req)
		if err != nil {
			t.Fatalf("Search(%q, %+v) = %v", q, f, err)
		}
		matched, ok := matchedBy[q]
		if !ok {
			matched = allIDs(t, s, q)
			matchedBy[q] = matched
		}
		nf := f.normalized()
		var total uint64
		for id := range matched {
			if bruteMatch(entries[id], nf, "") {
				total++
			}
		}
		if res.Total != total {
			t.Errorf("Search(%q, %+v).Total = %d, brute force %d", q, f, res.Total, total)
		}
		for _, fr := range res.Facets {
			want := map[string]int{}
			for id := range matched {
				e := entries[id]
				if bruteMatch(e, nf, groupOf(fr.Facet)) {
					for _, v := range bruteValues(e, fr.Facet) {
						want[v]++
					}
				}
			}
			got := map[string]int{}
			for _, v := range fr.Values {
				if v.Count > 0 {
					got[v.Value] = v.Count
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Search(%q, %+v) facet %s (-brute +got):\n%s", q, f, fr.Facet, diff)
			}
		}
	}
}

func (f Filters) normalized() Filters { return Request{Filters: f}.Normalize().Filters }

// allIDs pages through every hit of q and checks that paging is stable:
// no ID twice, as many as Total.
func allIDs(tb testing.TB, s *Searcher, q string) map[string]bool {
	tb.Helper()
	matched := map[string]bool{}
	var total uint64
	n := 0
	for p := 1; ; p++ {
		page, err := s.Search(context.Background(), Request{Query: q, Size: MaxSize, Page: p})
		if err != nil {
			tb.Fatal(err)
		}
		total = page.Total
		for _, h := range page.Hits {
			matched[h.ID] = true
			n++
		}
		if len(page.Hits) < MaxSize {
			break
		}
	}
	if uint64(len(matched)) != total || n != len(matched) {
		tb.Fatalf("paging %q: %d hits, %d distinct, total %d", q, n, len(matched), total)
	}
	return matched
}
