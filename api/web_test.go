package api

import (
	"context"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/botrian/botrian/search"
)

// page GETs an HTML page and parses it.
func page(t *testing.T, srv http.Handler, target string, wantStatus int) *goquery.Document {
	t.Helper()
	rec := get(t, srv, target, "Accept", "text/html")
	if rec.Code != wantStatus {
		t.Fatalf("GET %s = %d, want %d\n%s", target, rec.Code, wantStatus, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Fatalf("GET %s: Content-Type %q", target, ct)
	}
	doc, err := goquery.NewDocumentFromReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	if lang, _ := doc.Find("html").Attr("lang"); lang != "th" {
		t.Errorf("GET %s: <html lang=%q>, want th", target, lang)
	}
	return doc
}

func TestSearchPage(t *testing.T) {
	srv, _ := newTestServer(t)
	doc := page(t, srv, "/?q="+url.QueryEscape("สมัชชาสุขภาพจังหวัดลำพูน"), http.StatusOK)
	if v, _ := doc.Find("input#q").Attr("value"); v != "สมัชชาสุขภาพจังหวัดลำพูน" {
		t.Errorf("search box holds %q", v)
	}
	hits := doc.Find("ol.hits > li.hit")
	if hits.Length() == 0 {
		t.Fatalf("no hits on the page")
	}
	first := hits.First()
	if href, _ := first.Find("h3 a").Attr("href"); href != "/doc/"+docID(0) {
		t.Errorf("first hit links to %q, want /doc/%s", href, docID(0))
	}
	if got := first.Find("h3 a").Text(); got != testDocs[0].Title {
		t.Errorf("first hit title %q, want %q", got, testDocs[0].Title)
	}
	if got := first.Find(".year").Text(); got != "2557 (2014)" {
		t.Errorf("first hit year %q, want 2557 (2014)", got)
	}
	if got := first.Find(".province").Text(); got != "ลำพูน" {
		t.Errorf("first hit province %q, want ลำพูน", got)
	}
	if got := first.Find(".tool").Text(); got != "สมัชชาสุขภาพเฉพาะพื้นที่" {
		t.Errorf("first hit tool %q", got)
	}
	if first.Find(".snippet mark").Length() == 0 {
		t.Errorf("first hit snippet has no <mark>: %q", first.Find(".snippet").Text())
	}
}

func TestSearchPageFacets(t *testing.T) {
	srv, _ := newTestServer(t)
	doc := page(t, srv, "/?province="+url.QueryEscape("ชุมพร")+"&year=2551", http.StatusOK)
	type box struct {
		name, value, count string
		checked            bool
	}
	var boxes []box
	doc.Find(".facets input[type=checkbox]").Each(func(_ int, s *goquery.Selection) {
		name, _ := s.Attr("name")
		value, _ := s.Attr("value")
		_, checked := s.Attr("checked")
		boxes = append(boxes, box{name, value, s.Parent().Find(".count").Text(), checked})
	})
	find := func(name, value string) (box, bool) {
		for _, b := range boxes {
			if b.name == name && b.value == value {
				return b, true
			}
		}
		return box{}, false
	}
	tests := []box{
		{"province", "ชุมพร", "1", true},
		{"province", "ลำพูน", "0", false}, // under year=2551 only the ชุมพร report is counted
		{"year", "2008", "1", true},
		{"tool", "hia", "1", false},
	}
	for _, tt := range tests {
		got, ok := find(tt.name, tt.value)
		if tt.count == "0" {
			if ok {
				t.Errorf("facet %s=%s shown with count %s, want hidden (0)", tt.name, tt.value, got.count)
			}
			continue
		}
		if !ok || got != tt {
			t.Errorf("facet %s=%s = %+v (found %v), want %+v", tt.name, tt.value, got, ok, tt)
		}
	}
	yearLabel := doc.Find(`.facets input[name=year][value="2008"]`).Parent().Find(".label").Text()
	if !strings.Contains(yearLabel, "2551 (2008)") {
		t.Errorf("year facet label %q, want 2551 (2008)", yearLabel)
	}
	var chips []string
	doc.Find(".chips a").Each(func(_ int, s *goquery.Selection) { chips = append(chips, s.Text()) })
	if len(chips) != 3 || !strings.Contains(chips[0], "ชุมพร") {
		t.Errorf("active filter chips %q, want ชุมพร, the year and clear-all", chips)
	}
	if got := doc.Find("ol.hits > li.hit").Length(); got != 1 {
		t.Errorf("%d hits, want 1", got)
	}
}

func TestSearchPagePaging(t *testing.T) {
	srv, _ := newTestServer(t)
	doc := page(t, srv, "/?size=2&page=2", http.StatusOK)
	if got := doc.Find("ol.hits > li.hit").Length(); got != 2 {
		t.Errorf("page 2 of size 2 shows %d hits, want 2", got)
	}
	if start, _ := doc.Find("ol.hits").Attr("start"); start != "3" {
		t.Errorf("hits start at %q, want 3", start)
	}
	var pages []string
	doc.Find(".pager a, .pager span").Each(func(_ int, s *goquery.Selection) { pages = append(pages, strings.TrimSpace(s.Text())) })
	want := []string{"‹ ก่อนหน้า", "1", "2", "3", "ถัดไป ›"}
	if fmt.Sprint(pages) != fmt.Sprint(want) {
		t.Errorf("pager %q, want %q", pages, want)
	}
	if cur := doc.Find(".pager .current").Text(); cur != "2" {
		t.Errorf("current page %q, want 2", cur)
	}
}

func TestSearchPageBadParam(t *testing.T) {
	srv, _ := newTestServer(t)
	doc := page(t, srv, "/?province="+url.QueryEscape("ไม่มีจังหวัดนี้"), http.StatusBadRequest)
	if got := doc.Find(".error code").Text(); got != "province" {
		t.Errorf("error page names %q, want province", got)
	}
	page(t, srv, "/doc/0000000000000000", http.StatusNotFound)
	page(t, srv, "/no/such/page", http.StatusNotFound)
}

func TestDocPage(t *testing.T) {
	srv, _ := newTestServer(t)
	doc := page(t, srv, "/doc/"+docID(1), http.StatusOK)
	if got := doc.Find("h1").Text(); got != testDocs[1].Title {
		t.Errorf("h1 %q, want %q", got, testDocs[1].Title)
	}
	if got := doc.Find(".facts .year").Text(); got != "2551 (2008)" {
		t.Errorf("year %q, want 2551 (2008)", got)
	}
	if href, _ := doc.Find(".facts a.tool").Attr("href"); href != "/?tool=hia" {
		t.Errorf("tool link %q, want /?tool=hia", href)
	}
	var headings []string
	doc.Find(".sections summary").Each(func(_ int, s *goquery.Selection) { headings = append(headings, s.Text()) })
	if want := []string{"วัตถุประสงค์", "บทเรียน"}; fmt.Sprint(headings) != fmt.Sprint(want) {
		t.Errorf("section headings %q, want %q", headings, want)
	}
	// The evidence table: the province ชุมพร from the title, with the span marked.
	found := false
	doc.Find(".evidence tbody tr").Each(func(_ int, tr *goquery.Selection) {
		cells := tr.Find("td")
		if cells.Eq(0).Text() == "จังหวัดหลัก" && cells.Eq(1).Text() == "ชุมพร" && cells.Eq(2).Text() == "ชื่อเรื่อง" {
			found = true
			if m := cells.Eq(3).Find("mark").Text(); m != "ชุมพร" {
				t.Errorf("evidence span %q, want ชุมพร", m)
			}
			if ctx := cells.Eq(3).Text(); !strings.Contains(ctx, "จังหวัดชุมพร") {
				t.Errorf("evidence context %q lacks the text around the span", ctx)
			}
		}
	})
	if !found {
		t.Errorf("no evidence row for the province ชุมพร in the title:\n%s", doc.Find(".evidence").Text())
	}
	if doc.Find(".similar li.hit").Length() == 0 {
		t.Errorf("no similar cases")
	}
	if href, _ := doc.Find(".similar li.hit h3 a").Attr("href"); !strings.HasPrefix(href, "/doc/") || href == "/doc/"+docID(1) {
		t.Errorf("similar case links to %q", href)
	}
}

func TestSafeSnippet(t *testing.T) {
	tests := []struct {
		in   string
		want template.HTML
	}{
		{"ก่อน <mark>ลำพูน</mark> หลัง", "ก่อน <mark>ลำพูน</mark> หลัง"},
		{"a &amp; b &lt;i&gt;", "a &amp; b &lt;i&gt;"},
		{"<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"},
		{`<mark onclick="x">y</mark>`, "&lt;mark onclick=&#34;x&#34;&gt;y&lt;/mark&gt;"},
	}
	for _, tt := range tests {
		if got := safeSnippet(tt.in); got != tt.want {
			t.Errorf("safeSnippet(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestContextCuts(t *testing.T) {
	long := strings.Repeat("สุขภาพ", 20) // สุ carries a combining vowel
	tests := []struct {
		name, got string
	}{
		{"lastRunes", lastRunes(long, 7)},
		{"firstRunes", firstRunes(long, 7)},
	}
	for _, tt := range tests {
		s := strings.Trim(tt.got, "…")
		if s == "" || strings.IndexRune("ุัิีึืู่้๊๋็์", []rune(s)[0]) >= 0 {
			t.Errorf("%s(…, 7) = %q starts with a combining mark or is empty", tt.name, tt.got)
		}
		if !strings.Contains(tt.got, "…") {
			t.Errorf("%s(…, 7) = %q has no ellipsis", tt.name, tt.got)
		}
	}
	if got := lastRunes("สั้น", 40); got != "สั้น" {
		t.Errorf("lastRunes(short) = %q", got)
	}
}

// TestServe runs the server on a real listener, then shuts it down.
func TestServe(t *testing.T) {
	srv, _ := newTestServer(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	res, err := http.Get("http://" + ln.Addr().String() + "/api/v1/search?q=HIA")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("GET /api/v1/search over TCP = %d", res.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve after cancel = %v, want nil", err)
	}
	if rec := get(t, srv, "/readyz"); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("GET /readyz after shutdown = %d, want 503", rec.Code)
	}
}

func BenchmarkSearchEndpoint(b *testing.B) {
	srv, _ := newTestServer(b)
	target := "/api/v1/search?q=" + url.QueryEscape("สมัชชาสุขภาพจังหวัด") + "&province=" + url.QueryEscape("ลำพูน")
	b.ReportAllocs()
	for b.Loop() {
		rec := get(b, srv, target)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), docID(0)) {
			b.Fatalf("GET %s = %d", target, rec.Code)
		}
	}
}

func BenchmarkSearchPage(b *testing.B) {
	srv, _ := newTestServer(b)
	target := "/?q=" + url.QueryEscape("สุขภาพ")
	b.ReportAllocs()
	for b.Loop() {
		rec := get(b, srv, target)
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s = %d", target, rec.Code)
		}
	}
}

func TestSearchPageYearRange(t *testing.T) {
	srv, _ := newTestServer(t)
	doc := page(t, srv, "/?year_from=2556&year_to=2019", http.StatusOK)
	var ids []string
	doc.Find("ol.hits > li.hit h3 a").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		ids = append(ids, strings.TrimPrefix(href, "/doc/"))
	})
	want := []string{docID(3), docID(2), docID(0)} // 2562, 2560, 2557: newest first
	if fmt.Sprint(ids) != fmt.Sprint(want) {
		t.Errorf("year range 2556-2562 hits %v, want %v", ids, want)
	}
	from, _ := doc.Find("input[name=year_from]").Attr("value")
	to, _ := doc.Find("input[name=year_to]").Attr("value")
	if from != "2556" || to != "2562" {
		t.Errorf("range inputs %q–%q, want 2556–2562 (BE)", from, to)
	}
	var chips []string
	doc.Find(".chips a").Each(func(_ int, s *goquery.Selection) { chips = append(chips, s.Text()) })
	if len(chips) != 3 || chips[0] != "ตั้งแต่ปี 2556 (2013) ×" || chips[1] != "ถึงปี 2562 (2019) ×" {
		t.Errorf("chips %q", chips)
	}
}

