package api

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/labstack/echo/v4"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/search"
)

func hitIDs(hits []search.ResponseHit) []string {
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestSearchJSON(t *testing.T) {
	srv, _ := newTestServer(t)
	rec := get(t, srv, "/api/v1/search?province="+url.QueryEscape("ชุมพร"))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var got search.Response
	decode(t, rec, &got)
	want := search.Response{
		Total: 1, Page: 1, Size: search.DefaultSize,
		Hits: []search.ResponseHit{{
			ID: docID(1), URL: testDocs[1].URL, Title: testDocs[1].Title, Site: botrian.SiteGotoknow,
			Published: "2008-09-28", Year: 2008, Provinces: []string{"ชุมพร"}, Tools: []string{"hia"},
		}},
	}
	opts := cmp.Options{
		cmpopts.IgnoreFields(search.ResponseHit{}, "Score", "Snippet", "Snippets"),
		cmpopts.IgnoreFields(search.Response{}, "Facets"),
	}
	if d := cmp.Diff(want, got, opts); d != "" {
		t.Errorf("GET /api/v1/search?province=ชุมพร (-want +got):\n%s", d)
	}
	// Disjunctive: with ชุมพร chosen, the other provinces keep their counts.
	wantProvinces := []search.ResponseValue{
		{Value: "ชุมพร", Label: "ชุมพร", LabelEN: "Chumphon", Count: 1, Parent: "south", Selected: true},
		{Value: "นครศรีธรรมราช", Label: "นครศรีธรรมราช", LabelEN: "Nakhon Si Thammarat", Count: 1, Parent: "south"},
		{Value: "ลำพูน", Label: "ลำพูน", LabelEN: "Lamphun", Count: 1, Parent: "north"},
		{Value: "สงขลา", Label: "สงขลา", LabelEN: "Songkhla", Count: 1, Parent: "south"},
		{Value: "เชียงใหม่", Label: "เชียงใหม่", LabelEN: "Chiang Mai", Count: 1, Parent: "north"},
	}
	sortValues := cmpopts.SortSlices(func(a, b search.ResponseValue) bool { return a.Value < b.Value })
	if d := cmp.Diff(wantProvinces, got.Facets["province"], sortValues); d != "" {
		t.Errorf("province facet (-want +got):\n%s", d)
	}
	wantYears := []search.ResponseValue{{Value: "2008", Label: "2551", LabelEN: "2008", Count: 1}}
	if d := cmp.Diff(wantYears, got.Facets["year"], sortValues); d != "" {
		t.Errorf("year facet (-want +got):\n%s", d)
	}
}

func TestSearchQuery(t *testing.T) {
	srv, _ := newTestServer(t)
	tests := []struct {
		query   string
		wantTop string
	}{
		{"q=" + url.QueryEscape("สมัชชาสุขภาพจังหวัดลำพูน"), docID(0)},
		{"q=HIA&province=" + url.QueryEscape("ชุมพร"), docID(1)},
		{"q=" + url.QueryEscape("ธรรมนูญสุขภาพตำบล"), docID(2)},
		{"tool=chia", docID(3)},
		{"year=2565", docID(4)},
		{"year=2022", docID(4)},
	}
	for _, tt := range tests {
		rec := get(t, srv, "/api/v1/search?"+tt.query)
		var got search.Response
		decode(t, rec, &got)
		if ids := hitIDs(got.Hits); len(ids) == 0 || ids[0] != tt.wantTop {
			t.Errorf("GET /api/v1/search?%s: hits %v, want %s first", tt.query, ids, tt.wantTop)
		}
	}
}

func TestSearchSizeCapped(t *testing.T) {
	srv, _ := newTestServer(t)
	rec := get(t, srv, "/api/v1/search?size=1000")
	var got search.Response
	decode(t, rec, &got)
	if rec.Code != http.StatusOK || got.Size != search.MaxSize || len(got.Hits) != len(testDocs) {
		t.Errorf("GET /api/v1/search?size=1000 = %d, size %d, %d hits; want 200, size %d, %d hits",
			rec.Code, got.Size, len(got.Hits), search.MaxSize, len(testDocs))
	}
}

func TestSnippetsMarked(t *testing.T) {
	srv, _ := newTestServer(t)
	rec := get(t, srv, "/api/v1/search?q="+url.QueryEscape("ตลาดสีเขียว"))
	var got search.Response
	decode(t, rec, &got)
	if len(got.Hits) == 0 {
		t.Fatalf("no hits for ตลาดสีเขียว")
	}
	if s := got.Hits[0].Snippet; !strings.Contains(s, "<mark>") {
		t.Errorf("snippet %q has no <mark>", s)
	}
}

func TestDocument(t *testing.T) {
	srv, _ := newTestServer(t)
	d := testDocs[1]
	d.ID = docID(1)
	rec := get(t, srv, "/api/v1/documents/"+d.ID)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var got indexer.Entry
	decode(t, rec, &got)
	want := indexer.Enrich(d)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("GET /api/v1/documents/%s (-want +got):\n%s", want.Document.ID, d)
	}
	if len(got.Facts.Evidence) == 0 {
		t.Errorf("document %s has no evidence", d.ID)
	}
}

