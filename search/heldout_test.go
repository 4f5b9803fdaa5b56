package search

import (
	"bufio"
	"context"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/botrian/botrian"
)

// filterNote reads "filter: tool=area_assembly province=สงขลา" in a note.
var filterNote = regexp.MustCompile(`filter:\s*((?:[a-z_]+=[^\s;]+\s*)+)`)

// TestCorpusQueries scores the queries that the demo corpus's author wrote
// beside it (testdata/corpus/queries.tsv), independently of the ranking
// goldens tuned in testdata/rank: a check of ranking on queries this
// package was not tuned on. A note "filter: k=v ..." adds those parameters.
// Relevance is binary: the listed files are relevant, and for queries that
// list several, any of them first counts for recall@1.
func TestCorpusQueries(t *testing.T) {
	docs, files := demoCorpus(t)
	s := newDiskSearcher(t, docs)
	f, err := botrian.DemoCorpus.Open(path.Join(corpusDir, "queries.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	var r1, mrr, ndcg float64
	n := 0
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 || cols[0] == "" {
			continue
		}
		v := url.Values{"q": {cols[0]}, "size": {"10"}}
		if len(cols) > 2 {
			if m := filterNote.FindStringSubmatch(cols[2]); m != nil {
				for _, kv := range strings.Fields(m[1]) {
					k, val, _ := strings.Cut(kv, "=")
					v.Add(k, val)
				}
			}
		}
		rel := strings.Split(cols[1], ",")
		req, err := ParseRequest(v)
		if err != nil {
			t.Fatalf("ParseRequest(%v) = %v", v, err)
		}
		res, err := s.Search(context.Background(), req)
		if err != nil {
			t.Fatalf("Search(%v) = %v", v, err)
		}
		var top []string
		for _, h := range res.Hits {
			top = append(top, files[h.ID])
		}
		m := rankMetrics(top, rel)
		if len(top) > 0 && len(rel) > 1 && slices.Contains(rel, top[0]) {
			m.r1 = 1
		}
		if m.rr < 1 {
			t.Logf("query %q (%s): relevant %v, top %v", cols[0], v.Encode(), rel, top[:min(3, len(top))])
		}
		r1 += m.r1
		mrr += m.rr
		ndcg += m.ndcg
		n++
	}
	if n < 40 {
		t.Fatalf("only %d queries read", n)
	}
	t.Logf("corpus queries %d: recall@1 %.3f MRR %.3f nDCG@10 %.3f", n, r1/float64(n), mrr/float64(n), ndcg/float64(n))
	if ndcg/float64(n) < 0.8 || mrr/float64(n) < 0.8 {
		t.Errorf("corpus queries: MRR %.3f nDCG@10 %.3f, want both >= 0.8", mrr/float64(n), ndcg/float64(n))
	}
}
