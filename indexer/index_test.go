package indexer_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/google/go-cmp/cmp"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/crawler"
	"github.com/botrian/botrian/indexer"
)

func doc(url, title, body string) botrian.Document {
	return botrian.Document{ID: botrian.DocID(url), URL: url, Site: botrian.SiteGeneric, Title: title, Body: body}
}

func writeDocs(t *testing.T, path string, lines ...string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func jsonLine(t *testing.T, d botrian.Document) string {
	t.Helper()
	var b bytes.Buffer
	if err := botrian.WriteDocument(&b, d); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func count(t *testing.T, idx bleve.Index, q string) uint64 {
	t.Helper()
	res, err := idx.Search(bleve.NewSearchRequest(bleve.NewMatchQuery(q)))
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return res.Total
}

func TestBuild(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "documents.jsonl")
	a := doc("https://x.example/a", "สมัชชาสุขภาพจังหวัดลำพูน", "คณะทำงานสมัชชาสุขภาพจังหวัดลำพูนจัดเวทีเมื่อวันที่ 10 กันยายน 2557")
	b := doc("https://x.example/b", "ธรรมนูญสุขภาพตำบล", "ชาวตำบลร่วมกันร่างธรรมนูญสุขภาพ")
	b2 := b
	b2.Title = "ธรรมนูญสุขภาพตำบลฉบับแก้ไข"
	b2.Body = "ชาวตำบลร่วมกันแก้ไขธรรมนูญสุขภาพ ปี 2560"
	writeDocs(t, docs, jsonLine(t, a), jsonLine(t, b), `{"id":`, jsonLine(t, b2))

	out := filepath.Join(dir, "index.bleve")
	var progressed int
	st, err := indexer.Build(t.Context(), docs, out, indexer.Config{BatchSize: 1, Progress: func(p indexer.Progress) { progressed = p.Done }})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if st.Documents != 2 || st.Duplicates != 1 || st.BadLines != 1 || progressed != 2 {
		t.Errorf("Build stats = %+v, progress %d; want 2 documents, 1 duplicate, 1 bad line, progress 2", st, progressed)
	}
	idx, err := indexer.Open(out)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer idx.Close()
	if n, _ := idx.DocCount(); n != 2 {
		t.Errorf("DocCount = %d, want 2", n)
	}
	if n := count(t, idx.Index, "ลำพูน"); n != 1 {
		t.Errorf("search ลำพูน: %d hits, want 1", n)
	}
	// The later line of b wins.
	if n := count(t, idx.Index, "แก้ไข"); n != 1 {
		t.Errorf("search แก้ไข: %d hits, want 1 (the last line of a duplicated ID wins)", n)
	}
	if n := count(t, idx.Index, "ร่าง"); n != 0 {
		t.Errorf("search ร่าง: %d hits, want 0 (the superseded line is not indexed)", n)
	}
	if idx.Generation == "" {
		t.Error("Generation is empty")
	}
	if ms, _ := filepath.Glob(out + ".*"); len(ms) != 0 {
		t.Errorf("left-over build directories: %v", ms)
	}
}

func TestBuildErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := indexer.Build(t.Context(), filepath.Join(dir, "documents.jsonl"), filepath.Join(dir, "index.bleve"), indexer.Config{})
	if !errors.Is(err, indexer.ErrNoDocuments) {
		t.Errorf("Build without documents: %v, want ErrNoDocuments", err)
	}
	if _, err := indexer.Open(filepath.Join(dir, "index.bleve")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open of a missing index: %v, want fs.ErrNotExist", err)
	}
}

