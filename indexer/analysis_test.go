package indexer

import (
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

func analyzer(t *testing.T, config map[string]interface{}) analysis.Tokenizer {
	t.Helper()
	tok, err := newTokenizer(config, registry.NewCache())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestTokenizer(t *testing.T) {
	const text = "สมัชชาสุขภาพจังหวัดลำพูน ปี ๒๕๕๗, HIA"
	var got []string
	for _, tk := range analyzer(t, nil).Tokenize([]byte(text)) {
		got = append(got, string(tk.Term)+"@"+strings.Repeat("+", tk.Position))
		if tk.Start < 0 || tk.End > len(text) || tk.Start >= tk.End {
			t.Errorf("token %q has offsets %d..%d", tk.Term, tk.Start, tk.End)
		}
	}
	for _, w := range []string{"สมัชชาสุขภาพจังหวัด@+", "สมัชชา@+", "สมัชชาสุขภาพ@+", "สุขภาพ@+", "จังหวัด@+", "ลำพูน@++", "ปี@+++", "2557@++++", "hia@+++++"} {
		if !slices.Contains(got, w) {
			t.Errorf("Tokenize(%q) = %q, want it to hold %q", text, got, w)
		}
	}
}

func TestTokenizerWords(t *testing.T) {
	const text = "บ้านฉฉฉต้องสุข"
	terms := func(tok analysis.Tokenizer) []string {
		var out []string
		for _, tk := range tok.Tokenize([]byte(text)) {
			out = append(out, string(tk.Term))
		}
		return out
	}
	if got := terms(analyzer(t, map[string]interface{}{"words": []interface{}{"ฉฉฉต้อง"}})); !slices.Contains(got, "ฉฉฉต้อง") {
		t.Errorf("with words: Tokenize(%q) = %q, want ฉฉฉต้อง", text, got)
	}
	var query []string
	for _, tk := range analyzer(t, map[string]interface{}{"subwords": false}).Tokenize([]byte("สมัชชาสุขภาพ ชุมพร")) {
		query = append(query, string(tk.Term))
	}
	if want := []string{"สมัชชาสุขภาพ", "ชุมพร"}; !slices.Equal(query, want) {
		t.Errorf("without subwords: Tokenize = %q, want %q", query, want)
	}
	if _, err := newTokenizer(map[string]interface{}{"words": "ฉฉฉ"}, registry.NewCache()); err == nil {
		t.Errorf("newTokenizer(words: string) succeeded, want an error")
	}
}

// TestSearchHighlight indexes Thai text through a mapping that uses the
// analyzer and checks that a sub-word finds its compound and that the
// highlight marks whole words of the stored text.
func TestSearchHighlight(t *testing.T) {
	idx := memIndex(t, map[string]string{
		"a": "เวทีสมัชชาสุขภาพจังหวัดลำพูน ปี ๒๕๕๗ ว่าด้วยน้\u0e4d\u0e32และอาหาร",
		"b": "การประเมินผลกระทบด้านสุขภาพที่ชุมพร",
		"c": "ธรรมนูญตำบลของชุมชน",
	})
	tests := []struct {
		query string
		ids   []string
		mark  string // part of a hit's highlighted fragment
	}{
		{"สุขภาพ", []string{"a", "b"}, "สมัชชา<mark>สุขภาพ</mark>จังหวัด"},
		{"ลำพูน", []string{"a"}, "จังหวัด<mark>ลำพูน</mark> ปี"},
		{"2557", []string{"a"}, "<mark>๒๕๕๗</mark>"},
		{"น้ำ", []string{"a"}, "<mark>น้\u0e4d\u0e32</mark>"},
		{"ชุมพร", []string{"b"}, "<mark>ชุมพร</mark>"},
	}
	for _, tt := range tests {
		ids, frags := search(t, idx, tt.query, QueryAnalyzerName)
		if !slices.Equal(ids, tt.ids) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, ids, tt.ids)
			continue
		}
		if !slices.ContainsFunc(frags, func(f string) bool { return strings.Contains(f, tt.mark) }) {
			t.Errorf("Search(%q) fragments = %q, want one to contain %q", tt.query, frags, tt.mark)
		}
	}
}

// TestSearchNoPieces checks that search mode indexes no one-syllable
// pieces of words: a query analysed with the index analyzer itself (sub-words
// included, as package search does) finds สมัชชา but marks no ชา inside
// ประชาชน or วิชาการ, and ชุมชน does not match through ชุม.
func TestSearchNoPieces(t *testing.T) {
	idx := memIndex(t, map[string]string{
		"a": "ประชาชนและนักวิชาการมาร่วมเวทีสมัชชาสุขภาพจังหวัด",
		"b": "ประชาชนในชุมชนริมน้ำ",
		"c": "ชุมนุมที่ชุมพร",
	})
	tests := []struct {
		query string
		ids   []string
		mark  string // a highlighted fragment must contain it
	}{
		{"สมัชชา", []string{"a"}, "เวที<mark>สมัชชา</mark>สุขภาพ"},
		{"ชุมชน", []string{"b"}, "ใน<mark>ชุมชน</mark>ริม"},
		{"ชา", nil, ""},
		{"ชุม", nil, ""},
	}
	for _, tt := range tests {
		ids, frags := search(t, idx, tt.query, "")
		if !slices.Equal(ids, tt.ids) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, ids, tt.ids)
			continue
		}
		for _, f := range frags {
			if !strings.Contains(f, tt.mark) || strings.Contains(f, "<mark>ชา") || strings.Contains(f, "<mark>ชุม</mark>") {
				t.Errorf("Search(%q) fragment %q, want it to contain %q and no piece of a word marked", tt.query, f, tt.mark)
			}
		}
	}
}

// memIndex returns an in-memory index of docs, their text in a "body"
// field analysed with AnalyzerName.
func memIndex(t *testing.T, docs map[string]string) bleve.Index {
	t.Helper()
	im := bleve.NewIndexMapping()
	im.DefaultAnalyzer = AnalyzerName
	fm := mapping.NewTextFieldMapping()
	fm.Analyzer = AnalyzerName
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt("body", fm)
	im.DefaultMapping = dm
	idx, err := bleve.NewMemOnly(im)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	for id, body := range docs {
		if err := idx.Index(id, map[string]interface{}{"body": body}); err != nil {
			t.Fatal(err)
		}
	}
	return idx
}

// search runs a match query for text on the body field, analysed with
// analyzer (the field's own when empty), and returns the sorted ids of the
// hits and their highlighted fragments.
func search(t *testing.T, idx bleve.Index, text, analyzer string) (ids, frags []string) {
	t.Helper()
	q := bleve.NewMatchQuery(text)
	q.SetField("body")
	q.Analyzer = analyzer
	req := bleve.NewSearchRequest(q)
	req.Highlight = bleve.NewHighlightWithStyle("html")
	req.Highlight.AddField("body")
	res, err := idx.Search(req)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
		frags = append(frags, h.Fragments["body"]...)
	}
	slices.Sort(ids)
	return ids, frags
}
