package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

func TestCrawlUsage(t *testing.T) {
	tests := []struct {
		args []string
		want error
	}{
		{[]string{"crawl"}, errUsage},
		{[]string{"crawl", "--seed", "http://127.0.0.1/", "extra"}, errUsage},
		{[]string{"crawl", "--seed", "http://127.0.0.1/", "--concurrency", "0"}, errUsage},
		{[]string{"crawl", "--seed", "http://127.0.0.1/", "--rate", "0"}, errUsage},
		{[]string{"crawl", "--seed", "http://127.0.0.1/", "--log-format", "xml"}, errUsage},
		{[]string{"crawl", "-h"}, flag.ErrHelp},
		{[]string{"extract", "extra"}, errUsage},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		if err := run(t.Context(), tt.args, nil, &out, &errOut); !errors.Is(err, tt.want) {
			t.Errorf("run(%q) = %v, want %v", tt.args, err, tt.want)
		}
	}
}

// TestCrawlThenExtract crawls a two-page local site through the command,
// then re-extracts without fetching: both give the one article.
func TestCrawlThenExtract(t *testing.T) {
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<html><body><a href="/posts/7">บันทึก</a></body></html>`)
		case "/posts/7":
			fmt.Fprint(w, `<html><body><h1>บันทึกทดสอบ</h1><div class="post-body"><p>เนื้อหาของบันทึกที่เจ็ด</p></div>
<div>หมายเลขบันทึก: 7 เขียนเมื่อ 1 มกราคม 2009 10:00 น. ()</div><div>ความเห็น (0)</div></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	data := t.TempDir()
	var out, errOut bytes.Buffer
	if err := run(t.Context(), []string{"crawl", "--allow-private", "--rate", "1000", "--seed", srv.URL + "/", "--data", data}, nil, &out, &errOut); err != nil {
		t.Fatalf("crawl: %v\n%s", err, errOut.String())
	}
	docs := filepath.Join(data, "documents.jsonl")
	first, err := os.ReadFile(docs)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(first), "\n"); n != 1 || !strings.Contains(string(first), "เนื้อหาของบันทึกที่เจ็ด") {
		t.Fatalf("documents.jsonl after crawl = %s, want the one article", first)
	}
	if err := os.Remove(docs); err != nil {
		t.Fatal(err)
	}
	before := requests.Load()
	out.Reset()
	if err := run(t.Context(), []string{"extract", "--data", data}, nil, &out, &errOut); err != nil {
		t.Fatalf("extract: %v\n%s", err, errOut.String())
	}
	again, err := os.ReadFile(docs)
	if err != nil {
		t.Fatal(err)
	}
	if requests.Load() != before || strings.Count(string(again), "\n") != 1 || !strings.Contains(string(again), "เนื้อหาของบันทึกที่เจ็ด") {
		t.Errorf("extract sent %d requests and wrote %s, want none and the one article", requests.Load()-before, again)
	}
	if !strings.Contains(out.String(), "extracted 1 documents") {
		t.Errorf("extract printed %q, want the count", out.String())
	}
}