func TestSimilar(t *testing.T) {
	srv, _ := newTestServer(t)
	rec := get(t, srv, "/api/v1/documents/"+docID(1)+"/similar?size=3")
	var got SimilarResponse
	decode(t, rec, &got)
	ids := hitIDs(got.Hits)
	if got.ID != docID(1) || len(ids) == 0 || len(ids) > 3 || slices.Contains(ids, docID(1)) || !slices.Contains(ids, docID(3)) {
		t.Errorf("similar to the ชุมพร HIA = %s %v, want up to 3 others including the สงขลา CHIA %s", got.ID, ids, docID(3))
	}
}

func TestFacets(t *testing.T) {
	srv, _ := newTestServer(t)
	rec := get(t, srv, "/api/v1/facets")
	var got FacetsResponse
	decode(t, rec, &got)
	byFacet := map[string]FacetInfo{}
	var names []string
	for _, f := range got.Facets {
		byFacet[f.Facet] = f
		names = append(names, f.Facet)
	}
	var wantNames []string
	for _, s := range indexer.FacetSpecs() {
		wantNames = append(wantNames, string(s.Facet))
	}
	if d := cmp.Diff(wantNames, names); d != "" {
		t.Errorf("facets (-want +got):\n%s", d)
	}
	if n := len(byFacet["province"].Values); n != 77 {
		t.Errorf("province values = %d, want 77", n)
	}
	find := func(facet, value string) search.ResponseValue {
		for _, v := range byFacet[facet].Values {
			if v.Value == value {
				return v
			}
		}
		return search.ResponseValue{}
	}
	tests := []struct {
		facet string
		want  search.ResponseValue
	}{
		{"province", search.ResponseValue{Value: "ลำพูน", Label: "ลำพูน", LabelEN: "Lamphun", Count: 1, Parent: "north"}},
		{"province", search.ResponseValue{Value: "ยะลา", Label: "ยะลา", LabelEN: "Yala", Count: 0, Parent: "south"}},
		{"tool", search.ResponseValue{Value: "hia", Label: "การประเมินผลกระทบด้านสุขภาพ", LabelEN: "health impact assessment", Count: 2, Parent: "hia"}},
		{"year", search.ResponseValue{Value: "2014", Label: "2557", LabelEN: "2014", Count: 1}},
		{"health_region", search.ResponseValue{Value: "13", Label: "เขตสุขภาพที่ 13", LabelEN: "Health region 13", Count: 0}},
	}
	for _, tt := range tests {
		if d := cmp.Diff(tt.want, find(tt.facet, tt.want.Value)); d != "" {
			t.Errorf("facet %s value %s (-want +got):\n%s", tt.facet, tt.want.Value, d)
		}
	}
}

func TestSuggest(t *testing.T) {
	srv, _ := newTestServer(t)
	rec := get(t, srv, "/api/v1/suggest?q="+url.QueryEscape("ลำ"))
	var got SuggestResponse
	decode(t, rec, &got)
	var texts []string
	for _, s := range got.Suggestions {
		texts = append(texts, s.Text)
	}
	if got.Query != "ลำ" || !slices.Contains(texts, "ลำพูน") {
		t.Errorf("suggest ลำ = %q %v, want ลำพูน among them", got.Query, texts)
	}
}

