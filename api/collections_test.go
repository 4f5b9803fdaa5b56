package api

import (
	"encoding/csv"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"

	"github.com/botrian/botrian/api/collections"
)

// newCollServer is the test server with a real collections store in a
// temporary directory; its clock starts at collT0 and ticks a second a
// reading.
func newCollServer(t *testing.T) (*Server, *collections.Store) {
	t.Helper()
	now := collT0
	st, err := collections.Open(filepath.Join(t.TempDir(), "collections.db"), collections.Config{
		Now: func() time.Time { now = now.Add(time.Second); return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv, _ := newTestServer(t, func(c *Config) { c.Collections = st })
	return srv, st
}

var collT0 = time.Date(2025, 3, 1, 2, 0, 0, 0, time.UTC)

// missingDoc is a well-formed document ID the test index does not hold.
const missingDoc = "00000000000000ff"

// step is one request of a scripted session and what it must answer.
type step struct {
	method, target, body string
	status               int
	code, param          string // the error code and param, for errors
}

func (st step) send(t *testing.T, srv http.Handler, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	var body *strings.Reader
	if st.body != "" {
		body = strings.NewReader(st.body)
		header = append(header, "Content-Type", "application/json")
	}
	return do(t, srv, st.method, st.target, body, header...)
}

// collectionScript runs through every collections route and error. The
// first collection gets ID c-1 (an all-Thai title), the second hia-2.
func collectionScript() []step {
	d0, d1, d2 := docID(0), docID(1), docID(2)
	big := `{"title":"` + strings.Repeat("ก", DefaultMaxBodyBytes/3+10) + `"}`
	return []step{
		{"GET", "/api/v1/collections", "", 200, "", ""},
		{"POST", "/api/v1/collections", `{"title":"กรณีศึกษาธรรมนูญสุขภาพภาคใต้","description":"คัดโดยทีมจัดการความรู้"}`, 201, "", ""},
		{"POST", "/api/v1/collections", `{"title":"HIA ชุมพร"}`, 201, "", ""},
		{"POST", "/api/v1/collections", `{"title":""}`, 400, "invalid_param", "title"},
		{"POST", "/api/v1/collections", `{"title":"` + strings.Repeat("ก", collections.MaxTitle+1) + `"}`, 400, "invalid_param", "title"},
		{"POST", "/api/v1/collections", `{"title":"x","colour":"red"}`, 400, "invalid_param", "body"},
		{"POST", "/api/v1/collections", `{"title":`, 400, "invalid_param", "body"},
		{"POST", "/api/v1/collections", `{"id":"c-1","title":"ซ้ำ"}`, 409, "conflict", ""},
		{"POST", "/api/v1/collections", big, 413, "too_large", ""},
		{"GET", "/api/v1/collections/c-1", "", 200, "", ""},
		{"GET", "/api/v1/collections/nope", "", 404, "not_found", ""},
		{"PATCH", "/api/v1/collections/c-1", `{"description":"ธรรมนูญสุขภาพตำบลในภาคใต้"}`, 200, "", ""},
		{"PATCH", "/api/v1/collections/c-1", `{"title":" "}`, 400, "invalid_param", "title"},
		{"PATCH", "/api/v1/collections/nope", `{"title":"x"}`, 404, "not_found", ""},
		{"POST", "/api/v1/collections/c-1/items", `{"doc_id":"` + d2 + `","note":"ธรรมนูญตำบลที่ชุมชนร่างเอง"}`, 201, "", ""},
		{"POST", "/api/v1/collections/c-1/items", `{"doc_id":"` + d1 + `"}`, 201, "", ""},
		{"POST", "/api/v1/collections/c-1/items", `{"doc_id":"` + d0 + `","note":""}`, 201, "", ""},
		{"POST", "/api/v1/collections/c-1/items", `{"doc_id":"` + d2 + `"}`, 409, "conflict", ""},
		{"POST", "/api/v1/collections/c-1/items", `{"doc_id":"` + missingDoc + `"}`, 400, "invalid_param", "doc_id"},
		{"POST", "/api/v1/collections/c-1/items", `{"doc_id":"` + d0[:4] + `"}`, 400, "invalid_param", "doc_id"},
		{"POST", "/api/v1/collections/c-1/items", `{"doc_id":"` + d0 + `","note":"` + strings.Repeat("ง", collections.MaxNote+1) + `"}`, 400, "invalid_param", "note"},
		{"POST", "/api/v1/collections/nope/items", `{"doc_id":"` + d0 + `"}`, 404, "not_found", ""},
		{"PATCH", "/api/v1/collections/c-1/items/" + d1, `{"note":"HIA ที่ชุมชนทำเอง","position":0}`, 200, "", ""},
		{"PATCH", "/api/v1/collections/c-1/items/" + d1, `{"position":9}`, 400, "invalid_param", "position"},
		{"PATCH", "/api/v1/collections/c-1/items/" + d1, `{"note":"` + strings.Repeat("ง", collections.MaxNote+1) + `"}`, 400, "invalid_param", "note"},
		{"PATCH", "/api/v1/collections/c-1/items/" + missingDoc, `{"note":"x"}`, 404, "not_found", ""},
		{"DELETE", "/api/v1/collections/c-1/items/" + d0, "", 204, "", ""},
		{"DELETE", "/api/v1/collections/c-1/items/" + d0, "", 404, "not_found", ""},
		{"GET", "/api/v1/collections/c-1/items.csv", "", 200, "", ""},
		{"GET", "/api/v1/collections/c-1/items.jsonl", "", 200, "", ""},
		{"GET", "/api/v1/collections/nope/items.csv", "", 404, "not_found", ""},
		{"GET", "/api/v1/collections", "", 200, "", ""},
		{"DELETE", "/api/v1/collections/hia-2", "", 204, "", ""},
		{"DELETE", "/api/v1/collections/hia-2", "", 404, "not_found", ""},
		{"GET", "/api/v1/collections/c-1", "", 200, "", ""},
	}
}

func TestCollectionsAPI(t *testing.T) {
	srv, _ := newCollServer(t)
	for _, st := range collectionScript() {
		rec := st.send(t, srv)
		if rec.Code != st.status {
			t.Errorf("%s %s = %d, want %d\n%s", st.method, st.target, rec.Code, st.status, rec.Body)
			continue
		}
		if st.code != "" {
			var body ErrorBody
			decode(t, rec, &body)
			if body.Error.Code != st.code || body.Error.Param != st.param {
				t.Errorf("%s %s: error %q param %q, want %q %q", st.method, st.target, body.Error.Code, body.Error.Param, st.code, st.param)
			}
		}
	}
	// The session leaves c-1 holding docs 1 then 2, with their notes.
	var got CollectionResponse
	decode(t, get(t, srv, "/api/v1/collections/c-1"), &got)
	want := CollectionResponse{
		ID: "c-1", Title: "กรณีศึกษาธรรมนูญสุขภาพภาคใต้", Description: "ธรรมนูญสุขภาพตำบลในภาคใต้",
		Created: collT0.Add(1 * time.Second), Updated: got.Updated,
		Items: []CollectionItem{
			{DocID: docID(1), Note: "HIA ที่ชุมชนทำเอง", Added: got.Items[0].Added, Title: testDocs[1].Title, URL: testDocs[1].URL,
				Year: 2008, Provinces: []string{"ชุมพร"}, Tools: []string{"hia"}},
			{DocID: docID(2), Note: "ธรรมนูญตำบลที่ชุมชนร่างเอง", Added: got.Items[1].Added, Title: testDocs[2].Title, URL: testDocs[2].URL,
				Year: got.Items[1].Year, Provinces: got.Items[1].Provinces, Tools: got.Items[1].Tools},
		},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("GET /api/v1/collections/c-1 after the session (-want +got):\n%s", d)
	}
	var list CollectionsResponse
	decode(t, get(t, srv, "/api/v1/collections"), &list)
	if len(list.Collections) != 1 || list.Collections[0].ID != "c-1" || list.Collections[0].Items != 2 {
		t.Errorf("GET /api/v1/collections = %+v, want only c-1 with 2 items", list)
	}
	rec := get(t, srv, "/api/v1/collections/c-1/items.csv")
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(rec.Body.String(), utf8BOM))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || !cmp.Equal(rows[0], collectionCSVHeader) || rows[1][1] != docID(1) || rows[1][8] != "HIA ที่ชุมชนทำเอง" || rows[1][5] != "2551" {
		t.Errorf("items.csv = %q", rows)
	}
}

func TestCollectionMissingDocument(t *testing.T) {
	srv, st := newCollServer(t)
	ctx := t.Context()
	c, err := st.Create(ctx, collections.Collection{Title: "ชุดเก่า"})
	if err != nil {
		t.Fatal(err)
	}
	// Added straight to the store, as if the index had been rebuilt without it.
	st.AddItem(ctx, c.ID, missingDoc, "รายงานที่ถูกถอดออก")
	st.AddItem(ctx, c.ID, docID(0), "")
	var got CollectionResponse
	decode(t, get(t, srv, "/api/v1/collections/"+c.ID), &got)
	if len(got.Items) != 2 || !got.Items[0].Missing || got.Items[0].Note != "รายงานที่ถูกถอดออก" || got.Items[0].Title != "" ||
		got.Items[1].Missing || got.Items[1].Title != testDocs[0].Title {
		t.Errorf("collection with a missing document = %+v", got.Items)
	}
	doc := page(t, srv, "/collections/"+c.ID, http.StatusOK)
	if n := doc.Find("li.item.missing").Length(); n != 1 {
		t.Errorf("collection page shows %d missing items, want 1", n)
	}
	if got := doc.Find("li.item.missing .note").Text(); got != "รายงานที่ถูกถอดออก" {
		t.Errorf("missing item's note %q", got)
	}
}

func TestCollectionsCrossSite(t *testing.T) {
	srv, _ := newCollServer(t)
	create := step{"POST", "/api/v1/collections", `{"title":"x"}`, 0, "", ""}
	tests := []struct {
		header []string
		status int
	}{
		{nil, 201}, // no browser headers: curl, scripts
		{[]string{"Sec-Fetch-Site", "same-origin"}, 201},
		{[]string{"Sec-Fetch-Site", "cross-site"}, 403},
		{[]string{"Sec-Fetch-Site", "same-site"}, 403},
		{[]string{"Origin", "https://evil.example"}, 403},
		{[]string{"Origin", "http://example.com"}, 201}, // httptest's Host
	}
	for _, tt := range tests {
		rec := create.send(t, srv, tt.header...)
		if rec.Code != tt.status {
			t.Errorf("POST /api/v1/collections with %q = %d, want %d", tt.header, rec.Code, tt.status)
		}
	}
	// The forms too: a cross-site form post is refused before it reaches the store.
	rec := do(t, srv, "POST", "/collections", strings.NewReader("title=x"),
		"Content-Type", "application/x-www-form-urlencoded", "Sec-Fetch-Site", "cross-site", "Accept", "text/html")
	if rec.Code != 403 || !strings.Contains(rec.Header().Get("Content-Type"), "text/html") {
		t.Errorf("cross-site form POST /collections = %d %s, want 403 HTML", rec.Code, rec.Header().Get("Content-Type"))
	}
	// A form cannot send JSON, so the JSON API refuses form bodies.
	rec = do(t, srv, "POST", "/api/v1/collections", strings.NewReader("title=x"), "Content-Type", "application/x-www-form-urlencoded")
	if rec.Code != 415 {
		t.Errorf("form body to POST /api/v1/collections = %d, want 415", rec.Code)
	}
}

func TestCollectionsDisabled(t *testing.T) {
	srv, _ := newTestServer(t)
	for _, target := range []string{"/api/v1/collections", "/api/v1/collections/c-1"} {
		rec := get(t, srv, target)
		var body ErrorBody
		decode(t, rec, &body)
		if rec.Code != 404 || body.Error.Code != "not_found" {
			t.Errorf("GET %s without a store = %d %q, want 404 not_found", target, rec.Code, body.Error.Code)
		}
	}
	page(t, srv, "/collections", http.StatusNotFound)
	doc := page(t, srv, "/doc/"+docID(0), http.StatusOK)
	if n := doc.Find(`form[action$="/collect"], a[href="/collections"]`).Length(); n != 0 {
		t.Errorf("without a store the document page offers collections (%d elements)", n)
	}
}

// postForm posts a same-origin form and returns the answer without following it.
func postForm(t *testing.T, srv http.Handler, target, form string) *httptest.ResponseRecorder {
	t.Helper()
	return do(t, srv, "POST", target, strings.NewReader(form),
		"Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Sec-Fetch-Site", "same-origin", "Origin", "http://example.com")
}

func TestCollectionPages(t *testing.T) {
	srv, st := newCollServer(t)
	// The header links to the collections; the empty list offers a form.
	doc := page(t, srv, "/collections", http.StatusOK)
	if doc.Find(`header.site a[href="/collections"]`).Length() != 1 {
		t.Errorf("no header link to /collections")
	}
	if doc.Find(`form[action="/collections"][method=post] input[name=title]`).Length() != 1 {
		t.Errorf("/collections has no create form")
	}
	// The document page's form creates a collection and adds the document.
	doc = page(t, srv, "/doc/"+docID(2), http.StatusOK)
	form := doc.Find(`form[action="/doc/` + docID(2) + `/collect"]`)
	if form.Length() != 1 || form.Find(`select[name=collection] option[value=""]`).Length() != 1 || form.Find("textarea[name=note]").Length() != 1 {
		t.Fatalf("document page has no add-to-collection form")
	}
	title := "กรณีศึกษาธรรมนูญสุขภาพภาคใต้"
	rec := postForm(t, srv, "/doc/"+docID(2)+"/collect", "collection=&title="+title+"&note=ร่างโดยชุมชน")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/collections/c-1#item-"+docID(2) {
		t.Fatalf("POST collect = %d to %q, want 303 to /collections/c-1#item-%s\n%s", rec.Code, rec.Header().Get("Location"), docID(2), rec.Body)
	}
	// Then into the existing collection; the page marks where a document is.
	rec = postForm(t, srv, "/doc/"+docID(1)+"/collect", "collection=c-1&note=")
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("POST collect into c-1 = %d\n%s", rec.Code, rec.Body)
	}
	doc = page(t, srv, "/doc/"+docID(2), http.StatusOK)
	if _, disabled := doc.Find(`select[name=collection] option[value="c-1"]`).Attr("disabled"); !disabled {
		t.Errorf("c-1 is offered again for a document it holds")
	}
	// Bad input on a form answers an HTML error naming the field.
	rec = postForm(t, srv, "/doc/"+docID(0)+"/collect", "collection=&title=")
	if rec.Code != 400 || !strings.Contains(rec.Body.String(), "<code>title</code>") {
		t.Errorf("POST collect without a title = %d, want 400 naming title\n%s", rec.Code, rec.Body)
	}

	// A refused note creates no collection.
	rec = postForm(t, srv, "/doc/"+docID(0)+"/collect", "collection=&title=t&note="+strings.Repeat("ง", collections.MaxNote+1))
	if list, _ := st.List(t.Context()); rec.Code != 400 || len(list) != 1 {
		t.Errorf("POST collect with an overlong note = %d and %d collections, want 400 and 1", rec.Code, len(list))
	}

	doc = page(t, srv, "/collections/c-1", http.StatusOK)
	if got := doc.Find("h1").Text(); got != title {
		t.Errorf("collection page h1 %q, want %q", got, title)
	}
	items := doc.Find("ol.items > li.item")
	var ids []string
	items.Each(func(_ int, s *goquery.Selection) { id, _ := s.Attr("id"); ids = append(ids, id) })
	if want := []string{"item-" + docID(2), "item-" + docID(1)}; !cmp.Equal(ids, want) {
		t.Errorf("collection page items %q, want %q", ids, want)
	}
	first := items.First()
	if href, _ := first.Find("h2 a").Attr("href"); href != "/doc/"+docID(2) || first.Find(".note").Text() != "ร่างโดยชุมชน" {
		t.Errorf("first item links %q with note %q", href, first.Find(".note").Text())
	}
	if first.Find(`form[action$="/delete"] button`).Length() != 1 {
		t.Errorf("first item has no remove button")
	}
	if doc.Find(`a[href="/api/v1/collections/c-1/items.csv"]`).Length() != 1 {
		t.Errorf("collection page has no CSV export link")
	}

	// Note, move, remove, rename, delete, each redirecting back.
	for _, f := range []struct{ target, form, location string }{
		{"/collections/c-1/items/" + docID(1), "note=บทเรียนเรื่องการมีส่วนร่วม", "/collections/c-1#item-" + docID(1)},
		{"/collections/c-1/items/" + docID(1) + "/move", "position=1", "/collections/c-1#item-" + docID(1)},
		{"/collections/c-1/items/" + docID(2) + "/delete", "", "/collections/c-1"},
		{"/collections/c-1", "title=ชุดใหม่&description=คำอธิบาย", "/collections/c-1"},
	} {
		rec := postForm(t, srv, f.target, f.form)
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != f.location {
			t.Errorf("POST %s %s = %d to %q, want 303 to %q\n%s", f.target, f.form, rec.Code, rec.Header().Get("Location"), f.location, rec.Body)
		}
	}
	c, err := st.Get(t.Context(), "c-1")
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "ชุดใหม่" || c.Description != "คำอธิบาย" || len(c.Items) != 1 || c.Items[0].DocID != docID(1) || c.Items[0].Note != "บทเรียนเรื่องการมีส่วนร่วม" {
		t.Errorf("after the forms, c-1 = %+v", c)
	}
	rec = postForm(t, srv, "/collections/c-1/delete", "")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/collections" {
		t.Errorf("POST delete = %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	if _, err := st.Get(t.Context(), "c-1"); !errors.Is(err, collections.ErrNotFound) {
		t.Errorf("after the delete form, Get(c-1) = %v, want ErrNotFound", err)
	}
	page(t, srv, "/collections/c-1", http.StatusNotFound)
}

// TestOpenAPICollections validates the collections routes' real requests
// and answers, errors included, against the OpenAPI document.
func TestOpenAPICollections(t *testing.T) {
	srv, _ := newCollServer(t)
	b, err := assets.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	_, router := openAPIRouter(t, b)
	for _, st := range collectionScript() {
		validateExchange(t, srv, router, st.method, st.target, st.body, st.status)
	}
}
