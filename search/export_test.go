package search

import (
	"context"
	"errors"
	"testing"
)

func TestExportAllHits(t *testing.T) {
	s := newSearcher(t, synthDocs(620, 3)) // more than one export batch
	for _, req := range []Request{{Query: "ชุมชน"}, {Query: ""}, {Query: "ขยะ", Sort: SortOldest}} {
		want := allIDs(t, s, req.Query)
		got := map[string]bool{}
		n := 0
		err := s.Export(context.Background(), req, func(h Hit) error {
			got[h.ID] = true
			n++
			return nil
		})
		if err != nil {
			t.Fatalf("Export(%q) = %v", req.Query, err)
		}
		if n != len(want) || len(got) != len(want) {
			t.Errorf("Export(%q) gave %d hits (%d distinct), want %d", req.Query, n, len(got), len(want))
		}
	}
	stop := errors.New("stop")
	if err := s.Export(context.Background(), Request{}, func(Hit) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Export with a failing callback = %v, want its error", err)
	}
}
