package crawler

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/botrian/botrian"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
)

// fakeClock is a clock that only moves when something sleeps on it, so rate
// limits, crawl delays and Retry-After cost no real time.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	c.sleeps = append(c.sleeps, d)
	return nil
}

func (c *fakeClock) slept() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.sleeps)
}

// Pages of the fake site, in the three styles, with text we wrote.
func areahppPage(title, body string, extra string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + ` | AreaHpp</title>
<link rel="alternate" type="application/rss+xml" href="/areahpp2/feed/"></head><body>
<div id="crumbs"><a href="/areahpp2/">หน้าแรก</a></div>
<article id="the-post" class="post-listing post"><div class="post-inner">
<h1 class="post-title entry-title"><span itemprop="name">` + title + `</span></h1>
<p class="post-meta"><span class="tie-date">5 มกราคม 2015</span></p>
<div class="entry"><p>` + body + `</p>` + extra + `</div></div></article>
<section id="check-also-box"><h4>Check Also</h4><h2 class="post-title"><a href="/areahpp2/archives/101">เรื่องอื่น</a></h2></section>
<div id="theme-footer"><a href="/">หน้าหลัก</a></div></body></html>`
}

func gotoknowPage(title, body string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + `</title>
<meta property="og:title" content="` + title + `"></head><body>
<div class="main"><h1>` + title + `</h1><div class="post-body"><p>` + body + `</p></div>
<div class="tags">คำสำคัญ (Tags): <a href="/tags/hia">#hia</a></div>
<div>หมายเลขบันทึก: 201 เขียนเมื่อ 28 กันยายน 2008 13:15 น. ()</div>
<div>ความเห็น (0)</div><div>ไม่มีความเห็น</div></div>
<footer>พบปัญหาการใช้งานกรุณาแจ้ง LINE ID @gotoknow</footer></body></html>`
}

func paperPage(title, body, charset string) string {
	return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=` + charset + `"><title>` + title + `</title></head><body>
<div class="paper"><h2 class="title">` + title + `</h2>
<div class="timestamp">by <span class="poster">ผู้เขียน</span> @<span class="timestamp">15 ก.ย. 55 11.25</span></div>
<div class="detail"><div class="detail-body"><p>` + body + `</p></div></div>
<nav id="paper-footer">อ่าน 10 ครั้ง</nav></div></body></html>`
}

func actionPage(title, body string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + `</title></head><body>
<div id="header">สถาบันนโยบายสาธารณะ (สนส. ม.อ.)</div><h2>โครงการทดสอบของเรา</h2>
<div id="project-action-301" class="project-action-item"><h3 class="title">` + title + `</h3>
<div class="date"><span class="day">20</span> <span class="month">พฤศจิกายน</span> <span class="year">2559</span></div>
<div class="owner"><span class="owner-name">ผู้รายงาน</span> รายงานจากพื้นที่</div>
<div class="project-action-summary"><h5><i class="icon -material">circle</i>วัตถุประสงค์</h5><p>` + body + `</p></div></div></body></html>`
}

// fakeSite is the httptest site of the crawl tests. It records every request
// path (with query) in order.
type fakeSite struct {
	*httptest.Server
	siteLog
	// hook, if set, runs before each request is served.
	hook func(r *http.Request)
}

// siteLog is what the test sites share: the request log and the flaky
// paths, guarded by mu (which also guards the embedding site's fields).
type siteLog struct {
	mu    sync.Mutex
	log   []string
	fails map[string]int // remaining failures of a flaky path
}

// Distinctive phrases, one per article, each only in its own page.
var sitePhrases = map[string]string{
	"/areahpp2/archives/101":          "ประชุมสมัชชาสุขภาพจังหวัดลำพูนหนึ่งศูนย์หนึ่ง",
	"/areahpp2/archives/102":          "เวทีธรรมนูญสุขภาพตำบลหนึ่งศูนย์สอง",
	"/areahpp2/archives/103":          "บทความย้ายที่หนึ่งศูนย์สาม",
	"/areahpp2/archives/108":          "ข่าวจากฟีดหนึ่งศูนย์แปด",
	"/posts/201":                      "บันทึกการประเมินผลกระทบด้านสุขภาพสองศูนย์หนึ่ง",
	"/posts/202":                      "บันทึกที่เซิร์ฟเวอร์ล่มครั้งแรกสองศูนย์สอง",
	"/posts/203":                      "บันทึกที่ขอให้รอสองศูนย์สาม",
	"/posts/206":                      "บทความซ้ำสองที่อยู่สองศูนย์หก",
	"/posts/207":                      "บันทึกที่พบในแผนผังเว็บสองศูนย์เจ็ด",
	"/project/1/info.action.view/301": "รายงานกิจกรรมสามศูนย์หนึ่ง",
	"/paper/401":                      "ข่าวภาษาไทยรหัสวินโดวส์แปดเจ็ดสี่",
}

// siteArticles are the canonical paths that must each become one document;
// siteAlt is the other URL of the duplicate.
const siteAlt = "/mirror/posts-206"

func newFakeSite(t *testing.T) *fakeSite {
	t.Helper()
	s := &fakeSite{siteLog: siteLog{fails: map[string]int{"/posts/202": 1, "/posts/203": 1}}}
	mux := http.NewServeMux()
	html := func(w http.ResponseWriter, body string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n\nSitemap: %s/sitemap.xml\n", s.URL)
	})
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>%[1]s/posts/207</loc></url><url><loc>%[1]s/private/in-sitemap</loc></url><url><loc>%[1]s/posts/201</loc></url></urlset>`, s.URL)
	})
	mux.HandleFunc("/areahpp2/feed/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=UTF-8")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>AreaHpp</title>
