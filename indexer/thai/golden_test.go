package thai

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var show = flag.Bool("show", false, "print the shared seeds' sentences cut with '|' (TestSeedCuts)")

// compareLines reports every line where got and the golden file at path
// differ; with -update it rewrites the file instead.
func compareLines(t *testing.T, path, got, hint string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			t.Errorf("%s line %d: got %q, want %q", path, i+1, g[i], w[i])
		}
	}
	if len(g) != len(w) {
		t.Errorf("%s: %d lines, want %d (%s)", path, len(g), len(w), hint)
	}
}

// TestGolden compares the cut of testdata/sentences.txt (our own text)
// with testdata/segment.golden, one sentence a line with '|' between
// tokens, for a Thai reader to review (-update rewrites it).
func TestGolden(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "sentences.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sentences, err := ReadWords(f)
	if err != nil {
		t.Fatal(err)
	}
	s := Default()
	var b strings.Builder
	for _, sent := range sentences {
		b.WriteString(cut(s, sent))
		b.WriteByte('\n')
	}
	compareLines(t, filepath.Join("testdata", "segment.golden"), b.String(), "go test -run ^TestGolden$ -update")
}

// seedSentences returns the Thai sentences of the shared seed pages (Thai
// separates sentences and clauses with a space), in order, without repeats.
// The seeds are third-party text: tests read them from ../shared and the
// repository keeps only fingerprints of them.
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

// fingerprint names a sentence without storing it: the first 12 hex
// digits of its SHA-256.
func fingerprint(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:6])
}

// cutOffsets returns the rune offsets of the cuts inside text, separated
// by spaces.
func cutOffsets(s *Segmenter, text string) string {
	var b strings.Builder
	toks := s.Segment(text)
	runes := 0
	for i, t := range toks {
		runes += utf8.RuneCountInString(text[t.Start:t.End])
		if i+1 < len(toks) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Itoa(runes))
		}
	}
	return b.String()
}

// TestSeedCuts compares the cut of every seed sentence with
// testdata/seed_cuts.golden, which holds per sentence its fingerprint and
// the rune offsets of its cuts, so that a changed cut fails without the
// repository holding the seeds' text. -update rewrites the file; -show
// prints the sentences cut with '|' for review.
func TestSeedCuts(t *testing.T) {
	sentences := seedSentences(t)
	s := Default()
	var b strings.Builder
	b.WriteString("# fingerprint (SHA-256[:12] of a ../shared/seeds sentence) and rune offsets of its cuts\n")
	for _, sent := range sentences {
		fmt.Fprintf(&b, "%s %s\n", fingerprint(sent), cutOffsets(s, sent))
	}
	if *show {
		w := bufio.NewWriter(os.Stdout)
		for _, sent := range sentences {
			fmt.Fprintf(w, "%s %s\n", fingerprint(sent), cut(s, sent))
		}
		w.Flush()
	}
	compareLines(t, filepath.Join("testdata", "seed_cuts.golden"), b.String(), "go test -run ^TestSeedCuts$ -update")
}

func TestCutOffsets(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"สุขภาพ", ""},
		{"สมัชชาสุขภาพจังหวัดลำพูน ปี", "19 24 25"},
	}
	for _, tt := range tests {
		if got := cutOffsets(Default(), tt.in); got != tt.want {
			t.Errorf("cutOffsets(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
