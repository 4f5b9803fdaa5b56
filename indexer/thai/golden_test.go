package thai

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedSentences returns the Thai sentences of the shared seed pages (Thai
// separates sentences and clauses with a space), in order, without repeats.
func seedSentences(t *testing.T) []string {
	t.Helper()
	dir := sharedDir(t)
	if dir == "" {
		t.Skip("../shared not present")
	}
	files, err := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skip("no seeds in ../shared/seeds")
	}
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range strings.Fields(string(b)) {
			if !seen[s] && strings.ContainsFunc(s, func(r rune) bool { return classify(r) == cThai }) {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// TestGolden compares the cut of the seeds' sentences with
// testdata/segment.golden, one sentence a line (-update rewrites it).
func TestGolden(t *testing.T) {
	s := Default()
	var b strings.Builder
	for _, sent := range seedSentences(t) {
		b.WriteString(cut(s, sent))
		b.WriteByte('\n')
	}
	path := filepath.Join("testdata", "segment.golden")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, wantLines := strings.Split(b.String(), "\n"), strings.Split(string(want), "\n")
	for i := range min(len(got), len(wantLines)) {
		if got[i] != wantLines[i] {
			t.Errorf("line %d: Segment = %q, want %q", i+1, got[i], wantLines[i])
		}
	}
	if len(got) != len(wantLines) {
		t.Errorf("%d lines, want %d (go test -run TestGolden -update)", len(got), len(wantLines))
	}
}
