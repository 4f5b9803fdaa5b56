package main

import (
	"errors"
	"io/fs"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/botrian/botrian"
)

// TestDemo runs the README's first command end to end: demo indexes every
// page of the bundled corpus into a temporary directory, serves it, answers
// the README's example query, and removes the directory when stopped.
func TestDemo(t *testing.T) {
	pages, err := fs.Glob(botrian.DemoCorpus, "testdata/corpus/*/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatalf("demo corpus pages: %d, %v", len(pages), err)
	}
	base, w, stop := startRun(t, "demo", "--addr", "127.0.0.1:0")
	stopped := false
	defer func() {
		if !stopped {
			stop()
		}
	}()

	var res apiSearch
	getJSON(t, base+"/api/v1/search?size=1", &res)
	if res.Total != len(pages) {
		t.Errorf("demo: empty query total %d, want %d (one per page)", res.Total, len(pages))
	}
	res = apiSearch{}
	getJSON(t, base+"/api/v1/search?q="+url.QueryEscape("สมัชชาสุขภาพจังหวัด")+"&province="+url.QueryEscape("ลำพูน")+"&year=2558", &res)
	if len(res.Hits) == 0 || res.Hits[0].URL != "file:///botrian-demo/testdata/corpus/areahpp/lamphun-assembly-2558.html" {
		t.Errorf("demo: README query hits %+v, want areahpp/lamphun-assembly-2558.html first", res.Hits)
	}

	stopped = true
	if err := stop(); err != nil {
		t.Errorf("demo: %v", err)
	}
	m := regexp.MustCompile(`into (\S+)\n`).FindStringSubmatch(w.String())
	if m == nil {
		t.Fatalf("demo did not say where it indexed:\n%s", w.String())
	}
	if _, err := os.Stat(m[1]); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(m[1], "botrian-demo-") {
		t.Errorf("after demo stopped, Stat(%s) = %v, want its temporary directory removed", m[1], err)
	}
}
