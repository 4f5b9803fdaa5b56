package crawler

import (
	"errors"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCrawlBinarySIGKILL builds botrian, crawls the unseen site with it as a
// child process, kills the child with SIGKILL at three points (two while a
// request is held open, one while it runs free), runs it again to the end,
// and compares documents.jsonl with an uninterrupted crawl's: the same IDs,
// URLs, alternates and bodies.
func TestCrawlBinarySIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds botrian and starts child processes")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH to build botrian")
	}
	bin := filepath.Join(t.TempDir(), "botrian")
	if out, err := exec.Command(goTool, "build", "-o", bin, "github.com/botrian/botrian/cmd/botrian").CombinedOutput(); err != nil {
		if !strings.Contains(string(out), "crawl") {
			// Another package of the shared tree is broken for a moment.
			t.Skipf("botrian does not build for a reason outside the crawler: %v\n%s", err, out)
		}
		t.Fatalf("go build botrian: %v\n%s", err, out)
	}
	site := newUnseenSite(t, false, 0)
	start := func(dir string) (*exec.Cmd, *strings.Builder) {
		cmd := exec.Command(bin, "crawl", "--allow-private", "--seed", site.URL+"/", "--data", dir,
			"--rate", "1000", "--concurrency", "3", "--log-format", "json")
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, &out
	}
	full := t.TempDir()
	cmd, out := start(full)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("uninterrupted crawl: %v\n%s", err, out)
	}
	want := unseenDocSet(t, site.URL, full)
	if len(want) != len(unseenArticles)-1 {
		t.Fatalf("uninterrupted crawl gave %d documents, want %d", len(want), len(unseenArticles)-1)
	}

	dir := t.TempDir()
	for _, kill := range []struct {
		at   int  // the child's request number that triggers the kill
		hold bool // hold that request open until the child dies
	}{{6, true}, {14, false}, {22, true}} {
		trigger := make(chan struct{})
		var once sync.Once
		n := 0
		site.mu.Lock()
		site.hook = func(r *http.Request) {
			site.mu.Lock()
			n++
			hit := n >= kill.at
			site.mu.Unlock()
			if !hit {
				return
			}
			once.Do(func() { close(trigger) })
			if kill.hold {
				<-r.Context().Done()
			}
		}
		site.mu.Unlock()
		cmd, out := start(dir)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-trigger:
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil && !errors.Is(err, os.ErrProcessDone) {
				t.Fatal(err)
			}
			if err := <-done; err == nil {
				t.Logf("kill at request %d: the child finished first", kill.at)
			}
		case err := <-done:
			t.Fatalf("child crawl ended (%v) before request %d:\n%s", err, kill.at, out)
		}
		site.mu.Lock()
		site.hook = nil
		site.mu.Unlock()
		fr, err := openFrontier(filepath.Join(dir, CrawlDBFile))
		if err != nil {
			t.Fatalf("crawl.db after the kill at request %d: %v", kill.at, err)
		}
		queued, err := fr.queueLen()
		fr.close()
		if err != nil || (kill.hold && queued == 0) {
			t.Fatalf("after the kill at request %d: %d queued, %v; want a partial crawl", kill.at, queued, err)
		}
	}
	cmd, out = start(dir)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("resumed crawl: %v\n%s", err, out)
	}
	if diff := cmp.Diff(want, unseenDocSet(t, site.URL, dir)); diff != "" {
		t.Errorf("documents after three SIGKILLs and a rerun (-uninterrupted +killed):\n%s", diff)
	}
}
