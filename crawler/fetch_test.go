package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// testFetcher is a Fetcher on a fake clock, allowed to reach httptest.
func testFetcher(clock *fakeClock) *Fetcher {
	return NewFetcher(FetchConfig{
		RatePerHost: 1000, Timeout: 300 * time.Millisecond, MaxRetries: 2, RetryBackoff: time.Second,
		MaxBodyBytes: 1 << 10, MaxRedirects: 3, AllowPrivate: true, Now: clock.Now, Sleep: clock.Sleep,
	})
}

func TestFetchErrors(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		n := hits[r.URL.Path]
		mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: botrian\nDisallow: /no/\n\nUser-agent: *\nDisallow: /\n")
		case "/loop":
			http.Redirect(w, r, "/loop2", http.StatusFound)
		case "/loop2":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/chain/1", "/chain/2", "/chain/3", "/chain/4":
			http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+int(r.URL.Path[7]-'0')), http.StatusFound)
		case "/missing":
			http.NotFound(w, r)
		case "/down":
			http.Error(w, "down", http.StatusBadGateway)
		case "/big":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, strings.Repeat("x", 2<<10))
		case "/big-chunked":
			w.Header().Set("Content-Type", "text/html")
			for range 4 {
				fmt.Fprint(w, strings.Repeat("x", 512))
				w.(http.Flusher).Flush()
			}
		case "/image":
			w.Header().Set("Content-Type", "image/png")
			fmt.Fprint(w, "\x89PNG")
		case "/slow":
			<-r.Context().Done()
		}
	}))
	defer srv.Close()
	f := testFetcher(newFakeClock())
	defer f.Close()
	tests := []struct {
		path   string
		want   error
		status int
	}{
		{"/loop", ErrRedirectLoop, 302},
		{"/chain/1", ErrTooManyRedirects, 302},
		{"/missing", ErrStatus, 404},
		{"/down", ErrStatus, 502},
		{"/big", ErrBodyTooLarge, 200},
		{"/big-chunked", ErrBodyTooLarge, 200},
		{"/image", ErrContentType, 200},
		{"/slow", context.DeadlineExceeded, 0},
		{"/no/entry", ErrDisallowed, 0},
	}
	for _, tt := range tests {
		_, err := f.Fetch(context.Background(), Request{URL: srv.URL + tt.path})
		var fe *FetchError
		if !errors.Is(err, tt.want) || !errors.As(err, &fe) || fe.Status != tt.status {
			t.Errorf("Fetch(%s) = %v, want %v with status %d", tt.path, err, tt.want, tt.status)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if hits["/no/entry"] != 0 {
		t.Errorf("disallowed /no/entry was requested %d times", hits["/no/entry"])
	}
	if hits["/down"] != 3 || hits["/slow"] != 3 || hits["/missing"] != 1 {
		t.Errorf("hits = %v, want /down and /slow tried 3 times (2 retries), /missing once", hits)
	}
}

func TestFetchRetryAfterAndConditional(t *testing.T) {
	var mu sync.Mutex
	calls := 0
	var agents, inm []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		calls++
		n := calls
		agents = append(agents, r.UserAgent())
		inm = append(inm, r.Header.Get("If-None-Match"))
		mu.Unlock()
		if n == 1 {
			w.Header().Set("Retry-After", "9")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<p>สวัสดี</p>")
	}))
	defer srv.Close()
	clock := newFakeClock()
	f := testFetcher(clock)
	res, err := f.Fetch(context.Background(), Request{URL: srv.URL + "/p"})
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if res.Attempts != 2 || res.ETag != `"v1"` || string(res.Body) != "<p>สวัสดี</p>" {
		t.Errorf("Fetch = %+v, want 2 attempts, ETag \"v1\" and the body", res)
	}
	if !slices.Contains(clock.slept(), 9*time.Second) {
		t.Errorf("slept %v, want Retry-After 9s", clock.slept())
	}
	res, err = f.Fetch(context.Background(), Request{URL: srv.URL + "/p", ETag: res.ETag})
	if err != nil || !res.NotModified || res.Status != 304 {
		t.Errorf("conditional Fetch = %+v, %v, want 304 NotModified", res, err)
	}
	for _, a := range agents {
		if a != DefaultUserAgent {
			t.Errorf("User-Agent %q, want %q", a, DefaultUserAgent)
		}
	}
	if want := []string{"", "", `"v1"`}; !slices.Equal(inm, want) {
		t.Errorf("If-None-Match headers %q, want %q", inm, want)
	}
}

