package search

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/indexer"
)

// synthIndex writes n synthetic documents to a JSONL file in dir and builds
// an on-disk (scorch) index from it with indexer.Build, as 'botrian index'
// does, in the given number of shards (0: automatic). (The in-memory index
// of indexer.NewMemIndex grows superlinearly in cost and is only for small
// test corpora.)
func synthIndex(b *testing.B, dir string, n, shards int) *indexer.Index {
	b.Helper()
	start := time.Now()
	docsPath := filepath.Join(dir, "documents.jsonl")
	f, err := os.Create(docsPath)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for _, d := range synthDocs(n, 42) {
		if err := botrian.WriteDocument(w, d); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	idxPath := filepath.Join(dir, "index.bleve")
	if _, err := indexer.Build(context.Background(), docsPath, idxPath, indexer.Config{BatchSize: 1000, Shards: shards}); err != nil {
		b.Fatal(err)
	}
	idx, err := indexer.Open(idxPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { idx.Close() })
	b.Logf("built %d synthetic documents in %d shards in %s", n, shards, time.Since(start).Round(time.Millisecond))
	return idx
}

// benchRequests are typical faceted searches: broad and selective, with
// and without filters (each filter adds one parallel facet search).
var benchRequests = []Request{
	{Query: "", Filters: Filters{Provinces: []string{"ลำพูน", "ชุมพร"}}},
	{Query: "ขยะ", Filters: Filters{Tools: []string{"hia"}}},
	{Query: "สมัชชาสุขภาพจังหวัด", Filters: Filters{YearFrom: 2010, YearTo: 2015}},
	{Query: "ผู้สูงอายุ"},
	{Query: "การจัดการขยะ คนคอน", Filters: Filters{Regions: []string{"south"}, Years: []int{2012, 2013}}},
	{Query: "ชุมชน"},
}

func BenchmarkFacetedSearch(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			idx := synthIndex(b, b.TempDir(), n, 1)
			for _, cached := range []bool{false, true} {
				b.Run(fmt.Sprintf("cache=%v", cached), func(b *testing.B) { benchSearch(b, idx, cached) })
			}
		})
	}
}

// BenchmarkShards compares one index with sharded ones over the same 100k
// synthetic documents. Each iteration runs a broad faceted search (every
// document, every facet) and a selective one (a rare topic in one
// province) on each index in turn, with no count cache, so load on the
// machine weighs on all alike. It reports each median and the ratio of the
// single index's median to each sharded one's.
func BenchmarkShards(b *testing.B) {
	const n = 100_000
	shards := []int{1, 2, 4}
	reqs := []struct {
		name string
		req  Request
	}{
		{"broad", Request{Size: 10}},
		{"selective", Request{Query: "หมอกควัน", Filters: Filters{Provinces: []string{"ลำพูน"}}, Size: 10}},
	}
	var ss []*Searcher
	for _, k := range shards {
		s, err := New(synthIndex(b, b.TempDir(), n, k), Config{CacheSize: -1})
		if err != nil {
			b.Fatal(err)
		}
		ss = append(ss, s)
	}
	ctx := context.Background()
	took := make([][][]time.Duration, len(reqs))
	for r := range reqs {
		took[r] = make([][]time.Duration, len(ss))
	}
	b.ReportAllocs()
	for b.Loop() {
		for r, rq := range reqs {
			for i, s := range ss {
				t0 := time.Now()
				res, err := s.Search(ctx, rq.req)
				took[r][i] = append(took[r][i], time.Since(t0))
				if err != nil || res.Total == 0 || len(res.Facets) == 0 {
					b.Fatalf("Search(%+v) over %d shards = %v, %v", rq.req, shards[i], res, err)
				}
			}
		}
	}
	for r, rq := range reqs {
		p50 := make([]float64, len(ss))
		for i, t := range took[r] {
			slices.Sort(t)
			p50[i] = float64(t[len(t)/2].Microseconds()) / 1000
			b.ReportMetric(p50[i], fmt.Sprintf("%s-p50-ms/%dshard", rq.name, shards[i]))
			if i > 0 {
				b.ReportMetric(p50[0]/p50[i], fmt.Sprintf("%s-speedup/%dshard", rq.name, shards[i]))
			}
		}
	}
}

func benchSearch(b *testing.B, idx *indexer.Index, cached bool) {
	cfg := Config{CacheSize: -1}
	if cached {
		cfg = Config{}
	}
	s, err := New(idx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var took []time.Duration
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		req := benchRequests[i%len(benchRequests)]
		i++
		t0 := time.Now()
		res, err := s.Search(ctx, req)
		took = append(took, time.Since(t0))
		if err != nil || len(res.Facets) == 0 {
			b.Fatalf("Search(%+v) = %v, %v", req, res, err)
		}
	}
	slices.Sort(took)
	pct := func(p float64) float64 {
		return float64(took[int(p*float64(len(took)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

func BenchmarkParseQuery(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if q := ParseQuery("สมัชชาสุขภาพจังหวัดลำพูน ปี ๒๕๕๑ HIA -ขยะ"); len(q.Clauses) == 0 {
			b.Fatal("no clauses")
		}
	}
}
