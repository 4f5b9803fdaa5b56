package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// sharedDir returns ../shared beside the repository, or skips the test.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root not found")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "seeds")); err != nil {
		t.Skipf("no ../shared/seeds beside the repository: %v", err)
	}
	return shared
}

// urlWriter collects output and announces the first http:// URL printed.
type urlWriter struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	found chan string
	sent  bool
}

var printedURL = regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+`)

func (w *urlWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if !w.sent {
		if u := printedURL.FindString(w.buf.String()); u != "" {
			w.sent = true
			w.found <- u
		}
	}
	return len(p), nil
}

func (w *urlWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

type apiHit struct {
	ID        string   `json:"id"`
	URL       string   `json:"url"`
	Title     string   `json:"title"`
	Provinces []string `json:"provinces"`
}

// startRun runs a serving command (serve, demo) in the background and
// returns the URL it prints and its output. stop shuts it down as Ctrl-C
// would and returns the command's error.
func startRun(t *testing.T, args ...string) (base string, w *urlWriter, stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	w = &urlWriter{found: make(chan string, 1)}
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, nil, w, w) }()
	select {
	case base = <-w.found:
	case err := <-done:
		cancel()
		t.Fatalf("%s ended before printing its URL: %v\n%s", args[0], err, w.String())
	}
	return base, w, func() error {
		cancel()
		return <-done
	}
}

type apiSearch struct {
	Total int      `json:"total"`
	Hits  []apiHit `json:"hits"`
}

func getJSON(t *testing.T, u string, v any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", u, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: decode: %v", u, err)
	}
}

// TestAcceptance runs the seeds through import, index and serve, and checks
// the HTTP API the way the Foundation issue states it.
func TestAcceptance(t *testing.T) {
	shared := sharedDir(t)
	seeds, err := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	data := t.TempDir()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var out, errOut bytes.Buffer
	if err := run(ctx, append([]string{"import", "--data", data}, seeds...), nil, &out, &errOut); err != nil {
		t.Fatalf("import: %v\n%s", err, errOut.String())
	}
	if err := run(ctx, []string{"index", "--data", data}, nil, &out, &errOut); err != nil {
		t.Fatalf("index: %v\n%s", err, errOut.String())
	}

	base, _, stop := startRun(t, "serve", "--data", data, "--addr", "127.0.0.1:0")
	defer func() {
		if err := stop(); err != nil {
			t.Errorf("serve: %v", err)
		}
	}()

	var res apiSearch
	getJSON(t, base+"/api/v1/search?q="+url.QueryEscape("สมัชชาสุขภาพจังหวัดลำพูน"), &res)
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].URL, "000_0b1d521c750c4845") {
		t.Errorf("search สมัชชาสุขภาพจังหวัดลำพูน: first hit %+v, want seed 000", res.Hits)
	}

	res = apiSearch{}
	getJSON(t, base+"/api/v1/search?province="+url.QueryEscape("ชุมพร"), &res)
	found := false
	for _, h := range res.Hits {
		found = found || strings.Contains(h.URL, "004_0d1106e7989872cd")
	}
	if !found {
		t.Errorf("province=ชุมพร: hits %+v, want seed 004 among them", res.Hits)
	}

	res = apiSearch{}
	getJSON(t, base+"/api/v1/search?size=50", &res)
	if res.Total != len(seeds) {
		t.Errorf("empty query: total %d, want %d (one per seed)", res.Total, len(seeds))
	}
	onlyCircle := regexp.MustCompile(`(?m)^\s*circle\s*$`)
	for _, h := range res.Hits {
		var doc struct {
			Document struct {
				Body string `json:"body"`
			} `json:"document"`
		}
		getJSON(t, base+"/api/v1/documents/"+h.ID, &doc)
		body := doc.Document.Body
		if body == "" {
			t.Errorf("document %s (%s): empty body", h.ID, h.URL)
		}
		for _, bad := range []string{"BIGtheme.net", "Check Also", "@gotoknow", "ClassStart"} {
			if strings.Contains(body, bad) {
				t.Errorf("document %s (%s): body contains boilerplate %q", h.ID, h.URL, bad)
			}
		}
		if onlyCircle.MatchString(body) {
			t.Errorf("document %s (%s): body has a line that is only \"circle\"", h.ID, h.URL)
		}
	}
}