func TestFetchRateLimitAndCrawlDelay(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nCrawl-delay: 5\n")
			return
		}
		fmt.Fprint(w, "<p>x</p>")
	}))
	defer srv.Close()
	clock := newFakeClock()
	f := testFetcher(clock)
	start := clock.Now()
	for i := range 4 {
		if _, err := f.Fetch(context.Background(), Request{URL: fmt.Sprintf("%s/%d", srv.URL, i)}); err != nil {
			t.Fatal(err)
		}
	}
	// robots.txt, then 4 pages 5s apart: at least 3×5s... plus the wait
	// after robots.txt.
	if got := clock.Now().Sub(start); got < 20*time.Second {
		t.Errorf("4 pages after robots.txt took %v of clock, want ≥ 20s (Crawl-delay 5)", got)
	}
}

func TestFetchRefusesPrivate(t *testing.T) {
	hit := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hit = true }))
	defer srv.Close()
	f := NewFetcher(FetchConfig{Timeout: time.Second})
	_, err := f.Fetch(context.Background(), Request{URL: srv.URL + "/", SkipRobots: true})
	if !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("Fetch(%s) = %v, want ErrPrivateAddress", srv.URL, err)
	}
	if hit {
		t.Errorf("server was reached")
	}
	for _, tt := range []struct {
		ip      string
		blocked bool
	}{
		{"127.0.0.1", true}, {"10.1.2.3", true}, {"172.16.0.1", true}, {"192.168.1.1", true},
		{"169.254.169.254", true}, {"0.0.0.0", true}, {"100.64.0.1", true}, {"::1", true},
		{"fe80::1", true}, {"fc00::1", true}, {"::ffff:127.0.0.1", true}, {"::", true},
		{"203.150.1.1", false}, {"8.8.8.8", false}, {"2001:4860:4860::8888", false},
	} {
		if got := blockedAddr(netip.MustParseAddr(tt.ip)); got != tt.blocked {
			t.Errorf("blockedAddr(%s) = %v, want %v", tt.ip, got, tt.blocked)
		}
	}
}

func TestParseSitemap(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	fmt.Fprint(zw, `<urlset><url><loc>https://a.org/z</loc></url></urlset>`)
	zw.Close()
	tests := []struct {
		name            string
		in              string
		pages, sitemaps []string
	}{
		{"urlset", `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://a.org/1 </loc><lastmod>2020</lastmod></url><url><loc>https://a.org/2</loc></url></urlset>`, []string{"https://a.org/1", "https://a.org/2"}, nil},
		{"index", `<sitemapindex><sitemap><loc>https://a.org/s1.xml</loc></sitemap></sitemapindex>`, nil, []string{"https://a.org/s1.xml"}},
		{"rss", `<rss><channel><link>https://a.org/</link><item><link>https://a.org/archives/5</link></item></channel></rss>`, []string{"https://a.org/archives/5"}, nil},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><link href="https://a.org/"/><entry><link rel="alternate" href="https://a.org/e1"/><link rel="edit" href="https://a.org/x"/></entry></feed>`, []string{"https://a.org/e1"}, nil},
		{"gzip", gz.String(), []string{"https://a.org/z"}, nil},
		{"text", "https://a.org/t1\n\n  https://a.org/t2  \nnot a url\nftp://a.org/x\n", []string{"https://a.org/t1", "https://a.org/t2"}, nil},
		{"bom", "\xef\xbb\xbf<urlset><url><loc>https://a.org/b</loc></url></urlset>", []string{"https://a.org/b"}, nil},
		{"tis-620", "<?xml version=\"1.0\" encoding=\"windows-874\"?><urlset><url><loc>https://a.org/\xa1</loc></url></urlset>", []string{"https://a.org/ก"}, nil},
	}
	for _, tt := range tests {
		pages, sitemaps, err := parseSitemap([]byte(tt.in))
		if err != nil || !slices.Equal(pages, tt.pages) || !slices.Equal(sitemaps, tt.sitemaps) {
			t.Errorf("parseSitemap(%s) = %q, %q, %v, want %q, %q", tt.name, pages, sitemaps, err, tt.pages, tt.sitemaps)
		}
	}
}

func TestParseLinks(t *testing.T) {
	base, _ := url.Parse("http://a.org/dir/page")
	body := []byte(`<html><head><link rel="canonical" href="/archives/5#x"><link rel="alternate" type="application/rss+xml" href="/feed/">
<meta name="robots" content="noindex"></head><body><a href="x">x</a><a href="/y#frag">y</a><a href="mailto:a@b">m</a>
<a href="#top">top</a><a href="https://b.org/z">z</a><a href="x">again</a></body></html>`)
	got := parseLinks(base, body, "text/html")
	want := pageLinks{
		Links: []string{"http://a.org/dir/x", "http://a.org/y", "https://b.org/z"}, Feeds: []string{"http://a.org/feed/"},
		Canonical: "http://a.org/archives/5", NoIndex: true,
	}
	if !slices.Equal(got.Links, want.Links) || !slices.Equal(got.Feeds, want.Feeds) || got.Canonical != want.Canonical ||
		got.NoIndex != want.NoIndex || got.NoFollow != want.NoFollow {
		t.Errorf("parseLinks = %+v, want %+v", got, want)
	}
}