<item><title>ฟีด</title><link>%s/areahpp2/archives/108/</link></item></channel></rss>`, s.URL)
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		html(w, `<html><body><h1>หน้าแรก</h1><ul>
<li><a href="/areahpp2/archives/101">101</a></li>
<li><a href="/areahpp2/archives/102/?utm_source=line&fbclid=abc#comments">102</a></li>
<li><a href="HTTP://`+strings.TrimPrefix(s.URL, "http://")+`/posts/201#google_vignette">201</a></li>
<li><a href="/posts/202">202</a></li><li><a href="/posts/203">203</a></li>
<li><a href="/posts/204">slow</a></li><li><a href="/areahpp2/archives/104">big</a></li>
<li><a href="/posts/206">206</a></li><li><a href="`+siteAlt+`">206 again</a></li>
<li><a href="/project/1/info.action.view/301">301</a></li><li><a href="/paper/401">401</a></li>
<li><a href="/old">old</a></li><li><a href="/loop/a">loop</a></li><li><a href="/missing">404</a></li>
<li><a href="/private/secret">secret</a></li><li><a href="/photo.jpg">photo</a></li>
<li><a href="mailto:someone@example.org">mail</a></li></ul></body></html>`)
	})
	mux.HandleFunc("/tags/", func(w http.ResponseWriter, r *http.Request) {
		html(w, `<html><body><a href="/posts/201">201</a></body></html>`)
	})
	mux.HandleFunc("/areahpp2/{$}", func(w http.ResponseWriter, r *http.Request) {
		html(w, `<html><body><a href="/areahpp2/archives/101/">101</a></body></html>`)
	})
	article := func(w http.ResponseWriter, r *http.Request) {
		p := "/areahpp2/archives/" + r.PathValue("id")
		if p == "/areahpp2/archives/104" { // oversized
			html(w, areahppPage("ใหญ่เกิน", strings.Repeat("ยาวมาก ", 20000), ""))
			return
		}
		ph, ok := sitePhrases[p]
		if !ok {
			http.NotFound(w, r)
			return
		}
		html(w, areahppPage("เรื่อง "+r.PathValue("id"), ph, `<p><a href="/areahpp2/archives/102">ลิงก์</a></p>`))
	}
	mux.HandleFunc("/areahpp2/archives/{id}", article)
	mux.HandleFunc("/areahpp2/archives/{id}/", article) // WordPress answers both
	post := func(w http.ResponseWriter, r *http.Request, p string) {
		ph, ok := sitePhrases[p]
		if !ok {
			http.NotFound(w, r)
			return
		}
		html(w, gotoknowPage("บันทึก "+strings.TrimPrefix(p, "/posts/"), ph))
	}
	mux.HandleFunc("/posts/{id}", func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		switch p {
		case "/posts/204": // slow: answers only when the client gives up
			<-r.Context().Done()
			return
		case "/posts/202":
			if s.fail(p) {
				http.Error(w, "down", http.StatusInternalServerError)
				return
			}
		case "/posts/203":
			if s.fail(p) {
				w.Header().Set("Retry-After", "7")
				http.Error(w, "slow down", http.StatusTooManyRequests)
				return
			}
		}
		post(w, r, p)
	})
	mux.HandleFunc(siteAlt, func(w http.ResponseWriter, r *http.Request) { post(w, r, "/posts/206") })
	mux.HandleFunc("/project/1/info.action.view/301", func(w http.ResponseWriter, r *http.Request) {
		html(w, actionPage("ประชุมกลุ่มย่อย", sitePhrases[r.URL.Path]))
	})
	mux.HandleFunc("/paper/401", func(w http.ResponseWriter, r *http.Request) {
		b, err := charmap.Windows874.NewEncoder().String(paperPage("ข่าวเก่า", sitePhrases[r.URL.Path], "windows-874"))
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=windows-874")
		fmt.Fprint(w, b)
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/areahpp2/archives/103", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) { html(w, "<p>secret</p>") })
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.log = append(s.log, r.URL.RequestURI())
		hook := s.hook
		s.mu.Unlock()
		if hook != nil {
			hook(r)
		}
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// fail reports whether p should fail this time, counting the failure down.
func (s *siteLog) fail(p string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fails[p] > 0 {
		s.fails[p]--
		return true
	}
	return false
}

// requests returns the request log so far.
func (s *siteLog) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.log)
}

func (s *fakeSite) count(path string) int {
	n := 0
	for _, r := range s.requests() {
		if r == path {
			n++
		}
	}
	return n
}

// testConfig is a crawl of site into dir with a fake clock, short timeouts
// and a high rate.
func testConfig(site *fakeSite, dir string, clock *fakeClock) Config {
	return Config{
		Dir:         dir,
		Seeds:       []string{site.URL + "/"},
		Concurrency: 3,
		BatchSize:   3,
		Now:         clock.Now,
		Fetch: FetchConfig{
			RatePerHost: 1000,
			// Long enough that a normal page never times out on a loaded
			// machine (at 300 ms one did, once in about 20 runs); the slow
			// page costs this once per try.
			Timeout:      time.Second,
			MaxRetries:   2,
			RetryBackoff: time.Second,
			MaxBodyBytes: 64 << 10,
			AllowPrivate: true,
			Now:          clock.Now,
			Sleep:        clock.Sleep,
		},
	}
}

func crawl(t *testing.T, cfg Config, ctx context.Context) Stats {
	t.Helper()
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	defer c.Close()
	st, err := c.Run(ctx)
	if err != nil && ctx.Err() == nil {
		t.Fatalf("Run: %v", err)
	}
	return st
}

func crawledDocs(t *testing.T, dir string) []botrian.Document {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, DocumentsFile))
	if err != nil {
		t.Fatalf("open documents: %v", err)
	}
	defer f.Close()
	var docs []botrian.Document
	if err := botrian.ReadDocuments(f, func(d botrian.Document) error { docs = append(docs, d); return nil }, nil); err != nil {
		t.Fatalf("read documents: %v", err)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].URL < docs[j].URL })
	return docs
}

// docURLs maps each document's path to its alternate paths.
func docURLs(site *fakeSite, docs []botrian.Document) map[string][]string {
	out := map[string][]string{}
	for _, d := range docs {
		var alts []string
		for _, a := range d.AltURLs {
			alts = append(alts, strings.TrimPrefix(a, site.URL))
		}
		out[strings.TrimPrefix(d.URL, site.URL)] = alts
	}
	return out
}

func TestCrawlFakeSite(t *testing.T) {
	site := newFakeSite(t)
	clock := newFakeClock()
	dir := t.TempDir()
	st := crawl(t, testConfig(site, dir, clock), context.Background())

	docs := crawledDocs(t, dir)
	want := map[string][]string{}
	for p := range sitePhrases {
		want[p] = nil
	}
	got := docURLs(site, docs)
	// The duplicate is one document; which of its two URLs is primary
	// depends on which was fetched first.
	if alts, ok := got[siteAlt]; ok {
		delete(got, siteAlt)
		got["/posts/206"] = alts
		want["/posts/206"] = []string{"/posts/206"}
	} else {
		want["/posts/206"] = []string{siteAlt}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("documents (-want +got):\n%s\nrequests: %q", diff, site.requests())
	}
	for _, d := range docs {
		path := strings.TrimPrefix(d.URL, site.URL)
		if path == siteAlt {
			path = "/posts/206"
		}
		if ph := sitePhrases[path]; !strings.Contains(d.Body, ph) {
			t.Errorf("document %s body = %q, want it to contain %q", d.URL, d.Body, ph)
		}
		if d.ID != botrian.DocID(d.URL) {
			t.Errorf("document %s ID = %s, want DocID(URL) %s", d.URL, d.ID, botrian.DocID(d.URL))
		}
	}
	for _, r := range site.requests() {
		if strings.HasPrefix(r, "/private/") {
			t.Errorf("fetched disallowed %s", r)
		}
		if strings.Contains(r, "utm_") || strings.Contains(r, "fbclid") {
			t.Errorf("fetched tracking URL %s", r)
		}
		if r == "/photo.jpg" {
			t.Errorf("fetched %s, an image", r)
		}
	}
	// Each page once; the flaky ones twice (one failure, one success); the
	// slow one and the loop as often as the retries allow.
	counts := map[string]int{
		"/robots.txt": 1, "/sitemap.xml": 1, "/": 1, "/areahpp2/feed/": 1,
		"/areahpp2/archives/101": 1, "/areahpp2/archives/102/": 1, "/areahpp2/": 1, "/tags/hia": 1, "/posts/201": 1, "/posts/206": 1, siteAlt: 1,
		"/posts/207": 1, "/paper/401": 1, "/project/1/info.action.view/301": 1, "/areahpp2/archives/108/": 1,
		"/old": 1, "/areahpp2/archives/103": 1, "/missing": 1, "/areahpp2/archives/104": 1,
		"/posts/202": 2, "/posts/203": 2, "/posts/204": 3, "/loop/a": 1, "/loop/b": 1,
	}
	for p, n := range counts {
		if got := site.count(p); got != n {
			t.Errorf("requests of %s = %d, want %d", p, got, n)
		}
	}
	// Failed: slow, oversized, loop, 404.
	if st.Failed != 4 || st.Disallowed != 2 {
		t.Errorf("Stats = %+v, want Failed 4 (slow, big, loop, 404) and Disallowed 2", st)
	}
	if st.Queued != 0 {
		t.Errorf("Stats.Queued = %d at the end, want 0", st.Queued)
	}
	sleeps := clock.slept()
	if !slices.Contains(sleeps, 7*time.Second) {
		t.Errorf("sleeps %v: want the 429's Retry-After of 7s", sleeps)
	}
	// Crawl-delay 2s: n requests to the host take at least 2s(n-1) of clock.
	elapsed := clock.Now().Sub(newFakeClock().Now())
	if n := len(site.requests()); elapsed < time.Duration(n-2)*2*time.Second {
		t.Errorf("%d requests in %v of clock, want at least the 2s Crawl-delay between them", n, elapsed)
	}
}

// docSet is the comparable content of a documents.jsonl.
func docSet(t *testing.T, site *fakeSite, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, d := range crawledDocs(t, dir) {
		urls := append([]string{d.URL}, d.AltURLs...)
		for i := range urls {
			urls[i] = strings.TrimPrefix(urls[i], site.URL)
		}
		slices.Sort(urls)
		out[strings.Join(urls, " ")] = d.Title + "\n" + d.Body
	}
	return out
}

func TestCrawlResume(t *testing.T) {
	site := newFakeSite(t)
	full := t.TempDir()
	crawl(t, testConfig(site, full, newFakeClock()), context.Background())
	want := docSet(t, site, full)

	t.Run("max-pages", func(t *testing.T) {
		site.fails = map[string]int{"/posts/202": 1, "/posts/203": 1}
		dir := t.TempDir()
		clock := newFakeClock()
		cfg := testConfig(site, dir, clock)
		for _, n := range []int{4, 9} { // stop twice part-way, then finish
			cfg.MaxPages = n
			if st := crawl(t, cfg, context.Background()); st.Queued == 0 {
				t.Fatalf("MaxPages %d: queue empty, want a partial crawl", n)
			}
		}
		cfg.MaxPages = 0
		crawl(t, cfg, context.Background())
		if diff := cmp.Diff(want, docSet(t, site, dir)); diff != "" {
			t.Errorf("resumed crawl documents (-uninterrupted +resumed):\n%s", diff)
		}
	})
	t.Run("cancel", func(t *testing.T) {
		site.fails = map[string]int{"/posts/202": 1, "/posts/203": 1}
		dir := t.TempDir()
		cfg := testConfig(site, dir, newFakeClock())
		ctx, cancel := context.WithCancel(context.Background())
		cfg.Progress = func(st Stats) {
			if st.Fetched >= 5 {
				cancel()
			}
		}
		if st := crawl(t, cfg, ctx); st.Queued == 0 {
			t.Fatalf("cancelled crawl left an empty queue, want a partial crawl")
		}
		cfg.Progress = nil
		crawl(t, cfg, context.Background())
		if diff := cmp.Diff(want, docSet(t, site, dir)); diff != "" {
			t.Errorf("resumed crawl documents (-uninterrupted +resumed):\n%s", diff)
		}
	})
}

func TestCrawlRecrawlIsConditional(t *testing.T) {
	site := newFakeSite(t)
	dir := t.TempDir()
	cfg := testConfig(site, dir, newFakeClock())
	crawl(t, cfg, context.Background())
	before := docSet(t, site, dir)
	st := crawl(t, cfg, context.Background())
	// The fake site sends no validators, so the pass refetches: nothing
	// may change and nothing may be duplicated.
	if diff := cmp.Diff(before, docSet(t, site, dir)); diff != "" {
		t.Errorf("documents after a second pass (-first +second):\n%s", diff)
	}
	if st.Fetched == 0 {
		t.Errorf("second pass fetched nothing, want a re-crawl")
	}
}

func TestExtractAllRebuildsDocuments(t *testing.T) {
	site := newFakeSite(t)
	dir := t.TempDir()
	crawl(t, testConfig(site, dir, newFakeClock()), context.Background())
	want := docSet(t, site, dir)
	if err := os.Remove(filepath.Join(dir, DocumentsFile)); err != nil {
		t.Fatal(err)
	}
	n := len(site.requests())
	st, err := ExtractAll(context.Background(), dir, nil)
	if err != nil {
		t.Fatalf("ExtractAll: %v", err)
	}
	if got := len(site.requests()); got != n {
		t.Errorf("ExtractAll sent %d requests, want none", got-n)
	}
	if diff := cmp.Diff(want, docSet(t, site, dir)); diff != "" {
		t.Errorf("ExtractAll documents (-crawl +extract):\n%s", diff)
	}
	if st.Documents != len(sitePhrases)+1 { // the duplicate is merged twice into one
		t.Errorf("ExtractAll Documents = %d, want %d", st.Documents, len(sitePhrases)+1)
	}
}

func TestCrawlRefusesPrivateAddresses(t *testing.T) {
	site := newFakeSite(t)
	dir := t.TempDir()
	cfg := testConfig(site, dir, newFakeClock())
	cfg.Fetch.AllowPrivate = false
	st := crawl(t, cfg, context.Background())
	if n := len(site.requests()); n != 0 {
		t.Errorf("server saw %d requests (%q), want none", n, site.requests())
	}
	if st.Fetched != 0 || st.Failed == 0 {
		t.Errorf("Stats = %+v, want nothing fetched and the seed failed", st)
	}
}

func TestNewRejectsInvalidConfig(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
	}{
		{"concurrency", Config{Concurrency: -1}},
		{"per-host concurrency", Config{Fetch: FetchConfig{ConcurrencyPerHost: -1}}},
		{"timeout", Config{Fetch: FetchConfig{Timeout: -time.Second}}},
		{"rate", Config{Fetch: FetchConfig{RatePerHost: -1}}},
		{"rate NaN", Config{Fetch: FetchConfig{RatePerHost: math.NaN()}}},
		{"retry backoff", Config{Fetch: FetchConfig{RetryBackoff: -time.Second}}},
		{"max retry wait", Config{Fetch: FetchConfig{MaxRetryWait: -time.Second}}},
		{"max redirects", Config{Fetch: FetchConfig{MaxRedirects: -1}}},
		{"max body bytes", Config{Fetch: FetchConfig{MaxBodyBytes: -1}}},
	}
	for _, tt := range tests {
		tt.cfg.Dir = t.TempDir()
		tt.cfg.Seeds = []string{"https://www.gotoknow.org/posts/1"}
		c, err := New(tt.cfg)
		if !errors.Is(err, ErrConfig) {
			t.Errorf("New(%s) error = %v, want ErrConfig", tt.name, err)
		}
		if c != nil {
			c.Close()
		}
	}
	// A negative MaxRetries means no retries, not an error.
	c, err := New(Config{Dir: t.TempDir(), Fetch: FetchConfig{MaxRetries: -1}})
	if err != nil {
		t.Fatalf("New(MaxRetries -1) error = %v, want none", err)
	}
	c.Close()
}
