package facet

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// heldoutDoc is one file of testdata/heldout: short field reports written by
// us, with the facts a careful reader expects, written before the extractor
// was run on them (and never tuned per text).
type heldoutDoc struct {
	name      string
	in        Input
	provinces []string
	year      int
	tools     []string
	absent    []string // provinces or tools that must be in neither set
}

func readHeldout(t testing.TB) []heldoutDoc {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "heldout", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no held-out texts: %v", err)
	}
	var docs []heldoutDoc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		head, body, ok := strings.Cut(string(b), "\n---\n")
		if !ok {
			t.Fatalf("%s: no --- line", f)
		}
		d := heldoutDoc{name: filepath.Base(f), in: Input{Body: strings.TrimSpace(body)}}
		for _, line := range strings.Split(head, "\n") {
			k, v, _ := strings.Cut(line, ":")
			v = strings.TrimSpace(v)
			switch k {
			case "site":
				d.in.Site = v
			case "title":
				d.in.Title = v
			case "date":
				d.in.DateText = v
			case "tags":
				if v != "" {
					d.in.Tags = strings.Split(v, "|")
				}
			case "want-provinces":
				d.provinces = splitComma(v)
			case "want-year":
				if d.year, err = strconv.Atoi(v); err != nil {
					t.Fatalf("%s: want-year %q: %v", f, v, err)
				}
			case "want-tools":
				d.tools = withParentTools(splitComma(v))
			case "want-absent":
				d.absent = splitComma(v)
			default:
				t.Fatalf("%s: unknown header %q", f, line)
			}
		}
		docs = append(docs, d)
	}
	return docs
}

func splitComma(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	slices.Sort(out)
	return out
}

func withParentTools(ts []string) []string {
	out := slices.Clone(ts)
	for _, x := range ts {
		if ti, ok := Tool(x).Info(); ok && ti.Parent != "" && !slices.Contains(out, string(ti.Parent)) {
			out = append(out, string(ti.Parent))
		}
	}
	slices.Sort(out)
	return out
}

func sortedStrings[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	slices.Sort(out)
	return out
}

// TestHeldout measures primary province, year and primary tools on texts
// the extractor was not tuned on; each facet must be right for at least 90%
// of them. A province or tool listed as absent that shows up (primary or
// mentioned) makes that facet wrong for the text.
func TestHeldout(t *testing.T) {
	docs := readHeldout(t)
	var okProv, okYear, okTools int
	for _, d := range docs {
		fx := Extract(d.in)
		prov, tools := sortedStrings(fx.Provinces), withParentTools(sortedStrings(fx.Tools))
		all := slices.Concat(prov, sortedStrings(fx.MentionedProvinces), tools, sortedStrings(fx.MentionedTools))
		var leaked []string
		for _, a := range d.absent {
			if slices.Contains(all, a) {
				leaked = append(leaked, a)
			}
		}
		isTool := func(s string) bool { _, ok := Tool(s).Info(); return ok }
		var miss []string
		if slices.Equal(prov, d.provinces) && !slices.ContainsFunc(leaked, func(s string) bool { return !isTool(s) }) {
			okProv++
		} else {
			miss = append(miss, fmt.Sprintf("provinces %v (mentioned %v), want %v", prov, fx.MentionedProvinces, d.provinces))
		}
		if fx.Year == d.year {
			okYear++
		} else {
			miss = append(miss, fmt.Sprintf("year %d, want %d", fx.Year, d.year))
		}
		if slices.Equal(tools, d.tools) && !slices.ContainsFunc(leaked, isTool) {
			okTools++
		} else {
			miss = append(miss, fmt.Sprintf("tools %v (mentioned %v), want %v", tools, fx.MentionedTools, d.tools))
		}
		if len(leaked) > 0 {
			miss = append(miss, fmt.Sprintf("found %v, want absent", leaked))
		}
		if len(miss) > 0 {
			t.Logf("MISS %s: %s", d.name, strings.Join(miss, "; "))
		}
	}
	n := len(docs)
	pct := func(k int) float64 { return 100 * float64(k) / float64(n) }
	t.Logf("held-out accuracy over %d texts: province %d (%.0f%%), year %d (%.0f%%), tools %d (%.0f%%)",
		n, okProv, pct(okProv), okYear, pct(okYear), okTools, pct(okTools))
	if n < 30 {
		t.Errorf("only %d held-out texts, want at least 30", n)
	}
	for _, k := range []int{okProv, okYear, okTools} {
		if pct(k) < 90 {
			t.Errorf("held-out accuracy below 90%%: province %.0f%%, year %.0f%%, tools %.0f%%", pct(okProv), pct(okYear), pct(okTools))
			break
		}
	}
}

// BenchmarkExtractHeldout extracts the held-out texts: short, realistic
// documents rather than one long repeated paragraph.
func BenchmarkExtractHeldout(b *testing.B) {
	docs := readHeldout(b)
	var n int64
	for _, d := range docs {
		n += int64(len(d.in.Title) + len(d.in.Body))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			Extract(d.in)
		}
	}
}