// TestBuildKeepsOldIndex: a build that fails part-way (here cancelled, as a
// killed process would stop) leaves the previous index serving as it was.
func TestBuildKeepsOldIndex(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "documents.jsonl")
	out := filepath.Join(dir, "index.bleve")
	writeDocs(t, docs, jsonLine(t, doc("https://x.example/a", "สมัชชาสุขภาพ", "เวทีสมัชชาสุขภาพจังหวัดน่าน")))
	if _, err := indexer.Build(t.Context(), docs, out, indexer.Config{}); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for i := range 10 {
		lines = append(lines, jsonLine(t, doc(fmt.Sprintf("https://x.example/n%d", i), "ใหม่", "เอกสารใหม่")))
	}
	writeDocs(t, docs, lines...)
	ctx, cancel := context.WithCancel(t.Context())
	_, err := indexer.Build(ctx, docs, out, indexer.Config{BatchSize: 2, Progress: func(indexer.Progress) { cancel() }})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled Build: %v, want context.Canceled", err)
	}
	idx, err := indexer.Open(out)
	if err != nil {
		t.Fatalf("Open after failed build: %v", err)
	}
	defer idx.Close()
	if n, _ := idx.DocCount(); n != 1 {
		t.Errorf("DocCount after failed build = %d, want the old index's 1", n)
	}
	if ms, _ := filepath.Glob(out + ".building-*"); len(ms) != 0 {
		t.Errorf("failed build left %v", ms)
	}
}

func TestOpenOtherMappingVersion(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "documents.jsonl")
	out := filepath.Join(dir, "index.bleve")
	writeDocs(t, docs, jsonLine(t, doc("https://x.example/a", "ก", "สมัชชาสุขภาพ")))
	if _, err := indexer.Build(t.Context(), docs, out, indexer.Config{}); err != nil {
		t.Fatal(err)
	}
	raw, err := bleve.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := raw.SetInternal([]byte("botrian_mapping_version"), []byte("0")); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	_, err = indexer.Open(out)
	if !errors.Is(err, indexer.ErrMappingVersion) || !strings.Contains(err.Error(), "reindex") {
		t.Errorf("Open of an old index: %v, want ErrMappingVersion saying reindex", err)
	}
}