func TestErrors(t *testing.T) {
	srv, _ := newTestServer(t)
	esc := url.QueryEscape
	tests := []struct {
		method, target string
		body           string
		status         int
		code, param    string
	}{
		{"GET", "/api/v1/search?size=abc", "", 400, codeInvalidParam, "size"},
		{"GET", "/api/v1/search?size=0", "", 400, codeInvalidParam, "size"},
		{"GET", "/api/v1/search?page=0", "", 400, codeInvalidParam, "page"},
		{"GET", "/api/v1/search?page=1001", "", 400, codeInvalidParam, "page"},
		{"GET", "/api/v1/search?province=" + esc("ไม่มีจังหวัดนี้"), "", 400, codeInvalidParam, "province"},
		{"GET", "/api/v1/search?year=abc", "", 400, codeInvalidParam, "year"},
		{"GET", "/api/v1/search?year_from=2560&year_to=2550", "", 400, codeInvalidParam, "year_to"},
		{"GET", "/api/v1/search?tool=unknown", "", 400, codeInvalidParam, "tool"},
		{"GET", "/api/v1/search?health_region=14", "", 400, codeInvalidParam, "health_region"},
		{"GET", "/api/v1/search?sort=best", "", 400, codeInvalidParam, "sort"},
		{"GET", "/api/v1/search.csv?tool=unknown", "", 400, codeInvalidParam, "tool"},
		{"GET", "/api/v1/search.jsonl?year=abc", "", 400, codeInvalidParam, "year"},
		{"GET", "/api/v1/documents/0000000000000000", "", 404, codeNotFound, ""},
		{"GET", "/api/v1/documents/0000000000000000/similar", "", 404, codeNotFound, ""},
		{"GET", "/api/v1/documents/" + docID(0) + "/similar?size=0", "", 400, codeInvalidParam, "size"},
		{"GET", "/api/v1/suggest?q=x&size=abc", "", 400, codeInvalidParam, "size"},
		{"GET", "/api/v1/nothing", "", 404, codeNotFound, ""},
		{"POST", "/api/v1/search", "{}", 405, codeMethodNotAllowed, ""},
		{"DELETE", "/api/v1/documents/" + docID(0), "", 405, codeMethodNotAllowed, ""},
		{"POST", "/api/v1/search", strings.Repeat("x", DefaultMaxBodyBytes+1), 413, codeTooLarge, ""},
	}
	for _, tt := range tests {
		rec := do(t, srv, tt.method, tt.target, strings.NewReader(tt.body))
		var got ErrorBody
		decode(t, rec, &got)
		if rec.Code != tt.status || got.Error.Code != tt.code || got.Error.Param != tt.param || got.Error.Message == "" {
			t.Errorf("%s %s = %d %+v, want %d code %q param %q", tt.method, tt.target, rec.Code, got.Error, tt.status, tt.code, tt.param)
		}
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("%s %s: Content-Type %q, want JSON", tt.method, tt.target, ct)
		}
	}
}

func TestInternalErrorIsLoggedNotShown(t *testing.T) {
	srv, idx := newTestServer(t)
	var logs bytes.Buffer
	srv.log = newBufferLogger(&logs)
	idx.Close() // the searcher now fails as a broken index would
	rec := get(t, srv, "/api/v1/search?q=x", "X-Request-ID", "req-500-test")
	var got ErrorBody
	decode(t, rec, &got)
	want := ErrorBody{ErrorDetail{Code: codeInternal, Message: "internal error"}}
	if rec.Code != http.StatusInternalServerError || got != want {
		t.Errorf("search over a closed index = %d %+v, want 500 %+v", rec.Code, got, want)
	}
	if l := logs.String(); !strings.Contains(l, "internal error") || !strings.Contains(l, "request_id=req-500-test") {
		t.Errorf("log lacks the internal error with its request ID:\n%s", l)
	}
	rec = get(t, srv, "/readyz")
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("GET /readyz over a closed index = %d, want 503", rec.Code)
	}
}

func TestTimeoutCancelsSearch(t *testing.T) {
	srv, _ := newTestServer(t)
	srv2, err := New(Config{Searcher: srv.cfg.Searcher, Timeout: 1}) // 1ns: expired before bleve starts
	if err != nil {
		t.Fatal(err)
	}
	rec := get(t, srv2, "/api/v1/search?q="+url.QueryEscape("สมัชชา"))
	var got ErrorBody
	decode(t, rec, &got)
	if rec.Code != http.StatusServiceUnavailable || got.Error.Code != codeTimeout {
		t.Errorf("search with an expired deadline = %d %+v, want 503 timeout", rec.Code, got.Error)
	}
}

