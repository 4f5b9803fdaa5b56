package search

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/crawler"
	"github.com/botrian/botrian/indexer"
)

var update = flag.Bool("update", false, "rewrite golden files")

const corpusDir = "testdata/corpus"

// demoCorpus extracts every page of botrian.DemoCorpus into documents and
// returns them with the map from document ID to the page's file (relative to
// the corpus directory).
func demoCorpus(tb testing.TB) ([]botrian.Document, map[string]string) {
	tb.Helper()
	const base = "file:///botrian/"
	docs, err := crawler.ExtractFS(botrian.DemoCorpus, corpusDir, base)
	if err != nil {
		tb.Fatal(err)
	}
	files := map[string]string{}
	for _, d := range docs {
		files[d.ID] = strings.TrimPrefix(d.URL, base+corpusDir+"/")
	}
	return docs, files
}

type rankQuery struct {
	params         string
	relevant, must []string
}

func readRankQueries(tb testing.TB) []rankQuery {
	tb.Helper()
	f, err := os.Open("testdata/rank/queries.tsv")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []rankQuery
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		for len(cols) < 3 {
			cols = append(cols, "")
		}
		split := func(s string) []string {
			if s == "" {
				return nil
			}
			return strings.Split(s, ",")
		}
		out = append(out, rankQuery{cols[0], split(cols[1]), split(cols[2])})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestRanking runs the queries of testdata/rank/queries.tsv over the demo
// corpus. Each query's top 10 is compared with testdata/rank/qNN.golden and
// the mean recall@1, recall@5, MRR and nDCG@10 with rank_stats.golden, so a
// ranking change shows as a diff; -update rewrites them. Independently of
// the goldens, nDCG@10 must stay at 0.8 or more and no must-not-match file
// may reach a top 10.
func TestRanking(t *testing.T) {
	docs, files := demoCorpus(t)
	known := map[string]bool{}
	for _, f := range files {
		known[f] = true
	}
	s := newDiskSearcher(t, docs)
	var r1, r5, mrr, ndcg float64
	n := 0
	for i, q := range readRankQueries(t) {
		rel := slices.DeleteFunc(slices.Clone(q.relevant), func(f string) bool { return !known[f] })
		if len(rel) == 0 {
			t.Logf("query %q: no relevant file in the corpus; skipped", q.params)
			continue
		}
		v, err := url.ParseQuery(q.params)
		if err != nil {
			t.Fatal(err)
		}
		req, err := ParseRequest(v)
		if err != nil {
			t.Fatalf("ParseRequest(%q) = %v", q.params, err)
		}
		req.Size = 10
		res, err := s.Search(context.Background(), req)
		if err != nil {
			t.Fatalf("Search(%q) = %v", q.params, err)
		}
		var top []string
		var golden strings.Builder
		fmt.Fprintf(&golden, "# %s (total %d)\n", q.params, res.Total)
		for j, h := range res.Hits {
			f := files[h.ID]
			top = append(top, f)
			mark := " "
			if slices.Contains(rel, f) {
				mark = "*"
			}
			if slices.Contains(q.must, f) {
				mark = "!"
				t.Errorf("Search(%q): must-not-match %s at rank %d", q.params, f, j+1)
			}
			fmt.Fprintf(&golden, "%s %2d %s\n", mark, j+1, f)
		}
		m := rankMetrics(top, rel)
		fmt.Fprintf(&golden, "recall@1 %.3f recall@5 %.3f rr %.3f ndcg@10 %.3f\n", m.r1, m.r5, m.rr, m.ndcg)
		checkGolden(t, filepath.Join("testdata/rank", fmt.Sprintf("q%02d.golden", i+1)), golden.String())
		r1 += m.r1
		r5 += m.r5
		mrr += m.rr
		ndcg += m.ndcg
		n++
	}
	if n == 0 {
		t.Fatal("no ranking queries ran")
	}
	stats := fmt.Sprintf("queries %d\nrecall@1 %.3f\nrecall@5 %.3f\nMRR %.3f\nnDCG@10 %.3f\n", n, r1/float64(n), r5/float64(n), mrr/float64(n), ndcg/float64(n))
	checkGolden(t, "testdata/rank/rank_stats.golden", stats)
	if ndcg/float64(n) < 0.8 {
		t.Errorf("mean nDCG@10 = %.3f, want >= 0.8", ndcg/float64(n))
	}
}

type metrics struct{ r1, r5, rr, ndcg float64 }

// rankMetrics scores a ranked list against binary relevance.
func rankMetrics(top, rel []string) metrics {
	var m metrics
	hits := func(k int) float64 {
		c := 0
		for _, f := range top[:min(k, len(top))] {
			if slices.Contains(rel, f) {
				c++
			}
		}
		return float64(c) / float64(min(k, len(rel)))
	}
	m.r1, m.r5 = hits(1), hits(5)
	var dcg, idcg float64
	for j, f := range top[:min(10, len(top))] {
		if slices.Contains(rel, f) {
			if m.rr == 0 {
				m.rr = 1 / float64(j+1)
			}
			dcg += 1 / math.Log2(float64(j+2))
		}
	}
	for j := range min(10, len(rel)) {
		idcg += 1 / math.Log2(float64(j+2))
	}
	m.ndcg = dcg / idcg
	return m
}

func checkGolden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update)", err, t.Name())
	}
	if string(want) != got {
		t.Errorf("%s differs (-update to accept):\n--- want\n%s--- got\n%s", file, want, got)
	}
}

// newDiskSearcher builds an on-disk index of docs in a temporary directory
// with indexer.Build, as 'botrian index' does, so that ranking tests score
// with the index type users get (scorch), not the in-memory one.
func newDiskSearcher(tb testing.TB, docs []botrian.Document) *Searcher {
	tb.Helper()
	dir := tb.TempDir()
	var buf bytes.Buffer
	for _, d := range docs {
		if err := botrian.WriteDocument(&buf, d); err != nil {
			tb.Fatal(err)
		}
	}
	jsonl := filepath.Join(dir, "documents.jsonl")
	if err := os.WriteFile(jsonl, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, "index.bleve")
	if _, err := indexer.Build(context.Background(), jsonl, path, indexer.Config{}); err != nil {
		tb.Fatal(err)
	}
	idx, err := indexer.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { idx.Close() })
	s, err := New(idx, Config{})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}