// TestEnrichStored checks that the stored source round-trips: what the API
// shows for a document is what was indexed.
func TestEnrichStored(t *testing.T) {
	d := doc("https://x.example/c", "สมัชชาสุขภาพจังหวัดชุมพร", "คณะทำงานสมัชชาสุขภาพจังหวัดชุมพรจัดเวทีเมื่อ 16 ตุลาคม 2551")
	d.Sections = []botrian.Section{{Heading: "ปัญหา/แนวทางแก้ไข", Text: "งบประมาณไม่พอ"}}
	idx, err := indexer.NewMemIndex(t.Context(), []botrian.Document{d}, indexer.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	e := indexer.Enrich(d)
	if len(e.Facts.Provinces) != 1 || e.Facts.Provinces[0] != "ชุมพร" || e.Facts.Year != 2008 || e.Facts.YearBE != 2551 {
		t.Errorf("Enrich facts = provinces %v year %d (%d BE), want [ชุมพร] 2008 (2551 BE)", e.Facts.Provinces, e.Facts.Year, e.Facts.YearBE)
	}
	if len(e.Facts.SectionKinds) != 1 || e.Facts.SectionKinds[0] != "obstacles" {
		t.Errorf("SectionKinds = %v, want [obstacles]", e.Facts.SectionKinds)
	}
	q := bleve.NewMatchQuery("งบประมาณ")
	q.SetField(indexer.SectionField("obstacles"))
	res, err := idx.Search(bleve.NewSearchRequest(q))
	if err != nil || res.Total != 1 {
		t.Errorf("search in the obstacles section: %v hits, err %v; want 1", res, err)
	}
}

// corpusDocs extracts the demo corpus, as 'botrian demo' does.
func corpusDocs(b testing.TB) []botrian.Document {
	b.Helper()
	docs, err := crawler.ExtractFS(botrian.DemoCorpus, "testdata/corpus", "file:///")
	if err != nil {
		b.Fatal(err)
	}
	return docs
}

// BenchmarkBuild builds an on-disk (scorch) index of the demo corpus
// repeated to 480 documents: reading JSONL, facts, Thai analysis and bleve
// batches, the whole indexing path of 'botrian index'.
func BenchmarkBuild(b *testing.B) {
	docs := corpusDocs(b)
	dir := b.TempDir()
	var buf bytes.Buffer
	n := 0
	for i := range 10 {
		for _, d := range docs {
			d.URL = fmt.Sprintf("%s?copy=%d", d.URL, i)
			d.ID = botrian.DocID(d.URL)
			if err := botrian.WriteDocument(&buf, d); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	jsonl := filepath.Join(dir, "documents.jsonl")
	if err := os.WriteFile(jsonl, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		st, err := indexer.Build(b.Context(), jsonl, filepath.Join(dir, "index.bleve"), indexer.Config{})
		if err != nil {
			b.Fatal(err)
		}
		if st.Documents != n {
			b.Fatalf("indexed %d, want %d", st.Documents, n)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkEnrich measures fact extraction alone.
func BenchmarkEnrich(b *testing.B) {
	docs := corpusDocs(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if e := indexer.Enrich(d); e.Document.ID != d.ID {
				b.Fatal("Enrich lost the document")
			}
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// TestWatch: rebuilding the index under a watcher hands it the new index.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "documents.jsonl")
	out := filepath.Join(dir, "index.bleve")
	writeDocs(t, docs, jsonLine(t, doc("https://x.example/a", "ก", "สมัชชาสุขภาพ")))
	if _, err := indexer.Build(t.Context(), docs, out, indexer.Config{}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	poke := make(chan struct{})
	swapped := make(chan *indexer.Index, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		indexer.Watch(ctx, out, time.Hour, poke, func(idx *indexer.Index) { swapped <- idx }, func(err error) { t.Error(err) })
	}()
	writeDocs(t, docs, jsonLine(t, doc("https://x.example/a", "ก", "สมัชชาสุขภาพ")), jsonLine(t, doc("https://x.example/b", "ข", "ธรรมนูญสุขภาพ")))
	if _, err := indexer.Build(t.Context(), docs, out, indexer.Config{}); err != nil {
		t.Fatal(err)
	}
	poke <- struct{}{}
	idx := <-swapped
	defer idx.Close()
	if n, _ := idx.DocCount(); n != 2 {
		t.Errorf("watched index has %d documents, want the rebuilt index's 2", n)
	}
	cancel()
	<-done
}

// shardCorpus writes n small documents naming provinces, tools and years
// to a JSONL file in dir and returns its path and the documents.
func shardCorpus(t *testing.T, dir string, n int) (string, []botrian.Document) {
	t.Helper()
	provs := []string{"ลำพูน", "ชุมพร", "น่าน", "สงขลา", "ขอนแก่น"}
	tools := []string{"สมัชชาสุขภาพจังหวัด", "ธรรมนูญสุขภาพตำบล", "การประเมินผลกระทบด้านสุขภาพ"}
	var docs []botrian.Document
	var lines []string
	for i := range n {
		p, tool, year := provs[i%len(provs)], tools[i%len(tools)], 2550+i%7
		d := doc(fmt.Sprintf("https://x.example/s%d", i), fmt.Sprintf("%sจังหวัด%s", tool, p),
			fmt.Sprintf("คณะทำงาน%sจังหวัด%sจัดเวทีเมื่อวันที่ %d มีนาคม %d เรื่องการจัดการขยะ", tool, p, 1+i%28, year))
		docs = append(docs, d)
		lines = append(lines, jsonLine(t, d))
	}
	path := filepath.Join(dir, "documents.jsonl")
	writeDocs(t, path, lines...)
	return path, docs
}

func buildOpen(t *testing.T, docsPath, out string, shards int) *indexer.Index {
	t.Helper()
	if _, err := indexer.Build(t.Context(), docsPath, out, indexer.Config{Shards: shards, BatchSize: 4}); err != nil {
		t.Fatalf("Build(Shards %d): %v", shards, err)
	}
	idx, err := indexer.Open(out)
	if err != nil {
		t.Fatalf("Open(Shards %d): %v", shards, err)
	}
	t.Cleanup(func() { idx.Close() })
	return idx
}

// facetCounts runs q with facets on the facet fields and returns "field/term" → count.
func facetCounts(t *testing.T, idx bleve.Index, q string) (uint64, map[string]int) {
	t.Helper()
	var bq query.Query = bleve.NewMatchAllQuery()
	if q != "" {
		bq = bleve.NewMatchQuery(q)
	}
	r := bleve.NewSearchRequestOptions(bq, 0, 0, false)
	for _, f := range []string{indexer.FieldProvince, indexer.FieldTool, indexer.FieldYear, indexer.FieldSite} {
		r.AddFacet(f, bleve.NewFacetRequest(f, 100))
	}
	res, err := idx.Search(r)
	if err != nil {
		t.Fatalf("facet search %q: %v", q, err)
	}
	out := map[string]int{}
	for name, fr := range res.Facets {
		for _, tf := range fr.Terms.Terms() {
			out[name+"/"+tf.Term] = tf.Count
		}
	}
	return res.Total, out
}

// TestBuildSharded: a build split into three shards opens as one index
// that counts, searches, facets and looks up documents as the single-index
// build of the same documents does.
func TestBuildSharded(t *testing.T) {
	dir := t.TempDir()
	docsPath, docs := shardCorpus(t, dir, 30)
	one := buildOpen(t, docsPath, filepath.Join(dir, "one.bleve"), 1)
	out := filepath.Join(dir, "three.bleve")
	three := buildOpen(t, docsPath, out, 3)

	if _, err := os.Stat(filepath.Join(out, "shard-02")); err != nil {
		t.Errorf("sharded build has no shard-02: %v", err)
	}
	if _, ok := three.Index.(bleve.IndexAlias); !ok {
		t.Errorf("sharded index is a %T, want a bleve.IndexAlias", three.Index)
	}
	if n, _ := three.DocCount(); n != uint64(len(docs)) {
		t.Errorf("DocCount = %d, want %d", n, len(docs))
	}
	if three.Generation == "" {
		t.Error("Generation is empty")
	}
	for _, q := range []string{"", "ลำพูน", "ธรรมนูญสุขภาพ", "ขยะ", "ไม่มีคำนี้"} {
		n1, f1 := facetCounts(t, one.Index, q)
		n3, f3 := facetCounts(t, three.Index, q)
		if n1 != n3 {
			t.Errorf("search %q: %d hits in 3 shards, want %d as in 1", q, n3, n1)
		}
		if q == "" && (f3[indexer.FieldProvince+"/ลำพูน"] != 6 || len(f3) < 10) {
			t.Errorf("facets of all documents in 3 shards = %v, want ลำพูน 6 and more", f3)
		}
		if diff := cmp.Diff(f1, f3); diff != "" {
			t.Errorf("facets of %q, 3 shards vs 1 (-1 +3):\n%s", q, diff)
		}
	}
	if n := count(t, three.Index, "ลำพูน"); n != 6 {
		t.Errorf("search ลำพูน in 3 shards: %d hits, want 6", n)
	}
	for _, d := range docs[:5] {
		got, err := three.Document(d.ID)
		if err != nil || got == nil || got.ID() != d.ID {
			t.Errorf("Document(%q) = %v, %v; want the document", d.ID, got, err)
		}
	}
	// Term dictionaries are merged across shards, counts summed.
	for _, prefix := range []string{"ลำ", "ส", "ข"} {
		d1, d3 := dictTerms(t, one.Index, prefix), dictTerms(t, three.Index, prefix)
		if len(d1) == 0 {
			t.Fatalf("no terms with prefix %q", prefix)
		}
		if diff := cmp.Diff(d1, d3); diff != "" {
			t.Errorf("FieldDictPrefix(_all, %q), 3 shards vs 1 (-1 +3):\n%s", prefix, diff)
		}
	}
}

func dictTerms(t *testing.T, idx bleve.Index, prefix string) []string {
	t.Helper()
	d, err := idx.FieldDictPrefix("_all", []byte(prefix))
	if err != nil {
		t.Fatalf("FieldDictPrefix(%q): %v", prefix, err)
	}
	defer d.Close()
	var out []string
	for {
		e, err := d.Next()
		if err != nil {
			t.Fatalf("FieldDictPrefix(%q).Next: %v", prefix, err)
		}
		if e == nil {
			return out
		}
		out = append(out, fmt.Sprintf("%s:%d", e.Term, e.Count))
	}
}

// TestShardedRebuild: a sharded index is swapped in and watched like a
// single one, a cancelled sharded build leaves it serving, and a rebuild
// with fewer documents goes back to one index.
func TestShardedRebuild(t *testing.T) {
	dir := t.TempDir()
	docsPath, _ := shardCorpus(t, dir, 12)
	out := filepath.Join(dir, "index.bleve")
	if _, err := indexer.Build(t.Context(), docsPath, out, indexer.Config{Shards: 3}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	poke := make(chan struct{})
	swapped := make(chan *indexer.Index, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		indexer.Watch(ctx, out, time.Hour, poke, func(idx *indexer.Index) { swapped <- idx }, func(err error) { t.Error(err) })
	}()

	// A killed build of more documents leaves the 12.
	shardCorpus(t, dir, 20)
	bctx, bcancel := context.WithCancel(t.Context())
	_, err := indexer.Build(bctx, docsPath, out, indexer.Config{Shards: 3, BatchSize: 2, Progress: func(indexer.Progress) { bcancel() }})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled sharded Build: %v, want context.Canceled", err)
	}
	idx, err := indexer.Open(out)
	if err != nil {
		t.Fatalf("Open after failed build: %v", err)
	}
	if n, _ := idx.DocCount(); n != 12 {
		t.Errorf("DocCount after failed build = %d, want the old index's 12", n)
	}
	idx.Close()
	if ms, _ := filepath.Glob(out + ".building-*"); len(ms) != 0 {
		t.Errorf("failed build left %v", ms)
	}

	// A complete rebuild is handed to the watcher.
	if _, err := indexer.Build(t.Context(), docsPath, out, indexer.Config{Shards: 2}); err != nil {
		t.Fatal(err)
	}
	poke <- struct{}{}
	idx = <-swapped
	if n, _ := idx.DocCount(); n != 20 {
		t.Errorf("watched index has %d documents, want the rebuilt index's 20", n)
	}
	if err := idx.Close(); err != nil {
		t.Errorf("Close of a sharded index: %v", err)
	}
	cancel()
	<-done

	// Automatic sharding keeps a small corpus in one index.
	if _, err := indexer.Build(t.Context(), docsPath, out, indexer.Config{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "shard-00")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("automatic build of 20 documents has shard-00 (%v), want one index", err)
	}
	idx, err = indexer.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if n, _ := idx.DocCount(); n != 20 {
		t.Errorf("single-index rebuild has %d documents, want 20", n)
	}
}

func TestBuildRejectsBadConfig(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "documents.jsonl")
	writeDocs(t, docs, jsonLine(t, doc("https://x.example/a", "ก", "สมัชชาสุขภาพ")))
	for _, cfg := range []indexer.Config{{Shards: -1}, {BatchSize: -5}} {
		if _, err := indexer.Build(t.Context(), docs, filepath.Join(dir, "index.bleve"), cfg); !errors.Is(err, indexer.ErrConfig) {
			t.Errorf("Build(%+v) = %v, want ErrConfig", cfg, err)
		}
	}
}

// TestBuildUserWords: words of a user dictionary (botrian index --dict) are
// cut whole in the index and in queries analysed by the index's analyzer.
func TestBuildUserWords(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "documents.jsonl")
	out := filepath.Join(dir, "index.bleve")
	// "ฮักแพง" is not in the dictionary: without the user word it is cut
	// into pieces and the whole word is no term of the index.
	writeDocs(t, docs, jsonLine(t, doc("https://x.example/a", "เครือข่ายฮักแพงเชียงคาน", "สมาชิกเครือข่ายฮักแพงเชียงคานจัดเวที")))
	if _, err := indexer.Build(t.Context(), docs, out, indexer.Config{UserWords: []string{"ฮักแพง"}}); err != nil {
		t.Fatalf("Build with user words: %v", err)
	}
	idx, err := indexer.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	q := bleve.NewTermQuery("ฮักแพง")
	q.SetField(indexer.FieldBody)
	res, err := idx.Search(bleve.NewSearchRequest(q))
	if err != nil || res.Total != 1 {
		t.Errorf("term ฮักแพง in the body: %v, err %v; want 1 hit (the user word is one token)", res, err)
	}
}