func TestSearchPageSort(t *testing.T) {
	srv, _ := newTestServer(t)
	tests := []struct {
		query, want string
	}{
		{"", ""},
		{"q=HIA", ""},
		{"sort=oldest", "oldest"},
		{"q=HIA&sort=newest", "newest"},
	}
	for _, tt := range tests {
		doc := page(t, srv, "/?"+tt.query, http.StatusOK)
		got, _ := doc.Find("select[name=sort] option[selected]").Attr("value")
		if got != tt.want {
			t.Errorf("GET /?%s: selected sort %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestNewSearchPageDidYouMean(t *testing.T) {
	params := url.Values{"q": {"ลำปูน"}, "page": {"2"}, "tool": {"hia"}}
	req, err := search.ParseRequest(params)
	if err != nil {
		t.Fatal(err)
	}
	p := newSearchPage(params, req, &search.Result{DidYouMean: "ลำพูน"})
	want := "/?q=" + url.QueryEscape("ลำพูน") + "&tool=hia"
	if p.DidYouMean != "ลำพูน" || p.DidYouMeanURL != want {
		t.Errorf("did you mean %q at %q, want ลำพูน at %q", p.DidYouMean, p.DidYouMeanURL, want)
	}
}

func TestPager(t *testing.T) {
	tests := []struct {
		page  int
		total uint64
		want  string // page numbers, _ for a gap, [n] for the current one
	}{
		{1, 5, ""},
		{1, 30, "[1] 2 3"},
		{5, 100, "1 _ 3 4 [5] 6 7 _ 10"},
		{10, 100, "1 _ 8 9 [10]"},
	}
	for _, tt := range tests {
		links, _, _ := pager(url.Values{}, tt.page, 10, tt.total)
		var parts []string
		for _, l := range links {
			switch {
			case l.Gap:
				parts = append(parts, "_")
			case l.Current:
				parts = append(parts, fmt.Sprintf("[%d]", l.N))
			default:
				parts = append(parts, fmt.Sprint(l.N))
			}
		}
		if got := strings.Join(parts, " "); got != tt.want {
			t.Errorf("pager(page %d, total %d) = %q, want %q", tt.page, tt.total, got, tt.want)
		}
	}
}

// TestSearchPageRelaxed: when no document has every word, the page says
// that it shows the documents with most of them.
func TestSearchPageRelaxed(t *testing.T) {
	srv, _ := newTestServer(t)
	doc := page(t, srv, "/?q="+url.QueryEscape("ธรรมนูญสุขภาพตำบล นครศรีธรรมราช ภาคเหนือ"), http.StatusOK)
	if doc.Find("p.relaxed").Length() != 1 || doc.Find("li.hit").Length() == 0 {
		t.Errorf("relaxed query: %d notices, %d hits; want the notice and hits", doc.Find("p.relaxed").Length(), doc.Find("li.hit").Length())
	}
	doc = page(t, srv, "/?q="+url.QueryEscape("ธรรมนูญสุขภาพตำบล นครศรีธรรมราช"), http.StatusOK)
	if doc.Find("p.relaxed").Length() != 0 {
		t.Error("a query with a full match shows the relaxed notice")
	}
}
