package search

import (
	"context"
	"errors"
	"testing"
)

func TestSimilarAndDocument(t *testing.T) {
	docs := readDocs(t, "testdata/cases/basic/docs.jsonl")
	s := newSearcher(t, docs)
	ctx := context.Background()
	// korat1 (an assembly in the Northeast) is most like lamphun1 (another
	// provincial assembly), not like the charter or waste documents.
	hits, err := s.Similar(ctx, "korat1", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].ID != "lamphun1" {
		t.Errorf("Similar(korat1) = %v, want lamphun1 first", ids(hits))
	}
	for _, h := range hits {
		if h.ID == "korat1" {
			t.Errorf("Similar(korat1) returns itself")
		}
	}
	if _, err := s.Similar(ctx, "nope", 5); !errors.Is(err, ErrNotFound) {
		t.Errorf("Similar(nope) = %v, want ErrNotFound", err)
	}
	e, err := s.Document(ctx, "chumphon1")
	if err != nil || e.Document.Title == "" || len(e.Facts.Provinces) == 0 || e.Facts.Provinces[0] != "ชุมพร" {
		t.Errorf("Document(chumphon1) = %+v, %v", e, err)
	}
	if _, err := s.Document(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Document(nope) = %v, want ErrNotFound", err)
	}
}

func ids(hs []Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.ID)
	}
	return out
}

func TestSuggestAndDidYouMean(t *testing.T) {
	docs := readDocs(t, "testdata/cases/basic/docs.jsonl")
	s := newSearcher(t, docs)
	ctx := context.Background()
	sg, err := s.Suggest(ctx, "ลำพ", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(sg) == 0 || sg[0].Text != "ลำพูน" || sg[0].Facet != "province" || sg[0].Count != 1 {
		t.Errorf("Suggest(ลำพ) = %+v, want the province ลำพูน first", sg)
	}
	sg, err = s.Suggest(ctx, "Nakhon", 5)
	if err != nil || len(sg) != 2 {
		t.Errorf("Suggest(Nakhon) = %+v, %v; want the two indexed Nakhon provinces", sg, err)
	}
	sg, err = s.Suggest(ctx, "สมัชชาสุขภาพจังห", 5)
	if err != nil || len(sg) == 0 || sg[0].Text != "สมัชชาสุขภาพจังหวัด" {
		t.Errorf("Suggest(สมัชชาสุขภาพจังห) = %+v, %v; want สมัชชาสุขภาพจังหวัด", sg, err)
	}
	res, err := s.Search(ctx, Request{Query: "อาหารปลอดภับ"})
	if err != nil {
		t.Fatal(err)
	}
	if res.DidYouMean != "อาหารปลอดภัย" {
		t.Errorf("Search(อาหารปลอดภับ).DidYouMean = %q, want อาหารปลอดภัย", res.DidYouMean)
	}
	// English words are respelled against the names the query understands.
	for q, want := range map[string]string{"Lampun": "lamphun", "helth assembley": "health assembly"} {
		res, err := s.Search(ctx, Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if res.DidYouMean != want {
			t.Errorf("Search(%s).DidYouMean = %q, want %q", q, res.DidYouMean, want)
		}
	}
	// Typo tolerance never applies to short Thai words.
	if res, _ := s.Search(ctx, Request{Query: "ขยา"}); res.Total != 0 {
		t.Errorf("Search(ขยา).Total = %d, want 0 (no fuzzy under 4 runes)", res.Total)
	}
}
