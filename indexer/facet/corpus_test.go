package facet_test

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/botrian/botrian/crawler"
	"github.com/botrian/botrian/indexer/facet"
)

var update = flag.Bool("update", false, "rewrite testdata/corpus.golden")

// truthRow is one line of testdata/corpus/truth.tsv.
type truthRow struct {
	file, style string
	provinces   []string
	year        int
	tools       []string
}

func readTruth(t *testing.T, path string) []truthRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no demo corpus truth: %v", err)
	}
	defer f.Close()
	var rows []truthRow
	sc := bufio.NewScanner(f)
	for n := 0; sc.Scan(); n++ {
		cols := strings.Split(sc.Text(), "\t")
		if n == 0 || len(cols) < 5 {
			continue
		}
		y, err := strconv.Atoi(cols[3])
		if err != nil {
			t.Fatalf("%s line %d: year %q: %v", path, n+1, cols[3], err)
		}
		rows = append(rows, truthRow{cols[0], cols[1], splitList(cols[2]), y, splitList(cols[4])})
	}
	return rows
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" && x != "-" {
			out = append(out, x)
		}
	}
	slices.Sort(out)
	return out
}

// withParents adds each tool's parent (chia, ehia → hia).
func withParents(ts []string) []string {
	out := slices.Clone(ts)
	for _, x := range ts {
		if ti, ok := facet.LookupTool(x); ok && ti.Parent != "" && !slices.Contains(out, string(ti.Parent)) {
			out = append(out, string(ti.Parent))
		}
	}
	slices.Sort(out)
	return out
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// TestCorpusGolden extracts every demo-corpus page through the real crawler
// and facet.Extract, compares the facets with testdata/corpus.golden, and
// measures primary province, year and primary tools against truth.tsv.
func TestCorpusGolden(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "corpus")
	rows := readTruth(t, filepath.Join(root, "truth.tsv"))
	var golden strings.Builder
	var okProv, okYear, okTools int
	for _, r := range rows {
		body, err := os.ReadFile(filepath.Join(root, r.file))
		if err != nil {
			t.Errorf("%s: %v", r.file, err)
			continue
		}
		doc, err := crawler.Extract("file:///corpus/"+r.file, body, "text/html; charset=utf-8")
		if err != nil {
			t.Errorf("crawler.Extract(%s): %v", r.file, err)
			continue
		}
		in := facet.Input{Site: doc.Site, Title: doc.Title, DateText: doc.DateText, DateMachine: doc.DateMachine,
			Tags: doc.Tags, Categories: doc.Categories, Project: doc.Project, Body: doc.Body}
		for _, s := range doc.Sections {
			in.Sections = append(in.Sections, facet.InputSection{Heading: s.Heading, Text: s.Text})
		}
		fx := facet.Extract(in)
		prov, tools := strs(fx.Provinces), strs(fx.Tools)
		slices.Sort(prov)
		slices.Sort(tools)
		var miss []string
		if slices.Equal(prov, r.provinces) {
			okProv++
		} else {
			miss = append(miss, fmt.Sprintf("provinces %v want %v", prov, r.provinces))
		}
		if fx.Year == r.year {
			okYear++
		} else {
			miss = append(miss, fmt.Sprintf("year %d want %d", fx.Year, r.year))
		}
		if slices.Equal(withParents(tools), withParents(r.tools)) {
			okTools++
		} else {
			miss = append(miss, fmt.Sprintf("tools %v want %v", tools, r.tools))
		}
		fmt.Fprintf(&golden, "%s\tprovinces=%s\tmentioned=%s\tyear=%d\tevents=%v\ttools=%s\tmentioned_tools=%s\tlevels=%s\torgs=%s\tsections=%v\n",
			r.file, strings.Join(prov, ","), strings.Join(strs(fx.MentionedProvinces), ","), fx.Year, fx.EventYears,
			strings.Join(tools, ","), strings.Join(strs(fx.MentionedTools), ","), strings.Join(fx.AssemblyLevels, ","), strings.Join(fx.Orgs, ","), fx.SectionKinds)
		if len(miss) > 0 {
			fmt.Fprintf(&golden, "  MISS %s: %s\n", r.file, strings.Join(miss, "; "))
		}
	}
	n := len(rows)
	pct := func(k int) float64 { return 100 * float64(k) / float64(max(n, 1)) }
	fmt.Fprintf(&golden, "\naccuracy over %d documents: province %d (%.0f%%), year %d (%.0f%%), tools %d (%.0f%%)\n",
		n, okProv, pct(okProv), okYear, pct(okYear), okTools, pct(okTools))
	t.Logf("accuracy over %d documents: province %.0f%%, year %.0f%%, tools %.0f%%", n, pct(okProv), pct(okYear), pct(okTools))

	path := filepath.Join("testdata", "corpus.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(golden.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if got := golden.String(); got != string(want) {
		t.Errorf("corpus facets differ from %s (run with -update after checking):\n%s", path, lineDiff(string(want), got))
	}
	for _, k := range []int{okProv, okYear, okTools} {
		if pct(k) < 90 {
			t.Errorf("accuracy below 90%%: province %.0f%%, year %.0f%%, tools %.0f%%", pct(okProv), pct(okYear), pct(okTools))
			break
		}
	}
}

// lineDiff lists the lines of got that are not in want, and back.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for _, l := range wl {
		if !slices.Contains(gl, l) {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range gl {
		if !slices.Contains(wl, l) {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
