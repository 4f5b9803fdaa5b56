package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/botrian/botrian"
	"github.com/botrian/botrian/indexer"
	"github.com/botrian/botrian/search"
)

func TestSearchCommand(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	for _, d := range []botrian.Document{
		{ID: "a", URL: "https://example.org/a", Site: "areahpp", Title: "สมัชชาสุขภาพจังหวัดลำพูน", DateMachine: "2015-01-20", Body: "เวทีสมัชชาสุขภาพจังหวัดลำพูน เรื่องการจัดการขยะ <ชุมชน>"},
		{ID: "b", URL: "https://example.org/b", Site: "gotoknow", Title: "ธรรมนูญสุขภาพตำบล จังหวัดชุมพร", DateMachine: "2008-09-28", Body: "ชาวบ้านจังหวัดชุมพรจัดทำธรรมนูญสุขภาพตำบล"},
	} {
		if err := botrian.WriteDocument(&buf, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "documents.jsonl"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := indexer.Build(context.Background(), filepath.Join(dir, "documents.jsonl"), filepath.Join(dir, "index.bleve"), indexer.Config{}); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"search", "--data", dir, "--json", "--province", "ลำพูน", "ขยะ"}, nil, &out, &errOut); err != nil {
		t.Fatalf("search --json: %v (%s)", err, errOut.String())
	}
	var resp search.Response
	if err := json.Unmarshal(out.Bytes(), &resp); err != nil {
		t.Fatalf("search --json printed %q: %v", out.String(), err)
	}
	if resp.Total != 1 || len(resp.Hits) != 1 || resp.Hits[0].ID != "a" || !strings.Contains(resp.Hits[0].Snippet, "<mark>ขยะ</mark>") {
		t.Errorf("search --json = %+v, want hit a with ขยะ marked", resp)
	}
	if !bytes.Contains(out.Bytes(), []byte(`\u003cmark\u003e`)) {
		t.Errorf("search --json does not escape HTML as the API (echo c.JSON) does: %s", out.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"search", "--data", dir, "ขยะ"}, nil, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "[ขยะ]") || !strings.Contains(out.String(), "<ชุมชน>") || !strings.Contains(out.String(), "ลำพูน · 2558 (2015)") {
		t.Errorf("search output:\n%s\nwant the hit with [ขยะ], unescaped text and province/year", out.String())
	}
	errOut.Reset()
	if err := run(context.Background(), []string{"search", "--data", dir, "--province", "Atlantis", "x"}, nil, &out, &errOut); err != errUsage || !strings.Contains(errOut.String(), "province") {
		t.Errorf("search --province Atlantis = %v (%s), want a usage error naming the parameter", err, errOut.String())
	}
}
