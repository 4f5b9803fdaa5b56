package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// benchSite serves n areahpp articles and listing pages of 20 links each.
func benchSite(b *testing.B, n int) *httptest.Server {
	b.Helper()
	mux := http.NewServeMux()
	list := func(w http.ResponseWriter, page int) {
		var ids []string
		for i := (page-1)*20 + 1; i <= min(page*20, n); i++ {
			ids = append(ids, fmt.Sprint(i))
		}
		var body strings.Builder
		for _, id := range ids {
			fmt.Fprintf(&body, `<article class="item-list"><h2 class="post-box-title"><a href="/areahpp2/archives/%s">เรื่อง %s</a></h2></article>`, id, id)
		}
		if page*20 < n {
			fmt.Fprintf(&body, `<a href="/areahpp2/page/%d">ถัดไป</a>`, page+1)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><body class="archive">%s</body></html>`, body.String())
	}
	mux.HandleFunc("/areahpp2/{$}", func(w http.ResponseWriter, r *http.Request) { list(w, 1) })
	mux.HandleFunc("/areahpp2/page/{n}", func(w http.ResponseWriter, r *http.Request) {
		var p int
		fmt.Sscan(r.PathValue("n"), &p)
		list(w, p)
	})
	mux.HandleFunc("/areahpp2/archives/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		a := unseenArticle{path: "/areahpp2/archives/" + id, title: "รายงานการประชุมครั้งที่ " + id,
			phrases: []string{"ข้อความเฉพาะของเรื่องที่ " + id + " " + strings.Repeat("ชุมชนร่วมกันวางแผนสุขภาพ ", 40), "สรุปเรื่องที่ " + id}}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, areahppSingle(a, ""))
	})
	srv := httptest.NewServer(mux)
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkCrawl crawls a local site of 300 articles with politeness off
// (rate 1e6/s per host, 4 in flight) and reports pages/s: the crawler's own
// cost per page (fetch, store, extract, state, documents.jsonl).
func BenchmarkCrawl(b *testing.B) {
	srv := benchSite(b, 300)
	b.ReportAllocs()
	pages := 0
	start := time.Now()
	for b.Loop() {
		c, err := New(Config{
			Dir: b.TempDir(), Seeds: []string{srv.URL + "/areahpp2/"}, Concurrency: 4,
			Fetch: FetchConfig{RatePerHost: 1e6, ConcurrencyPerHost: 4, AllowPrivate: true},
		})
		if err != nil {
			b.Fatal(err)
		}
		st, err := c.Run(context.Background())
		c.Close()
		if err != nil || st.Documents < 300 {
			b.Fatalf("Run = %+v, %v, want 300 documents", st, err)
		}
		pages += st.Fetched
	}
	b.ReportMetric(float64(pages)/time.Since(start).Seconds(), "pages/s")
}

// BenchmarkExtractAll re-extracts the 300 stored pages of a crawl.
func BenchmarkExtractAll(b *testing.B) {
	srv := benchSite(b, 300)
	dir := b.TempDir()
	c, err := New(Config{Dir: dir, Seeds: []string{srv.URL + "/areahpp2/"}, Concurrency: 4,
		Fetch: FetchConfig{RatePerHost: 1e6, ConcurrencyPerHost: 4, AllowPrivate: true}})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := c.Run(context.Background()); err != nil {
		b.Fatal(err)
	}
	c.Close()
	b.ReportAllocs()
	pages := 0
	start := time.Now()
	for b.Loop() {
		st, err := ExtractAll(context.Background(), dir, nil)
		if err != nil || st.Documents < 300 {
			b.Fatalf("ExtractAll = %+v, %v, want 300 documents", st, err)
		}
		pages += st.Pages
	}
	b.ReportMetric(float64(pages)/time.Since(start).Seconds(), "pages/s")
}