func TestGzip(t *testing.T) {
	srv, _ := newTestServer(t)
	rec := get(t, srv, "/api/v1/search", "Accept-Encoding", "gzip")
	if ce := rec.Header().Get("Content-Encoding"); ce != "gzip" {
		t.Fatalf("Content-Encoding = %q, want gzip", ce)
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	var got search.Response
	if err := json.NewDecoder(zr).Decode(&got); err != nil || got.Total != uint64(len(testDocs)) {
		t.Errorf("gunzipped body: total %d, err %v; want %d", got.Total, err, len(testDocs))
	}
	if rec := get(t, srv, "/api/v1/search"); rec.Header().Get("Content-Encoding") != "" {
		t.Errorf("gzip sent to a client that did not ask")
	}
}

func TestRequestID(t *testing.T) {
	srv, _ := newTestServer(t)
	tests := []struct {
		sent string
		keep bool
	}{
		{"", false},
		{"abc-123.X_9", true},
		{"has space", false},
		{strings.Repeat("a", 65), false},
	}
	for _, tt := range tests {
		rec := get(t, srv, "/healthz", "X-Request-ID", tt.sent)
		got := rec.Header().Get("X-Request-ID")
		if tt.keep && got != tt.sent || !tt.keep && (got == tt.sent || len(got) != 16) {
			t.Errorf("X-Request-ID sent %q = %q, keep %v", tt.sent, got, tt.keep)
		}
	}
	a := get(t, srv, "/healthz").Header().Get("X-Request-ID")
	b := get(t, srv, "/healthz").Header().Get("X-Request-ID")
	if a == b {
		t.Errorf("two requests got the same ID %q", a)
	}
}

func TestCORS(t *testing.T) {
	srv, _ := newTestServer(t)
	tests := []struct {
		origin, want string
	}{
		{"https://example.net", "https://example.net"},
		{"https://evil.example", ""},
	}
	for _, tt := range tests {
		rec := get(t, srv, "/api/v1/facets", "Origin", tt.origin)
		if got := rec.Header().Get("Access-Control-Allow-Origin"); got != tt.want {
			t.Errorf("Origin %s: Access-Control-Allow-Origin = %q, want %q", tt.origin, got, tt.want)
		}
	}
}

func TestCORSPreflight(t *testing.T) {
	srv, _ := newTestServer(t)
	rec := do(t, srv, http.MethodOptions, "/api/v1/search", nil,
		"Origin", "https://example.net", "Access-Control-Request-Method", "GET")
	if rec.Code != http.StatusNoContent || rec.Header().Get("Access-Control-Allow-Origin") != "https://example.net" ||
		!strings.Contains(rec.Header().Get("Access-Control-Allow-Methods"), "GET") {
		t.Errorf("preflight = %d %v, want 204 allowing GET from https://example.net", rec.Code, rec.Header())
	}
}

func TestMetrics(t *testing.T) {
	srv, _ := newTestServer(t)
	get(t, srv, "/api/v1/search?q=x")
	get(t, srv, "/api/v1/search?size=abc")
	get(t, srv, "/no/such/page")
	rec := get(t, srv, "/metrics")
	body := rec.Body.String()
	for _, want := range []string{
		`botrian_http_requests_total{route="/api/v1/search",method="GET",code="200"} 1`,
		`botrian_http_requests_total{route="/api/v1/search",method="GET",code="400"} 1`,
		`botrian_http_requests_total{route="unmatched",method="GET",code="404"} 1`,
		`botrian_http_request_duration_seconds_count{route="/api/v1/search"} 2`,
		`botrian_http_request_duration_seconds_bucket{route="/api/v1/search",le="+Inf"} 2`,
		"# TYPE botrian_http_request_duration_seconds histogram",
		"botrian_http_requests_in_flight 1",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q:\n%s", want, body)
		}
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("/metrics Content-Type = %q", ct)
	}
}

