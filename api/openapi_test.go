package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// TestOpenAPI validates the embedded OpenAPI document, then real requests
// and responses of every JSON route against it, errors included.
func TestOpenAPI(t *testing.T) {
	srv, _ := newTestServer(t)
	rec := get(t, srv, "/api/openapi.json")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /api/openapi.json = %d", rec.Code)
	}
	doc, router := openAPIRouter(t, rec.Body.Bytes())
	esc := url.QueryEscape
	targets := []struct {
		target string
		status int
	}{
		{"/api/v1/search", 200},
		{"/api/v1/search?q=" + esc("สมัชชาสุขภาพจังหวัดลำพูน") + "&sort=relevance&size=2", 200},
		{"/api/v1/search?province=" + esc("ชุมพร") + "&province=" + esc("ลำพูน") + "&year=2557&tool=hia&region=north&health_region=1&page=1", 200},
		{"/api/v1/search?q=" + esc("สมัชชาสุขภาพจังหวัดลำปูน"), 200},
		{"/api/v1/search?size=abc", 400},
		{"/api/v1/search?province=" + esc("ไม่มีจังหวัดนี้"), 400},
		{"/api/v1/documents/" + docID(0), 200},
		{"/api/v1/documents/" + docID(1), 200},
		{"/api/v1/documents/0000000000000000", 404},
		{"/api/v1/documents/" + docID(1) + "/similar?size=3", 200},
		{"/api/v1/documents/" + docID(1) + "/similar?size=99", 400},
		{"/api/v1/facets", 200},
		{"/api/v1/suggest?q=" + esc("สมัช"), 200},
		{"/api/v1/suggest?q=" + esc("ลำ") + "&size=3", 200},
		{"/api/v1/search.csv?tool=hia", 200},
		{"/api/v1/search.jsonl?q=HIA", 200},
		{"/healthz", 200},
		{"/readyz", 200},
		{"/api/openapi.json", 200},
	}
	// An export is validated as text here, and line by line below.
	for _, tt := range targets {
		validateExchange(t, srv, router, http.MethodGet, tt.target, "", tt.status)
	}

	hit := doc.Components.Schemas["Hit"].Value
	rec = get(t, srv, "/api/v1/search.jsonl")
	n := 0
	for line := range strings.Lines(rec.Body.String()) {
		var v any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("search.jsonl line %d: %v", n+1, err)
		}
		if err := hit.VisitJSON(v); err != nil {
			t.Errorf("search.jsonl line %d does not match the Hit schema: %v", n+1, err)
		}
		n++
	}
	if n != len(testDocs) {
		t.Errorf("search.jsonl has %d lines, want %d", n, len(testDocs))
	}
}

// TestOpenAPICatchesDrift shows that the validation above can fail: a
// document missing a field the server sends rejects the real response.
func TestOpenAPICatchesDrift(t *testing.T) {
	srv, _ := newTestServer(t)
	ctx := t.Context()
	b, err := assets.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		t.Fatal(err)
	}
	delete(doc.Components.Schemas["Hit"].Value.Properties, "score")
	doc.Servers = nil
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "http://localhost/api/v1/search?q=HIA", nil)
	route, params, err := router.FindRoute(req)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: rec.Code, Header: rec.Header()}
	out.SetBodyBytes(rec.Body.Bytes())
	if err := openapi3filter.ValidateResponse(ctx, out); err == nil {
		t.Errorf("a document without Hit.score accepted a response with it")
	}
}

// openAPIRouter loads the OpenAPI document b, fails t unless it is valid,
// and returns it with a router over its paths. JSON Lines bodies are read as
// text until t ends (a test checks them line by line).
func openAPIRouter(t *testing.T, b []byte) (*openapi3.T, routers.Router) {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		t.Fatalf("load OpenAPI document: %v", err)
	}
	if err := doc.Validate(t.Context()); err != nil {
		t.Fatalf("OpenAPI document invalid: %v", err)
	}
	doc.Servers = nil // the document's server is relative ("/"); match on paths alone
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	openapi3filter.RegisterBodyDecoder("application/jsonl", openapi3filter.FileBodyDecoder)
	t.Cleanup(func() { openapi3filter.UnregisterBodyDecoder("application/jsonl") })
	return doc, router
}

// validateExchange sends method target (with a JSON body unless body is
// "") to srv and checks the answer's status against want, the request
// against the document when it should succeed, and the response always.
func validateExchange(t *testing.T, srv http.Handler, router routers.Router, method, target, body string, want int) {
	t.Helper()
	newReq := func() *http.Request {
		if body == "" {
			return httptest.NewRequest(method, "http://localhost"+target, nil)
		}
		req := httptest.NewRequest(method, "http://localhost"+target, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		return req
	}
	req := newReq()
	route, params, err := router.FindRoute(req)
	if err != nil {
		t.Errorf("%s %s: no route in the document: %v", method, target, err)
		return
	}
	opts := &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}
	if want < 400 {
		if err := openapi3filter.ValidateRequest(t.Context(), in); err != nil {
			t.Errorf("%s %s: request does not match the document: %v", method, target, err)
		}
		req = newReq() // ValidateRequest read the body
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != want {
		t.Errorf("%s %s = %d, want %d", method, target, rec.Code, want)
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: rec.Code, Header: rec.Header(), Options: opts}
	out.SetBodyBytes(rec.Body.Bytes())
	if err := openapi3filter.ValidateResponse(t.Context(), out); err != nil {
		t.Errorf("%s %s: response does not match the document: %v", method, target, err)
	}
}
