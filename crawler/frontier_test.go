package crawler

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFrontierRecoversFetching(t *testing.T) {
	path := filepath.Join(t.TempDir(), CrawlDBFile)
	fr, err := openFrontier(path)
	if err != nil {
		t.Fatal(err)
	}
	es := []entry{{Key: "http://a.org/1", URL: "http://a.org/1/"}, {Key: "http://a.org/2", URL: "http://a.org/2"}, {Key: "http://a.org/1", URL: "http://a.org/1"}}
	if n, err := fr.add(es); err != nil || n != 2 {
		t.Fatalf("add = %d, %v, want 2 (one duplicate)", n, err)
	}
	it, ok, err := fr.next()
	if err != nil || !ok || it.Key != "http://a.org/1" || it.URL != "http://a.org/1/" {
		t.Fatalf("next = %+v, %v, %v, want http://a.org/1 with its fetch URL", it, ok, err)
	}
	// The process dies here, between taking the URL and finishing it.
	fr.close()
	fr, err = openFrontier(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fr.close()
	var order []string
	for {
		it, ok, err := fr.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		order = append(order, it.Key)
		if _, _, err := fr.finishAll([]result{{it: it, links: []entry{{Key: "http://a.org/2", URL: "http://a.org/2"}}, requested: true}}); err != nil {
			t.Fatal(err)
		}
	}
	if want := []string{"http://a.org/1", "http://a.org/2"}; !cmp.Equal(order, want) {
		t.Errorf("after reopen the queue gave %q, want %q (recovered first, nothing twice)", order, want)
	}
	if n, _ := fr.fetched(); n != 2 {
		t.Errorf("fetched = %d, want 2", n)
	}
}

// TestCrawlChild is the crawl run by TestCrawlSIGKILL in a child process.
func TestCrawlChild(t *testing.T) {
	dir, base := os.Getenv("BOTRIAN_CHILD_DIR"), os.Getenv("BOTRIAN_CHILD_URL")
	if dir == "" {
		t.Skip("run by TestCrawlSIGKILL")
	}
	clock := newFakeClock()
	cfg := testConfig(&fakeSite{Server: &httptest.Server{URL: base}}, dir, clock)
	cfg.Seeds = []string{base + "/"}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	c.Run(context.Background()) // killed before it returns
}

// TestCrawlSIGKILL kills a crawling process with SIGKILL in the middle of a
// fetch, twice, then finishes the crawl and compares the documents with an
// uninterrupted crawl's.
func TestCrawlSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	site := newFakeSite(t)
	full := t.TempDir()
	crawl(t, testConfig(site, full, newFakeClock()), context.Background())
	want := docSet(t, site, full)

	dir := t.TempDir()
	for _, killAt := range []int{4, 9} {
		site.mu.Lock()
		site.fails = map[string]int{"/posts/202": 1, "/posts/203": 1}
		site.mu.Unlock()
		var once sync.Once
		kill := make(chan struct{})
		n := 0
		site.mu.Lock()
		site.hook = func(r *http.Request) {
			path := r.URL.Path
			site.mu.Lock()
			n++
			hit := n >= killAt && (strings.Contains(path, "/archives/") || strings.HasPrefix(path, "/posts/"))
			site.mu.Unlock()
			if hit {
				once.Do(func() { close(kill) })
				<-r.Context().Done() // hold the request open until the client dies
			}
		}
		site.mu.Unlock()
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrawlChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "BOTRIAN_CHILD_DIR="+dir, "BOTRIAN_CHILD_URL="+site.URL)
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-kill:
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			<-done
		case err := <-done:
			t.Fatalf("child crawl ended (%v) before the kill point %d:\n%s", err, killAt, out.String())
		}
		site.mu.Lock()
		site.hook = nil
		site.mu.Unlock()
	}
	crawl(t, testConfig(site, dir, newFakeClock()), context.Background())
	if diff := cmp.Diff(want, docSet(t, site, dir)); diff != "" {
		t.Errorf("documents after two SIGKILLs and a rerun (-uninterrupted +killed):\n%s", diff)
	}
}

// next takes the first URL from the queue and marks it fetching. ok is false
// when the queue is empty.
func (f *frontier) next() (it item, ok bool, err error) {
	its, err := f.nextN(1)
	if err != nil || len(its) == 0 {
		return item{}, false, err
	}
	return its[0], true, nil
}