func TestExportCSV(t *testing.T) {
	srv, _ := newTestServer(t)
	q := "tool=hia&sort=oldest&page=3&size=1" // page and size are ignored
	rec := get(t, srv, "/api/v1/search.csv?"+q)
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") {
		t.Fatalf("GET search.csv = %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	body, ok := strings.CutPrefix(rec.Body.String(), utf8BOM)
	if !ok {
		t.Errorf("CSV does not start with a UTF-8 BOM")
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		csvHeader,
		{docID(1), testDocs[1].URL, testDocs[1].Title, "gotoknow", "2008-09-28", "2008", "2551", "ชุมพร", "hia"},
		{docID(3), testDocs[3].URL, testDocs[3].Title, "generic", "2019-08-01", "2019", "2562", "สงขลา", "chia; hia"},
	}
	for i := range rows[1:] {
		rows[i+1] = rows[i+1][:len(rows[i+1])-1] // the score
	}
	if d := cmp.Diff(want, rows); d != "" {
		t.Errorf("GET search.csv?%s (-want +got):\n%s", q, d)
	}
}

func TestExportJSONL(t *testing.T) {
	srv, _ := newTestServer(t)
	rec := get(t, srv, "/api/v1/search.jsonl?sort=newest")
	var got []string
	dec := json.NewDecoder(rec.Body)
	dec.DisallowUnknownFields()
	for {
		var h search.ResponseHit
		if err := dec.Decode(&h); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("line %d: %v", len(got)+1, err)
		}
		got = append(got, h.ID)
	}
	want := []string{docID(4), docID(3), docID(2), docID(0), docID(1)}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("GET search.jsonl?sort=newest ids (-want +got):\n%s", d)
	}
}

func TestStatic(t *testing.T) {
	srv, _ := newTestServer(t)
	tests := []struct {
		target, ctype string
		status        int
	}{
		{"/static/style.css", "text/css", 200},
		{"/static/app.js", "text/javascript", 200},
		{"/static/favicon.svg", "image/svg+xml", 200},
		{"/static/../openapi.json", "", 404},
		{"/static/nope.css", "", 404},
	}
	for _, tt := range tests {
		rec := get(t, srv, tt.target)
		if rec.Code != tt.status || tt.ctype != "" && !strings.HasPrefix(rec.Header().Get("Content-Type"), tt.ctype) {
			t.Errorf("GET %s = %d %q, want %d %q", tt.target, rec.Code, rec.Header().Get("Content-Type"), tt.status, tt.ctype)
		}
	}
}

func TestPanicBecomes500(t *testing.T) {
	srv, _ := newTestServer(t)
	var logs bytes.Buffer
	srv.log = newBufferLogger(&logs)
	srv.echo.GET("/test-panic", func(echo.Context) error { panic("boom") })
	srv.known["/test-panic"] = true
	rec := get(t, srv, "/test-panic")
	var got ErrorBody
	decode(t, rec, &got)
	if rec.Code != http.StatusInternalServerError || got.Error.Code != codeInternal || strings.Contains(rec.Body.String(), "boom") {
		t.Errorf("panicking handler = %d %s, want 500 internal without details", rec.Code, rec.Body)
	}
	if l := logs.String(); !strings.Contains(l, "panic: boom") || !strings.Contains(l, "status=500") {
		t.Errorf("log lacks the panic and the access line:\n%s", l)
	}
	if rec := get(t, srv, "/healthz"); rec.Code != http.StatusOK {
		t.Errorf("server unhealthy after a panic: %d", rec.Code)
	}
}

func TestHead(t *testing.T) {
	srv, _ := newTestServer(t)
	for _, target := range []string{"/healthz", "/readyz", "/api/v1/search", "/"} {
		rec := do(t, srv, http.MethodHead, target, nil)
		if rec.Code != http.StatusOK {
			t.Errorf("HEAD %s = %d, want 200", target, rec.Code)
		}
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	srv, _ := newTestServer(t)
	s := srv.cfg.Searcher
	tests := []struct {
		name string
		cfg  Config
	}{
		{"no searcher", Config{}},
		{"negative timeout", Config{Searcher: s, Timeout: -1}},
		{"negative export timeout", Config{Searcher: s, ExportTimeout: -1}},
		{"negative shutdown timeout", Config{Searcher: s, ShutdownTimeout: -1}},
		{"negative body limit", Config{Searcher: s, MaxBodyBytes: -1}},
	}
	for _, tt := range tests {
		if _, err := New(tt.cfg); err == nil {
			t.Errorf("New(%s) = nil error, want one", tt.name)
		}
	}
}
