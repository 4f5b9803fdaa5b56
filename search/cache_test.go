package search

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCachedCountsEqualFresh checks that facet counts served from the
// cache equal freshly computed ones, for broad and filtered searches.
func TestCachedCountsEqualFresh(t *testing.T) {
	docs := synthDocs(300, 11)
	fresh := newSearcher(t, docs)
	fresh.cache = newCountCache(-1)
	cached := newSearcher(t, docs)
	cached.cfg.CacheMinHits = 1
	ctx := context.Background()
	reqs := []Request{
		{},
		{Filters: Filters{Regions: []string{"south"}}},
		{Query: "ชุมชน", Filters: Filters{Tools: []string{"hia"}, YearFrom: 2010}},
		{Filters: Filters{Regions: []string{"south"}, Sites: []string{"gotoknow"}}},
	}
	for round := range 2 {
		for _, req := range reqs {
			want, err := fresh.Search(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			got, err := cached.Search(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.Facets, got.Facets); diff != "" {
				t.Errorf("round %d: Search(%+v) cached facets differ (-fresh +cached):\n%s", round, req, diff)
			}
		}
	}
	if cached.cache.ll.Len() == 0 {
		t.Error("nothing was cached")
	}
}
