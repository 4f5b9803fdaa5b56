package search

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/indexer"
)

// searchCase is one row of testdata/cases/<name>/searches.json.
type searchCase struct {
	Name string `json:"name"`
	// Params are the request as URL parameters (as the API gets them).
	Params string `json:"params"`
	// IDs are the expected hit IDs of the first page; in order when Ordered.
	IDs     []string `json:"ids"`
	Ordered bool     `json:"ordered"`
	// Facets are expected counts: facet → value → count. Values not listed
	// must not appear with a non-zero count.
	Facets map[string]map[string]int `json:"facets"`
}

func readDocs(tb testing.TB, path string) []botrian.Document {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var docs []botrian.Document
	err = botrian.ReadDocuments(f, func(d botrian.Document) error {
		docs = append(docs, d)
		return nil
	}, func(err error) { tb.Fatalf("%s: %v", path, err) })
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

func newSearcher(tb testing.TB, docs []botrian.Document) *Searcher {
	tb.Helper()
	idx, err := indexer.NewMemIndex(context.Background(), docs, indexer.Config{})
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

func TestCases(t *testing.T) {
	dirs, err := filepath.Glob("testdata/cases/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			docs := readDocs(t, filepath.Join(dir, "docs.jsonl"))
			s := newSearcher(t, docs)
			b, err := os.ReadFile(filepath.Join(dir, "searches.json"))
			if err != nil {
				t.Fatal(err)
			}
			var cases []searchCase
			if err := json.Unmarshal(b, &cases); err != nil {
				t.Fatal(err)
			}
			for _, c := range cases {
				v, err := url.ParseQuery(c.Params)
				if err != nil {
					t.Fatalf("%s: %v", c.Name, err)
				}
				req, err := ParseRequest(v)
				if err != nil {
					t.Errorf("%s: ParseRequest(%q) = %v", c.Name, c.Params, err)
					continue
				}
				req.Size = 20
				res, err := s.Search(context.Background(), req)
				if err != nil {
					t.Errorf("%s: Search(%q) = %v", c.Name, c.Params, err)
					continue
				}
				got := []string{}
				for _, h := range res.Hits {
					got = append(got, h.ID)
				}
				want := append([]string{}, c.IDs...)
				if !c.Ordered {
					slices.Sort(got)
					slices.Sort(want)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s: Search(%q) ids (-want +got):\n%s", c.Name, c.Params, diff)
				}
				if int(res.Total) != len(c.IDs) {
					t.Errorf("%s: Search(%q).Total = %d, want %d", c.Name, c.Params, res.Total, len(c.IDs))
				}
				for name, wantCounts := range c.Facets {
					gotCounts := map[string]int{}
					for _, f := range res.Facets {
						if string(f.Facet) == name {
							for _, fv := range f.Values {
								if fv.Count > 0 {
									gotCounts[fv.Value] = fv.Count
								}
							}
						}
					}
					if diff := cmp.Diff(wantCounts, gotCounts); diff != "" {
						t.Errorf("%s: Search(%q) facet %s (-want +got):\n%s", c.Name, c.Params, name, diff)
					}
				}
			}
		})
	}
}
