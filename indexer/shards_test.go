package indexer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/botrian/botrian"
)

// TestShardFailureFailsSearch: a shard that cannot be searched fails the
// search instead of leaving a silently partial result.
func TestShardFailureFailsSearch(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	for i := range 9 {
		u := fmt.Sprintf("https://x.example/%d", i)
		d := botrian.Document{ID: botrian.DocID(u), URL: u, Site: botrian.SiteGeneric, Title: "สมัชชาสุขภาพ", Body: "เวทีสมัชชาสุขภาพจังหวัดน่าน"}
		if err := botrian.WriteDocument(&buf, d); err != nil {
			t.Fatal(err)
		}
	}
	docs := filepath.Join(dir, "documents.jsonl")
	if err := os.WriteFile(docs, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "index.bleve")
	if _, err := Build(t.Context(), docs, out, Config{Shards: 3}); err != nil {
		t.Fatal(err)
	}
	idx, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	set, ok := idx.Index.(*shardSet)
	if !ok {
		idx.Close()
		t.Fatalf("Open of 3 shards gave a %T, want *shardSet", idx.Index)
	}
	defer func() { set.parts[0].Close(); set.parts[2].Close() }() // a scorch index must not be closed twice
	req := bleve.NewSearchRequest(bleve.NewMatchQuery("น่าน"))
	if res, err := set.Search(req); err != nil || res.Total != 9 {
		t.Fatalf("Search = %v, %v; want 9 hits", res, err)
	}
	set.parts[1].Close()
	if res, err := set.Search(req); err == nil {
		t.Errorf("Search with a closed shard = %d hits, nil error; want an error", res.Total)
	}
}

func TestShardOf(t *testing.T) {
	tests := []struct {
		id   string
		n    int
		want int
	}{
		{"a", 1, 0},
		{"a", 0, 0},
		{"a", 4, int(0xe40c292c % 4)}, // FNV-1a 32 of "a"
		{"", 3, int(0x811c9dc5 % 3)},  // the FNV-1a offset basis
	}
	for _, tt := range tests {
		if got := shardOf(tt.id, tt.n); got != tt.want {
			t.Errorf("shardOf(%q, %d) = %d, want %d", tt.id, tt.n, got, tt.want)
		}
	}
}

func TestAutoShards(t *testing.T) {
	if got := autoShards(AutoShardMinDocs - 1); got != 1 {
		t.Errorf("autoShards(%d) = %d, want 1", AutoShardMinDocs-1, got)
	}
	if got := autoShards(AutoShardMinDocs); got < 2 || got > MaxAutoShards {
		t.Errorf("autoShards(%d) = %d, want 2..%d", AutoShardMinDocs, got, MaxAutoShards)
	}
}
